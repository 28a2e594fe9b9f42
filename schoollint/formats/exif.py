"""EXIF: the TIFF structure (header, IFDs of 12-byte entries) that JPEG, PNG,
WebP, HEIC and TIFF files all carry.

Only the tags that say something about a pupil or the camera are decoded;
every other entry is skipped by its fixed size. Offsets are checked against
the block before any read, and each IFD is visited at most once. A linked IFD
that cannot be read becomes an item of what it may have held, so one bad
pointer neither hides the rest of the block nor keeps a strip from removing it.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import NamedTuple

from .model import (
    FREE_TEXT,
    IDENTITY,
    KINDS,
    LOCATION,
    PREVIEW,
    TIMESTAMP,
    MediaError,
    MetaItem,
    clip,
)

# Bytes per value of each TIFF field type (BYTE, ASCII, SHORT, LONG, RATIONAL,
# SBYTE, UNDEFINED, SSHORT, SLONG, SRATIONAL, FLOAT, DOUBLE, IFD, and EXIF 3.0's UTF-8).
TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 129: 1}
# struct codes per number; rationals are read as two numbers each.
_NUMBER_CODES = {1: "B", 3: "H", 4: "I", 5: "II", 6: "b", 8: "h", 9: "i", 10: "ii", 11: "f", 12: "d", 13: "I"}
_BYTE_TYPES = (1, 2, 6, 7, 129)
_INTEGER_TYPES = (1, 3, 4, 6, 8, 9, 13)
# How deep IFDs and embedded blocks may nest; the deepest real layout, a TIFF's Photoshop
# tag > its EXIF resource > Exif IFD > Interop IFD, is 3. Hostile files nest thousands deep.
MAX_DEPTH = 4

ORIENTATION = 0x0112
EXIF_IFD, GPS_IFD, INTEROP_IFD = 0x8769, 0x8825, 0xA005
XMP_TAG, IPTC_TAG, PHOTOSHOP_TAG = 0x02BC, 0x83BB, 0x8649
_WIDTH_TAGS = (0x0100, 0xA002)    # ImageWidth (TIFF), PixelXDimension (Exif IFD)
_HEIGHT_TAGS = (0x0101, 0xA003)
_THUMBNAIL_LENGTH = 0x0202
_GPS_NOT_A_PLACE = (0x0000, 0x0012)   # GPSVersionID and GPSMapDatum say nothing about where
_IMAGE_DATA_TAGS = (0x0111, 0x0144)   # StripOffsets, TileOffsets: IFD1 is an image, not just tags


class Entry(NamedTuple):
    tag: int
    type: int
    count: int
    offset: int     # where the value starts in the block; -1 when it points outside
    size: int       # bytes of value
    position: int   # where the 12-byte entry itself starts (strippers rewrite it)


@dataclass(frozen=True)
class ExifInfo:
    items: tuple[MetaItem, ...]
    orientation: int | None = None
    width: int | None = None
    height: int | None = None
    big_endian: bool = False


def byte_order(tiff, where: str) -> str:
    """'<' or '>' from the TIFF header; MediaError for anything else."""
    head = bytes(tiff[:4])
    if head == b"II*\0":
        return "<"
    if head == b"MM\0*":
        return ">"
    raise MediaError(f"EXIF ({where}): no TIFF header (starts {head!r})")


def read_ifd(tiff, order: str, offset: int, where: str, name: str) -> tuple[list[Entry], int]:
    """The entries of one IFD and the offset of the next IFD (0 at the end)."""
    end = len(tiff)
    if offset < 8 or offset + 2 > end:
        raise MediaError(f"EXIF ({where}): {name} at offset {offset} is outside the {end}-byte block")
    (count,) = struct.unpack_from(order + "H", tiff, offset)
    table_end = offset + 2 + 12 * count
    if table_end > end:
        raise MediaError(f"EXIF ({where}): {name} at offset {offset} lists {count} entries, "
                         f"which run past the end of the {end}-byte block")
    entries = []
    for position in range(offset + 2, table_end, 12):
        tag, kind, number, inline = struct.unpack_from(order + "HHII", tiff, position)
        size = TYPE_SIZES.get(kind, 0) * number
        value_at = position + 8 if size <= 4 else inline
        if value_at + size > end:
            value_at = -1
        entries.append(Entry(tag, kind, number, value_at, size, position))
    # Some writers end the block without the next-IFD pointer: treat it as the last.
    next_ifd = struct.unpack_from(order + "I", tiff, table_end)[0] if table_end + 4 <= end else 0
    return entries, next_ifd


def numbers(tiff, order: str, entry: Entry) -> tuple:
    """Numeric values; a rational comes back as (numerator, denominator) pairs flattened."""
    code = _NUMBER_CODES.get(entry.type)
    if code is None or entry.offset < 0:
        return ()
    return struct.unpack_from(f"{order}{code * entry.count}", tiff, entry.offset)


def integers(tiff, order: str, entry: Entry) -> tuple:
    """Whole-number values only: offsets, lengths and sizes stored as a float are ignored."""
    return numbers(tiff, order, entry) if entry.type in _INTEGER_TYPES else ()


def _raw(tiff, entry: Entry) -> bytes:
    return bytes(tiff[entry.offset:entry.offset + entry.size]) if entry.offset >= 0 else b""


# Value decoders return "" for a blank value (not reported) and never fail: the reader
# has already checked that the value lies inside the block and its type is known.
def _clean(text: str) -> str:
    return clip(text.strip(" \0\t\r\n"))


def _text(tiff, order: str, entry: Entry) -> str:
    if entry.type in _BYTE_TYPES:
        return _clean(_raw(tiff, entry).split(b"\0", 1)[0].decode("utf-8", "replace"))
    return _clean(" ".join(str(n) for n in numbers(tiff, order, entry)))


def _windows_text(tiff, order: str, entry: Entry) -> str:
    """XP* tags: UTF-16LE in a BYTE array, whatever the block's byte order."""
    return _clean(_raw(tiff, entry).decode("utf-16-le", "replace"))


