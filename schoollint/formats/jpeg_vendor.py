"""Vendor APPn blocks in JPEG files: what each can hold, as far as it can be told.

ITU-T T.81 (B.2.4.6) leaves APP0-APP15 to applications. Vendor blocks are
classified by what they can hold, since their formats are mostly not parsed:
FLIR camera data (the camera serial, a visible-light photo larger than the
thermal one, and sometimes a GPS record, read from the FFF record directory);
JUMBF (ISO/IEC 19566-5) C2PA content credentials (the signer, and sometimes a
place named in an assertion); Media Jukebox people and places; Ducky (Save for
Web) a comment and copyright; PictureInfo camera serials; FlashPix (FPXR) a
screen-nail preview; HDR_RI a gain map, which like an MPO gain map goes only
with previews. Any other APPn that jpeg.py does not know is vendor data
nobody has checked (Kodak META, Ricoh RMETA, Canon CIFF, Qualcomm...: model,
serial, owner): reported as camera identity.
"""

from __future__ import annotations

import struct

from .model import FREE_TEXT, IDENTITY, LOCATION, PERSON_NAME, PREVIEW


def _flir_kinds(payloads: list[bytes]) -> tuple[str, ...]:
    """FLIR camera data always holds the camera serial and a visible-light photo; a place only
    when its GPS record says the fix is valid. A directory that cannot be read might list one,
    so it counts as a place."""
    # Each segment: "FLIR\0", 1, its number, the last number; the FFF file is their joined rest.
    fff = b"".join(payload[8:] for payload in sorted(payloads, key=lambda payload: payload[6:7]))
    return (IDENTITY, PREVIEW) if _flir_gps_valid(fff) is False else (IDENTITY, PREVIEW, LOCATION)


_FLIR_GPS_RECORD = 0x2B


def _flir_gps_valid(fff: bytes) -> bool | None:
    """Whether an FFF file holds a valid GPS fix; None when its record directory cannot be read."""
    # Header: "FFF\0", origin (16), version 100 (4, in the file's byte order), directory offset, count.
    if len(fff) < 32 or not fff.startswith(b"FFF\0"):
        return None
    order = "<" if struct.unpack_from("<I", fff, 20)[0] == 100 else ">"
    directory, count = struct.unpack_from(order + "II", fff, 24)
    if directory + 32 * count > len(fff):
        return None
    for entry in range(directory, directory + 32 * count, 32):
        # Record entry: type (2), subtype (2), version (4), id (4), offset (4), length (4), ...
        kind, offset, length = struct.unpack_from(order + "H10xII", fff, entry)
        if kind == _FLIR_GPS_RECORD:
            if length < 4 or offset + 4 > len(fff):
                return None
            return any(fff[offset:offset + 4])   # GPSValid: zero or not, whatever the byte order
    return False


def _jumbf_kinds(payloads: list[bytes]) -> tuple[str, ...]:
    """What C2PA content credentials hold, as jumbf.py reads them in every container: the
    signer and software, a place an assertion states, thumbnails and ingredients."""
    from .jumbf import c2pa_items

    # Each segment: "JP", box instance (2), sequence number (4); later ones repeat the superbox header (8).
    joined = payloads[0][8:] + b"".join(payload[16:] for payload in payloads[1:])
    return tuple(dict.fromkeys(item.kind for item in c2pa_items(joined, "APP11 JUMBF")))


# Vendor blocks by APPn marker: (signature that starts the payload, what it is, the kinds it
# can hold or a function of its segments' payloads that tells). jpeg.py tries its own
# (standard) signatures for a marker first; none of them starts like one of these.
VENDOR_BLOCKS = {
    0xE1: ((b"FLIR\0", "FLIR camera data", _flir_kinds),),
    0xE2: ((b"FPXR\0", "FlashPix preview", (PREVIEW,)),),
    0xE9: ((b"Media Jukebox", "Media Jukebox tags", (PERSON_NAME, LOCATION)),),
    0xEB: ((b"JP", "JUMBF content credentials", _jumbf_kinds), (b"HDR_RI", "HDR ratio image", (PREVIEW,))),
    0xEC: ((b"Ducky", "Ducky comment block", (FREE_TEXT,)),
           (b"[picture info]", "PictureInfo camera data", (IDENTITY,))),
}
UNKNOWN_VENDOR = ("unrecognised vendor block", (IDENTITY,))
