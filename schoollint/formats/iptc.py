"""Photoshop image resources (JPEG APP13, TIFF tag 34377) and the IPTC IIM
records that most of them carry (resource 0x0404, TIFF tag 33723).

Image resource block: "8BIM", 2-byte id, Pascal name padded to even length,
4-byte size, data padded to even length. IIM dataset: 0x1C, record number,
dataset number, 2-byte length (high bit set: the next N bytes hold the length).
"""

from __future__ import annotations

import struct

from .model import (
    FREE_TEXT,
    IDENTITY,
    LOCATION,
    PREVIEW,
    TIMESTAMP,
    MediaError,
    MetaItem,
    clip,
)

PHOTOSHOP_PREFIX = b"Photoshop 3.0\0"
_SIGNATURES = (b"8BIM", b"PHUT", b"AgHg", b"DCSR", b"MeSa")

# Record 2 (application record) datasets that name, place, date or describe.
DATASETS = {
    5: (FREE_TEXT, "Object Name"),
    20: (FREE_TEXT, "Supplemental Category"),
    25: (FREE_TEXT, "Keywords"),
    26: (LOCATION, "Content Location Code"),
    27: (LOCATION, "Content Location Name"),
    30: (TIMESTAMP, "Release Date"),
    35: (TIMESTAMP, "Release Time"),
    37: (TIMESTAMP, "Expiration Date"),
    38: (TIMESTAMP, "Expiration Time"),
    40: (FREE_TEXT, "Special Instructions"),
    55: (TIMESTAMP, "Date Created"),
    60: (TIMESTAMP, "Time Created"),
    62: (TIMESTAMP, "Digital Creation Date"),
    63: (TIMESTAMP, "Digital Creation Time"),
    65: (IDENTITY, "Originating Program"),
    80: (IDENTITY, "By-line"),
    85: (IDENTITY, "By-line Title"),
    90: (LOCATION, "City"),
    92: (LOCATION, "Sub-location"),
    95: (LOCATION, "Province-State"),
    100: (LOCATION, "Country Code"),
    101: (LOCATION, "Country"),
    105: (FREE_TEXT, "Headline"),
    110: (IDENTITY, "Credit"),
    115: (IDENTITY, "Source"),
    116: (IDENTITY, "Copyright Notice"),
    118: (IDENTITY, "Contact"),
    120: (FREE_TEXT, "Caption-Abstract"),
    122: (IDENTITY, "Writer-Editor"),
}


def decode_text(raw: bytes) -> str:
    """Text in an unstated encoding: most writers use UTF-8 (declared or not), the rest Latin-1."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _datasets(data: bytes, where: str):
    """(record, dataset, value bytes) for each IIM dataset."""
    position, end = 0, len(data)
    # Writers pad the block with zeros (or leave junk) after the last dataset: stop there.
    while position + 5 <= end and data[position] == 0x1C:
        record, number, length = struct.unpack_from(">BBH", data, position + 1)
        position += 5
        if length & 0x8000:   # extended dataset: the length lives in the next N bytes
            width = length & 0x7FFF
            if width > 4 or position + width > end:
                raise MediaError(f"IPTC ({where}): dataset {record}:{number} has a bad extended length")
            length = int.from_bytes(data[position:position + width], "big")
            position += width
        if position + length > end:
            raise MediaError(f"IPTC ({where}): dataset {record}:{number} at offset {position} runs past "
                             f"the end of the {end}-byte block")
        yield record, number, data[position:position + length]
        position += length


def parse_iim(data: bytes, where: str) -> tuple[MetaItem, ...]:
    """Items in an IPTC IIM block."""
    data = bytes(data)
    grouped: dict[int, list[str]] = {}
    for record, number, raw in _datasets(data, where):
        if record == 2 and number in DATASETS:
            value = clip(decode_text(raw).strip(" \0"))
            if value and value not in grouped.setdefault(number, []):
                grouped[number].append(value)
    return tuple(MetaItem(DATASETS[number][0], f"IPTC {DATASETS[number][1]}", where, "; ".join(values))
                 for number, values in grouped.items() if values)


def _resources(data: bytes, where: str):
    """(resource id, data) for each image resource block."""
    position, end = 0, len(data)
    while position < end:
        if end - position < 12 or data[position:position + 4] not in _SIGNATURES:
            if not data[position:].strip(b"\0"):   # some writers pad the block with zeros
                return
            raise MediaError(f"Photoshop resources ({where}): no resource block signature at offset {position}")
        (resource,) = struct.unpack_from(">H", data, position + 4)
        name_length = data[position + 6]
        size_at = position + 6 + ((name_length + 2) & ~1)   # length byte + name, padded to even
        if size_at + 4 > end:
            raise MediaError(f"Photoshop resources ({where}): resource 0x{resource:04X} at offset "
                             f"{position} runs past the end")
        (size,) = struct.unpack_from(">I", data, size_at)
        start = size_at + 4
        if start + size > end:
            raise MediaError(f"Photoshop resources ({where}): resource 0x{resource:04X} at offset "
                             f"{position} claims {size} bytes, past the end of the {end}-byte block")
        yield resource, data[start:start + size]
        position = start + size + (size & 1)


# Resource readers: (data, where, depth) -> items; depth counts the blocks around this one.
def _iptc(data, where, depth):
    return parse_iim(data, f"{where} IPTC")


def _thumbnail(data, where, depth):
    return (MetaItem(PREVIEW, "Photoshop thumbnail", where, f"{len(data)} bytes"),)


def _exif(data, where, depth):
    from .exif import parse_exif

    return parse_exif(data, f"{where} EXIF resource", depth).items


def _xmp(data, where, depth):
    from .xmp import parse_xmp

    return parse_xmp(data, f"{where} XMP resource")


def _caption(data, where, depth):
    text = data[1:1 + data[0]].decode("latin-1") if data else ""
    return (MetaItem(FREE_TEXT, "Photoshop caption", where, text),) if text.strip() else ()


# Resource id -> reader. Everything else (ICC 0x040F, print settings, slices...) is harmless.
RESOURCES = {
    0x03F0: _caption,
    0x0404: _iptc,
    0x0409: _thumbnail,    # Photoshop 4 thumbnail (BGR)
    0x040C: _thumbnail,
    0x0422: _exif,         # EXIF data 1
    0x0423: _exif,         # EXIF data 3
    0x0424: _xmp,
}


def parse_photoshop(payload: bytes, where: str, depth: int = 0) -> tuple[MetaItem, ...]:
    """Items in Photoshop image resources, with or without the APP13 "Photoshop 3.0" prefix;
    `depth` counts the blocks around them (an EXIF tag that holds them, and so on)."""
    data = bytes(payload)
    data = data.removeprefix(PHOTOSHOP_PREFIX)
    items: list[MetaItem] = []
    for resource, block in _resources(data, where):
        reader = RESOURCES.get(resource)
        if reader:
            items.extend(reader(block, where, depth))
    return tuple(items)
