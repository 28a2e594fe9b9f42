"""OpenDocument files (ODT, ODS, ODP, ODG) as pages: each picture, its alt text, and the words
beside it, from `content.xml` (OASIS ODF 1.3 Part 3).

- A picture is a `draw:frame` holding a `draw:image` (10.4.2, 10.4.4); its alt text is the
  frame's `svg:desc` and its title the frame's `svg:title` (10.4.5, 10.4.6: what LibreOffice's
  "Alt text" and "Title" boxes write).
- The words with it: on a drawing page (ODP, ODG; `draw:page`, 10.1.4) every paragraph of that
  page; in a spreadsheet cell (`table:table-row`, 9.1.3) that row and the next; in a text
  document the paragraph (`text:p`, `text:h`) holding the frame, which holds the caption when
  LibreOffice's "Insert Caption" wrapped it, and the next paragraph. Comments (`office:annotation`)
  and the alt text itself are not counted as words on the page.

A "line" here is the paragraph number (text), the row number (spreadsheet) or the page number
(drawing), and the page is not `editable`. A package that cannot be read gives an empty page:
the document reader reports it (SL105).
"""

from __future__ import annotations

from pathlib import Path

from .model import Page, PageImage, TextSpan

_NS = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
       "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
       "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
       "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
       "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
       "xlink": "http://www.w3.org/1999/xlink"}
_PARAGRAPHS = ("//text:p[not(ancestor::office:annotation)] | //text:h[not(ancestor::office:annotation)]")
# Text, and the white space elements (text:s, text:tab, text:line-break: ODF 1.3 part 3, 6.1.2-6.1.5) that
# stand between words ("Noah<text:line-break/>Patel" is two words).
_WORDS = (".//text()[not(ancestor::svg:desc or ancestor::svg:title or ancestor::office:annotation)]"
          " | .//text:s | .//text:tab | .//text:line-break")


def _clark(qualified: str) -> str:
    prefix, _, local = qualified.partition(":")
    return f"{{{_NS[prefix]}}}{local}"


def read(relpath: str, data: bytes, root: Path | None) -> Page:
    from ..formats.model import MediaError
    from ..formats.package import Package

    try:
        package = Package(data, "ODF")
        images = _pictures(package.xml("content.xml")) if "content.xml" in package.names else []
    except MediaError:
        images = []
    return Page(relpath, tuple(images), editable=False)


def _words(element) -> str:
    """The words an element shows on the page: not its pictures' alt texts, not its comments."""
    return " ".join("".join(node if isinstance(node, str) else " "
                            for node in element.xpath(_WORDS, namespaces=_NS)).split())


def _text(element) -> str | None:
    return " ".join("".join(element.itertext()).split()) if element is not None else None


def _pictures(content) -> list[PageImage]:
    paragraphs = content.xpath(_PARAGRAPHS, namespaces=_NS)
    pages = list(content.iter(_clark("draw:page")))
    images = []
    for frame in content.iter(_clark("draw:frame")):
        image = frame.find(_clark("draw:image"))
        if image is None:
            continue
        line, label, words = _beside(frame, paragraphs, pages)
        text = "\n".join(word for word in words if word)
        captions = (TextSpan(text, line, label),) if text else ()
        desc, title = frame.find(_clark("svg:desc")), frame.find(_clark("svg:title"))
        name = frame.get(_clark("draw:name")) or image.get(_clark("xlink:href")) or "picture"
        images.append(PageImage(name, None, line, alt=_text(desc), title=_text(title), captions=captions))
    return images


def _beside(frame, paragraphs: list, pages: list) -> tuple[int, str, list[str]]:
    """(line, label, texts): where the words that go with the picture in `frame` are."""
    page = next(frame.iterancestors(_clark("draw:page")), None)
    if page is not None:
        number = pages.index(page) + 1
        return number, f"text on page {number}", [_words(p) for p in page.iter(_clark("text:p"), _clark("text:h"))]
    row = next(frame.iterancestors(_clark("table:table-row")), None)
    if row is not None:
        rows = list(row.getparent().iter(_clark("table:table-row")))
        number = rows.index(row) + 1 if row in rows else 1
        following = rows[number] if number < len(rows) else None
        return number, "the picture's row and the next", [_words(r) for r in (row, following) if r is not None]
    holder = next(frame.iterancestors(_clark("text:p"), _clark("text:h")), None)
    if holder is None:
        return 1, "", []
    number = paragraphs.index(holder) + 1 if holder in paragraphs else 1
    inside = set(holder.iter(_clark("text:p"), _clark("text:h")))
    following = next((p for p in paragraphs[number:] if p not in inside), None)
    return number, "paragraph with the picture and the next", [_words(p) for p in (holder, following) if p is not None]
