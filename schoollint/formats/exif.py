"""EXIF: which tags of the IFDs that JPEG, PNG, WebP, HEIC and TIFF files carry
say something about a pupil or the camera.

CIPA DC-008 (Exif 2.32): IFD0 and IFD1 tags (section 4.6.4), the Exif IFD
(4.6.5), the GPS IFD (4.6.6) and the Interoperability IFD (4.6.7), over the
TIFF 6.0 IFD structure read by ifd.py. Only the tags that identify, date,
place or describe are decoded; every other entry is skipped by its fixed size.
Each IFD is visited at most once. A linked IFD that cannot be read becomes an
item of what it may have held, so one bad pointer neither hides the rest of
the block nor keeps a strip from removing it.

Tags that hold a whole block of another standard (XMP, tag 700; IPTC IIM,
33723; Photoshop image resources, 34377) are read by that block's reader;
the Photoshop reader is handed in by the caller, because Photoshop resources
hold EXIF in turn (embedded.py ties the two together, so neither imports the
other). Errors are MediaError naming the block and the IFD.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from .ifd import BYTE_TYPES, TYPE_SIZES, Entry, byte_order, integers, numbers, read_ifd, value_bytes
from .iptc import parse_iim
from .model import FREE_TEXT, IDENTITY, KINDS, LOCATION, PREVIEW, TIMESTAMP, BlockReader, MediaError, MetaItem, clip
from .position import format_position
from .xmp import parse_xmp

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
# The tags that say where (CIPA DC-008 4.6.6): latitude, longitude, the destination's, the area's name.
_GPS_PLACE = (0x0002, 0x0004, 0x0014, 0x0016, 0x001C)
_IMAGE_DATA_TAGS = (0x0111, 0x0144)   # StripOffsets, TileOffsets: IFD1 is an image, not just tags


@dataclass(frozen=True)
class ExifInfo:
    items: tuple[MetaItem, ...]
    orientation: int | None = None
    width: int | None = None
    height: int | None = None
    big_endian: bool = False


# Value decoders return "" for a blank value (not reported) and never fail: the reader
# has already checked that the value lies inside the block and its type is known.
def _clean(text: str) -> str:
    return clip(text.strip(" \0\t\r\n"))


def _text(tiff, order: str, entry: Entry) -> str:
    if entry.type in BYTE_TYPES:
        return _clean(value_bytes(tiff, entry).split(b"\0", 1)[0].decode("utf-8", "replace"))
    return _clean(" ".join(str(n) for n in numbers(tiff, order, entry)))


def _windows_text(tiff, order: str, entry: Entry) -> str:
    """XP* tags: UTF-16LE in a BYTE array, whatever the block's byte order."""
    return _clean(value_bytes(tiff, entry).decode("utf-16-le", "replace"))


_COMMENT_CHARSETS = {b"ASCII\0\0\0": "latin-1", b"UNICODE\0": None, b"JIS\0\0\0\0\0": "shift_jis",
                     b"\0" * 8: "latin-1"}


def _user_comment(tiff, order: str, entry: Entry) -> str:
    raw = value_bytes(tiff, entry)
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
    parts = [n / d for n, d in zip(values[::2], values[1::2], strict=False) if d]
    if len(parts) != len(values) // 2 or not parts:
        return None
    degrees = sum(part / 60 ** i for i, part in enumerate(parts[:3]))
    return -degrees if ref in ("S", "W") else degrees


class _Reader:
    def __init__(self, tiff, where: str, photoshop: BlockReader):
        self.tiff, self.where, self.photoshop = tiff, where, photoshop
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
        name, kinds = EMBEDDED[tag]
        where = f"{self.where} {name} tag"
        if entry.offset < 0 or entry.type not in TYPE_SIZES:   # nothing to parse, yet it may hold anything
            self.items.extend(MetaItem(kind, f"EXIF {name} tag (unreadable)", where) for kind in kinds)
        elif tag == PHOTOSHOP_TAG:
            self.items.extend(self.photoshop(value_bytes(self.tiff, entry), where, depth))
        else:
            parse = parse_xmp if tag == XMP_TAG else parse_iim
            self.items.extend(parse(value_bytes(self.tiff, entry), where))

    def gps(self, entries: list[Entry]) -> None:
        # Placeholder GPS IFDs (all-zero rationals, empty refs) say nothing about where;
        # a value cut off by the block's end might, so it counts.
        by_tag = {entry.tag: entry for entry in entries
                  if entry.tag not in _GPS_NOT_A_PLACE and (entry.offset < 0 or any(value_bytes(self.tiff, entry)))}
        if not by_tag:
            return

        def text(tag):
            return _text(self.tiff, self.order, by_tag[tag]) if tag in by_tag else None

        def value(ref_tag, tag):
            if tag not in by_tag:
                return None
            return _degrees(numbers(self.tiff, self.order, by_tag[tag]), text(ref_tag))

        latitude, longitude = value(1, 2), value(3, 4)
        tags = ", ".join(f"0x{tag:04X}" for tag in sorted(by_tag))
        if latitude is not None and longitude is not None and (latitude, longitude) != (0, 0):
            self.items.append(MetaItem(LOCATION, "EXIF GPS position", self.where,
                                       format_position(latitude, longitude)))
        elif (latitude is None) != (longitude is None) and (latitude or longitude):
            # half a position still narrows where: a band of the globe the school's country crosses
            half = "latitude" if latitude is not None else "longitude"
            self.items.append(MetaItem(LOCATION, f"EXIF GPS {half} without its other half", self.where,
                                       format(round(latitude or longitude or 0, 6), "g")))
        elif any(tag in by_tag and (tag not in (2, 4) or by_tag[tag].offset < 0) for tag in _GPS_PLACE):
            # a place without a readable position: a destination, an area's name, a cut-off coordinate
            self.items.append(MetaItem(LOCATION, "EXIF GPS data", self.where, f"GPS tags {tags}"))
        else:
            # Directions, hemisphere letters, altitude, times, or the 0, 0 placeholder: no place,
            # yet a GPS block no one needs on a website (SL102 names it).
            self.items.append(MetaItem(TIMESTAMP, "EXIF GPS data without a position", self.where, f"GPS tags {tags}"))

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


def read_exif(tiff, where: str, depth: int, photoshop: BlockReader) -> ExifInfo:
    """Items, orientation and dimensions from a block starting at the TIFF header;
    `depth` counts the blocks it is nested in (EXIF inside Photoshop inside EXIF...),
    `photoshop` reads the Photoshop tag's resources."""
    reader = _Reader(tiff, where, photoshop)
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


def read_entry(tiff, entry: Entry, where: str, photoshop: BlockReader) -> tuple[MetaItem, ...]:
    """What one IFD entry holds, its sub-IFD included: what a stripper weighs before dropping it."""
    reader = _Reader(tiff, where, photoshop)
    reader.scan([entry], 0)
    return tuple(reader.items)


def minimal_exif(orientation: int, big_endian: bool = False) -> bytes:
    """A TIFF/EXIF block holding only Orientation: the photo still displays upright."""
    order, header = (">", b"MM\0*") if big_endian else ("<", b"II*\0")
    return header + struct.pack(order + "IHHHIHHI", 8, 1, ORIENTATION, 3, 1, orientation, 0, 0)
