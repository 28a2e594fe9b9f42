"""Comments in PowerPoint and Excel files (ECMA-376 Part 1; [MS-PPTX], [MS-XLSX]): their text read
as free text, removed as the Document Inspector's "Comments" removes them.

- PowerPoint: a slide's comments part (`ppt/comments/comment1.xml`, `p:cm` with `p:text`; the
  2018 "modern" comments `ppt/comments/modernComment_*.xml`, `p188:cm` with a text body), related
  from the slide; a modern comment part is also named by a `p188:commentRel r:id` in the slide's
  extension list.
- Excel: a sheet's notes (`xl/comments1.xml`, `comment` with `text`), drawn through the sheet's
  VML drawing (`legacyDrawing r:id`), and its threaded comments
  (`xl/threadedComments/threadedComment1.xml`).

Removal drops each comments part (ooxml.forget: its relationships and content-type override),
every element of the part that related it that still names a removed relationship by `r:id`
(an extension left empty goes too), and a sheet's VML drawing when it draws notes only (a VML
drawing with form controls stays: Excel ignores a note shape whose comment is gone). The authors
parts stay, their names emptied by the authors place (package.Edit.authors).
"""

from __future__ import annotations

import posixpath
import re

from .model import FREE_TEXT, MediaError, MetaItem, clip
from .ooxml_review import drop
from .places import Place

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_COMMENT_TYPES = ("comments", "threadedComment")
_NAMED = re.compile(r"ppt/comments/[^/]+\.xml|xl/comments[^/]*\.xml|xl/(comments|threadedComments)/[^/]+\.xml")
_ONE_COMMENT = ("cm", "comment", "threadedComment")     # local names of one comment in each part
_VML_NOTE = re.compile(rb"ObjectType=\"(\w+)\"")


def places(edit) -> list[Place]:
    """A place per PowerPoint or Excel comments part (`edit`: ooxml's _Edit)."""
    related = [target for _rels, rel, target in edit.relationships()
               if rel.get("Type", "").rpartition("/")[2] in _COMMENT_TYPES]
    named = [name for name in edit.package.names if _NAMED.fullmatch(name)]
    parts = [name for name in dict.fromkeys(related + named)
             if name in edit.package.names and name.startswith(("ppt/", "xl/"))]
    return [place for place in (_comments(edit, name) for name in parts) if place.items]


def _comments(edit, name: str) -> Place:
    root = edit.tree(name)
    texts = [" ".join(" ".join(element.itertext()).split()) for element in root.iter()
             if isinstance(element.tag, str) and element.tag.rpartition("}")[2] in _ONE_COMMENT]
    item = MetaItem(FREE_TEXT, f"{name}: comments", name, clip("; ".join(text for text in texts if text)) or None)

    def remove(kinds):
        if FREE_TEXT not in kinds or edit.removed(name):
            return
        sources = {source for source, _rel, target in _links(edit) if target == name}
        edit.forget(name)
        for source in sources:
            _notes_drawing(edit, source)
            _unreferenced(edit, source)

    return Place((item,) if texts else (), remove)


def _links(edit):
    """(source part, Relationship, target part) for every internal relationship."""
    for rels, rel, target in edit.relationships():
        yield posixpath.join(posixpath.dirname(posixpath.dirname(rels)), posixpath.basename(rels)[:-5]), rel, target


def _notes_drawing(edit, sheet: str) -> None:
    """A sheet's VML drawing, removed when every shape it draws is a note."""
    for source, rel, target in list(_links(edit)):
        if source != sheet or rel.get("Type", "").rpartition("/")[2] != "vmlDrawing" or edit.removed(target):
            continue
        try:
            kinds = set(_VML_NOTE.findall(edit.package.part(target)))
        except MediaError:
            continue
        if kinds == {b"Note"}:
            edit.forget(target)


def _unreferenced(edit, source: str) -> None:
    """Drop the elements of `source` whose r:id names a relationship that is gone."""
    if source not in edit.package.names or edit.removed(source) or not source.endswith(".xml"):
        return
    rels = posixpath.join(posixpath.dirname(source), "_rels", posixpath.basename(source) + ".rels")
    if rels not in edit.package.names:
        return
    kept = {rel.get("Id") for rel in edit.tree(rels).iter(_RELS + "Relationship")}   # external ones too
    root = edit.tree(source)
    dangling = [element for element in root.iter() if isinstance(element.tag, str)
                and any(key.startswith(_R) and value not in kept for key, value in element.attrib.items())]
    for element in dangling:
        holder = element.getparent()
        drop(element)
        while holder is not None and len(holder) == 0 and holder.tag.rpartition("}")[2] in ("ext", "extLst"):
            element, holder = holder, holder.getparent()
            drop(element)
    if dangling:
        edit.save(source)
