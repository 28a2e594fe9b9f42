"""The movie box tree: tracks, their display matrix, and what their samples hold.

ISO/IEC 14496-12: 'moov' > 'trak' > 'tkhd' (section 8.3.2: width, height and
the display matrix, read as an EXIF orientation) and 'mdia' > 'minf' > 'stbl'
> 'stsd' (8.5.2: sample entries, where GoPro 'gpmd', Google 'camm' and Apple
'mebx' location tracks announce GPS recorded alongside every frame); 'udta'
(8.10.1) and 'meta' (8.11.1) at any level hold the metadata atoms
(quicktime.py) and items (meta.py). Each level has its own table of handlers,
so no box type can nest into itself without end.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

from .boxes import Box, Cursor, Survey
from .meta import meta
from ..meanings import unknown
from .quicktime import ATOMS, LOCATION_KEYS, QUIET_ATOMS, atom, uuid_box, xmp_box
from .samples import TELEMETRY, TEXT_TRACKS, blank_samples, text_positions
from .values import udta_value


def container(table: dict) -> Callable:
    """A handler that walks a box's children through `table` (each level its own table,
    so no box type can nest into itself without end)."""
    def walk(s: Survey, box: Box, path: str) -> None:
        s.walk(box, table, path)
    return walk


def _tkhd(s: Survey, box: Box, path: str) -> None:
    # version/flags, times and ids (20 or 32 bytes), reserved(8) layer alt-group volume reserved(8),
    # matrix(36), width and height in 16.16 fixed point; audio tracks have 0 x 0.
    cursor = Cursor(s.data, box, s.label)
    version = cursor.uint(1)
    cursor.take(3 + (32 if version == 1 else 20) + 16)
    matrix = struct.unpack(">9i", cursor.take(36))
    width, height = cursor.uint(4) >> 16, cursor.uint(4) >> 16
    if width and height and s.width is None:
        s.width, s.height = width, height
        a, b, _, c, d = (round(number / 65536) for number in matrix[:5])
        s.orientation = _MATRIX_ORIENTATIONS.get((a, b, c, d))


def _stbl(s: Survey, box: Box, path: str) -> None:
    # The sample descriptions say what the track records: GPS alongside every frame (telemetry,
    # Apple location metadata) or subtitles that may spell a position out; its samples, among
    # the video's in mdat, are blanked in place (samples.py).
    stsd = next((child for child in s.children(box) if child.type == b"stsd"), None)
    if stsd is None:
        return
    for entry in s.children(stsd, 8):       # version/flags, entry count
        label = TELEMETRY.get(entry.type)
        if entry.type == b"mebx" and _has_location_key(s, entry):
            label = "GPS track"
        if label:
            blank_samples(s, box, label, f"{path}/{entry.name}")
            return
        if entry.type in TEXT_TRACKS:
            text_positions(s, box, entry.type, f"{path}/{entry.name}")
            return


def _has_location_key(s: Survey, entry: Box) -> bool:
    """Whether an Apple timed metadata sample entry ('mebx') declares a location key:
    after the sample entry header (8 bytes), 'keys' > one box per local key id > 'keyd'
    (namespace, then the key name)."""
    return any(s.payload(keyd, 4).startswith(LOCATION_KEYS[:-1].encode())
               for keys in s.children(entry, 8) if keys.type == b"keys"
               for local in s.children(keys)
               for keyd in s.children(local) if keyd.type == b"keyd")


# The video track's display matrix (a b / c d, 16.16 fixed; a point maps to (ax + cy, bx + dy))
# as EXIF orientation numbers.
_MATRIX_ORIENTATIONS = {(1, 0, 0, 1): 1, (0, 1, -1, 0): 6, (-1, 0, 0, -1): 3, (0, -1, 1, 0): 8}


def _udta(s: Survey, box: Box, path: str) -> None:
    for child in s.children(box):
        if child.type in _UDTA:
            _UDTA[child.type](s, child, f"{path}/{child.name}")
        elif child.type in ATOMS:
            atom(s, child, ATOMS[child.type], path, udta_value(s, child), child)
        elif child.type not in QUIET_ATOMS and child.end > child.body:
            # A vendor's atom (Samsung 'smta', Canon 'CNCV', Windows 'Xtra'...) may hold a serial
            # number or a name: reported by its type, and blanked with the rest (SL102).
            atom(s, child, unknown(f"QuickTime user data atom {child.name}"), path, udta_value(s, child), None)


_UDTA = {b"meta": meta, b"XMP_": xmp_box, b"uuid": uuid_box}
_MINF = {b"stbl": _stbl}
_MDIA = {b"minf": container(_MINF)}
_TRAK = {b"tkhd": _tkhd, b"udta": _udta, b"meta": meta, b"mdia": container(_MDIA)}
MOOV = {b"trak": container(_TRAK), b"udta": _udta, b"meta": meta, b"uuid": uuid_box}
