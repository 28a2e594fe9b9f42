"""Where a track's samples lie, and blanking the samples of tracks that record where a video was.

ISO/IEC 14496-12 section 8.7: 'stsz' (8.7.3.2, or the compact 'stz2' 8.7.3.3) gives each
sample's size, 'stsc' (8.7.4) how many samples each run of chunks holds, and 'stco'/'co64'
(8.7.5) each chunk's absolute file offset: a sample lies at its chunk's offset plus the sizes
of the samples before it in that chunk.

Tracks blanked in place (libraries.md section 5): GoPro GPMF telemetry ('gpmd', GPS among other
sensors), Google camera motion ('camm', GPS in its type-5/6 packets), GoPro 'fdsc' and Apple
timed metadata ('mebx') that declares a location key; and text tracks ('tx3g', 'text', 'wvtt')
whose samples spell out a position (DJI drones write "[latitude: ...] [longitude: ...]").
Each telemetry sample's bytes are zeroed, each subtitle becomes one of the same size that shows
nothing: the track and every timestamp stay, no other byte changes, and a track whose samples
are all zero (already blanked) holds nothing.
"""

from __future__ import annotations

import re
import struct

from ..model import LOCATION, MediaError, MetaItem
from .boxes import Blank, Box, Survey

# Bounds for hostile tables: far more samples than any real track, and how much text is searched.
MAX_SAMPLES = 20_000_000
MAX_TEXT = 4 * 2**20
TELEMETRY = {b"gpmd": "GoPro telemetry track", b"camm": "camera motion track", b"fdsc": "GoPro telemetry track"}
TEXT_TRACKS = (b"tx3g", b"text", b"wvtt")
# A position spelt out in a subtitle: "latitude: 22.1", "GPS(22.1,113.9)", "lat 51.5 lon -0.1".
_POSITION_TEXT = re.compile(rb"(?i)(latitude|longitude|\blat\b|\blon\b|\blng\b|gps)\W{0,6}[-+]?\d{1,3}[.,]\d")


def track_samples(s: Survey, stbl: Box) -> list[tuple[int, int]]:
    """(offset, size) of every sample of the track whose sample table is `stbl`."""
    tables = {child.type: child for child in s.children(stbl)}
    sizes = _sizes(s, tables)
    runs = _runs(s, tables.get(b"stsc"))
    offsets = _offsets(s, tables)
    samples: list[tuple[int, int]] = []
    index = 0
    for chunk_number, chunk_offset in enumerate(offsets, start=1):
        per_chunk = next((count for first, count in reversed(runs) if first <= chunk_number), 0)
        position = chunk_offset
        for _ in range(per_chunk):
            if index >= len(sizes):
                return samples
            if position + sizes[index] > len(s.data):
                raise MediaError(f"{s.label}: a sample of a metadata track lies past the end of the file")
            samples.append((position, sizes[index]))
            position += sizes[index]
            index += 1
    return samples


def _count(s: Survey, box: Box, at: int, width: int) -> int:
    (count,) = struct.unpack_from(">I", s.data, box.body + at)
    if count > MAX_SAMPLES or box.body + at + 4 + count * width > box.end:
        raise MediaError(f"{s.label}: box '{box.name}' claims {count} entries, more than it holds")
    return count


def _sizes(s: Survey, tables: dict) -> list[int]:
    if b"stsz" in tables:
        box = tables[b"stsz"]
        (uniform,) = struct.unpack_from(">I", s.data, box.body + 4)
        count = _count(s, box, 8, 0 if uniform else 4)
        if uniform:
            return [uniform] * count
        return list(struct.unpack_from(f">{count}I", s.data, box.body + 12))
    if b"stz2" in tables:      # field size 4, 8 or 16 bits
        box = tables[b"stz2"]
        field = s.data[box.body + 7]
        count = _count(s, box, 8, 0)
        raw = bytes(s.data[box.body + 12:box.end])
        if field == 16:
            return list(struct.unpack_from(f">{count}H", raw))
        if field == 8:
            return list(raw[:count])
        return [(raw[i // 2] >> (4 if i % 2 == 0 else 0)) & 0xF for i in range(count)]
    return []


def _runs(s: Survey, box: Box | None) -> list[tuple[int, int]]:
    if box is None:
        return []
    count = _count(s, box, 4, 12)
    values = struct.unpack_from(f">{3 * count}I", s.data, box.body + 8)
    return [(values[3 * i], values[3 * i + 1]) for i in range(count)]


def _offsets(s: Survey, tables: dict) -> tuple[int, ...]:
    for kind, width, code in ((b"stco", 4, "I"), (b"co64", 8, "Q")):
        if kind in tables:
            count = _count(s, tables[kind], 4, width)
            return struct.unpack_from(f">{count}{code}", s.data, tables[kind].body + 8)
    return ()


def blank_samples(s: Survey, stbl: Box, label: str, path: str) -> None:
    """Hold the track's samples as a location, unless every one is already zero."""
    samples = track_samples(s, stbl)
    if any(any(bytes(s.data[offset:offset + size])) for offset, size in samples):
        s.hold([MetaItem(LOCATION, f"video {label}", path, f"{len(samples)} samples")],
               [Blank(offset, size) for offset, size in samples if size])


def text_positions(s: Survey, stbl: Box, kind: bytes, path: str) -> None:
    """A text track whose samples spell out a position: held, its samples to be blanked."""
    samples = track_samples(s, stbl)
    searched, found = 0, False
    for offset, size in samples:
        text = bytes(s.data[offset:offset + min(size, MAX_TEXT - searched)])
        searched += len(text)
        if _POSITION_TEXT.search(text):
            found = True
            break
        if searched >= MAX_TEXT:
            break
    if found:
        s.hold([MetaItem(LOCATION, "video subtitle track with GPS positions", path, f"{len(samples)} samples")],
               [_empty_cue(kind, offset, size) for offset, size in samples if size])


def _empty_cue(kind: bytes, offset: int, size: int) -> Blank:
    """A sample of the same size that shows nothing: 3GPP TS 26.245 text (a 16-bit text length,
    then the text: all spaces) or an ISO/IEC 14496-30 WebVTT 'vtte' (empty cue) box."""
    if kind == b"wvtt" and size >= 8:
        return Blank(offset, size, struct.pack(">I4s", size, b"vtte"))
    if size >= 2:
        return Blank(offset, size, struct.pack(">H", size - 2), pad=b" ")
    return Blank(offset, size)
