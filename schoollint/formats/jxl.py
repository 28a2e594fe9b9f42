"""JPEG XL: the bare codestream, and the ISO BMFF-style container with its metadata boxes.

ISO/IEC 18181-1 (codestream: signature 0xFF0A, then SizeHeader, section A.2) and 18181-2
(file format: signature box 'JXL ', 'ftyp', the codestream in 'jxlc' or in 'jxlp' parts, and
metadata boxes 'Exif' (a 4-byte offset to the TIFF header, then EXIF), 'xml ' (XMP), 'jumb'
(JUMBF: C2PA content credentials, jumbf.py), and 'brob' (any of these, Brotli-compressed:
cjxl writes a phone JPEG's EXIF this way; brob.py)). 'jbrd' (JPEG reconstruction data) is kept.

The picture's orientation is the codestream's, never EXIF's (18181-2 section 9.1.2), so a
strip drops a metadata box whole and changes no byte of the codestream: boxes hold no file
offsets, so the others are copied as they are. Errors are MediaError naming the box.
"""

from __future__ import annotations

from . import magic
from .magic import JXL_CODESTREAM as CODESTREAM
from .model import IDENTITY, MediaError, MediaFacts, MetaItem

FORMAT = "JPEG XL"
EXTENSIONS = (".jxl",)
_LABEL = "JPEG XL"
accept = magic.jxl    # in formats/magic.py: the registry asks it without importing this module


def read(data) -> MediaFacts:
    width, height, orientation = _size(_codestream_start(data))
    items = [item for _, found in _metadata_boxes(data) for item in found]
    return MediaFacts(format=FORMAT, width=width, height=height, orientation=orientation, items=tuple(items))


def strip(data, kinds: frozenset[str]) -> bytes:
    """The file without every metadata box holding an item of `kinds`; all else byte for byte."""
    if bytes(data[:2]) == CODESTREAM:
        return bytes(data)
    flagged = {box.start for box, found in _metadata_boxes(data) if any(item.kind in kinds for item in found)}
    return b"".join(bytes(data[box.start:box.end]) for box in _boxes(data) if box.start not in flagged)


def _boxes(data):
    from .isobmff.boxes import boxes

    return boxes(data, 0, len(data), _LABEL)


def _metadata_boxes(data):
    """(box, items) for every metadata box of the container (none in a bare codestream)."""
    if bytes(data[:2]) == CODESTREAM:
        return
    for box in _boxes(data):
        kind, payload = box.type, bytes(data[box.body:box.end])
        where = f"'{box.name}' box"
        if kind == b"brob":
            from .brob import inflate

            kind, payload = inflate(payload, f"{_LABEL}: {where}")
            where = f"'brob' box ({kind.decode('latin-1')})"
        reader = _READERS.get(kind)
        if reader is not None:
            yield box, reader(payload, where)


def _exif(payload: bytes, where: str) -> tuple[MetaItem, ...]:
    from .embedded import parse_exif_block

    if len(payload) < 4:
        raise MediaError(f"{_LABEL}: {where} is too short for its TIFF header offset")
    offset = 4 + int.from_bytes(payload[:4], "big")
    return parse_exif_block(payload[offset:], where).items


def _xmp(payload: bytes, where: str) -> tuple[MetaItem, ...]:
    from .xmp import parse_xmp

    return parse_xmp(payload, where)


def _jumbf(payload: bytes, where: str) -> tuple[MetaItem, ...]:
    from .jumbf import c2pa_items

    # A JUMBF superbox's payload, as the reader expects it whole: put its box header back.
    whole = (8 + len(payload)).to_bytes(4, "big") + b"jumb" + payload
    return c2pa_items(whole, where) or (MetaItem(IDENTITY, "JUMBF box", where),)


_READERS = {b"Exif": _exif, b"xml ": _xmp, b"jumb": _jumbf}


def _codestream_start(data) -> bytes:
    """The first bytes of the codestream: the file itself, or its 'jxlc' or first 'jxlp' box."""
    if bytes(data[:2]) == CODESTREAM:
        return bytes(data[:64])
    for box in _boxes(data):
        if box.type == b"jxlc":
            return bytes(data[box.body:box.body + 64])
        if box.type == b"jxlp":      # a 4-byte part index, then the part
            return bytes(data[box.body + 4:box.body + 68])
    raise MediaError(f"{_LABEL}: the container holds no codestream ('jxlc' or 'jxlp' box)")


# SizeHeader aspect ratios (18181-1 Table A.2): width = height * numerator // denominator.
_RATIOS = {1: (1, 1), 2: (12, 10), 3: (4, 3), 4: (3, 2), 5: (16, 9), 6: (5, 4), 7: (2, 1)}


class _Bits:
    """The codestream's bit reader: least significant bit first (18181-1 section 9.2)."""

    def __init__(self, data: bytes):
        self.data, self.position = data, 0

    def u(self, count: int) -> int:
        value = 0
        for index in range(count):
            byte = self.position >> 3
            if byte >= len(self.data):
                raise MediaError(f"{_LABEL}: the codestream header is cut short")
            value |= ((self.data[byte] >> (self.position & 7)) & 1) << index
            self.position += 1
        return value

    def u32(self, *choices: tuple[int, int]) -> int:
        offset, bits = choices[self.u(2)]
        return offset + self.u(bits)


def _size(start: bytes) -> tuple[int, int, int | None]:
    """Width, height and orientation (1..8) from the SizeHeader and the start of ImageMetadata."""
    if not start.startswith(CODESTREAM):
        raise MediaError(f"{_LABEL}: the codestream does not start with 0xFF0A")
    bits = _Bits(start[2:])
    dimension = ((1, 9), (1, 13), (1, 18), (1, 30))
    small = bits.u(1)
    height = (bits.u(5) + 1) * 8 if small else bits.u32(*dimension)
    ratio = bits.u(3)
    if ratio:
        numerator, denominator = _RATIOS[ratio]
        width = height * numerator // denominator
    else:
        width = (bits.u(5) + 1) * 8 if small else bits.u32(*dimension)
    all_default = bits.u(1)
    orientation = 1
    if not all_default and bits.u(1):      # extra_fields: orientation comes first
        orientation = 1 + bits.u(3)
    return width, height, orientation
