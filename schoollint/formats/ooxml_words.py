"""Parts of Office and OpenDocument files that hold people's words and are no metadata block:
PowerPoint speaker notes, custom XML data parts, and Impress notes (trial 9 item 6).

- PowerPoint notes (ECMA-376 Part 1, 13.3.5 and 19.3.1.26 `p:notes`): a slide's notes slide
  (`ppt/notesSlides/notesSlide1.xml`), its words the text of its shapes but the placeholders
  that repeat the slide (its picture, number, date, header and footer: 19.7.10 ST_PlaceholderType).
  A FREE_TEXT item (SL102); removed as the Document Inspector's "Presentation Notes" removes
  them: the notes slide part goes (ooxml.forget: the slide's relationship to it, its content
  type), the notes master stays. pages/documents.py reads the same words beside the slide's
  pictures for the name rules (SL303): `slide_notes`.
- Custom XML data (Part 1, 22.5; `customXml/item1.xml`): what SharePoint, a bibliography or a
  template stores beside the document (owners' names, sources' authors): a FREE_TEXT item when
  it holds any text; removed as the Document Inspector's "Custom XML Data" removes it, with its
  properties part (`itemProps1.xml`).
- OpenDocument presentation notes (ODF 1.3 Part 3, 16.17 `presentation:notes` in a `draw:page`):
  the text boxes of each page's notes, in content.xml; removal drops the notes' frames (the
  page thumbnail a notes page shows stays).
"""

from __future__ import annotations

import posixpath
import re

from .model import FREE_TEXT, MetaItem, clip
from .ooxml_review import drop
from .places import Place

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_NOTES = re.compile(r"ppt/notesSlides/[^/]+\.xml")
_CUSTOM = re.compile(r"customXml/item\d*\.xml")
_REPEATS = frozenset({"sldImg", "sldNum", "dt", "hdr", "ftr"})   # placeholders that repeat the slide
_PRESENTATION = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def notes_words(root) -> str:
    """The words of a notes slide (its root element): each paragraph of each shape that is not
    a placeholder repeating the slide, one paragraph a line."""
    lines = []
    for shape in root.iter(_P + "sp"):
        placeholder = next(shape.iter(_P + "ph"), None)
        if placeholder is not None and placeholder.get("type") in _REPEATS:
            continue
        lines += ["".join(node.text or "" for node in paragraph.iter(_A + "t")) for paragraph in shape.iter(_A + "p")]
    return "\n".join(line for line in lines if line.strip())


def slide_notes(package, slide: str) -> str:
    """The notes words of a slide part (`package`: a package.Package), "" when it has none."""
    folder, _, name = slide.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels"
    if rels not in package.names:
        return ""
    targets = [posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
               for rel in package.xml(rels).iter(_RELS + "Relationship")
               if rel.get("Type", "").endswith("/notesSlide") and rel.get("TargetMode") != "External"]
    return "\n".join(notes_words(package.xml(target)) for target in targets if target in package.names)


def ooxml_places(edit) -> list[Place]:
    """Speaker notes and custom XML data of an Office package (`edit`: ooxml's _Edit)."""
    names = edit.package.names
    found = [_part(edit, name, "speaker notes", notes_words) for name in names if _NOTES.fullmatch(name)]
    found += [_part(edit, name, "custom XML data", _all_words) for name in names if _CUSTOM.fullmatch(name)]
    return [place for place in found if place.items]


def _all_words(root) -> str:
    return " ".join(" ".join(text.split()) for text in root.itertext() if text.strip())


def _part(edit, name: str, what: str, words) -> Place:
    text = words(edit.tree(name))
    item = MetaItem(FREE_TEXT, f"{what} ({name})", name, clip(text))
    own = posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels")

    def remove(kinds):
        if FREE_TEXT not in kinds or edit.removed(name):
            return
        # a custom XML item's properties part (itemProps1.xml) is related from the item only: it goes too
        related = [target for rels, _rel, target in edit.relationships() if rels == own and what != "speaker notes"]
        edit.forget(name)
        for target in related:
            edit.forget(target)

    return Place((item,) if text else (), remove)


def odf_places(edit) -> list[Place]:
    """Presentation notes of an OpenDocument package (`edit`: odf's _Edit)."""
    if "content.xml" not in edit.package.names or b"presentation:notes" not in edit.package.part("content.xml"):
        return []
    root = edit.tree("content.xml")
    frames = [frame for notes in root.iter(_PRESENTATION + "notes") for frame in notes.iter(_DRAW + "frame")
              if next(frame.iter(_DRAW + "text-box"), None) is not None]
    text = "\n".join(" ".join(" ".join(p.itertext()).split()) for frame in frames for p in frame.iter(_TEXT + "p"))
    item = MetaItem(FREE_TEXT, "speaker notes (content.xml)", "content.xml", clip(text.strip()))

    def remove(kinds):
        if FREE_TEXT in kinds:
            for frame in frames:
                drop(frame)
            edit.save("content.xml")

    return [Place((item,), remove)] if text.strip() else []
