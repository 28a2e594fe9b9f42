"""SVG (W3C SVG 1.1 / SVG 2): metadata written by drawing programs, and the pictures inside.

Where personal data sits:
- `<metadata>` (SVG 1.1, 21.2) holding RDF with Dublin Core: dc:creator, dc:rights,
  dc:publisher, dc:contributor, dc:title, dc:description, dc:date;
- Inkscape's `sodipodi:docname`, `sodipodi:absref` and `inkscape:export-filename`, which hold
  file names and people's home folders;
- XML comments (a generator's banner, a designer's note);
- raster pictures embedded as `data:` URIs in an `<image>`'s `href` or `xlink:href`, each a
  whole JPEG or PNG with its own metadata, read and stripped by the image plugins.

Reading uses lxml with a parser hardened for untrusted files (no entity expansion, no DTD
loading, no network, libxml2's size limits): billion laughs and external entities cost nothing,
while the internal entities Illustrator writes still parse. Stripping edits the text in place
(the spans found are cut or replaced, every other byte is kept), so line numbers and formatting
stay; the fix's re-read (formats.fixes) then confirms nothing is left.
"""

from __future__ import annotations

import re

from .data_uri import encoded_like, found_in, in_uri, splice
from .model import FREE_TEXT, IDENTITY, TIMESTAMP, MediaError, MediaFacts, MetaItem, clip
from .pictures import read_embedded, strip_embedded

FORMAT = "SVG"
EXTENSIONS = (".svg",)
MAX_SVG = 64 << 20

# What may come before the root element (XML 1.0, 2.8 prolog): a declaration, comments,
# processing instructions, a DOCTYPE (with an internal subset), and white space; then `<svg`.
_SVG_ROOT = re.compile(rb"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*"
                       rb"<(?:[A-Za-z_][\w.-]*:)?svg[\s>/]", re.DOTALL)
_DC = "{http://purl.org/dc/elements/1.1/}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_DC_KINDS = {"creator": IDENTITY, "rights": IDENTITY, "publisher": IDENTITY, "contributor": IDENTITY,
             "title": FREE_TEXT, "description": FREE_TEXT, "subject": FREE_TEXT, "date": TIMESTAMP}
_PATH_ATTRIBUTES = {
    "{http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd}docname": "sodipodi:docname",
    "{http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd}absref": "sodipodi:absref",
    "{http://www.inkscape.org/namespaces/inkscape}export-filename": "inkscape:export-filename",
}
# Spans to cut or replace when stripping, found in the raw bytes (ASCII-compatible encodings).
_METADATA_SPAN = re.compile(rb"<((?:[\w.-]+:)?metadata)\b[^>]*?(?:/>|>.*?</\1\s*>)", re.DOTALL)
_COMMENT_SPAN = re.compile(rb"<!--.*?-->", re.DOTALL)
_PATH_SPAN = re.compile(
    rb"\s(?:sodipodi:docname|sodipodi:absref|inkscape:export-filename)\s*=\s*(?:\"[^\"]*\"|'[^']*')")


def accept(prefix: bytes) -> bool:
    """An XML document whose root element is `svg` (an HTML page with an inline SVG is not)."""
    return _SVG_ROOT.match(prefix.removeprefix(b"\xef\xbb\xbf")) is not None


def _parse(data):
    from lxml import etree

    from .package import xml_parser

    if len(data) > MAX_SVG:
        raise MediaError(f"SVG: {len(data):,} bytes, over schoollint's bound of {MAX_SVG >> 20} MiB")
    try:
        return etree.fromstring(bytes(data), xml_parser())
    except etree.XMLSyntaxError as exc:
        raise MediaError(f"SVG: not well-formed XML ({exc})") from None


def read(data) -> MediaFacts:
    root = _parse(data)
    items: list[MetaItem] = []
    notes: list[str] = []
    pictures = 0
    outside = [*reversed(list(root.itersiblings(preceding=True))), *root.itersiblings()]
    for node in [*outside, *root.iter()]:
        if not isinstance(node.tag, str):
            if node.tag.__name__ == "Comment" and (node.text or "").strip():   # lxml's etree.Comment factory
                items.append(MetaItem(FREE_TEXT, "comment", f"line {node.sourceline}", clip(node.text.strip())))
            continue
        if node.tag.rpartition("}")[2] == "metadata":
            items.extend(_dublin_core(node))
        for attribute, name in _PATH_ATTRIBUTES.items():
            if node.get(attribute):
                items.append(MetaItem(IDENTITY, name, f"line {node.sourceline}", clip(node.get(attribute))))
        href = node.get(_XLINK_HREF) or node.get("href") or ""
        picture = in_uri(href)
        if picture is not None:
            pictures += 1
            found, note = read_embedded(picture, f"embedded image {pictures} (line {node.sourceline})")
            items.extend(found)
            notes.extend([note] if note else [])
    return MediaFacts(format=FORMAT, items=tuple(items), unchecked="; ".join(notes) or None)


def _dublin_core(metadata) -> list[MetaItem]:
    items = []
    for node in metadata.iter():
        inside_another = any(isinstance(up.tag, str) and up.tag.startswith(_DC) for up in node.iterancestors())
        if isinstance(node.tag, str) and node.tag.startswith(_DC) and not inside_another:
            kind = _DC_KINDS.get(node.tag[len(_DC):])
            value = " ".join(text.strip() for text in node.itertext() if text.strip())
            if kind and value:
                items.append(MetaItem(kind, f"metadata: dc:{node.tag[len(_DC):]}", f"line {node.sourceline}",
                                      clip(value)))
    return items


def strip(data, kinds: frozenset[str]) -> bytes:
    """The text with metadata of these kinds cut out and embedded pictures replaced by their
    stripped bytes; every other byte as it was."""
    _parse(data)                      # refuse what does not parse before editing it
    text = bytes(data)
    cuts: list[re.Match[bytes]] = []
    if kinds & {IDENTITY, FREE_TEXT, TIMESTAMP}:
        cuts += _METADATA_SPAN.finditer(text)
    if IDENTITY in kinds:
        cuts += _PATH_SPAN.finditer(text)
    if FREE_TEXT in kinds:
        cuts += _COMMENT_SPAN.finditer(text)
    # a cut leaves its line breaks, so every line after it keeps its number
    edits = [(m.start(), m.end(), b"\n" * m.group(0).count(b"\n")) for m in cuts]
    for picture in found_in(text):
        if picture.data is not None:
            stripped = strip_embedded(picture.data, kinds)
            if stripped != picture.data:
                edits.append((picture.start, picture.end, encoded_like(stripped, text[picture.start:picture.end])))
    return splice(text, edits)

