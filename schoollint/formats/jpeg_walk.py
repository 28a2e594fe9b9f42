"""The walk over a JPEG's marker segments and through its scans (ITU-T T.81 Annex B), for jpeg.py.

From SOI, each marker segment (marker, 2-byte length, payload) is read by its handler in
jpeg_segments.py; after each SOS the entropy-coded scan runs to the first 0xFF not followed by 0x00
or a restart marker (B.1.1.5, F.1.2.3); EOI closes the image. A segment or scan that runs past the
end is Truncated (or a MediaError for a length no cut explains), naming its offset.
"""

from __future__ import annotations

import re
import struct
from itertools import repeat

from .jpeg_segments import SEGMENTS, Image, finish
from .model import MediaError, Truncated

EOI, SOS = 0xD9, 0xDA
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})   # TEM and RSTn carry no length
# The end of a scan: 0xFF followed by anything but a stuffed 0x00 or RSTn (0xFF is a fill
# byte, which the walk skips). One C call over a stretch of the scan (`scan_end`).
_SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7]")
_STUFFED = frozenset({0x00, *range(0xD0, 0xD8)})    # after 0xFF inside a scan: a stuffed zero, RSTn
# `scan_end` jumps from one 0xFF to the next with memchr (bytes.find) where they are sparse, and
# where _HOPS of them came closer than _GAP bytes apart on average hands the next _CHUNK bytes to the
# regex, then jumps again: the regex engine steps byte by byte (about 1.7 GB/s here), each jump costs
# a Python iteration (about 0.2 us), so jumping wins above about 550 bytes between 0xFF bytes (the
# benchmark's photos: about 740 in all, denser at the top; the corpus's phone photos: 230-400 in all,
# with sparse stretches).
_HOPS, _GAP, _CHUNK = 32, 512, 16384


def walk(image: Image, limit: int, whole: bool) -> None:
    """Read segments from SOI: through every scan to EOI when `whole`, else up to the first SOS."""
    data, position = image.data, image.start
    if data[position:position + 2] != b"\xff\xd8":
        raise MediaError(f"JPEG: {image.where}no start-of-image marker at offset {position}")
    position += 2
    while True:
        if position + 2 > limit:
            raise Truncated(f"JPEG: {image.where}no {'end-of-image marker' if whole else 'scan'} before "
                             f"{image.bound} at offset {limit} (truncated)")
        if data[position] != 0xFF:   # stray bytes between segments: readers skip them, so do we
            found = data.find(b"\xff", position, limit)
            skipped = (found if found >= 0 else limit) - position
            image.notes.append(f"{skipped} stray bytes skipped at offset {position}")
            position += skipped
            continue
        marker = image.marker = data[position + 1]
        if marker == 0xFF:        # fill byte before a marker
            position += 1
            continue
        if marker == EOI:
            image.end = position + 2
            return
        if marker in _STANDALONE:
            position += 2
            continue
        if position + 4 > limit:
            raise Truncated(f"JPEG: {image.where}marker 0x{marker:02X} at offset {position} is cut short")
        (length,) = struct.unpack_from(">H", data, position + 2)
        end = position + 2 + length
        if length < 2 or end > limit:
            damage = MediaError if length < 2 else Truncated   # a length under 2 is no cut but a corrupt header
            raise damage(f"JPEG: {image.where}segment 0x{marker:02X} at offset {position} claims {length} "
                         f"bytes, past {image.bound} ({limit - position - 2} bytes left)")
        handler = SEGMENTS.get(marker)
        if handler:
            items = handler(image, position, end, bytes(data[position + 4:end]))
            if items:
                image.parts.append(([(position, end)], tuple(items)))
        if marker == SOS:
            image.scan = position if image.scan is None else image.scan
            if not whole:
                image.end = limit
                return
            start, end = end, image.known_ends.get(end) or scan_end(data, end, limit)
            if end < 0:
                raise Truncated(f"JPEG: {image.where}scan at offset {position} has no end marker "
                                 f"(the file is truncated)")
            image.scan_ends[start] = end
        position = end


def scan_end(data, start: int, limit: int) -> int:
    """Where the entropy-coded data from `start` ends: the first 0xFF before `limit` followed by a
    byte other than 0x00 or RSTn (T.81 B.1.1.5: 0xFF in the data is stuffed with 0x00; F.1.2.3:
    restart markers stay inside the scan), or -1 when none does. The jumps and the regex find the
    same byte: each looks at every 0xFF from `start` on, in order, and stops at the first such one."""
    find = getattr(data, "find", None)       # bytes and mmap; a memoryview has none: the regex alone
    if find is None:
        found = _SCAN_END.search(data, start, limit)
        return -1 if found is None else found.start()
    # One Python iteration a 0xFF (917 a benchmark photo): its names are locals, and the count of
    # jumps is a C loop's (repeat), not an addition and a comparison each time (about 6% of the scan).
    position, stop, stuffed = start, limit - 1, _STUFFED     # a 0xFF in the last byte is no marker yet
    while True:
        start = position
        for _ in repeat(None, _HOPS):
            position = find(b"\xff", position, stop)
            if position < 0:
                return -1
            if data[position + 1] not in stuffed:
                return position
            position += 2
        if position - start < _HOPS * _GAP:        # dense here: the regex's loop over the next _CHUNK bytes
            end = min(limit, position + _CHUNK)
            found = _SCAN_END.search(data, position, end)
            if found is not None:
                return found.start()
            if end == limit:
                return -1
            position = end - 1      # a 0xFF in the chunk's last byte is looked at again with the byte after it


def read_image(data, start: int, limit: int, where: str, whole: bool, bound: str = "the end of the file",
                known_ends: dict[int, int] | None = None) -> Image:
    image = Image(data, start, where, bound)
    image.known_ends = known_ends or {}
    walk(image, limit, whole)
    finish(image)
    return image
