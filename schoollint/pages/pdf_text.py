"""PDF newsletters as pages: each picture a page draws, and the text printed near it.

A newsletter prints "Amelia Hartley (Year 4) receiving the reading cup" under a photo; SL303
reads that text as the photo's caption. pypdf walks each page's content stream (ISO 32000-2,
8.2 content streams, 8.3.4 the current transformation matrix, 9.4 text objects): an image
XObject drawn with `Do` covers the unit square mapped by the CTM, and each piece of text is
placed by its text matrix times the CTM, decoded to Unicode through the font's encoding or
ToUnicode map. Text "near" a picture starts within its width (widened by half on each side)
and between half its height below it and its top edge: where captions are printed.

There are no source lines in a PDF: a "line" here is the page number, and the page is not
`editable`. An encrypted PDF gives an empty page (the document reader reports it, SL105); one
pypdf cannot read is a PageError (SL002).
"""

from __future__ import annotations

import io
from pathlib import Path

from .model import Page, PageError, PageImage, TextSpan

SUFFIXES = (".pdf",)
_BELOW, _BESIDE = 0.5, 0.5      # how far from a picture its caption may start, in picture heights and widths


def read(relpath: str, data: bytes, root: Path | None) -> Page:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs each repair it makes ("EOF marker not found") to stderr; a damaged file is
    # the document reader's to report (SL105), once, in the run's own output.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return Page(relpath, editable=False)
        images = [image for number, page in enumerate(reader.pages, start=1) for image in _pictures(page, number)]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            NotImplementedError) as exc:   # what pypdf raises on damaged files, by the damage sweep
        raise PageError(f"{relpath}: its text cannot be read ({type(exc).__name__}: {exc})") from None
    return Page(relpath, tuple(images), editable=False)


def _pictures(page, number: int) -> list[PageImage]:
    xobjects = page.get("/Resources", {}).get_object().get("/XObject", {})
    drawn: list[tuple[str, list[float]]] = []
    texts: list[tuple[str, float, float]] = []

    def before(operator, operands, matrix, text_matrix):
        if operator == b"Do" and operands:
            name = str(operands[0])
            target = xobjects.get(name) if hasattr(xobjects, "get") else None
            if target is not None and target.get_object().get("/Subtype") == "/Image":
                drawn.append((name, list(matrix)))

    def text(content, matrix, text_matrix, font, size):
        if content.strip():
            x = text_matrix[4] * matrix[0] + text_matrix[5] * matrix[2] + matrix[4]
            y = text_matrix[4] * matrix[1] + text_matrix[5] * matrix[3] + matrix[5]
            texts.append((content.strip(), x, y))

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    images = []
    for name, matrix in drawn:
        left, right = sorted((matrix[4], matrix[4] + matrix[0]))
        bottom, top = sorted((matrix[5], matrix[5] + matrix[3]))
        width, height = right - left, top - bottom
        near = [content for content, x, y in texts
                if left - _BESIDE * width <= x <= right + _BESIDE * width and bottom - _BELOW * height <= y <= top]
        captions = (TextSpan("\n".join(near), number, "text near the picture"),) if near else ()
        images.append(PageImage(f"{name[1:]} on page {number}", None, number, captions=captions))
    return images