_COMMENT_CHARSETS = {b"ASCII\0\0\0": "latin-1", b"UNICODE\0": None, b"JIS\0\0\0\0\0": "shift_jis",
                     b"\0" * 8: "latin-1"}


def _user_comment(tiff, order: str, entry: Entry) -> str:
    raw = _raw(tiff, entry)
    charset = _COMMENT_CHARSETS.get(raw[:8])
    if raw[:8] == b"UNICODE\0":  # the spec leaves the byte order to the block
        charset = "utf-16-be" if order == ">" else "utf-16-le"
    if charset is None:
        return _text(tiff, order, entry)
    return _clean(raw[8:].decode(charset, "replace"))


def _size_only(tiff, order: str, entry: Entry) -> str:
    return f"{entry.size} bytes"


# Tags of IFD0, the Exif IFD and IFD1 that identify, date or describe.
TAGS = {
    0x000B: (IDENTITY, "ProcessingSoftware", _text),
    0x010D: (FREE_TEXT, "DocumentName", _text),
    0x010E: (FREE_TEXT, "ImageDescription", _text),
    0x010F: (IDENTITY, "Make", _text),
    0x0110: (IDENTITY, "Model", _text),
    0x0131: (IDENTITY, "Software", _text),
    0x0132: (TIMESTAMP, "DateTime", _text),
    0x013B: (IDENTITY, "Artist", _text),
    0x013C: (IDENTITY, "HostComputer", _text),
    0x8298: (IDENTITY, "Copyright", _text),
    0x8482: (LOCATION, "GeoTIFF ModelTiepoint", _text),         # where the raster lies on Earth
    0x85D8: (LOCATION, "GeoTIFF ModelTransformation", _text),
    0x87B1: (LOCATION, "GeoTIFF GeoAsciiParams", _text),
    0x9003: (TIMESTAMP, "DateTimeOriginal", _text),
    0x9004: (TIMESTAMP, "DateTimeDigitized", _text),
    0x9010: (TIMESTAMP, "OffsetTime", _text),
    0x9011: (TIMESTAMP, "OffsetTimeOriginal", _text),
    0x9012: (TIMESTAMP, "OffsetTimeDigitized", _text),
    0x927C: (IDENTITY, "MakerNote", _size_only),
    0x9286: (FREE_TEXT, "UserComment", _user_comment),
    0x9290: (TIMESTAMP, "SubSecTime", _text),
    0x9291: (TIMESTAMP, "SubSecTimeOriginal", _text),
    0x9292: (TIMESTAMP, "SubSecTimeDigitized", _text),
    0x9C9B: (FREE_TEXT, "XPTitle", _windows_text),
    0x9C9C: (FREE_TEXT, "XPComment", _windows_text),
    0x9C9D: (FREE_TEXT, "XPAuthor", _windows_text),
    0x9C9E: (FREE_TEXT, "XPKeywords", _windows_text),
    0x9C9F: (FREE_TEXT, "XPSubject", _windows_text),
    0xA420: (IDENTITY, "ImageUniqueID", _text),
    0xA430: (IDENTITY, "CameraOwnerName", _text),
    0xA431: (IDENTITY, "BodySerialNumber", _text),
    0xA433: (IDENTITY, "LensMake", _text),
    0xA434: (IDENTITY, "LensModel", _text),
    0xA435: (IDENTITY, "LensSerialNumber", _text),
    0xC614: (IDENTITY, "UniqueCameraModel", _text),
    0xC62F: (IDENTITY, "CameraSerialNumber", _text),
    0xFDE8: (IDENTITY, "OwnerName", _text),        # Photoshop's pre-2010 tags
    0xFDE9: (IDENTITY, "SerialNumber", _text),
}
# Tags whose value is a whole document in another format, parsed by its own reader,
# with the kinds of item that format can hold (reported when the value is cut off).
EMBEDDED = {
    XMP_TAG: ("XMP", tuple(sorted(KINDS))),
    IPTC_TAG: ("IPTC", (LOCATION, IDENTITY, TIMESTAMP, FREE_TEXT)),
    PHOTOSHOP_TAG: ("Photoshop", tuple(sorted(KINDS))),    # its resources hold EXIF, XMP, thumbnails
}
# Pointers to the sub-IFDs that hold more of the tags above, by the names errors use.
POINTERS = {EXIF_IFD: "Exif IFD", GPS_IFD: "GPS IFD", INTEROP_IFD: "Interop IFD"}
# What stands for an IFD that cannot be read: it may have held anything of its kind.
_DAMAGED = {"GPS IFD": (LOCATION, "EXIF GPS data (damaged)")}
_DISPLAY_TAGS = (ORIENTATION, *_WIDTH_TAGS, *_HEIGHT_TAGS)


