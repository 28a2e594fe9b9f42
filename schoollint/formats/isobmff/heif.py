"""HEIF items: where a photo's Exif and XMP are, and how it is turned for display.

ISO/IEC 23008-12 (HEIF) over ISO/IEC 14496-12 section 8.11: 'pitm' (primary
item), 'iinf' > 'infe' (item types: 'Exif', or 'mime' with
application/rdf+xml for XMP), 'iloc' (extents, in the file or in 'idat'),
'iprp' > 'ipco' + 'ipma' (properties and their association: 'ispe' size,
'clap' crop, 'irot' and 'imir' transforms, ICC 'colr'). A flagged Exif item
becomes a minimal EXIF that keeps Orientation (CIPA DC-008), a flagged XMP
item an empty packet padded with spaces (the Adobe XMP Part 1 packet wrapper allows it);
an item whose bytes an image item also uses is refused (MediaError).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import MediaError
from .boxes import Blank, Box, Cursor, Survey


EMPTY_XMP_HEAD = (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
                  b'<x:xmpmeta xmlns:x="adobe:ns:meta/"/>')
EMPTY_XMP_TAIL = b'<?xpacket end="w"?>'
# Real photos list tens of items (an iPhone grid: 48 tiles, Exif, XMP, depth, gain map); a hostile
# file lists tens of thousands to make a reader slow. Beyond this the file is refused (SL105).
MAX_ITEMS = 10_000


@dataclass
class Items:
    """What one 'meta' box lists of its items, gathered before any is read (iloc may come last)."""

    primary: int | None = None
    item_types: dict[int, tuple[bytes, bytes]] = field(default_factory=dict)   # id: (type, content type)
    locations: dict[int, tuple[int, list[tuple[int, int]]]] = field(default_factory=dict)
    properties: list[Box] = field(default_factory=list)
    associations: dict[int, list[int]] = field(default_factory=dict)   # id: 1-based property indices
    idat: Box | None = None


def _pitm(s: Survey, items: Items, box: Box) -> None:
    cursor = Cursor(s.data, box, s.label)
    version = cursor.uint(4) >> 24
    items.primary = cursor.uint(4 if version else 2)


def _iinf(s: Survey, items: Items, box: Box) -> None:
    version = s.data[box.body] if box.body < box.end else 0
    count = int.from_bytes(bytes(s.data[box.body + 4:box.body + (8 if version else 6)]), "big")
    _cap(s, count, "iinf")
    for entry in s.children(box, 4 + (4 if version else 2)):
        if entry.type == b"infe":
            _infe(s, items, entry)


def _infe(s: Survey, items: Items, box: Box) -> None:
    cursor = Cursor(s.data, box, s.label)
    version = cursor.uint(4) >> 24
    if version < 2:   # item_ID protection name content_type: the old form only carried MIME items
        item_id, _, _ = cursor.uint(2), cursor.uint(2), cursor.cstring()
        items.item_types[item_id] = (b"mime", cursor.cstring())
        return
    item_id = cursor.uint(2 if version == 2 else 4)
    cursor.uint(2)                       # protection index
    item_type = cursor.take(4)
    cursor.cstring()                     # item name
    content_type = cursor.cstring() if item_type == b"mime" else b""
    items.item_types[item_id] = (item_type, content_type)


def _iloc(s: Survey, items: Items, box: Box) -> None:
    cursor = Cursor(s.data, box, s.label)
    version = cursor.uint(4) >> 24
    sizes = cursor.uint(2)
    offset_size, length_size, base_size = sizes >> 12, (sizes >> 8) & 15, (sizes >> 4) & 15
    index_size = sizes & 15 if version in (1, 2) else 0
    for size in (offset_size, length_size, base_size, index_size):
        if size not in (0, 4, 8):
            raise MediaError(f"{s.label}: box 'iloc' at offset {box.start} uses {size}-byte fields")
    count = cursor.uint(4 if version == 2 else 2)
    _cap(s, count, "iloc")
    for _ in range(count):
        item_id = cursor.uint(4 if version == 2 else 2)
        method = cursor.uint(2) & 15 if version in (1, 2) else 0
        cursor.uint(2)                   # data reference: 0 is this file
        base = cursor.uint(base_size)
        extent_count = cursor.uint(2)
        extents = []
        # Fields of zero bytes would let a huge count loop without reading: one extent says it all.
        for _ in range(extent_count if index_size + offset_size + length_size else min(extent_count, 1)):
            cursor.uint(index_size)
            extents.append((base + cursor.uint(offset_size), cursor.uint(length_size)))
        items.locations[item_id] = (method, extents)


def _cap(s: Survey, count: int, box: str) -> None:
    if count > MAX_ITEMS:
        raise MediaError(f"{s.label}: box '{box}' lists {count:,} items, more than schoollint reads "
                         f"({MAX_ITEMS:,}; real photos list tens)")


def _iprp(s: Survey, items: Items, box: Box) -> None:
    for child in s.children(box):
        if child.type == b"ipco":
            items.properties.extend(s.children(child))
            if any(box.type == b"colr" and bytes(s.data[box.body:box.body + 4]) in (b"prof", b"rICC")
                   for box in items.properties) and "ICC profile kept" not in s.notes:
                s.notes.append("ICC profile kept")
        elif child.type == b"ipma":
            _ipma(s, items, child)


def _ipma(s: Survey, items: Items, box: Box) -> None:
    cursor = Cursor(s.data, box, s.label)
    version_flags = cursor.uint(4)
    wide_ids, wide_indices = version_flags >> 24 >= 1, version_flags & 1
    for _ in range(cursor.uint(4)):
        item_id = cursor.uint(4 if wide_ids else 2)
        indices = items.associations.setdefault(item_id, [])
        for _ in range(cursor.uint(1)):
            # the top bit says "essential"; the rest is the 1-based property index
            indices.append(cursor.uint(2) & 0x7FFF if wide_indices else cursor.uint(1) & 0x7F)


def _idat(s: Survey, items: Items, box: Box) -> None:
    items.idat = box


def read_items(s: Survey, items: Items, top: bool) -> None:
    """Read each metadata item; for the file's own 'meta' (`top`), the primary image's size and turn."""
    kinds = {item_id: _item_kind(*types) for item_id, types in items.item_types.items()}
    metadata = {item_id for item_id, kind in kinds.items() if kind in _ITEM_READERS}
    others = _Spans(s, items, metadata) if metadata else None
    for item_id in sorted(metadata):
        extents = _item_extents(s, items, item_id, kinds[item_id])
        if others is not None:
            others.refuse_overlap(item_id, extents)
        _ITEM_READERS[kinds[item_id]](s, item_id, extents)
    if top and items.primary is not None:
        _primary_properties(s, items, items.primary)


def _item_kind(item_type: bytes, content_type: bytes) -> str:
    if item_type == b"mime" and content_type.split(b";")[0].strip() == b"application/rdf+xml":
        return "XMP"
    return item_type.decode("latin-1")


class _Spans:
    """The byte ranges of every item that is not metadata (the pictures), sorted, so that a
    metadata item's overlap with any of them is found by bisection: linear time overall, where
    comparing each metadata item with every other item took quadratic time (issue 17 item 13)."""

    def __init__(self, s: Survey, items: Items, metadata: set[int]):
        import itertools

        self.label = s.label
        spans: list[tuple[int, int, int]] = []
        for other, (method, extents) in items.locations.items():
            if other in metadata or method not in (0, 1) or (method == 1 and items.idat is None):
                continue
            base = items.idat.body if method == 1 and items.idat is not None else 0
            spans.extend((base + offset, base + offset + length if length else len(s.data), other)
                         for offset, length in extents)
        spans.sort()
        self.starts = [start for start, _, _ in spans]
        self.spans = spans
        self.reach = list(itertools.accumulate((stop for _, stop, _ in spans), max))  # furthest end so far

    def refuse_overlap(self, item_id: int, extents) -> None:
        # Blanking bytes that an image item also uses would destroy the picture: refuse such a file.
        import bisect

        for offset, length in extents:
            before = bisect.bisect_left(self.starts, offset + length)     # spans starting before our end
            if before and self.reach[before - 1] > offset:
                other = next(other for start, stop, other in self.spans[:before] if stop > offset)
                raise MediaError(f"{self.label}: the metadata item {item_id} shares bytes with item "
                                 f"{other}; schoollint will not blank it")


def _item_extents(s: Survey, items: Items, item_id: int, what: str) -> list[tuple[int, int]]:
    """(file offset, length) of each extent of an item, checked against the file or idat."""
    if item_id not in items.locations:
        raise MediaError(f"{s.label}: the {what} item {item_id} has no location in 'iloc'")
    method, extents = items.locations[item_id]
    if method == 0:
        start, end = 0, len(s.data)
    elif method == 1 and items.idat is not None:
        start, end = items.idat.body, items.idat.end
    else:
        raise MediaError(f"{s.label}: the {what} item {item_id} is stored by construction "
                         f"method {method}, which schoollint cannot read")
    placed = []
    for offset, length in extents:
        offset += start
        length = length or end - offset        # 0: the rest of the file (or idat)
        if offset < start or offset + length > end:
            raise MediaError(f"{s.label}: the {what} item {item_id} at offset {offset} "
                             f"runs past the end of the {'file' if method == 0 else 'idat box'}")
        placed.append((offset, length))
    return placed


def _gather(s: Survey, extents: list[tuple[int, int]]) -> bytes:
    return b"".join(bytes(s.data[offset:offset + length]) for offset, length in extents)


def _scatter(extents: list[tuple[int, int]], payload: bytes, pad: bytes) -> tuple[Blank, ...]:
    blanks, used = [], 0
    for offset, length in extents:
        blanks.append(Blank(offset, length, payload[used:used + length], pad))
        used += length
    return tuple(blanks)


def _exif_item(s: Survey, item_id: int, extents: list[tuple[int, int]]) -> None:
    from ..embedded import parse_exif_block
    from ..exif import minimal_exif

    payload = _gather(s, extents)
    if not any(payload):
        return      # an Exif item already blanked to zeros holds nothing
    # The item starts with the offset of the TIFF header (Apple writes 6, past "Exif\0\0").
    if len(payload) < 4 or int.from_bytes(payload[:4], "big") > len(payload) - 4:
        raise MediaError(f"{s.label}: the Exif item {item_id} has no TIFF header inside its "
                         f"{len(payload)} bytes")
    tiff = payload[4 + int.from_bytes(payload[:4], "big"):]
    where = "HEIF Exif item"
    info = parse_exif_block(tiff, where)
    # Orientation 1 is what a reader assumes without one; a valid EXIF reads better than zeros.
    replacement = b"\0\0\0\0" + minimal_exif(info.orientation or 1, big_endian=info.big_endian)
    if len(replacement) > len(payload):
        replacement = b""       # too small for even the minimal EXIF: zeros, read back as empty
    s.hold(info.items, _scatter(extents, replacement, b"\0"))


def _xmp_item(s: Survey, item_id: int, extents: list[tuple[int, int]]) -> None:
    from ..xmp import parse_xmp

    # An empty but valid packet, padded with the spaces XMP allows, so readers find no error.
    room = sum(length for _, length in extents)
    padding = b" " * (room - len(EMPTY_XMP_HEAD) - len(EMPTY_XMP_TAIL))
    empty = EMPTY_XMP_HEAD + padding + EMPTY_XMP_TAIL if padding else b""
    s.hold(parse_xmp(_gather(s, extents), "HEIF XMP item"), _scatter(extents, empty, b" "))


_ITEM_READERS = {"Exif": _exif_item, "XMP": _xmp_item}


def _primary_properties(s: Survey, items: Items, primary: int) -> None:
    transform = (1, 0, 0, 1)
    transformed = False
    for index in items.associations.get(primary, []):
        if not 1 <= index <= len(items.properties):
            continue        # index 0 means "no property"; past the end, a broken writer
        box = items.properties[index - 1]
        if box.type == b"ispe":
            cursor = Cursor(s.data, box, s.label, skip=4)
            s.width, s.height = cursor.uint(4), cursor.uint(4)
        elif box.type == b"clap":   # the coded image cropped: width and height as fractions
            width_n, width_d, height_n, height_d = struct.unpack(">4I", Cursor(s.data, box, s.label).take(16))
            if width_d and height_d:
                s.width, s.height = round(width_n / width_d), round(height_n / height_d)
        elif box.type in _TRANSFORMS:
            step = _TRANSFORMS[box.type](Cursor(s.data, box, s.label).uint(1))
            transform = _compose(step, transform)
            transformed = True
    if transformed:
        s.orientation = _ORIENTATIONS.get(transform)


def _compose(after: tuple, before: tuple) -> tuple:
    a, b, c, d = after
    e, f, g, h = before
    return (a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h)


# irot turns anticlockwise in quarter turns; imir flips top to bottom (0) or left to
# right (1), as libheif and Apple read it. As 2x2 matrices on (x right, y down) coordinates:
_QUARTER_TURNS_ANTICLOCKWISE = {0: (1, 0, 0, 1), 1: (0, 1, -1, 0), 2: (-1, 0, 0, -1), 3: (0, -1, 1, 0)}
_TRANSFORMS: dict[bytes, Callable[[int], tuple]] = {
    b"irot": lambda value: _QUARTER_TURNS_ANTICLOCKWISE[value & 3],
    b"imir": lambda value: (-1, 0, 0, 1) if value & 1 else (1, 0, 0, -1),
}
# The same matrices for each EXIF orientation (how to turn the stored image for display).
_ORIENTATIONS = {
    (1, 0, 0, 1): 1, (-1, 0, 0, 1): 2, (-1, 0, 0, -1): 3, (1, 0, 0, -1): 4,
    (0, 1, 1, 0): 5, (0, -1, 1, 0): 6, (0, -1, -1, 0): 7, (0, 1, -1, 0): 8,
}


# The children of 'meta' that describe items, by box type.
ITEM_BOXES = {b"pitm": _pitm, b"iinf": _iinf, b"iloc": _iloc, b"iprp": _iprp, b"idat": _idat}
