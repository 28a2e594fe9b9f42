"""Office documents as pages: each picture, its alt text, and the words beside it.

A letter, a slide deck or a spreadsheet shows photos with words, like a web page, so the same
name rules apply (SL302 to the picture's alt text, SL303 to the text that goes with it):

- Word (ECMA-376 Part 1, 17.3 paragraphs and 20.4 DrawingML pictures): each paragraph of
  `word/document.xml` holding a drawing is a picture; its alt text and title are the drawing's
  `wp:docPr/@descr` and `@title`; the words with it are that paragraph and the next one.
- PowerPoint (Part 1, 19.3 slides): each `p:pic` on a slide is a picture; its alt text and
  title are `p:cNvPr/@descr` and `@title`; the words with it are every paragraph on the slide.
- Excel (Part 1, 18.3 worksheets and 20.5 SpreadsheetML drawings): each `xdr:pic` in a drawing a
  worksheet uses is a picture; its alt text and title are `xdr:cNvPr/@descr` and `@title`; the
  words with it are the text of the cells it covers and of those one row and column around
  (from its anchor, `xdr:from` and `xdr:to`: where a name is typed under or beside a photo).
- OpenDocument and SVG: pages.odf_text and pages.svg_text, dispatched from here by content.

There are no source lines in a package: a "line" here is the paragraph number (Word), the
slide number (PowerPoint) or the sheet number (Excel), and the page is not `editable` (no text
edit can be made in place). A package that cannot be read gives an empty page: the document
reader reports it (SL105).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .model import Page, PageImage, TextSpan

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_SLIDE = re.compile(r"ppt/slides/slide(\d+)\.xml")
_WORD_PARTS = re.compile(r"word/(header|footer)\d*\.xml|word/(footnotes|endnotes)\.xml")
_XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
_X = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_ROW_EMU, _COLUMN_EMU = 190_500, 609_600     # 15 pt and 64 px, Excel's defaults, in EMUs (20.1.2.1)
_CELL = re.compile(r"([A-Z]{1,3})(\d{1,7})")
SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".pptx", ".pptm", ".potx", ".potm", ".ppsx", ".ppsm",
            ".xlsx", ".xlsm", ".xltx", ".xltm", ".odt", ".ods", ".odp", ".odg", ".ott", ".ots", ".otp", ".otg",
            ".svg")


def read(relpath: str, data: bytes, root: Path | None) -> Page:
    # By content, from the magic alone: an SVG icon imports neither the Office nor the ODF reader.
    from ..formats import magic

    if magic.svg(bytes(data[:4096])):
        from . import svg_text

        return svg_text.read(relpath, data, root)
    if magic.odf(bytes(data[:256])):
        from . import odf_text

        return odf_text.read(relpath, data, root)
    from ..formats.model import MediaError
    from ..formats.ooxml_words import slide_notes
    from ..formats.package import Package

    try:
        package = Package(data, "OOXML")
        if "word/document.xml" in package.names:   # and the pictures in headers, footers, foot- and endnotes
            images = [image for part in ["word/document.xml", *filter(_WORD_PARTS.fullmatch, package.names)]
                      for image in _word(package.xml(part), "" if part == "word/document.xml" else f" in {part}")]
        elif "xl/workbook.xml" in package.names:
            images = _workbook(package)
        else:
            slides = sorted((int(match.group(1)), name) for name in package.names if (match := _SLIDE.fullmatch(name)))
            images = [image for number, name in slides
                      for image in _slide(package.xml(name), number, slide_notes(package, name))]
    except MediaError:
        images = []
    return Page(relpath, tuple(images), editable=False)


def _text(element, paragraph: str) -> str:
    """Each paragraph's text; a tab or line break inside it (w:tab, w:br, w:cr: ECMA-376 Part 1, 17.3.3;
    a:br: 21.1.2.2.1) is white space between words, as Word and PowerPoint show it ("Noah<w:br/>Patel")."""
    return "\n".join("".join(node.text or "" if node.tag in _TEXT else " " for node in p.iter(*_TEXT, *_BREAKS))
                     for p in element.iter(paragraph))


_TEXT = (_W + "t", _A + "t")
_BREAKS = (_W + "tab", _W + "br", _W + "cr", _A + "br")


def _word(document, where: str = "") -> list[PageImage]:
    paragraphs = list(document.iter(_W + "p"))
    images = []
    for number, paragraph in enumerate(paragraphs, start=1):
        following = paragraphs[number] if number < len(paragraphs) else None
        words = "\n".join(_text(p, _W + "p") for p in (paragraph, following) if p is not None).strip()
        for picture in paragraph.iter(_WP + "docPr"):
            captions = (TextSpan(words, number, "paragraph with the picture and the next"),) if words else ()
            images.append(PageImage((picture.get("name") or f"picture {picture.get('id')}") + where, None, number,
                                    alt=picture.get("descr"), title=picture.get("title"), captions=captions))
    return images


def _slide(slide, number: int, notes: str = "") -> list[PageImage]:
    words = _text(slide, _A + "p").strip()
    captions: tuple[TextSpan, ...] = (TextSpan(words, number, f"text on slide {number}"),) if words else ()
    captions += (TextSpan(notes, number, f"speaker notes of slide {number}"),) if notes else ()   # trial 9 item 6
    return [PageImage(f"{properties.get('name') or 'picture ' + str(properties.get('id'))} on slide {number}", None,
                      number,
                      alt=properties.get("descr"), title=properties.get("title"), captions=captions)
            for picture in slide.iter(_P + "pic") for properties in picture.iter(_P + "cNvPr")]


def _relations(package, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (the last word of its type, the part it points at) for `part` (OPC 9.3)."""
    folder, _, name = part.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels"
    if rels not in package.names:
        return {}
    found = {}
    for rel in package.xml(rels).iter(_RELS + "Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found[rel.get("Id", "")] = (rel.get("Type", "").rpartition("/")[2], posixpath.normpath(path))
    return found


def _workbook(package) -> list[PageImage]:
    """Each picture on each worksheet, in the workbook's sheet order."""
    relations = _relations(package, "xl/workbook.xml")
    sheets = [relations.get(sheet.get(_R + "id"), ("", ""))[1]
              for sheet in package.xml("xl/workbook.xml").iter(_X + "sheet")]
    shared = ([" ".join("".join(t.text or "" for t in item.iter(_X + "t")).split())
               for item in package.xml("xl/sharedStrings.xml").iter(_X + "si")]
              if "xl/sharedStrings.xml" in package.names else [])
    images = []
    for number, sheet in enumerate(sheets, start=1):
        if sheet not in package.names:
            continue
        drawings = [path for kind, path in _relations(package, sheet).values()
                    if kind == "drawing" and path in package.names]
        cells = _cells(package.xml(sheet), shared) if drawings else {}
        for drawing in drawings:
            images.extend(_drawing(package.xml(drawing), cells, number))
    return images


def _cells(sheet, shared: list[str]) -> dict[tuple[int, int], str]:
    """(row, column) from 0 -> the text of each cell that holds text (18.3.1.4: shared, inline
    or formula strings); numbers and dates are left out."""
    cells = {}
    for cell in sheet.iter(_X + "c"):
        match = _CELL.fullmatch(cell.get("r", ""))
        kind, value = cell.get("t"), cell.find(_X + "v")
        if match is None:
            continue
        if kind == "s" and value is not None and (value.text or "").strip().isdigit():
            index = int(value.text)
            text = shared[index] if index < len(shared) else ""
        elif kind == "inlineStr":
            text = "".join(t.text or "" for t in cell.iter(_X + "t"))
        elif kind == "str" and value is not None:
            text = value.text or ""
        else:
            continue
        column = 0
        for letter in match.group(1):
            column = column * 26 + ord(letter) - 64
        if text.strip():
            cells[(int(match.group(2)) - 1, column - 1)] = text.strip()
    return cells


def _drawing(drawing, cells: dict[tuple[int, int], str], number: int) -> list[PageImage]:
    images = []
    for anchor in drawing:    # twoCellAnchor, oneCellAnchor, absoluteAnchor (20.5.2.33, .24, .1)
        start, end, extent = (anchor.find(_XDR + name) for name in ("from", "to", "ext"))
        near: list[str] = []
        if start is not None:
            top, left = _index(start, "row"), _index(start, "col")
            if end is not None:
                bottom, right = _index(end, "row"), _index(end, "col")
            else:   # a one-cell anchor gives a size: cells counted at Excel's default row height and column width
                size = extent if extent is not None else start
                bottom = top + int(_emu(size, "cy") // _ROW_EMU)
                right = left + int(_emu(size, "cx") // _COLUMN_EMU)
            near = [text for (row, column), text in sorted(cells.items())
                    if top - 1 <= row <= bottom + 1 and left - 1 <= column <= right + 1]
        captions = (TextSpan("\n".join(near), number, f"cells beside the picture on sheet {number}"),) if near else ()
        for properties in (properties for picture in anchor.iter(_XDR + "pic")
                           for properties in picture.iter(_XDR + "cNvPr")):
            name = properties.get("name") or f"picture {properties.get('id')}"
            images.append(PageImage(f"{name} on sheet {number}", None, number, alt=properties.get("descr"),
                                    title=properties.get("title"), captions=captions))
    return images


def _emu(extent, what: str) -> float:
    value = extent.get(what, "")
    return float(value) if value.isdigit() else 0.0


def _index(corner, what: str) -> int:
    found = corner.find(_XDR + what)
    text = (found.text or "").strip() if found is not None else ""
    return int(text) if text.isdigit() else 0
