"""EXIF and Photoshop image resources, each read with what nests inside it.

EXIF (CIPA DC-008) holds Photoshop image resources in TIFF tag 34377, and
Photoshop resources hold EXIF in resources 0x0422 and 0x0423: the nesting
goes both ways, and hostile files repeat it (exif.MAX_DEPTH bounds it). So
exif.py and photoshop.py each take the other's reader as an argument, and
this module hands them over: it imports both, neither imports the other,
and every container plugin reads EXIF and Photoshop blocks through here.
"""

from __future__ import annotations

from . import exif, photoshop
from .ifd import Entry
from .model import IDENTITY, MediaError, MetaItem


def parse_exif(tiff, where: str, depth: int = 0) -> exif.ExifInfo:
    """Items, orientation and dimensions of an EXIF block starting at its TIFF header;
    `depth` counts the blocks it is nested in. MediaError when it will not parse."""
    return exif.read_exif(tiff, where, depth, parse_photoshop)


def parse_exif_block(tiff, where: str) -> exif.ExifInfo:
    """parse_exif for an EXIF block inside a picture (JPEG APP1, PNG eXIf, WebP, HEIF, JPEG XL):
    a block that will not parse is one item saying so (SL102, removed by the fix), never the whole
    file unreadable: the picture itself is fine (issue 17 item 18). The TIFF reader, whose picture
    is the EXIF structure, keeps parse_exif's MediaError."""
    try:
        return parse_exif(tiff, where)
    except MediaError as exc:
        return exif.ExifInfo(items=(MetaItem(IDENTITY, "EXIF block (damaged)", where, str(exc)),))


def parse_photoshop(payload: bytes, where: str, depth: int = 0) -> tuple[MetaItem, ...]:
    """Items in Photoshop image resources, with or without the APP13 "Photoshop 3.0" prefix."""
    return photoshop.read_resources(payload, where, depth, _exif_items)


def entry_items(tiff, entry: Entry, where: str) -> tuple[MetaItem, ...]:
    """What one IFD entry holds, its sub-IFD and embedded blocks included."""
    return exif.read_entry(tiff, entry, where, parse_photoshop)


def _exif_items(block: bytes, where: str, depth: int) -> tuple[MetaItem, ...]:
    return parse_exif(block, where, depth).items
