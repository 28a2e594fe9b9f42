"""PDF newsletters as pages: each picture a page draws, and the text printed near it.

A newsletter prints "Amelia Hartley (Year 4) receiving the reading cup" under a photo; SL303
reads that text as the photo's caption. formats.pdf_content follows each page's content stream
(ISO 32000-2, 8.2, 8.3.4, 9.4) with pikepdf: where each image XObject or inline image is drawn
(Form XObjects followed), and where each piece of text starts, decoded to Unicode through the
font's ToUnicode map or encoding. Text "near" a picture starts within its width (widened by half
on each side) and between half its height below it and its top edge: where captions are printed.

There are no source lines in a PDF: a "line" here is the page number, and the page is not
`editable`. An encrypted PDF gives an empty page (the document reader reports it, SL105); one
pikepdf cannot read is a PageError (SL002).
"""

from __future__ import annotations

import io
from pathlib import Path

from .model import Page, PageError, PageImage, TextSpan

SUFFIXES = (".pdf",)
_BELOW, _BESIDE = 0.5, 0.5      # how far from a picture its caption may start, in picture heights and widths


def read(relpath: str, data: bytes, root: Path | None) -> Page:
    import pikepdf

    from ..formats.pdf import reason
    from ..formats.pdf_content import layout

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                return Page(relpath, editable=False)
            fonts: dict = {}
            images = [image for number, page in enumerate(pdf.pages, start=1)
                      for image in _pictures(layout(page, fonts=fonts), number)]
    except pikepdf.PasswordError:
        return Page(relpath, editable=False)
    except (pikepdf.PdfError, pikepdf.ForeignObjectError, pikepdf.DeletedObjectError, ValueError, KeyError,
            TypeError, RecursionError, NotImplementedError) as exc:   # what damaged files raise, by the sweep
        raise PageError(f"{relpath}: its text cannot be read ({type(exc).__name__}: {reason(exc)})") from None
    return Page(relpath, tuple(images), editable=False)


def _pictures(drawn, number: int) -> list[PageImage]:
    images = []
    for index, picture in enumerate(drawn.pictures, start=1):
        left, bottom, right, top = picture.box
        width, height = right - left, top - bottom
        near = [content for content, x, y in drawn.texts
                if left - _BESIDE * width <= x <= right + _BESIDE * width and bottom - _BELOW * height <= y <= top]
        captions = (TextSpan("\n".join(near), number, "text near the picture"),) if near else ()
        images.append(PageImage(f"picture {index} on page {number}", None, number, captions=captions))
    return images
