"""SL502 pupil-photo-shared: a photo of pupils given to social sharing, search or feeds.

Reads the site's photos (checks/site_photos.py): each share is an `og:image`, `twitter:image`,
JSON-LD image or SEO front matter image of a page, an image sitemap entry, a feed enclosure or
`media:content`, or a web app manifest icon or screenshot (pages/shares.py, pages/feeds.py).
The finding is on the line that shares it, the photo's path is its value.
"""

from __future__ import annotations

from ..finding import Finding
from .site_photos import SiteSubject

CODES = ("SL502",)
READS = "run"


def check(subject, ctx):
    if not isinstance(subject, SiteSubject):
        return
    for photo in subject.photos.values():
        if not photo.pupils:
            continue
        for share in photo.shared:
            if share.page in subject.in_run:
                yield Finding("SL502", share.page,
                              f"gives a photo of pupils ({photo.pupils}) to other sites "
                              f"({share.kind})", line=share.line, field=share.kind, value=photo.path)
