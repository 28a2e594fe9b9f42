"""The 'meta' box: QuickTime metadata and HEIF items share one container.

ISO/IEC 14496-12 section 8.11.1: a full box whose handler says what it holds;
QuickTime writes it as a plain box (its payload starts with the size of its
'hdlr'). Its children are QuickTime's 'keys' and 'ilst' (quicktime.py),
HEIF's item boxes (heif.py), XML and ID3 (reported whole); the
item list and the items are read once the whole box is known, because 'iloc'
may come after the items it places.
"""

from __future__ import annotations

from ..meanings import unknown
from ..model import MetaItem
from . import heif
from .boxes import Box, Survey, freed
from .quicktime import item_list, read_keys


_OPAQUE = {b"xml ": "XML", b"bxml": "XML", b"ID32": "ID3"}


def meta(s: Survey, box: Box, path: str) -> None:
    # ISO meta is a full box; QuickTime's is not, and starts with the size of its hdlr.
    skip = 4 if bytes(s.data[box.body:box.body + 4]) == b"\0\0\0\0" else 0
    keys: dict[int, str] = {}
    ilst: Box | None = None
    items = heif.Items()
    for child in s.children(box, skip):
        if child.type == b"keys":
            keys.update(read_keys(s, child))
        elif child.type == b"ilst":
            ilst = child
        elif child.type in heif.ITEM_BOXES:
            heif.ITEM_BOXES[child.type](s, items, child)
        elif child.type in _OPAQUE:
            # Section 8.11.2: XML of the handler's schema (Sony cameras' NonRealTimeMeta names the
            # camera's model and serial number); an ID3v2 tag (MP4 registration authority 'ID32').
            # schoollint does not read them, so each is reported and goes whole.
            s.hold([MetaItem(*unknown(f"{_OPAQUE[child.type]} box '{child.name.strip()}' in '{box.name}'"),
                             f"{path}/{child.name}")], freed(child))
    if ilst is not None:
        item_list(s, keys, ilst, f"{path}/ilst")
    heif.read_items(s, items, top=path == "meta")
