"""Review markup in OpenDocument (OASIS ODF 1.3 Part 3): annotations and tracked changes, read
as the free text they are and removed as LibreOffice's "accept all" and "delete all comments" do.

- Annotations (14.1 `office:annotation`, ending at `office:annotation-end` when they span
  text; LibreOffice Impress writes a slide's as `officeooo:annotation`): a comment's author
  (`dc:creator`), date and paragraphs, in `content.xml` and `styles.xml` (headers, footers).
  Removal drops them.
- Tracked changes (5.5 `text:tracked-changes`): each `text:changed-region` records an
  insertion, a deletion (whose `text:deletion` keeps the deleted paragraphs) or a format change,
  with its `office:change-info` (author, date); the body marks them with `text:change` (where
  a deletion was), `text:change-start` and `text:change-end`. The inserted text is already in
  the body, so accepting every change is removing the regions and the marks.

Both are FREE_TEXT items (SL102) whose value is the comments' and the deleted text.
"""

from __future__ import annotations

import re

from .model import FREE_TEXT, MetaItem, clip
from .ooxml_review import drop
from .places import Place

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_IMPRESS = "{http://openoffice.org/2009/office}"     # LibreOffice Impress writes a slide's comments in it
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_PARTS = ("content.xml", "styles.xml")
_MARKUP = re.compile(rb"<(?:\w+:)?(?:annotation|tracked-changes)[\s/>]")
_MARKS = (_TEXT + "change", _TEXT + "change-start", _TEXT + "change-end")


def places(edit) -> list[Place]:
    """The review-markup places of an OpenDocument package (`edit`: its package.Edit)."""
    found: list[Place] = []
    for name in _PARTS:
        if name in edit.package.names and _MARKUP.search(edit.package.part(name)):
            root = edit.tree(name)
            found.extend((_annotations(edit, name, root), _tracked(edit, name, root)))
    return [place for place in found if place.items]


def _said(element) -> str:
    """An element's text without its author and date (dc:creator, dc:date)."""
    return " ".join(" ".join(node.itertext()) for node in element.iter(_TEXT + "p", _TEXT + "h")).strip()


def _annotations(edit, name: str, root) -> Place:
    notes = list(root.iter(_OFFICE + "annotation", _IMPRESS + "annotation"))
    if not notes:
        return Place((), lambda kinds: None)
    texts = [" ".join(_said(note).split()) for note in notes]
    item = MetaItem(FREE_TEXT, f"{name}: comments", name, clip("; ".join(text for text in texts if text)) or None)

    def remove(kinds):
        if FREE_TEXT in kinds:
            for element in list(root.iter(_OFFICE + "annotation", _OFFICE + "annotation-end", _IMPRESS + "annotation")):
                drop(element)
            edit.save(name)

    return Place((item,), remove)


def _tracked(edit, name: str, root) -> Place:
    regions = list(root.iter(_TEXT + "tracked-changes"))
    if not regions:
        return Place((), lambda kinds: None)
    changes = sum(1 for region in regions for _ in region.iter(_TEXT + "changed-region"))
    deleted = [" ".join(_said(deletion).split()) for region in regions for deletion in region.iter(_TEXT + "deletion")]
    what = f"{changes} tracked change{'s' if changes != 1 else ''}"
    value = f"{what}; deleted: " + "; ".join(text for text in deleted if text) if any(deleted) else what
    item = MetaItem(FREE_TEXT, f"{name}: tracked changes", name, clip(value))

    def remove(kinds):
        if FREE_TEXT in kinds:
            for element in [*root.iter(_TEXT + "tracked-changes"), *root.iter(*_MARKS)]:
                drop(element)
            edit.save(name)

    return Place((item,), remove)
