"""SL501 pupil-photo-public: a photo of pupils shown by a page outside the site's protected area.

On only when the configuration lists `protected:` globs (source paths or URL path prefixes the
site serves behind a login). Reads the site's photos (checks/site_photos.py), which say why a
photo is of pupils; the finding is on the page line that shows it, the photo's path is its value.
"""

from __future__ import annotations

from ..finding import Finding
from .site_photos import SiteSubject

CODES = ("SL501",)
READS = "run"


def check(subject, ctx):
    if not isinstance(subject, SiteSubject) or not subject.protected:
        return
    for photo in subject.photos.values():
        if not photo.pupils:
            continue
        for showing in photo.shown:
            if showing.protected or showing.page not in subject.in_run or showing.page in photo.named_on:
                continue        # (named_on: SL601 reports the photo there, by the first name it gives)
            yield Finding("SL501", showing.page,
                          f"shows a photo of pupils ({photo.pupils}) on a page outside the "
                          "protected area", line=showing.line, field="image", value=photo.path)