def _degrees(values: tuple, ref: str | None) -> float | None:
    parts = [n / d for n, d in zip(values[::2], values[1::2]) if d]
    if len(parts) != len(values) // 2 or not parts:
        return None
    degrees = sum(part / 60 ** i for i, part in enumerate(parts[:3]))
    return -degrees if ref in ("S", "W") else degrees


def format_position(latitude: float, longitude: float) -> str:
    return ", ".join(format(round(x, 6), ".6f").rstrip("0").rstrip(".") for x in (latitude, longitude))


class _Reader:
    def __init__(self, tiff, where: str):
        self.tiff, self.where = tiff, where
        self.order = byte_order(tiff, where)
        self.visited: set[int] = set()
        self.items: list[MetaItem] = []
        self.values: dict[int, Entry] = {}   # dimension and orientation entries seen

    def ifd(self, offset: int, name: str) -> tuple[list[Entry], int]:
        if offset in self.visited:
            raise MediaError(f"EXIF ({self.where}): {name} at offset {offset} loops back to an IFD already read")
        self.visited.add(offset)
        return read_ifd(self.tiff, self.order, offset, self.where, name)

    def linked(self, offset: int, name: str) -> list[Entry] | None:
        """The entries of a linked IFD, or None once a damaged link is recorded as an item:
        one bad pointer must not hide (nor keep a strip from removing) the rest of the block."""
        try:
            return self.ifd(offset, name)[0]
        except MediaError:
            kind, field = _DAMAGED.get(name, (IDENTITY, f"EXIF {name} (damaged)"))
            self.items.append(MetaItem(kind, field, self.where))
            return None

    def scan(self, entries: list[Entry], depth: int) -> None:
        if depth > MAX_DEPTH:
            raise MediaError(f"EXIF ({self.where}): IFDs and embedded blocks nest more than {MAX_DEPTH} deep")
        for entry in entries:
            tag = entry.tag
            if tag in TAGS:
                kind, label, decode = TAGS[tag]
                readable = entry.offset >= 0 and entry.type in TYPE_SIZES
                value = decode(self.tiff, self.order, entry) if readable else None
                if value != "":   # blank values say nothing; unreadable ones might
                    self.items.append(MetaItem(kind, f"EXIF {label}", self.where, value))
            elif tag in POINTERS:
                pointed = integers(self.tiff, self.order, entry)
                # A pointer that is no whole number is as damaged as one pointing outside (0).
                sub = self.linked(pointed[0] if pointed else 0, POINTERS[tag])
                if sub is not None and tag == GPS_IFD:
                    self.gps(sub)
                elif sub is not None:
                    self.scan(sub, depth + 1)
            elif tag in EMBEDDED:
                self.embedded(tag, entry, depth + 1)
            elif tag in _DISPLAY_TAGS:
                self.values.setdefault(tag, entry)

    def embedded(self, tag: int, entry: Entry, depth: int) -> None:
        from . import iptc, xmp

        name, kinds = EMBEDDED[tag]
        where = f"{self.where} {name} tag"
        if entry.offset < 0 or entry.type not in TYPE_SIZES:   # nothing to parse, yet it may hold anything
            self.items.extend(MetaItem(kind, f"EXIF {name} tag (unreadable)", where) for kind in kinds)
        elif tag == PHOTOSHOP_TAG:
            self.items.extend(iptc.parse_photoshop(_raw(self.tiff, entry), where, depth))
        else:
            parse = xmp.parse_xmp if tag == XMP_TAG else iptc.parse_iim
            self.items.extend(parse(_raw(self.tiff, entry), where))

    def gps(self, entries: list[Entry]) -> None:
        # Placeholder GPS IFDs (all-zero rationals, empty refs) say nothing about where;
        # a value cut off by the block's end might, so it counts.
        by_tag = {entry.tag: entry for entry in entries
                  if entry.tag not in _GPS_NOT_A_PLACE and (entry.offset < 0 or any(_raw(self.tiff, entry)))}
        if not by_tag:
            return

        def text(tag):
            return _text(self.tiff, self.order, by_tag[tag]) if tag in by_tag else None

        def value(ref_tag, tag):
            if tag not in by_tag:
                return None
            return _degrees(numbers(self.tiff, self.order, by_tag[tag]), text(ref_tag))

        latitude, longitude = value(1, 2), value(3, 4)
        if latitude is not None and longitude is not None:
            self.items.append(MetaItem(LOCATION, "EXIF GPS position", self.where,
                                       format_position(latitude, longitude)))
        else:
            tags = ", ".join(f"0x{tag:04X}" for tag in sorted(by_tag))
            self.items.append(MetaItem(LOCATION, "EXIF GPS data", self.where, f"GPS tags {tags}"))

    def thumbnail(self, entries: list[Entry], depth: int) -> None:
        by_tag = {entry.tag: entry for entry in entries}
        length = integers(self.tiff, self.order, by_tag[_THUMBNAIL_LENGTH]) if _THUMBNAIL_LENGTH in by_tag else ()
        if length and length[0]:
            self.items.append(MetaItem(PREVIEW, "EXIF thumbnail", self.where, f"JPEG, {length[0]} bytes"))
        elif any(tag in by_tag for tag in _IMAGE_DATA_TAGS):
            self.items.append(MetaItem(PREVIEW, "EXIF thumbnail", self.where, "uncompressed image"))
        # Orientation and size are the photo's own, not its thumbnail's.
        self.scan([entry for entry in entries if entry.tag not in _DISPLAY_TAGS], depth)

    def first_number(self, *tags: int) -> int | None:
        for tag in tags:
            found = integers(self.tiff, self.order, self.values[tag]) if tag in self.values else ()
            if found:
                return int(found[0])
        return None


