"""Photoshop image resources: the blocks Adobe applications keep beside the pixels.

Adobe Photoshop File Formats Specification, "Image Resource Blocks": in JPEG
APP13 (after "Photoshop 3.0\\0"), TIFF tag 34377, GIF and PNG. Each block:
a signature ("8BIM"), 2-byte resource id, Pascal name padded to even length,
4-byte size, data padded to even length. Resources that hold IPTC IIM (0x0404),
EXIF (0x0422, 0x0423), XMP (0x0424), thumbnails (0x0409, 0x040C) or a caption
(0x03F0) are read; every other one (ICC 0x040F, print settings...) is harmless.

The EXIF reader is handed in by the caller, because EXIF holds Photoshop
resources in turn (embedded.py ties the two together). A block that runs past
the end is a MediaError.
"""

from __future__ import annotations

import struct

from .iptc import parse_iim
from .model import FREE_TEXT, PREVIEW, BlockReader, MediaError, MetaItem
from .xmp import parse_xmp

PHOTOSHOP_PREFIX = b"Photoshop 3.0\0"
_SIGNATURES = (b"8BIM", b"PHUT", b"AgHg", b"DCSR", b"MeSa")


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


def _xmp(data, where, depth):
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
    0x0424: _xmp,
}
_EXIF_RESOURCES = (0x0422, 0x0423)   # EXIF data 1 and 3: read by the EXIF reader handed in


def read_resources(payload: bytes, where: str, depth: int, exif: BlockReader) -> tuple[MetaItem, ...]:
    """Items in Photoshop image resources, with or without the APP13 "Photoshop 3.0" prefix;
    `depth` counts the blocks around them (an EXIF tag that holds them, and so on);
    `exif` reads an EXIF resource."""
    data = bytes(payload)
    data = data.removeprefix(PHOTOSHOP_PREFIX)
    items: list[MetaItem] = []
    for resource, block in _resources(data, where):
        if resource in _EXIF_RESOURCES:
            items.extend(exif(block, f"{where} EXIF resource", depth))
        elif resource in RESOURCES:
            items.extend(RESOURCES[resource](block, where, depth))
    return tuple(items)
