"""Sitemaps, feeds and web app manifests: files that hand a site's images to search engines, feed
readers and app launchers (SL502). Each is a page language (`registry.LANGUAGES`) with shares and no images.

- Image sitemaps (Google's sitemap-image 1.1 extension of sitemaps.org 0.9): every `image:loc`.
- RSS 2.0 `<enclosure url>` (RSS 2.0 specification, "<enclosure> sub-element of <item>"), Media RSS
  `media:content`/`media:thumbnail` `url` (Media RSS 1.5.1), Atom `<link rel="enclosure" href>`
  (RFC 4287 section 4.2.7.2).
- Web app manifests (W3C Web Application Manifest, "icons" and "screenshots" members): each `src`,
  relative to the manifest.

XML is untrusted: parsed by lxml with entities left unexpanded, no DTD loaded and nothing fetched
(`formats.package.xml_parser`, as Office documents are), within the registry's size bound. A
sitemap or feed a site generator fills in from a template (Jekyll's `feed.xml` with Liquid) is not
XML until it is built: its images come from the pages' front matter, read there, so it adds none.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..formats.package import xml_parser
from .model import Page, PageError, Share
from .shares import target_of
from .data_errors import json_problem
from .templates import is_templated

SITEMAP_SUFFIXES = ("sitemap.xml",)
FEED_SUFFIXES = ("feed.xml", "rss.xml", "atom.xml", "index.xml", ".rss", ".atom")
MANIFEST_SUFFIXES = (".webmanifest", "manifest.json")
SHARE_FILE_SUFFIXES = SITEMAP_SUFFIXES + FEED_SUFFIXES + MANIFEST_SUFFIXES
IMAGE_SITEMAP = "{http://www.google.com/schemas/sitemap-image/1.1}"
MEDIA_RSS = "{http://search.yahoo.com/mrss/}"
ATOM = "{http://www.w3.org/2005/Atom}"
# Feed elements that carry an image, and the attribute holding its URL.
FEED_IMAGES = {"enclosure": ("url", "RSS enclosure"), f"{MEDIA_RSS}content": ("url", "media:content"),
               f"{MEDIA_RSS}thumbnail": ("url", "media:thumbnail")}
MANIFEST_MEMBERS = ("icons", "screenshots")


def _tree(relpath: str, data: bytes):
    """The XML document's root element; None for a template; PageError for XML that does not parse."""
    from lxml import etree

    try:
        return etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        text = data[:65536].decode("utf-8", errors="replace")
        if is_templated(text) or text.startswith("---"):
            return None
        raise PageError(f"{relpath}: not well-formed XML ({exc.msg}); not checked") from None


def read_sitemap(relpath: str, data: bytes, root: Path | None = None) -> Page:
    tree = _tree(relpath, data)
    found = [] if tree is None else tree.iter(f"{IMAGE_SITEMAP}loc")
    return Page(relpath, shares=tuple(_share(relpath, root, element.text, element.sourceline, "image sitemap")
                                      for element in found if (element.text or "").strip()))


def read_feed(relpath: str, data: bytes, root: Path | None = None) -> Page:
    tree = _tree(relpath, data)
    shares = []
    for element in () if tree is None else tree.iter():
        if element.tag in FEED_IMAGES:
            attribute, kind = FEED_IMAGES[element.tag]
            url = element.get(attribute)
        elif element.tag == f"{ATOM}link" and element.get("rel") == "enclosure":
            url, kind = element.get("href"), "Atom enclosure"
        else:
            continue
        if url and url.strip():
            shares.append(_share(relpath, root, url, element.sourceline, kind))
    return Page(relpath, shares=tuple(shares))


def read_manifest(relpath: str, data: bytes, root: Path | None = None) -> Page:
    text = data.decode("utf-8-sig", errors="replace")
    try:
        manifest = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PageError(f"{relpath}: not a JSON web app manifest (not valid JSON, {json_problem(exc)}); "
                        "not checked") from None
    except (ValueError, RecursionError) as exc:
        raise PageError(f"{relpath}: not a JSON web app manifest ({exc}); not checked") from None
    shares = []
    for member in MANIFEST_MEMBERS:
        entries = manifest.get(member) if isinstance(manifest, dict) else None
        for entry in entries if isinstance(entries, list) else ():
            src = entry.get("src") if isinstance(entry, dict) else None
            if isinstance(src, str) and src.strip():
                line = text.count("\n", 0, max(0, text.find(json.dumps(src)))) + 1
                shares.append(Share(src, target_of(src, relpath, root), line, f"web app manifest {member}"))
    return Page(relpath, shares=tuple(shares))


def _share(relpath: str, root: Path | None, url: str, line: int | None, kind: str) -> Share:
    url = url.strip()
    return Share(url, target_of(url, relpath, root), line or 1, kind)