def parse_exif(tiff, where: str, depth: int = 0) -> ExifInfo:
    """Items, orientation and dimensions from a block starting at the TIFF header;
    `depth` counts the blocks it is nested in (EXIF inside Photoshop inside EXIF...)."""
    reader = _Reader(tiff, where)
    if len(tiff) < 8:
        raise MediaError(f"EXIF ({where}): the TIFF header is cut short ({len(tiff)} bytes)")
    (first,) = struct.unpack_from(reader.order + "I", tiff, 4)
    entries, next_ifd = reader.ifd(first, "IFD0")
    reader.scan(entries, depth)
    thumbnail = reader.linked(next_ifd, "IFD1") if next_ifd else None
    if thumbnail is not None:
        reader.thumbnail(thumbnail, depth)
    orientation = reader.first_number(ORIENTATION)
    return ExifInfo(
        items=tuple(reader.items),
        orientation=orientation if orientation in range(1, 9) else None,
        width=reader.first_number(*_WIDTH_TAGS),
        height=reader.first_number(*_HEIGHT_TAGS),
        big_endian=reader.order == ">",
    )


def entry_items(tiff, entry: Entry, where: str) -> tuple[MetaItem, ...]:
    """What one IFD entry holds, its sub-IFD included: what a stripper weighs before dropping it."""
    reader = _Reader(tiff, where)
    reader.scan([entry], 0)
    return tuple(reader.items)


def minimal_exif(orientation: int, big_endian: bool = False) -> bytes:
    """A TIFF/EXIF block holding only Orientation: the photo still displays upright."""
    order, header = (">", b"MM\0*") if big_endian else ("<", b"II*\0")
    return header + struct.pack(order + "IHHHIHHI", 8, 1, ORIENTATION, 3, 1, orientation, 0, 0)
