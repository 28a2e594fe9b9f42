"""Review markup in WordprocessingML (ECMA-376 Part 1): comments and tracked changes, read as
the free text they are and removed as Word's Document Inspector removes them.

- Comments (17.13.4): the comments part (`word/comments.xml`, relationship type `.../comments`)
  holds each comment's text; its companions `commentsExtended.xml` (w15), `commentsIds.xml`
  (w16cid) and `commentsExtensible.xml` (w16cex) hold its state and ids. The document marks
  each comment's anchor with `w:commentRangeStart`, `w:commentRangeEnd` and a run holding
  `w:commentReference`, in the body, headers, footers, footnotes and endnotes. Removal drops
  the parts (with their relationships and content-type overrides) and every anchor.
- Tracked changes (17.13.5): `w:ins`/`w:moveTo` (inserted text, shown), `w:del`/`w:moveFrom`
  (deleted text, kept in `w:delText` and shown by Word's markup view), the same two as markers
  of a paragraph mark or a table row, `w:cellIns`/`w:cellDel`, the move and custom XML range
  markers, and the `w:*PrChange` records of earlier formatting. Removal resolves them as the
  final document shows them, as "Accept All Changes" does: insertions kept, deletions removed
  (a deleted paragraph mark joins its paragraph to the next; a deleted row or cell goes), the
  earlier formatting records dropped.

Both are FREE_TEXT items (SL102): comments and deleted text are where pupils get named ("don't
include Tyler - no consent"); the item's value is that text, shown only with --show-values.
"""

from __future__ import annotations

import posixpath
import re

from .model import FREE_TEXT, MetaItem, clip
from .places import Place

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The comment parts, by the last word of their relationship type and by the names Word gives them.
_COMMENT_TYPES = ("comments", "commentsExtended", "commentsIds", "commentsExtensible")
_COMMENT_PART = re.compile(r"word/comments(Extended|Ids|Extensible)?\.xml")
_ANCHORS = (_W + "commentRangeStart", _W + "commentRangeEnd", _W + "commentReference")
# Every tracked change names its author (w:author is required, 17.13.5), and a part without
# "author" in its bytes holds none: a memchr-speed test before any parse (the authors place,
# package.Edit.authors, parses the same parts). Comment anchors are looked for only when the
# package has comments, in the parts whose bytes hold "commentR".
_AUTHOR, _ANCHOR = b"author", b"commentR"
_REMOVED = tuple(_W + local for local in (
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "customXmlInsRangeStart",
    "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd", "customXmlMoveFromRangeStart",
    "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd", "rPrChange", "pPrChange",
    "sectPrChange", "tblPrChange", "tblPrExChange", "tcPrChange", "trPrChange", "tblGridChange", "numberingChange",
    "cellIns"))
_DELETED, _INSERTED = (_W + "del", _W + "moveFrom"), (_W + "ins", _W + "moveTo")


def places(edit, related) -> list[Place]:
    """The review-markup places of a Word package. `edit`: the package.Edit (tree, save, changes);
    `related(kind)`: the parts whose relationship type ends in `kind`; `forget(name)` on `edit`
    removes a part with its relationships and content-type override."""
    names = edit.package.names
    comment_parts = [name for name in dict.fromkeys(
        [name for kind in _COMMENT_TYPES for name in related(kind)]
        + [name for name in names if _COMMENT_PART.fullmatch(name)]) if name in names and name.startswith("word/")]
    parts = [name for name in names if re.fullmatch(r"word/[^/]+\.xml", name) and name not in comment_parts
             and name != "word/people.xml"]
    found = [_comments(edit, comment_parts, parts)] if comment_parts else []
    found.extend(_tracked(edit, name) for name in parts if edit.holds(name, _AUTHOR))
    return [place for place in found if place.items]


