"""SVG drawings as pages: each picture, its alt text, and the words printed near it (W3C SVG 2).

- A picture is an `<image>` (SVG 2, 12.3); its alt text is its `<desc>` child, its title its
  `<title>` child (5.9: the accessible name and description), or those of the group holding it
  when it has none, and its `aria-label`.
- The words with it: the drawing's own `<title>` and `<desc>` (children of the root), the
  `<text>` elements in the same group when that group is not the root, and any `<text>` that
  starts near it: within its width widened by half on each side, from its top edge to half its
  height below it (SVG's y axis points down). Positions are the `x`, `y`, `width` and `height`
  attributes in user units; transforms are not followed, so text in a transformed group counts
  only through its group.

An SVG is a text file: lines here are real source lines (lxml's `sourceline`). The page is not
`editable` (the alt text sits in elements, not attributes a text edit can rewrite safely). The
parser is the hardened one the SVG media reader uses (formats.package.xml_parser): a file that
does not parse gives an empty page, and the media reader reports it (SL105).
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Page, PageImage, TextSpan

_SVG = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_NUMBER = re.compile(r"\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")
_BELOW, _BESIDE = 0.5, 0.5


def read(relpath: str, data: bytes, root: Path | None) -> Page:
    from lxml import etree

    from ..formats.package import xml_parser
    from ..formats.svg import MAX_SVG

    if len(data) > MAX_SVG:
        return Page(relpath, editable=False)
    try:
        document = etree.fromstring(bytes(data), xml_parser())
    except etree.XMLSyntaxError:
        return Page(relpath, editable=False)
    return Page(relpath, tuple(_pictures(document)), editable=False)


def _words(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _number(element, name: str) -> float | None:
    match = _NUMBER.match(element.get(name) or "")
    return float(match.group(1)) if match else None


def _pictures(document) -> list[PageImage]:
    texts = [text for text in document.iter(_SVG + "text") if _words(text)]
    drawing = [TextSpan(_words(child), child.sourceline or 1, f"the drawing's {child.tag[len(_SVG):]}")
               for child in document if child.tag in (_SVG + "title", _SVG + "desc") and _words(child)]
    images = []
    for number, image in enumerate(document.iter(_SVG + "image"), start=1):
        href = (image.get(_XLINK_HREF) or image.get("href") or "").strip()
        src = f"embedded image {number}" if href.startswith("data:") else href or f"image {number}"
        named = image if _child(image, "desc") is not None or _child(image, "title") is not None else image.getparent()
        desc, title = _child(named, "desc"), _child(named, "title")
        near = [TextSpan(_words(text), text.sourceline or 1, "text near the picture")
                for text in texts if _near(image, text, document)]
        images.append(PageImage(src, None, image.sourceline or 1,
                                alt=_words(desc) if desc is not None else None,
                                title=_words(title) if title is not None else None,
                                aria_label=image.get("aria-label"),
                                alt_line=desc.sourceline if desc is not None else None,
                                title_line=title.sourceline if title is not None else None,
                                captions=tuple(drawing + near)))
    return images


def _child(element, local: str):
    if element is None or element.tag == _SVG + "svg" and local in ("desc", "title"):
        return None     # the root's own title and description are the drawing's, counted as its words
    return element.find(_SVG + local)


def _near(image, text, document) -> bool:
    group = image.getparent()
    if group is not None and group is not document and text.getparent() is group:
        return True
    x, y, width, height = (_number(image, name) for name in ("x", "y", "width", "height"))
    tx, ty = _number(text, "x"), _number(text, "y")
    if None in (width, height, tx, ty):
        return False
    left, top = x or 0.0, y or 0.0
    return (left - _BESIDE * width <= tx <= left + width + _BESIDE * width      # type: ignore[operator]
            and top <= ty <= top + height + _BELOW * height)                   # type: ignore[operator]
