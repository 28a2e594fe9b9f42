"""What each JPEG marker segment holds, and the per-image record the walk fills in.

ITU-T T.81 Annex B: the frame header (B.2.2: SOFn gives the size), the comment
segment (B.2.4.5) and application segments APP0-APP15 (B.2.4.6), told apart
by the signature that starts the payload: APP0 JFIF 1.02 (an uncompressed
thumbnail) and JFXX; APP1 Exif (CIPA DC-008 section 4.5.4) and XMP with
Extended XMP (Adobe XMP Part 3, 1.1.3: pieces joined by GUID); APP2 ICC
profile (kept) and MPF (mpo.py); APP13 Photoshop image resources; vendor
blocks (jpeg_vendor.py). Each handler takes (image, segment start, segment
end, payload) and returns the items the segment holds; a segment that cannot
be read is a MediaError naming it.
"""

from __future__ import annotations

import struct

from . import mpo
# Imported here, not on first use: exif.py imports xmp.py and embedded.py imports both already,
# and an import statement inside a handler costs a few microseconds on every segment.
from .embedded import parse_exif_block, parse_photoshop
from .exif import minimal_exif
from .jpeg_vendor import UNKNOWN_VENDOR, VENDOR_BLOCKS
from .model import FREE_TEXT, PREVIEW, MediaError, MetaItem, clip
from .xmp import parse_xmp

COM, APP0, APP1 = 0xFE, 0xE0, 0xE1
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
XMP_SIGNATURE = b"http://ns.adobe.com/xap/1.0/\0"
EXTENDED_XMP_SIGNATURE = b"http://ns.adobe.com/xmp/extension/\0"


class Image:
    """One JPEG inside the file: its segments, and which of them hold items."""

    def __init__(self, data, start: int, where: str, bound: str = "the end of the file"):
        self.data, self.start, self.where = data, start, where
        self.bound = bound        # what the walk's limit is, for errors
        self.end = start          # after EOI (for an MPO secondary image, after its MPF size)
        self.scan: int | None = None   # where the first SOS segment starts
        # Where each scan's entropy-coded data starts -> where it ends, as the walk found them; and
        # those known before the walk, in bytes equal to a walked source's (jpeg.read_copy)
        self.scan_ends: dict[int, int] = {}
        self.known_ends: dict[int, int] = {}
        self.marker = 0           # the segment being read
        self.parts: list[tuple[list[tuple[int, int]], tuple[MetaItem, ...]]] = []  # (byte ranges, items)
        self.replacements: dict[int, bytes] = {}   # segment start -> what to write when it is removed
        self.extended: dict[bytes, list[tuple[int, int, int, bytes]]] = {}   # Extended XMP pieces by GUID
        self.vendor_blocks: dict[tuple, list[tuple[int, int, bytes]]] = {}   # segments by APPn, signature, kinds
        self.width = self.height = self.orientation = None
        self.notes: list[str] = []
        self.mpf: tuple[int, int, str, int, list[tuple[int, int]]] | None = None
        # ^ (segment start, end, byte order, entry table offset from the MPF header, [(size, offset)] per image)

    def item(self, kind: str, field: str, part: str, value: str | None = None) -> MetaItem:
        return MetaItem(kind, field, f"{self.where}{part}", value)



def _frame(image, start, end, payload):
    if image.width is None and len(payload) >= 5:
        height, width = struct.unpack_from(">HH", payload, 1)
        image.width, image.height = width, height or None   # height 0: given later by a DNL segment
    return ()


def _comment(image, start, end, payload):
    text = payload.rstrip(b"\0").decode("utf-8", "replace").strip()
    return (image.item(FREE_TEXT, "JPEG comment", "COM", clip(text)),) if text else ()


def _jfif(image, start, end, payload):
    if len(payload) >= 14 and payload[12] and payload[13]:   # an uncompressed thumbnail follows
        image.replacements[start] = _segment(APP0, payload[:12] + b"\0\0")
        return (image.item(PREVIEW, "JFIF thumbnail", "APP0 JFIF", f"{payload[12]}x{payload[13]}"),)
    return ()


def _jfxx(image, start, end, payload):
    return (image.item(PREVIEW, "JFXX thumbnail", "APP0 JFXX", f"{len(payload)} bytes"),)


def _exif(image, start, end, payload):
    info = parse_exif_block(payload[6:], f"{image.where}APP1 Exif")
    if image.orientation is None:
        image.orientation = info.orientation
    if info.orientation:
        image.replacements[start] = _segment(APP1, b"Exif\0\0" + minimal_exif(info.orientation, info.big_endian))
    return info.items


def _xmp(image, start, end, payload):
    return parse_xmp(payload[len(XMP_SIGNATURE):], f"{image.where}APP1 XMP")


