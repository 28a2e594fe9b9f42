"""WordPress exports (WXR, "WordPress eXtended RSS" 1.0-1.2: RSS 2.0 with the
`http://wordpress.org/export/1.x/` namespace), read as a page for the name rules.

Tools > Export writes one file holding every post and page as HTML (`content:encoded`), and every
media item as an `attachment` item: its URL (`wp:attachment_url`), caption (`excerpt:encoded`)
and alt text (the `_wp_attachment_image_alt` post meta). Uploaded with a site, or left in a
theme's folder, it publishes all of them, drafts and private posts too. So each item's HTML is read
by the HTML reader (html.scan) at the line it starts on in the export, and each attachment
becomes an image with its alt text and caption: the name rules (SL302, SL303) see the same texts
a visitor of the WordPress site saw, with the export's line numbers.

The images it names are not shown by the export itself: none has a repository path (`target`),
and the page has no references, so rules about what a page shows (SL202, SL304, SL501) are not
fed by it. Its words are not edited (`editable` False: an edit of the HTML inside CDATA is left
to a person, or to WordPress).

Claimed by name: `*.xml` with "wordpress" in the file name, as WordPress names an export
(`site.WordPress.2024-05-20.xml`); an export renamed (`export.xml`) is found by its root element and
namespace when read as XML (feeds.read_xml). Errors: PageError (SL002) for a file so named that is not
well-formed XML, or not a WXR, or larger than MAX_BYTES.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..formats.package import xml_parser
from .model import Page, PageError, PageImage, TextSpan

MAX_BYTES = 256 << 20          # a large school site's export; lxml's tree of it stays within a few times that
_WP = "http://wordpress.org/export/"
_VERSION = re.compile(r"http://wordpress\.org/export/1\.\d+/")     # the wp: namespace (not excerpt:'s)
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def claims(relpath: str) -> bool:
    name = relpath.rpartition("/")[2].lower()
    return name.endswith(".xml") and "wordpress" in name


def read(relpath: str, data: bytes, root: Path | None = None) -> Page:
    from lxml import etree

    if len(data) > MAX_BYTES:
        raise PageError(f"{relpath}: a WordPress export of {len(data) / 2**20:.0f} MB, more than the "
                        f"{MAX_BYTES >> 20} MB schoollint reads; not checked")
    try:
        tree = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as exc:
        raise PageError(f"{relpath}: a WordPress export that is not well-formed XML ({exc.msg}); not checked") from None
    if export_version(tree) is None:
        raise PageError(f"{relpath}: named as a WordPress export, but it is not one (no {_WP} namespace); "
                        "not checked")
    return read_tree(relpath, tree, root)


def export_version(tree) -> str | None:
    """The `wp:` namespace of an export's `rss` root element (a WXR by any file name: feeds.read_xml asks),
    None when the XML is no WordPress export."""
    if tree.tag != "rss":
        return None
    return next((uri for uri in (tree.nsmap or {}).values() if uri and _VERSION.fullmatch(uri)), None)


def read_tree(relpath: str, tree, root: Path | None = None) -> Page:
    """The page an export's parsed tree (export_version not None) is: its posts' photos and its media items."""
    from .html import scan

    version = export_version(tree) or _WP
    wp, excerpt = "{" + version + "}", "{" + version + "excerpt/}encoded"
    images: list[PageImage] = []
    for item in tree.iter("item"):
        content = item.find(_CONTENT)
        if content is not None and (content.text or "").strip():
            images.extend(replace(image, target=None) for image in scan(content.text, relpath, root,
                                                                        first_line=content.sourceline).images)
        url = item.find(wp + "attachment_url")
        if url is not None and (url.text or "").strip():
            images.append(_attachment(item, url, wp, excerpt))
    return Page(relpath, tuple(images), editable=False)


def _attachment(item, url, wp: str, excerpt: str) -> PageImage:
    """A media item as an image: its alt text (post meta) and caption (the excerpt)."""
    alt = alt_line = None
    for meta in item.iter(wp + "postmeta"):
        if (meta.findtext(wp + "meta_key") or "").strip() == "_wp_attachment_image_alt":
            value = meta.find(wp + "meta_value")
            alt, alt_line = (value.text or "").strip() or None, value.sourceline
    caption = item.find(excerpt)
    captions = (TextSpan(caption.text.strip(), caption.sourceline, "caption"),) \
        if caption is not None and (caption.text or "").strip() else ()
    return PageImage(url.text.strip(), None, url.sourceline, alt=alt, alt_line=alt_line, captions=captions)
