"""ISO base media files: HEIC/HEIF and AVIF photos, MP4 and QuickTime MOV videos.

The file is a tree of boxes (size, type, payload). Photos keep Exif and XMP as
items of the top-level 'meta' box, found through 'iinf' (what each item is)
and 'iloc' (where its bytes are); videos keep metadata in 'moov': user data
atoms in 'udta', Apple 'keys' + 'ilst' in 'meta', and XMP in a 'uuid' box.
The media data ('mdat') is never read, only stepped over by its size.

Stripping blanks in place and never moves a byte: 'iloc', 'stco' and 'co64'
hold absolute file offsets, so a box that shrank would break every photo and
video after it. A flagged metadata box becomes a 'free' box of the same size,
its payload zeroed (every reader skips 'free'); a flagged Exif item becomes a
minimal EXIF that keeps Orientation, and a flagged XMP item an empty packet
padded with spaces.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from .model import FREE_TEXT, IDENTITY, LOCATION, PREVIEW, TIMESTAMP, MediaError, MediaFacts, MetaItem, clip

FORMAT = "ISOBMFF"
EXTENSIONS = (".heic", ".heif", ".hif", ".avif", ".mp4", ".m4v", ".mov", ".3gp")

XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
EMPTY_XMP_HEAD = (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
                  b'<x:xmpmeta xmlns:x="adobe:ns:meta/"/>')
EMPTY_XMP_TAIL = b'<?xpacket end="w"?>'
# QuickTime files from before ftyp existed start straight with one of these.
_OLD_QUICKTIME_FIRST_BOXES = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
_BRAND_FORMATS = {b"heic": "HEIC", b"heix": "HEIC", b"heim": "HEIC", b"heis": "HEIC", b"hevc": "HEIC",
                  b"hevx": "HEIC", b"avif": "AVIF", b"avis": "AVIF"}
_GENERIC_IMAGE_BRANDS = (b"mif1", b"msf1", b"miaf")   # the codec is named among the compatible brands


def accept(prefix: bytes) -> bool:
    if len(prefix) < 8:
        return False
    size = int.from_bytes(prefix[:4], "big")
    kind = prefix[4:8]
    if kind == b"ftyp":
        return size >= 8
    return kind in _OLD_QUICKTIME_FIRST_BOXES and (size in (0, 1) or size >= 8)


def format_of(data) -> str:
    """HEIC, HEIF, AVIF, MP4 or MOV, from the brands of the ftyp box."""
    if bytes(data[4:8]) != b"ftyp":
        return "MOV"
    size = min(int.from_bytes(data[:4], "big"), len(data), 4096)
    major = bytes(data[8:12])
    if major in _BRAND_FORMATS:
        return _BRAND_FORMATS[major]
    if major in _GENERIC_IMAGE_BRANDS:
        compatible = (bytes(data[i:i + 4]) for i in range(16, size - 3, 4))
        return next((_BRAND_FORMATS[brand] for brand in compatible if brand in _BRAND_FORMATS), "HEIF")
    return "MOV" if major == b"qt  " else "MP4"


# --- boxes -------------------------------------------------------------------

@dataclass(frozen=True)
class Box:
    type: bytes
    start: int      # where its size field is
    header: int     # 8, or 16 with a 64-bit size (the uuid usertype is part of `body`)
    end: int

    @property
    def body(self) -> int:
        return self.start + self.header + (16 if self.type == b"uuid" else 0)

    @property
    def name(self) -> str:
        return box_name(self.type)


def box_name(kind: bytes) -> str:
    """A printable name: '©xyz' for QuickTime's 0xA9 atoms, 'item 3' for Apple's numbered ones."""
    if kind[:1] == b"\0":
        return f"item {int.from_bytes(kind, 'big')}"
    return "".join(c if c.isprintable() else "?" for c in kind.decode("latin-1"))


def boxes(data, start: int, end: int, label: str, parent: str = "the file") -> Iterator[Box]:
    """The boxes laid end to end in data[start:end]; MediaError where a size lies."""
    offset = start
    while offset < end:
        left = end - offset
        if left < 8:
            if any(bytes(data[offset:end])):     # QuickTime pads lists with a zero word
                raise MediaError(f"{label}: {left} stray bytes at offset {offset} at the end of {parent}")
            return
        size, kind = struct.unpack_from(">I4s", data, offset)
        header = 8
        if size == 1:
            if left < 16:
                raise MediaError(f"{label}: box '{box_name(kind)}' at offset {offset} is cut off "
                                 f"inside its 64-bit size")
            (size,) = struct.unpack_from(">Q", data, offset + 8)
            header = 16
        elif size == 0:                          # "to the end": of the file, or of the parent
            size = left
        box = Box(kind, offset, header, offset + size)
        if size < header or box.body > box.end:
            raise MediaError(f"{label}: box '{box.name}' at offset {offset} claims {size} bytes, "
                             f"too few for its own header")
        if size > left:
            raise MediaError(f"{label}: box '{box.name}' at offset {offset} runs past the end of {parent}")
        yield box
        offset = box.end


class Cursor:
    """Big-endian reads inside one box; each checks the bytes left in the box."""

    def __init__(self, data, box: Box, label: str, skip: int = 0):
        self.data, self.box, self.label = data, box, label
        self.pos, self.end = box.body + skip, box.end

    def take(self, size: int) -> bytes:
        if size > self.end - self.pos:
            raise MediaError(f"{self.label}: box '{self.box.name}' at offset {self.box.start} "
                             f"ends inside a field at offset {self.pos}")
        chunk = bytes(self.data[self.pos:self.pos + size])
        self.pos += size
        return chunk

    def uint(self, size: int) -> int:
        return int.from_bytes(self.take(size), "big")

    def cstring(self) -> bytes:
        # Writers that forget the terminator end the string at the end of the box.
        stop = self.data.find(b"\0", self.pos, self.end)
        stop = self.end if stop < 0 else stop
        text = bytes(self.data[self.pos:stop])
        self.pos = min(stop + 1, self.end)
        return text


# --- what a file holds and how to blank it -------------------------------------

@dataclass(frozen=True)
class Blank:
    """Overwrite data[offset:offset+length] with `text`, then `pad` to the end."""

    offset: int
    length: int
    text: bytes = b""
    pad: bytes = b"\0"

    def bytes(self) -> bytes:
        return self.text[:self.length] + self.pad * max(self.length - len(self.text), 0)


@dataclass(frozen=True)
class Holder:
    """One metadata box or item: what it holds, and the blanks that empty it."""

    items: tuple[MetaItem, ...]
    blanks: tuple[Blank, ...]


def freed(box: Box) -> tuple[Blank, ...]:
    # The size field stays; the type becomes 'free' and everything after the header is zeroed.
    return Blank(box.start + 4, 4, b"free"), Blank(box.start + box.header, box.end - box.start - box.header)


@dataclass
class Survey:
    """Everything read from one file: facts, and each metadata holder with its blanks."""

    data: object        # bytes or mmap
    label: str
    holders: list[Holder] = field(default_factory=list)
    width: int | None = None
    height: int | None = None
    orientation: int | None = None
    notes: list[str] = field(default_factory=list)

    def children(self, box: Box, skip: int = 0) -> Iterator[Box]:
        return boxes(self.data, box.body + skip, box.end, self.label, f"box '{box.name}'")

    def payload(self, box: Box, skip: int = 0) -> bytes:
        return bytes(self.data[box.body + skip:box.end])

    def hold(self, items, blanks) -> None:
        if items:
            self.holders.append(Holder(tuple(items), tuple(blanks)))

    def walk(self, box: Box, table: dict, path: str) -> None:
        for child in self.children(box):
            handler = table.get(child.type)
            if handler is not None:
                handler(self, child, f"{path}/{child.name}")


def survey(data) -> Survey:
    found = Survey(data, format_of(data))
    top = list(boxes(data, 0, len(data), found.label))
    if not any(box.type in (b"moov", b"meta") for box in top):
        raise MediaError(f"{found.label}: no 'moov' or 'meta' box, so nothing can play or show it "
                         f"(the file may be cut short)")
    for box in top:
        handler = _TOP.get(box.type)
        if handler is not None:
            handler(found, box, box.name)
    return found


def read(data) -> MediaFacts:
    found = survey(data)
    return MediaFacts(format=found.label, width=found.width, height=found.height,
                      orientation=found.orientation,
                      items=tuple(item for holder in found.holders for item in holder.items),
                      notes=tuple(found.notes))


def strip(data, kinds: frozenset[str]) -> bytes:
    """Blank every box or item holding an item of `kinds`; no other byte changes."""
    found = survey(data)
    flagged = [holder for holder in found.holders if any(item.kind in kinds for item in holder.items)]
    if not flagged:
        return bytes(data)
    out = bytearray(data)
    for blank in (blank for holder in flagged for blank in holder.blanks):
        out[blank.offset:blank.offset + blank.length] = blank.bytes()
    result = bytes(out)
    left = [item.field for holder in survey(result).holders for item in holder.items if item.kind in kinds]
    if left:   # a blank that did not take would be a leak we claimed to fix
        raise MediaError(f"{found.label}: could not blank {', '.join(sorted(set(left)))} in place")
    return result


# --- movies: moov, trak, udta, meta -------------------------------------------

def _container(table: dict) -> Callable:
    """A handler that walks a box's children through `table` (each level its own table,
    so no box type can nest into itself without end)."""
    def walk(s: Survey, box: Box, path: str) -> None:
        s.walk(box, table, path)
    return walk


def _tkhd(s: Survey, box: Box, path: str) -> None:
    # version/flags, times and ids (20 or 32 bytes), reserved(8) layer alt-group volume reserved(8),
    # matrix(36), width and height in 16.16 fixed point; audio tracks have 0 x 0.
    cursor = Cursor(s.data, box, s.label)
    version = cursor.uint(1)
    cursor.take(3 + (32 if version == 1 else 20) + 16)
    matrix = struct.unpack(">9i", cursor.take(36))
    width, height = cursor.uint(4) >> 16, cursor.uint(4) >> 16
    if width and height and s.width is None:
        s.width, s.height = width, height
        a, b, _, c, d = (round(number / 65536) for number in matrix[:5])
        s.orientation = _MATRIX_ORIENTATIONS.get((a, b, c, d))


def _stsd(s: Survey, box: Box, path: str) -> None:
    # Sample descriptions of a timed metadata track: GPS recorded alongside every frame.
    # Its samples lie among the video's in mdat; blanking them is not done yet, so a
    # strip that must remove one fails (in `strip`) rather than leave it behind.
    for entry in s.children(box, 8):       # version/flags, entry count
        label = _TELEMETRY.get(entry.type)
        if entry.type == b"mebx" and _has_location_key(s, entry):
            label = "GPS track"
        if label:
            s.hold([MetaItem(LOCATION, f"video {label}", path)], ())


def _has_location_key(s: Survey, entry: Box) -> bool:
    """Whether an Apple timed metadata sample entry ('mebx') declares a location key:
    after the sample entry header (8 bytes), 'keys' > one box per local key id > 'keyd'
    (namespace, then the key name)."""
    return any(s.payload(keyd, 4).startswith(_LOCATION_KEYS[:-1].encode())
               for keys in s.children(entry, 8) if keys.type == b"keys"
               for local in s.children(keys)
               for keyd in s.children(local) if keyd.type == b"keyd")


# The video track's display matrix (a b / c d, 16.16 fixed; a point maps to (ax + cy, bx + dy))
# as EXIF orientation numbers.
_MATRIX_ORIENTATIONS = {(1, 0, 0, 1): 1, (0, 1, -1, 0): 6, (-1, 0, 0, -1): 3, (0, -1, 1, 0): 8}


def _udta(s: Survey, box: Box, path: str) -> None:
    for child in s.children(box):
        if child.type in _UDTA:
            _UDTA[child.type](s, child, f"{path}/{child.name}")
        elif child.type in ATOMS:
            _atom(s, child, ATOMS[child.type], path, _udta_value(s, child), child)


def _atom(s: Survey, box: Box, kind_and_label, path: str, value: str | None, picture: Box | None) -> None:
    """One user data atom or item list entry; `picture` is the box that may hold an image."""
    kind, label = kind_and_label
    if value == "":
        return      # an empty title or author tells nothing
    if kind == LOCATION and value:
        value = _iso6709(value)
    embedded = _embedded(s, picture, path) if kind == PREVIEW and picture else []
    s.hold([MetaItem(kind, label, path, value), *embedded], freed(box))


def _xmp_box(s: Survey, box: Box, path: str) -> None:
    from .xmp import parse_xmp

    s.hold(parse_xmp(s.payload(box), path), freed(box))


def _uuid(s: Survey, box: Box, path: str) -> None:
    if bytes(s.data[box.start + box.header:box.body]) == XMP_UUID:
        _xmp_box(s, box, f"{path} XMP")


def _meta(s: Survey, box: Box, path: str) -> None:
    # ISO meta is a full box; QuickTime's is not, and starts with the size of its hdlr.
    skip = 4 if bytes(s.data[box.body:box.body + 4]) == b"\0\0\0\0" else 0
    meta = _Meta(top=path == "meta")
    for child in s.children(box, skip):
        handler = _META.get(child.type)
        if handler is not None:
            handler(s, meta, child)
    if meta.ilst is not None:
        _item_list(s, meta, meta.ilst, f"{path}/ilst")
    _image_items(s, meta)


def _item_list(s: Survey, meta: _Meta, ilst: Box, path: str) -> None:
    # Each item is a box named by a 4cc (iTunes style) or by its 1-based index into 'keys'.
    for item in s.children(ilst):
        if meta.keys:
            key = meta.keys.get(int.from_bytes(item.type, "big"), "")
            kind_and_label = KEYS.get(key) or (_LOCATION_DETAILS if key.startswith(_LOCATION_KEYS) else None)
        else:
            kind_and_label = ATOMS.get(item.type)
        if kind_and_label is not None:
            data = next((child for child in s.children(item) if child.type == b"data"), None)
            _atom(s, item, kind_and_label, path, _data_value(s, data) if data else None, data)


_LOCATION_KEYS = "com.apple.quicktime.location."      # accuracy, name, body, note, role...
_LOCATION_DETAILS = (LOCATION, "QuickTime location details")
# Sample entry formats of camera telemetry tracks, which carry GPS among other sensors.
_TELEMETRY = {b"gpmd": "GoPro telemetry track", b"camm": "camera motion track"}


# --- photos: HEIF items -------------------------------------------------------

@dataclass
class _Meta:
    """What one 'meta' box lists, gathered before any item is read (iloc may come last)."""

    top: bool
    keys: dict[int, str] = field(default_factory=dict)
    ilst: Box | None = None
    primary: int | None = None
    item_types: dict[int, tuple[bytes, bytes]] = field(default_factory=dict)   # id: (type, content type)
    locations: dict[int, tuple[int, list[tuple[int, int]]]] = field(default_factory=dict)
    properties: list[Box] = field(default_factory=list)
    associations: dict[int, list[int]] = field(default_factory=dict)   # id: 1-based property indices
    idat: Box | None = None


def _keys(s: Survey, meta: _Meta, box: Box) -> None:
    # full box, count, then entries shaped like boxes: size, namespace ('mdta'), key name
    for index, entry in enumerate(boxes(s.data, box.body + 8, box.end, s.label, "box 'keys'"), start=1):
        meta.keys[index] = bytes(s.data[entry.body:entry.end]).decode("utf-8", "replace")


def _ilst(s: Survey, meta: _Meta, box: Box) -> None:
    meta.ilst = box


def _pitm(s: Survey, meta: _Meta, box: Box) -> None:
    cursor = Cursor(s.data, box, s.label)
    version = cursor.uint(4) >> 24
    meta.primary = cursor.uint(4 if version else 2)


def _iinf(s: Survey, meta: _Meta, box: Box) -> None:
    version = s.data[box.body] if box.body < box.end else 0
    for entry in s.children(box, 4 + (4 if version else 2)):
        if entry.type == b"infe":
            _infe(s, meta, entry)


def _infe(s: Survey, meta: _Meta, box: Box) -> None:
    cursor = Cursor(s.data, box, s.label)
    version = cursor.uint(4) >> 24
    if version < 2:   # item_ID protection name content_type: the old form only carried MIME items
        item_id, _, _ = cursor.uint(2), cursor.uint(2), cursor.cstring()
        meta.item_types[item_id] = (b"mime", cursor.cstring())
        return
    item_id = cursor.uint(2 if version == 2 else 4)
    cursor.uint(2)                       # protection index
    item_type = cursor.take(4)
    cursor.cstring()                     # item name
    content_type = cursor.cstring() if item_type == b"mime" else b""
    meta.item_types[item_id] = (item_type, content_type)


def _iloc(s: Survey, meta: _Meta, box: Box) -> None:
    cursor = Cursor(s.data, box, s.label)
    version = cursor.uint(4) >> 24
    sizes = cursor.uint(2)
    offset_size, length_size, base_size = sizes >> 12, (sizes >> 8) & 15, (sizes >> 4) & 15
    index_size = sizes & 15 if version in (1, 2) else 0
    for size in (offset_size, length_size, base_size, index_size):
        if size not in (0, 4, 8):
            raise MediaError(f"{s.label}: box 'iloc' at offset {box.start} uses {size}-byte fields")
    count = cursor.uint(4 if version == 2 else 2)
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
        meta.locations[item_id] = (method, extents)


def _iprp(s: Survey, meta: _Meta, box: Box) -> None:
    for child in s.children(box):
        if child.type == b"ipco":
            meta.properties.extend(s.children(child))
            if any(box.type == b"colr" and bytes(s.data[box.body:box.body + 4]) in (b"prof", b"rICC")
                   for box in meta.properties) and "ICC profile kept" not in s.notes:
                s.notes.append("ICC profile kept")
        elif child.type == b"ipma":
            _ipma(s, meta, child)


def _ipma(s: Survey, meta: _Meta, box: Box) -> None:
    cursor = Cursor(s.data, box, s.label)
    version_flags = cursor.uint(4)
    wide_ids, wide_indices = version_flags >> 24 >= 1, version_flags & 1
    for _ in range(cursor.uint(4)):
        item_id = cursor.uint(4 if wide_ids else 2)
        indices = meta.associations.setdefault(item_id, [])
        for _ in range(cursor.uint(1)):
            # the top bit says "essential"; the rest is the 1-based property index
            indices.append(cursor.uint(2) & 0x7FFF if wide_indices else cursor.uint(1) & 0x7F)


def _idat(s: Survey, meta: _Meta, box: Box) -> None:
    meta.idat = box


def _image_items(s: Survey, meta: _Meta) -> None:
    kinds = {item_id: _item_kind(*types) for item_id, types in meta.item_types.items()}
    metadata = {item_id for item_id, kind in kinds.items() if kind in _ITEM_READERS}
    for item_id in sorted(metadata):
        extents = _item_extents(s, meta, item_id, kinds[item_id])
        _refuse_overlap(s, meta, item_id, extents, metadata)
        _ITEM_READERS[kinds[item_id]](s, item_id, extents)
    if meta.top and meta.primary is not None:
        _primary_properties(s, meta)


def _item_kind(item_type: bytes, content_type: bytes) -> str:
    if item_type == b"mime" and content_type.split(b";")[0].strip() == b"application/rdf+xml":
        return "XMP"
    return item_type.decode("latin-1")


def _refuse_overlap(s: Survey, meta: _Meta, item_id: int, extents, metadata: set[int]) -> None:
    # Blanking bytes that an image item also uses would destroy the picture: refuse such a file.
    mine = [(offset, offset + length) for offset, length in extents]
    for other, (method, other_extents) in meta.locations.items():
        if other in metadata or method not in (0, 1) or (method == 1 and meta.idat is None):
            continue
        base = 0 if method == 0 else meta.idat.body
        for offset, length in other_extents:
            start = base + offset
            stop = start + length if length else len(s.data)
            if any(start < end and begin < stop for begin, end in mine):
                raise MediaError(f"{s.label}: the metadata item {item_id} shares bytes with item "
                                 f"{other}; schoollint will not blank it")


def _item_extents(s: Survey, meta: _Meta, item_id: int, what: str) -> list[tuple[int, int]]:
    """(file offset, length) of each extent of an item, checked against the file or idat."""
    if item_id not in meta.locations:
        raise MediaError(f"{s.label}: the {what} item {item_id} has no location in 'iloc'")
    method, extents = meta.locations[item_id]
    if method == 0:
        start, end = 0, len(s.data)
    elif method == 1 and meta.idat is not None:
        start, end = meta.idat.body, meta.idat.end
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
    from .embedded import parse_exif
    from .exif import minimal_exif

    payload = _gather(s, extents)
    if not any(payload):
        return      # an Exif item already blanked to zeros holds nothing
    # The item starts with the offset of the TIFF header (Apple writes 6, past "Exif\0\0").
    if len(payload) < 4 or int.from_bytes(payload[:4], "big") > len(payload) - 4:
        raise MediaError(f"{s.label}: the Exif item {item_id} has no TIFF header inside its "
                         f"{len(payload)} bytes")
    tiff = payload[4 + int.from_bytes(payload[:4], "big"):]
    where = "HEIF Exif item"
    info = parse_exif(tiff, where)
    # Orientation 1 is what a reader assumes without one; a valid EXIF reads better than zeros.
    replacement = b"\0\0\0\0" + minimal_exif(info.orientation or 1, big_endian=info.big_endian)
    if len(replacement) > len(payload):
        replacement = b""       # too small for even the minimal EXIF: zeros, read back as empty
    s.hold(info.items, _scatter(extents, replacement, b"\0"))


def _xmp_item(s: Survey, item_id: int, extents: list[tuple[int, int]]) -> None:
    from .xmp import parse_xmp

    # An empty but valid packet, padded with the spaces XMP allows, so readers find no error.
    room = sum(length for _, length in extents)
    padding = b" " * (room - len(EMPTY_XMP_HEAD) - len(EMPTY_XMP_TAIL))
    empty = EMPTY_XMP_HEAD + padding + EMPTY_XMP_TAIL if padding else b""
    s.hold(parse_xmp(_gather(s, extents), "HEIF XMP item"), _scatter(extents, empty, b" "))


_ITEM_READERS = {"Exif": _exif_item, "XMP": _xmp_item}


def _primary_properties(s: Survey, meta: _Meta) -> None:
    transform = (1, 0, 0, 1)
    transformed = False
    for index in meta.associations.get(meta.primary, []):
        if not 1 <= index <= len(meta.properties):
            continue        # index 0 means "no property"; past the end, a broken writer
        box = meta.properties[index - 1]
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


# --- values -------------------------------------------------------------------

def _udta_value(s: Survey, box: Box) -> str | None:
    if box.type[:1] == b"\xa9":
        return _quicktime_text(s.payload(box))
    decode = _3GPP.get(box.type)
    if decode is None:
        return None         # binary: a thumbnail, maker data
    payload = s.payload(box)
    # Asset boxes are full boxes (version 0, flags 0); iMovie writes some as bare text.
    return decode(payload) if payload.startswith(b"\0\0\0\0") else _plain_text(payload)


def _quicktime_text(payload: bytes) -> str | None:
    # QuickTime international text: length(2) language(2) text. Languages below 0x400
    # are old Mac codes with Mac Roman text; above, packed ISO 639 with UTF-8.
    if payload[4:8] == b"data":    # some writers put an iTunes-style data box here
        return _text(payload[16:], "utf-8")
    if len(payload) < 4:
        return None
    length, language = struct.unpack_from(">HH", payload)
    return _text(payload[4:4 + length], "mac_roman" if language < 0x400 else "utf-8")


def _text(raw: bytes, encoding: str) -> str:
    if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
        encoding = "utf-16"
    return clip(raw.decode(encoding, "replace").rstrip("\0").strip())


def _3gpp_string(payload: bytes, start: int) -> tuple[str, int]:
    if payload[start:start + 2] in (b"\xfe\xff", b"\xff\xfe"):
        stop = next((i for i in range(start, len(payload) - 1, 2) if payload[i:i + 2] == b"\0\0"), len(payload))
        return _text(payload[start:stop], "utf-16"), stop + 2
    stop = payload.find(b"\0", start)
    stop = len(payload) if stop < 0 else stop
    return _text(payload[start:stop], "utf-8"), stop + 1


def _3gpp_text(payload: bytes) -> str:
    # 3GPP TS 26.244 asset box: version/flags(4) language(2) string
    return _3gpp_string(payload, 6)[0]


def _3gpp_keywords(payload: bytes) -> str:
    # version/flags(4) language(2) count(1), then (size(1) string) per keyword
    words, pos = [], 7
    for _ in range(payload[6] if len(payload) > 6 else 0):
        if pos >= len(payload):
            break
        size = payload[pos]
        words.append(_3gpp_string(payload[pos + 1:pos + 1 + size], 0)[0])
        pos += 1 + size
    return ", ".join(words)


def _3gpp_location(payload: bytes) -> str:
    # version/flags(4) language(2) name role(1) longitude latitude altitude (16.16 fixed)
    name, pos = _3gpp_string(payload, 6)
    if pos + 9 > len(payload):
        return name
    longitude, latitude = struct.unpack_from(">ii", payload, pos + 1)
    from .exif import format_position

    position = format_position(latitude / 65536, longitude / 65536)
    return f"{name} ({position})" if name else position


def _3gpp_year(payload: bytes) -> str | None:
    return str(int.from_bytes(payload[4:6], "big")) if len(payload) >= 6 else None


def _plain_text(payload: bytes) -> str:
    return _text(payload, "utf-8")


def _data_value(s: Survey, data: Box) -> str | None:
    # 'data' box: type indicator(4) locale(4) value; 1 and 2 are UTF-8 and UTF-16 text.
    payload = s.payload(data)
    kind, value = int.from_bytes(payload[:4], "big"), payload[8:]
    if kind in (1, 4):
        return _text(value, "utf-8")
    if kind in (2, 5):
        return _text(value, "utf-16-be")
    if kind in (21, 22) and 0 < len(value) <= 8:
        return str(int.from_bytes(value, "big", signed=kind == 21))
    return None


def _iso6709(text: str) -> str:
    """'+51.4169-000.0806/' as '51.4169, -0.0806'; text that is no position stays as it is."""
    match = re.match(r"\s*([+-][\d.]+)([+-][\d.]+)", text)
    if not match:
        return text
    latitude, longitude = _iso6709_angle(match[1], 2), _iso6709_angle(match[2], 3)
    if latitude is None or longitude is None:
        return text
    from .exif import format_position

    return format_position(latitude, longitude)


def _iso6709_angle(token: str, degree_digits: int) -> float | None:
    # ±DD.D, ±DDMM.M or ±DDMMSS.S (three degree digits for longitude)
    whole, _, fraction = token[1:].partition(".")
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        return None
    parts = [whole[:degree_digits], whole[degree_digits:degree_digits + 2], whole[degree_digits + 2:]]
    if len(whole) not in (degree_digits, degree_digits + 2, degree_digits + 4):
        return None
    numbers = [int(part) for part in parts if part]
    numbers[-1] += float("0." + fraction) if fraction else 0
    value = sum(number / 60 ** i for i, number in enumerate(numbers))
    return -value if token[0] == "-" else value


def _embedded(s: Survey, box: Box, path: str) -> list[MetaItem]:
    """Items inside a thumbnail or cover picture, which may carry its own EXIF and GPS."""
    from . import (  # the registry's plugins whose magic can start 0xFF or 0x89, in its order
        generic,
        jpeg,
        png,
    )

    payload = s.payload(box)
    for start in range(min(len(payload), 24)):
        prefix = payload[start:start + 32] if payload[start] in (0xFF, 0x89) else b""
        module = next((plugin for plugin in (jpeg, png, generic) if prefix and plugin.accept(prefix)), None)
        if module is not None:
            try:
                facts = module.read(payload[start:])
            except MediaError:
                return []
            return [replace(item, where=f"{path} {box.name} {item.where}") for item in facts.items]
    return []


# --- tables, as the specifications lay the boxes out ---------------------------

# QuickTime user data atoms (udta) and iTunes-style item names (ilst), with the
# 3GPP asset boxes and vendor atoms that carry a person, a place or a camera.
ATOMS = {
    b"\xa9xyz": (LOCATION, "QuickTime GPS position"),
    b"loci": (LOCATION, "3GPP location"),
    b"\xa9mak": (IDENTITY, "QuickTime camera make"),
    b"\xa9mod": (IDENTITY, "QuickTime camera model"),
    b"\xa9swr": (IDENTITY, "QuickTime software"),
    b"\xa9too": (IDENTITY, "QuickTime encoder"),
    b"\xa9ART": (IDENTITY, "QuickTime artist"),
    b"\xa9aut": (IDENTITY, "QuickTime author"),
    b"\xa9cpy": (IDENTITY, "QuickTime copyright"),
    b"\xa9prf": (IDENTITY, "QuickTime performers"),
    b"aART": (IDENTITY, "QuickTime album artist"),
    b"auth": (IDENTITY, "3GPP author"),
    b"perf": (IDENTITY, "3GPP performer"),
    b"cprt": (IDENTITY, "copyright"),
    b"TAGS": (IDENTITY, "camera maker data"),
    b"NCDT": (IDENTITY, "camera maker data"),
    b"\xa9day": (TIMESTAMP, "QuickTime creation date"),
    b"yrrc": (TIMESTAMP, "3GPP recording year"),
    b"\xa9nam": (FREE_TEXT, "QuickTime title"),
    b"\xa9des": (FREE_TEXT, "QuickTime description"),
    b"\xa9cmt": (FREE_TEXT, "QuickTime comment"),
    b"\xa9inf": (FREE_TEXT, "QuickTime information"),
    b"\xa9lyr": (FREE_TEXT, "QuickTime lyrics"),
    b"desc": (FREE_TEXT, "QuickTime description"),
    b"ldes": (FREE_TEXT, "QuickTime description"),
    b"titl": (FREE_TEXT, "3GPP title"),
    b"dscp": (FREE_TEXT, "3GPP description"),
    b"kywd": (FREE_TEXT, "3GPP keywords"),
    b"clfn": (FREE_TEXT, "clip file name"),
    b"thmb": (PREVIEW, "video thumbnail"),
    b"CNTH": (PREVIEW, "video thumbnail"),
    b"covr": (PREVIEW, "cover picture"),
}
# How the non-QuickTime atoms above store their text (QuickTime's own © atoms all share one form).
_3GPP = {
    b"titl": _3gpp_text, b"dscp": _3gpp_text, b"cprt": _3gpp_text, b"perf": _3gpp_text,
    b"auth": _3gpp_text, b"kywd": _3gpp_keywords, b"loci": _3gpp_location, b"yrrc": _3gpp_year,
    b"clfn": _plain_text,   # iMovie's clip file name
}
# Apple's reverse-DNS metadata keys (moov/meta/keys), as written by iPhones and Android.
KEYS = {
    "com.apple.quicktime.location.ISO6709": (LOCATION, "QuickTime GPS position"),
    "com.apple.quicktime.make": (IDENTITY, "QuickTime camera make"),
    "com.apple.quicktime.model": (IDENTITY, "QuickTime camera model"),
    "com.apple.quicktime.software": (IDENTITY, "QuickTime software"),
    "com.apple.quicktime.author": (IDENTITY, "QuickTime author"),
    "com.apple.quicktime.artist": (IDENTITY, "QuickTime artist"),
    "com.apple.quicktime.copyright": (IDENTITY, "QuickTime copyright"),
    "com.apple.quicktime.camera.lens_model": (IDENTITY, "QuickTime lens model"),
    "com.android.manufacturer": (IDENTITY, "QuickTime camera make"),
    "com.android.model": (IDENTITY, "QuickTime camera model"),
    "com.android.version": (IDENTITY, "QuickTime software"),
    "com.apple.quicktime.creationdate": (TIMESTAMP, "QuickTime creation date"),
    "com.apple.quicktime.title": (FREE_TEXT, "QuickTime title"),
    "com.apple.quicktime.description": (FREE_TEXT, "QuickTime description"),
    "com.apple.quicktime.comment": (FREE_TEXT, "QuickTime comment"),
    "com.apple.quicktime.keywords": (FREE_TEXT, "QuickTime keywords"),
    "com.apple.quicktime.information": (FREE_TEXT, "QuickTime information"),
    "com.apple.quicktime.displayname": (FREE_TEXT, "QuickTime title"),
}

_UDTA = {b"meta": _meta, b"XMP_": _xmp_box, b"uuid": _uuid}
_STBL = {b"stsd": _stsd}
_MINF = {b"stbl": _container(_STBL)}
_MDIA = {b"minf": _container(_MINF)}
_TRAK = {b"tkhd": _tkhd, b"udta": _udta, b"meta": _meta, b"mdia": _container(_MDIA)}
_MOOV = {b"trak": _container(_TRAK), b"udta": _udta, b"meta": _meta, b"uuid": _uuid}
_TOP = {b"meta": _meta, b"moov": _container(_MOOV), b"uuid": _uuid}
_META = {
    b"keys": _keys, b"ilst": _ilst,                                   # QuickTime metadata
    b"pitm": _pitm, b"iinf": _iinf, b"iloc": _iloc, b"iprp": _iprp,   # HEIF items
    b"idat": _idat,
}
