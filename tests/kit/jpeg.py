"""JPEG test files: Pillow encodes the pixels, raw segment writing (ITU-T T.81 B.1.1) does what
Pillow cannot (XMP extensions, IPTC, MPF, vendor APPn blocks), by code that shares nothing with
the reader under test.

Also MPO (CIPA DC-007: an MP Index IFD in APP2) and vendor blocks: FLIR FFF in APP1 and JUMBF
in APP11 (ISO/IEC 19566-5, as C2PA uses it).
"""

from __future__ import annotations

import struct

from tests.kit.images import encode, gradient, srgb_icc
from tests.kit.isobmff import box
from tests.kit.metadata import person_xmp, photoshop_iptc, tiff_exif

XMP_SIGNATURE = b"http://ns.adobe.com/xap/1.0/\0"
EXTENDED_XMP_SIGNATURE = b"http://ns.adobe.com/xmp/extension/\0"


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def gradient_jpeg(mode: str = "RGB", size=(64, 48), **options) -> bytes:
    """A real JPEG from Pillow (quality 90): a gradient, so pixel comparisons mean something."""
    return encode(gradient(size, mode), "JPEG", quality=90, **options)


def with_segments(jpeg: bytes, *segments: bytes) -> bytes:
    """Insert segments right after SOI and any JFIF APP0, as cameras place them."""
    position = 2
    if jpeg[2:4] == b"\xff\xe0":
        position += 2 + struct.unpack(">H", jpeg[4:6])[0]
    return jpeg[:position] + b"".join(segments) + jpeg[position:]


def phone_jpeg(orientation: int = 6) -> bytes:
    """Everything at once: EXIF (GPS, identity, thumbnail), XMP, IPTC, ICC and a comment."""
    jpeg = gradient_jpeg(icc_profile=srgb_icc())
    return with_segments(
        jpeg,
        segment(0xE1, b"Exif\0\0" + tiff_exif(orientation=orientation)),
        segment(0xE1, XMP_SIGNATURE + person_xmp()),
        segment(0xED, photoshop_iptc()),
        segment(0xFE, b"Taken by Mr Smith"),
    )


def extended_xmp_segments(packet: bytes, guid: bytes = b"0123456789ABCDEF0123456789ABCDEF",
                          chunk: int = 200) -> list[bytes]:
    return [segment(0xE1, EXTENDED_XMP_SIGNATURE + guid + struct.pack(">II", len(packet), offset)
                    + packet[offset:offset + chunk])
            for offset in range(0, len(packet), chunk)]


def mpo(first: bytes, *others: bytes) -> bytes:
    """An MPO: an MPF index (APP2) in the first image listing every image by offset."""
    count = 1 + len(others)
    # MPF payload: "MPF\0", TIFF header, IFD with version, count and entries, then the entries.
    ifd_size = 2 + 3 * 12 + 4
    entries_at = 8 + ifd_size

    def payload(sizes, offsets):
        ifd = struct.pack(">H", 3)
        ifd += struct.pack(">HHI4s", 0xB000, 7, 4, b"0100")
        ifd += struct.pack(">HHII", 0xB001, 4, 1, count)
        ifd += struct.pack(">HHII", 0xB002, 7, 16 * count, entries_at)
        ifd += struct.pack(">I", 0)
        entries = b"".join(struct.pack(">IIIHH", 0x20030000 if i == 0 else 0x00020002, size, offset, 0, 0)
                           for i, (size, offset) in enumerate(zip(sizes, offsets, strict=True)))
        return b"MPF\0" + b"MM\0*" + struct.pack(">I", 8) + ifd + entries

    placeholder = segment(0xE2, payload([0] * count, [0] * count))
    head = with_segments(first, placeholder)
    mpf_base = head.index(b"MPF\0") + 4
    sizes, offsets, position = [len(head)], [0], len(head)
    for other in others:
        sizes.append(len(other))
        offsets.append(position - mpf_base)
        position += len(other)
    head = head.replace(placeholder, segment(0xE2, payload(sizes, offsets)))
    return head + b"".join(others)


def segment_markers(jpeg: bytes) -> list[tuple[int, bytes]]:
    """(marker, first bytes of payload) up to SOS: a plain walker for assertions."""
    found, position = [], 2
    while jpeg[position + 1] != 0xDA:
        marker = jpeg[position + 1]
        length = struct.unpack(">H", jpeg[position + 2:position + 4])[0]
        found.append((marker, jpeg[position + 4:position + 4 + min(length - 2, 16)]))
        position += 2 + length
    return found


def flir_segments(gps_valid: int | None, chunk: int = 120) -> list[bytes]:
    """FLIR APP1 segments carrying an FFF file: a camera record with a serial and, unless
    `gps_valid` is None, a GPS record whose GPSValid is that number (FFF header big-endian,
    records little-endian, as FLIR cameras write them)."""
    camera = struct.pack("<H", 2) + bytes(0x102) + b"SN-FLIR-1234".ljust(16, b"\0")
    records = [(0x20, camera)]
    if gps_valid is not None:
        gps = struct.pack("<I4s", gps_valid, b"\2\2\0\0") + b"N\0\0\0W\0\0\0" + struct.pack("<ddd", 51.5, 0.14, 20.0)
        records.append((0x2B, gps))
    directory = 0x40
    body_at = directory + 32 * len(records)
    entries, bodies = b"", b""
    for kind, body in records:
        entries += struct.pack(">HHIIIIIII", kind, 1, 0x64, 1, body_at + len(bodies), len(body), 0, 0, 0)
        bodies += body
    header = b"FFF\0" + b"Camera\0".ljust(16, b"\0") + struct.pack(">III", 100, directory, len(records))
    fff = header.ljust(directory, b"\0") + entries + bodies
    pieces = [fff[offset:offset + chunk] for offset in range(0, len(fff), chunk)]
    return [segment(0xE1, b"FLIR\0\x01" + bytes([number, len(pieces) - 1]) + piece)
            for number, piece in enumerate(pieces)]


def jumbf_segments(assertion: bytes, chunk: int = 60) -> list[bytes]:
    """APP11 JUMBF segments holding a C2PA-style superbox with one JSON assertion; every
    segment after the first repeats the superbox header, as the JPEG binding requires."""
    description = box(b"jumd", bytes(16) + b"\x03" + b"c2pa\0")
    superbox = box(b"jumb", description + box(b"json", assertion))
    header, content = superbox[:8], superbox[8:]
    pieces = [content[offset:offset + chunk] for offset in range(0, len(content), chunk)]
    return [segment(0xEB, b"JP" + struct.pack(">HI", 1, number + 1) + header + piece)
            for number, piece in enumerate(pieces)]
