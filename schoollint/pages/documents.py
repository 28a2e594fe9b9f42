"""Word and PowerPoint files as pages: each picture, its alt text, and the words beside it.

A letter or a slide deck shows photos with words, like a web page, so the same name rules apply
(SL302 to the picture's alt text, SL303 to the text that goes with it):

- Word (ECMA-376 Part 1, 17.3 paragraphs and 20.4 DrawingML pictures): each paragraph of
  `word/document.xml` holding a drawing is a picture; its alt text and title are the drawing's
  `wp:docPr/@descr` and `@title`; the words with it are that paragraph and the next one.
- PowerPoint (Part 1, 19.3 slides): each `p:pic` on a slide is a picture; its alt text and
  title are `p:cNvPr/@descr` and `@title`; the words with it are every paragraph on the slide.

There are no source lines in a package: a "line" here is the paragraph number (Word) or the
slide number (PowerPoint), and the page is not `editable` (no text edit can be made in place).
A package that cannot be read gives an empty page: the document reader reports it (SL105).
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Page, PageImage, TextSpan

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_SLIDE = re.compile(r"ppt/slides/slide(\d+)\.xml")
SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".pptx", ".pptm", ".potx", ".potm", ".ppsx", ".ppsm")


def read(relpath: str, data: bytes, root: Path | None) -> Page:
    from ..formats.model import MediaError
    from ..formats.package import Package

    try:
        package = Package(data, "OOXML")
        if "word/document.xml" in package.names:
            images = _word(package.xml("word/document.xml"))
        else:
            slides = sorted((int(match.group(1)), name) for name in package.names if (match := _SLIDE.fullmatch(name)))
            images = [image for number, name in slides for image in _slide(package.xml(name), number)]
    except MediaError:
        images = []
    return Page(relpath, tuple(images), editable=False)


def _text(element, paragraph: str) -> str:
    return "\n".join("".join(node.text or "" for node in p.iter(_W + "t", _A + "t")) for p in element.iter(paragraph))


def _word(document) -> list[PageImage]:
    paragraphs = list(document.iter(_W + "p"))
    images = []
    for number, paragraph in enumerate(paragraphs, start=1):
        following = paragraphs[number] if number < len(paragraphs) else None
        words = "\n".join(_text(p, _W + "p") for p in (paragraph, following) if p is not None).strip()
        for picture in paragraph.iter(_WP + "docPr"):
            captions = (TextSpan(words, number, "paragraph with the picture and the next"),) if words else ()
            images.append(PageImage(picture.get("name") or f"picture {picture.get('id')}", None, number,
                                    alt=picture.get("descr"), title=picture.get("title"), captions=captions))
    return images


def _slide(slide, number: int) -> list[PageImage]:
    words = _text(slide, _A + "p").strip()
    captions = (TextSpan(words, number, f"text on slide {number}"),) if words else ()
    return [PageImage(f"{properties.get('name') or 'picture ' + str(properties.get('id'))} on slide {number}", None,
                      number,
                      alt=properties.get("descr"), title=properties.get("title"), captions=captions)
            for picture in slide.iter(_P + "pic") for properties in picture.iter(_P + "cNvPr")]
