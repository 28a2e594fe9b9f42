"""Sitemaps, feeds and web app manifests: files that hand a site's images to search engines, feed
readers and app launchers (SL502). Each is a page language (`registry.LANGUAGES`) with shares and no images.

- Image sitemaps (Google's sitemap-image 1.1 extension of sitemaps.org 0.9): every `image:loc`.
- RSS 2.0 `<enclosure url>` (RSS 2.0 specification, "<enclosure> sub-element of <item>"), Media RSS
  `media:content`/`media:thumbnail` `url` (Media RSS 1.5.1), Atom `<link rel="enclosure" href>`
  (RFC 4287 section 4.2.7.2).
- Web app manifests (W3C Web Application Manifest, "icons" and "screenshots" members): each `src`,
  relative to the manifest.

A feed item's or sitemap image's words go with its picture, as a page's caption does (issue 10): an RSS
`<item>`'s `title` and `description`, an Atom `<entry>`'s `title`, `summary` and `content`, Media RSS
`media:title` and `media:description`, an image sitemap's `image:title` and `image:caption` with its
`image:loc`. Markup in them (an escaped HTML description) is read as its text. A school's mark (`logo.png`)
is no one's photo (`page_cards.EMBLEM`). Any other `.xml` file whose root is an RSS, Atom or sitemap
`urlset` element is read as one (`read_xml`: a feed a generator writes as `news.xml`); any other XML is
no page of the site's and shows nothing.

XML is untrusted: parsed by lxml with entities left unexpanded, no DTD loaded and nothing fetched
(`formats.package.xml_parser`, as Office documents are), within the registry's size bound. A
sitemap or feed a site generator fills in from a template (Jekyll's `feed.xml` with Liquid) is not
XML until it is built: its images come from the pages' front matter, read there, so it adds none.
"""

from __future__ import annotations

import html as html_entities
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..formats.package import xml_parser
from .model import Page, PageError, PageImage, Share, TextSpan
from .page_cards import EMBLEM
from .shares import target_of
from .data_errors import json_problem
from .templates import is_templated
from .wxr import export_version, read_tree

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
RSS_1 = "{http://purl.org/rss/1.0/}"
FEED_ITEMS = frozenset({"item", f"{ATOM}entry", f"{RSS_1}item"})
# The words of an item and of its picture: RSS 2.0 and 1.0 title and description, Atom title, summary and
# content (RFC 4287 4.1.3, 4.2.13, 4.2.14), Media RSS title and description.
FEED_WORDS = frozenset({"title", "description", f"{RSS_1}title", f"{RSS_1}description", f"{ATOM}title",
                        f"{ATOM}summary", f"{ATOM}content", f"{MEDIA_RSS}title", f"{MEDIA_RSS}description"})
SITEMAP_WORDS = frozenset({f"{IMAGE_SITEMAP}title", f"{IMAGE_SITEMAP}caption"})
_TAGS = re.compile(r"<[^>]*>")
_ROOTS = re.compile(rb"<(?:[\w.-]+:)?(?:rss|feed|urlset|RDF)[\s>]")


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


def read_xml(relpath: str, data: bytes, root: Path | None = None) -> Page:
    """An `.xml` file of no feed's or sitemap's name: read as one when its root element says it is one,
    else a page that shows nothing (a build tool's or editor's XML). PageError for one that opens an `rss`,
    `feed` or `urlset` element in its first 4 KB and does not parse."""
    if not _ROOTS.search(data[:4096]):
        return Page(relpath)
    tree = _tree(relpath, data)                 # a feed that does not parse is not checked (PageError)
    if tree is None or not isinstance(tree.tag, str):
        return Page(relpath)
    local = tree.tag.rsplit("}", 1)[-1]
    if local == "urlset":
        return _sitemap(relpath, tree, root)
    if export_version(tree) is not None:      # a WordPress export under another name (`export.xml`)
        return read_tree(relpath, tree, root)
    return _feed(relpath, tree, root) if local in ("rss", "feed", "RDF") else Page(relpath)


def read_sitemap(relpath: str, data: bytes, root: Path | None = None) -> Page:
    return _sitemap(relpath, _tree(relpath, data), root)


def _sitemap(relpath: str, tree, root: Path | None) -> Page:
    found = [] if tree is None else [element for element in tree.iter(f"{IMAGE_SITEMAP}loc")
                                     if (element.text or "").strip()]
    shares = tuple(_share(relpath, root, element.text, element.sourceline, "image sitemap") for element in found)
    words = [[child for child in element.getparent() if child.tag in SITEMAP_WORDS] for element in found]
    return Page(relpath, images=_images(shares, words, "image sitemap"), shares=shares)


def read_feed(relpath: str, data: bytes, root: Path | None = None) -> Page:
    return _feed(relpath, _tree(relpath, data), root)


def _feed(relpath: str, tree, root: Path | None) -> Page:
    shares, words = [], []
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
            words.append(_item_words(element))
    return Page(relpath, images=_images(shares, words, "feed item"), shares=tuple(shares))


def _item_words(element) -> list:
    """The elements holding the words of the feed item (RSS `<item>`, Atom `<entry>`) that shows `element`,
    and the Media RSS title and description of the picture itself."""
    item = next((one for one in element.iterancestors() if one.tag in FEED_ITEMS), None)
    own = [child for child in element if child.tag in FEED_WORDS]
    return own + ([child for child in item if child.tag in FEED_WORDS] if item is not None else [])


def _images(shares, words: list, kind: str) -> tuple[PageImage, ...]:
    """A picture for each shared one that is not the school's mark, with its words as captions."""
    images = []
    for share, found in zip(shares, words, strict=True):
        if not EMBLEM.search(urlsplit(share.src).path):
            captions = (TextSpan(_text(one), one.sourceline or share.line, f"{kind} {one.tag.rsplit('}', 1)[-1]}")
                        for one in found)
            images.append(PageImage(share.src, share.target, share.line,
                                    captions=tuple(span for span in captions if span.text.strip())))
    return tuple(images)


def _text(element) -> str:
    """An element's text, markup in it (an escaped HTML description, an Atom `type="html"` summary) removed."""
    return html_entities.unescape(_TAGS.sub(" ", "".join(element.itertext())))


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