def _extended_xmp(image, start, end, payload):
    """A piece of an XMP packet too big for one segment; pieces are joined by GUID after the walk."""
    header = len(EXTENDED_XMP_SIGNATURE)
    if len(payload) < header + 40:
        raise MediaError(f"JPEG: {image.where}Extended XMP segment at offset {start} is cut short")
    guid = payload[header:header + 32]
    (offset,) = struct.unpack_from(">I", payload, header + 36)
    image.extended.setdefault(guid, []).append((offset, start, end, payload[header + 40:]))
    return ()


def _mpf(image, start, end, payload):
    """The MPO index: every image after the first is a preview stored after EOI."""
    index = mpo.read_index(payload, f"{image.where}APP2 MPF")
    if index is None:
        return ()   # a secondary image's own MPF holds attributes only
    order, table, images = index
    image.mpf = (start, end, order, table, images)
    return tuple(image.item(PREVIEW, "MPO secondary image", "APP2 MPF", f"image {number}, {size} bytes")
                 for number, (size, _) in enumerate(images[1:], start=2))


def _photoshop(image, start, end, payload):
    return parse_photoshop(payload, f"{image.where}APP13 Photoshop")


def _kept(image, start, end, payload):
    return ()


def _icc(image, start, end, payload):
    """An ICC profile (ICC.1, in APP2 pieces) is kept by every fix; the note lets --diff say so."""
    if "ICC profile kept" not in image.notes:
        image.notes.append("ICC profile kept")
    return ()


def _vendor(what: str, kinds):
    """A handler for a vendor block, which may be split over several segments; `kinds` is what
    the block can hold, or a function of its segments' payloads that tells."""
    def handler(image, start, end, payload):
        signature = payload[:16].split(b"\0", 1)[0].decode("ascii", "replace")
        image.vendor_blocks.setdefault((image.marker, signature, what, kinds), []).append((start, end, payload))
        return ()
    return handler


def _join_vendor_blocks(image: Image) -> None:
    """One part per vendor block, its segments removed together."""
    for (marker, signature, what, kinds), segments in image.vendor_blocks.items():
        found = kinds([payload for _, _, payload in segments]) if callable(kinds) else kinds
        value = f"{signature!r}, {sum(len(payload) for _, _, payload in segments)} bytes"
        image.parts.append(([(start, end) for start, end, _ in segments],
                            tuple(image.item(kind, what, f"APP{marker - APP0}", value) for kind in found)))


# Application segments by marker, then by the signature that starts the payload. SPIFF,
# NITF, PrintIM and GraphicConverter hold image and print parameters only.
_STANDARD_BLOCKS = {
    0xE0: ((b"JFIF\0", _jfif), (b"JFXX\0", _jfxx), (b"AVI1", _kept)),
    0xE1: ((b"Exif\0", _exif), (XMP_SIGNATURE, _xmp), (EXTENDED_XMP_SIGNATURE, _extended_xmp)),
    0xE2: ((b"ICC_PROFILE\0", _icc), (b"MPF\0", _mpf), (b"urn:iso:std:iso:ts:21496", _kept)),
    0xE6: ((b"NITF\0", _kept), (b"EPPIM\0", _kept)),
    0xE8: ((b"SPIFF\0", _kept),),
    0xED: ((b"Photoshop 3.0\0", _photoshop),),
    0xEE: ((b"Adobe", _kept),),
    0xEF: ((b"Q", _kept),),
}
# The standard blocks first, then the vendor blocks (jpeg_vendor.py) of the same marker.
APPLICATION_BLOCKS = {
    marker: _STANDARD_BLOCKS.get(marker, ()) + tuple(
        (signature, _vendor(what, kinds)) for signature, what, kinds in VENDOR_BLOCKS.get(marker, ()))
    for marker in sorted({*_STANDARD_BLOCKS, *VENDOR_BLOCKS})
}
_UNKNOWN_VENDOR = _vendor(*UNKNOWN_VENDOR)


def _application(image, start, end, payload):
    for signature, handler in APPLICATION_BLOCKS.get(image.marker, ()):
        if payload.startswith(signature):
            return handler(image, start, end, payload)
    return _UNKNOWN_VENDOR(image, start, end, payload)


SEGMENTS = {
    COM: _comment,
    **{marker: _frame for marker in _SOF},
    **{marker: _application for marker in range(0xE0, 0xF0)},
}


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def finish(image: Image) -> None:
    """After the walk: join the pieces of Extended XMP and of vendor blocks into one part each."""
    _join_extended_xmp(image)
    _join_vendor_blocks(image)


def _join_extended_xmp(image: Image) -> None:
    for pieces in image.extended.values():
        pieces.sort()
        items = parse_xmp(b"".join(piece[3] for piece in pieces), f"{image.where}APP1 Extended XMP")
        if items:   # the pieces stand or fall together
            image.parts.append(([(start, end) for _, start, end, _ in pieces], items))