def _comments(edit, parts: list[str], stories: list[str]) -> Place:
    texts = [" ".join("".join(comment.itertext()).split())
             for name in parts if posixpath.basename(name) == "comments.xml"
             for comment in edit.tree(name).iter(_W + "comment")]
    texts = [text for text in texts if text]
    item = MetaItem(FREE_TEXT, f"{parts[0]}: comments", parts[0], clip("; ".join(texts)) or None)

    def remove(kinds):
        if FREE_TEXT not in kinds:
            return
        for name in parts:
            edit.forget(name)
        for name in [name for name in stories if edit.holds(name, _ANCHOR)]:   # looked for only when removing
            root = edit.tree(name)
            anchors = list(root.iter(*_ANCHORS))
            for anchor in anchors:
                run = anchor.getparent()
                # a reference's run holds nothing else (its run properties aside): it goes with it
                if anchor.tag == _W + "commentReference" and all(
                        child is anchor or child.tag == _W + "rPr" for child in run):
                    drop(run)
                else:
                    drop(anchor)
            if anchors:
                edit.save(name)

    return Place((item,), remove)


def _tracked(edit, name: str) -> Place:
    root = edit.tree(name)
    changes = list(root.iter(*_DELETED, *_INSERTED, *_REMOVED, _W + "cellDel"))
    if not changes:
        return Place((), lambda kinds: None)
    deleted = [" ".join("".join(element.itertext()).split()) for element in root.iter(*_DELETED)]
    deleted = [text for text in deleted if text]
    what = f"{len(changes)} tracked change{'s' if len(changes) > 1 else ''}"
    item = MetaItem(FREE_TEXT, f"{name}: tracked changes", name, clip(f"{what}; deleted: " + "; ".join(deleted))
                    if deleted else what)

    def remove(kinds):
        if FREE_TEXT in kinds:
            accept_all(root)
            edit.save(name)

    return Place((item,), remove)


def accept_all(root) -> None:
    """Resolve every tracked change in this part as the final document shows it (module docstring)."""
    marks = []   # paragraphs whose mark was deleted: joined to the next once the runs are resolved
    for element in list(root.iter(*_DELETED)):
        holder = element.getparent()
        if holder is None:
            continue
        if holder.tag == _W + "rPr" and holder.getparent() is not None and holder.getparent().tag == _W + "pPr":
            marks.append(holder.getparent().getparent())
            drop(element)
        elif holder.tag == _W + "trPr":
            drop(holder.getparent())                 # a deleted table row
        elif holder.tag == _W + "rPr":
            drop(element)                            # a marker elsewhere (a numbering level's mark)
        else:
            drop(element)                            # deleted runs with their text
    for element in list(root.iter(_W + "cellDel")):
        cell = element.getparent().getparent() if element.getparent() is not None else None
        drop(cell if cell is not None and cell.tag == _W + "tc" else element)
    for element in list(root.iter(*_INSERTED)):
        holder = element.getparent()
        if holder is None:
            continue
        if holder.tag in (_W + "rPr", _W + "trPr"):
            drop(element)                            # an inserted paragraph mark or row: kept as it is
        else:
            _unwrap(element)
    for element in list(root.iter(*_REMOVED)):
        drop(element)
    for paragraph in marks:
        _join_next(paragraph)


def _join_next(paragraph) -> None:
    """A paragraph whose mark was deleted: its content moves to the start of the next paragraph
    (whose mark, and so properties, the joined paragraph keeps); with no next paragraph beside it
    the mark stays. An empty paragraph simply goes."""
    following = paragraph.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    content = [child for child in paragraph if child.tag != _W + "pPr"]
    if following is None or following.tag != _W + "p":
        return
    at = 1 if len(following) and following[0].tag == _W + "pPr" else 0
    for offset, child in enumerate(content):
        following.insert(at + offset, child)
    drop(paragraph)


def _unwrap(element) -> None:
    parent = element.getparent()
    at = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(at + offset, child)
    drop(element)


def drop(element) -> None:
    """Remove an element; the text after it (its tail: ODF's mixed content, white space in Word's)
    stays with what came before it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
