"""TIFF image file directories: the structure EXIF shares with TIFF files.

TIFF 6.0 section 2 ("TIFF Structure"), as CIPA DC-008 (Exif 2.32) section 4.6.2
uses it: an 8-byte header ("II*\\0" or "MM\\0*", then the offset of IFD0), and
IFDs of a 2-byte count, 12-byte entries (tag, field type, count, value or
offset) and the 4-byte offset of the next IFD. Field types 1-12 are TIFF 6.0's,
13 (IFD) is from the TIFF Technical Notes, 129 (UTF-8) from Exif 3.0.

Offsets are checked against the block before any read; a value that lies
outside it gets offset -1. Errors are MediaError naming the IFD and offset.
"""

from __future__ import annotations

import struct
from typing import NamedTuple

from .model import MediaError

# Bytes per value of each TIFF field type (BYTE, ASCII, SHORT, LONG, RATIONAL,
# SBYTE, UNDEFINED, SSHORT, SLONG, SRATIONAL, FLOAT, DOUBLE, IFD, and EXIF 3.0's UTF-8).
TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 129: 1}
# struct codes per number; rationals are read as two numbers each.
_NUMBER_CODES = {1: "B", 3: "H", 4: "I", 5: "II", 6: "b", 8: "h", 9: "i", 10: "ii", 11: "f", 12: "d", 13: "I"}
BYTE_TYPES = (1, 2, 6, 7, 129)
_INTEGER_TYPES = (1, 3, 4, 6, 8, 9, 13)

class Entry(NamedTuple):
    tag: int
    type: int
    count: int      # type: ignore[assignment]  # the TIFF field's name, shadowing tuple.count
    offset: int     # where the value starts in the block; -1 when it points outside
    size: int       # bytes of value
    position: int   # where the 12-byte entry itself starts (strippers rewrite it)


_new = tuple.__new__


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
    position = offset + 2
    # one C call unpacks the whole table (a struct call per entry cost a third of the walk); each Entry
    # made by tuple.__new__, as its generated __new__ does, without that Python-level call (16 a photo)
    for tag, kind, number, inline in struct.iter_unpack(order + "HHII", tiff[position:table_end]):
        size = TYPE_SIZES.get(kind, 0) * number
        value_at = position + 8 if size <= 4 else inline
        entries.append(_new(Entry, (tag, kind, number, value_at if value_at + size <= end else -1, size, position)))
        position += 12
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


def value_bytes(tiff, entry: Entry) -> bytes:
    """The raw bytes of an entry's value; b"" when it lies outside the block."""
    return bytes(tiff[entry.offset:entry.offset + entry.size]) if entry.offset >= 0 else b""
