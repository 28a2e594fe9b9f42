"""JPEG and MPO: a walk over marker segments, read and rewritten losslessly.

ITU-T T.81 Annex B (compressed data formats): SOI, then marker segments
(marker, 2-byte length, payload), then after each SOS the entropy-coded scan,
which ends at the first 0xFF not followed by 0x00 or a restart marker; EOI
closes the image. What each segment holds is read in jpeg_segments.py (JFIF
1.02, Exif, XMP, ICC, Photoshop; vendor blocks in jpeg_vendor.py), the MPO
index of the JPEGs stored after the first in mpo.py (CIPA DC-007).

Stripping copies every kept byte as it was, so scans (the pixels) never
change; removed segments are left out, EXIF is replaced by one holding only
Orientation, and MPF offsets are rewritten to where each image now starts.
A segment or scan that runs past the end is a MediaError naming its offset.
"""

from __future__ import annotations

import re
import struct

from . import mpo
from .jpeg_segments import SEGMENTS, Image, finish
from .model import PREVIEW, MediaError, MediaFacts, MetaItem, PartlyRead, Truncated

FORMAT = "JPEG"
EXTENSIONS = (".jpg", ".jpeg", ".jpe", ".jfif", ".mpo")

EOI, SOS = 0xD9, 0xDA
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})   # TEM and RSTn carry no length
# The end of a scan: 0xFF followed by anything but a stuffed 0x00 or RSTn (0xFF is a fill
# byte, which the walk skips). One C call over a stretch of the scan (`_scan_end`).
_SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7]")
_NOT_ZERO = re.compile(rb"[^\x00]")
_STUFFED = frozenset({0x00, *range(0xD0, 0xD8)})    # after 0xFF inside a scan: a stuffed zero, RSTn
# `_scan_end` jumps from one 0xFF to the next with memchr (bytes.find) where they are sparse, and
# where _HOPS of them came closer than _GAP bytes apart on average hands the next _CHUNK bytes to the
# regex, then jumps again: the regex engine steps byte by byte (about 1.7 GB/s here), each jump costs
# a Python iteration (about 0.2 us), so jumping wins above about 550 bytes between 0xFF bytes (the
# benchmark's photos: about 740 in all, denser at the top; the corpus's phone photos: 230-400 in all,
# with sparse stretches).
_HOPS, _GAP, _CHUNK = 32, 512, 16384


def accept(prefix: bytes) -> bool:
    return prefix[:3] == b"\xff\xd8\xff"


# --- the walk ------------------------------------------------------------------------

def _walk(image: Image, limit: int, whole: bool) -> None:
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
            start, end = end, image.known_ends.get(end) or _scan_end(data, end, limit)
            if end < 0:
                raise Truncated(f"JPEG: {image.where}scan at offset {position} has no end marker "
                                 f"(the file is truncated)")
            image.scan_ends[start] = end
        position = end


def _scan_end(data, start: int, limit: int) -> int:
    """Where the entropy-coded data from `start` ends: the first 0xFF before `limit` followed by a
    byte other than 0x00 or RSTn (T.81 B.1.1.5: 0xFF in the data is stuffed with 0x00; F.1.2.3:
    restart markers stay inside the scan), or -1 when none does. The jumps and the regex find the
    same byte: each looks at every 0xFF from `start` on, in order, and stops at the first such one."""
    find = getattr(data, "find", None)       # bytes and mmap; a memoryview has none: the regex alone
    if find is None:
        found = _SCAN_END.search(data, start, limit)
        return -1 if found is None else found.start()
    position, hops = start, 0
    while True:
        position = find(b"\xff", position, limit - 1)      # a 0xFF in the last byte is no marker yet
        if position < 0:
            return -1
        if data[position + 1] not in _STUFFED:
            return position
        position, hops = position + 2, hops + 1
        if hops < _HOPS:
            continue
        if position - start < _HOPS * _GAP:        # dense here: the regex's loop over the next _CHUNK bytes
            end = min(limit, position + _CHUNK)
            found = _SCAN_END.search(data, position, end)
            if found is not None:
                return found.start()
            if end == limit:
                return -1
            position = end - 1      # a 0xFF in the chunk's last byte is looked at again with the byte after it
        start, hops = position, 0


def _read_image(data, start: int, limit: int, where: str, whole: bool, bound: str = "the end of the file",
                known_ends: dict[int, int] | None = None) -> Image:
    image = Image(data, start, where, bound)
    image.known_ends = known_ends or {}
    _walk(image, limit, whole)
    finish(image)
    return image


class _Layout:
    """The first image, the MPO images after it, and any other bytes after its EOI. `known_ends`: the
    first image's scan ends where they are known already (Image.known_ends; read_copy)."""

    def __init__(self, data, known_ends: dict[int, int] | None = None):
        self.data = data
        self.main = _read_image(data, 0, len(data), "", whole=True, known_ends=known_ends)
        self.secondary = []
        for index, start, end in self._mpo_ranges():
            try:
                image = _read_image(data, start, end, f"MPO image {index + 1} ", whole=False,
                                    bound="the end of its MPF-declared size")
            except MediaError as error:   # a bad MPF entry costs that image, not the photo
                self.main.notes.append(f"{error}; skipped")
                continue
            self.secondary.append((index, image))
        self.gaps = self._gaps()

    def _mpo_ranges(self) -> list[tuple[int, int, int]]:
        """(entry index, start, end) of each secondary image, in file order."""
        if self.main.mpf is None:
            return []
        segment_start, _, _, _, images = self.main.mpf
        return mpo.image_ranges(self.data, segment_start, images, self.main.end, self.main.notes)

    def _gaps(self) -> list[tuple[int, int]]:
        """Byte ranges after EOI that belong to no MPO image."""
        gaps, position = [], self.main.end
        for _, image in self.secondary:
            gaps.append((position, image.start))
            position = image.end
        gaps.append((position, len(self.data)))
        return [(start, end) for start, end in gaps if end > start]

    def trailer_item(self) -> MetaItem | None:
        # Zero padding after EOI is common and harmless; anything else is a hidden payload.
        size = sum(end - start for start, end in self.gaps if _NOT_ZERO.search(self.data, start, end))
        return MetaItem(PREVIEW, "data after end of image", "after EOI", f"{size} bytes") if size else None

    def items(self) -> tuple[MetaItem, ...]:
        found = [item for _, items in self.main.parts for item in items]
        trailer = self.trailer_item()
        found += [trailer] if trailer else []
        found += [item for _, image in self.secondary for _, items in image.parts for item in items]
        return tuple(found)


_LAST: list = []   # [(bytes, its layout)]: a --fix run strips a photo from the bytes its analysis read


def _layout(data) -> _Layout:
    """_Layout(data), walked once for the same `bytes` object (pool.analyse_and_fix: no second scan);
    bytes cannot change, and the one kept is held, so its identity is never another's."""
    if _LAST and _LAST[0][0] is data:
        return _LAST[0][1]
    layout = _Layout(data)
    _LAST[:] = [(data, layout)] if type(data) is bytes else []
    return layout


def read(data) -> MediaFacts:
    try:
        layout = _layout(data)
    except Truncated as error:
        raise PartlyRead(str(error), _facts(_headers(data))) from None
    main = layout.main
    notes = [f"MPO with {1 + len(layout.secondary)} images"] if layout.secondary else []
    notes += dict.fromkeys(main.notes + [note for _, image in layout.secondary for note in image.notes])
    return _facts(main, layout.items(), notes)


def _facts(main: Image, items: tuple[MetaItem, ...] | None = None, notes: list[str] | None = None) -> MediaFacts:
    """The facts of the first image; by default its items and notes alone (a cut-short file)."""
    if items is None:
        items = tuple(item for _, found in main.parts for item in found)
    return MediaFacts(format=FORMAT, width=main.width, height=main.height, orientation=main.orientation,
                      items=items, notes=tuple(main.notes if notes is None else notes))


def _headers(data) -> Image:
    """A JPEG cut short: its segments up to the first SOS, or up to the cut when that comes first.
    Every segment read before the cut keeps its items; the image's bytes run to the end of the
    data, so a strip keeps all that follows the segments it removes, the damaged scan included
    (never lose a photo: a browser shows the part of it that is there)."""
    image = Image(data, 0, "")
    try:
        _walk(image, len(data), whole=False)
    except Truncated:
        pass   # the segments before the cut are in image.parts
    finish(image)
    image.end = len(data)
    return image

# --- stripping -----------------------------------------------------------------------

def _rebuild(image: Image, kinds: frozenset[str]) -> tuple[list, int | None]:
    """The image as pieces to join, without the segments that hold items of `kinds`, and the
    index of the piece that is the kept MPF segment (its offsets are rewritten), if any."""
    removed = sorted(span for spans, items in image.parts if any(item.kind in kinds for item in items)
                     for span in spans)
    view, position, mpf_piece = memoryview(image.data), image.start, None
    pieces: list[bytes | memoryview] = []
    kept_mpf = [image.mpf[:2]] if image.mpf and image.mpf[:2] not in removed else []
    mpf_start = kept_mpf[0][0] if kept_mpf else None
    for start, end in sorted(removed + kept_mpf):
        pieces.append(view[position:start])
        if start == mpf_start:
            mpf_piece = len(pieces)
            pieces.append(view[start:end])
        else:
            pieces.append(image.replacements.get(start, b""))
        position = end
    pieces.append(view[position:image.end])
    return pieces, mpf_piece


def strip(data, kinds: frozenset[str]) -> bytes:
    """The file without the segments that hold items of `kinds`; a file cut short keeps every
    byte after them as it was (_headers), which is checked here byte for byte."""
    try:
        return _strip(_Layout(data), frozenset(kinds))
    except Truncated:
        image = _headers(data)
    pieces, _ = _rebuild(image, frozenset(kinds))   # an MPF index, if any, is kept as it was
    stripped = b"".join(pieces)
    removed = [end for spans, items in image.parts if any(item.kind in kinds for item in items) for _, end in spans]
    if not stripped.endswith(memoryview(data)[max(removed, default=len(data)):]):
        raise MediaError("JPEG: the bytes after the removed segments would change; left untouched")
    return stripped


def strip_verified(data, kinds: frozenset[str]) -> bytes | None:
    """strip(), with the result read again whole as the reader reads any file, its scans' ends taken
    from the source's walk: the new bytes, or None when this route cannot vouch for them (the
    caller strips and re-reads whole, fixes._verify). The reading is kept for the same bytes
    (`_layout`), so the fixed file is judged without a second scan of its image data.

    Taken when, in the source, nothing after the first SOS holds an item and nothing after EOI
    is kept (no MPO image, no trailer unless PREVIEW goes). The result must then be new headers
    followed by the source's bytes from its first SOS to EOI: it is taken only when those bytes
    are equal (one memcmp). Then every scan the source's walk ended inside them ends at the same
    place shifted by the headers' change (`_scan_end` looks at the same bytes in the same order
    and stops at the first marker, which lies inside them), so the walk of the result is told
    those ends instead of scanning; everything else, and any scan not among them, it reads as a
    whole re-read does. Accepted when that reading meets its first SOS where the source's bytes
    begin, ends at the last byte, finds no item of `kinds`, no MPF index or MPO image, and the
    size and orientation of the source.
    """
    try:
        layout = _layout(data)
    except Truncated:
        return None   # strip() keeps the damaged rest as it was, and a partial re-read verifies it
    main, kinds = layout.main, frozenset(kinds)
    if (main.scan is None or main.width is None or layout.secondary or main.mpf is not None
            or (layout.gaps and PREVIEW not in kinds)
            or any(end > main.scan for spans, _ in main.parts for _, end in spans)):
        return None
    stripped = _strip(layout, kinds)
    try:
        new = read_copy(stripped, layout)
    except MediaError:
        return None
    if new is None:
        return None
    image = new.main
    if (image.scan != len(stripped) - (main.end - main.scan) or image.end != len(stripped)
            or image.mpf is not None or new.secondary
            or any(item.kind in kinds for item in new.items())
            or (image.width, image.height, image.orientation) != (main.width, main.height, main.orientation)):
        return None
    _LAST[:] = [(stripped, new)]   # the judgement of the fixed file reads it from here (pool._judged)
    return stripped


def read_copy(data, source: _Layout) -> _Layout | None:
    """The whole reading of `data` (as `_Layout(data)`, MediaError alike) when it ends with a copy of
    `source`'s first image from its first SOS to EOI, else None. Each scan the source's walk ended
    inside that copy is not scanned again: `_scan_end` would look at the same bytes from the same
    start and stop at the same first marker, shifted by where the copy begins. Only the bytes are
    trusted, never that `data` came from a strip: the copy is compared byte for byte (one memcmp)."""
    main = source.main
    if main.scan is None:
        return None
    head = len(data) - (main.end - main.scan)
    if head < 0 or not data.endswith(memoryview(source.data)[main.scan:main.end]):
        return None
    shift = head - main.scan
    return _Layout(data, {start + shift: end + shift for start, end in main.scan_ends.items()
                          if main.scan <= start and end + 2 <= main.end})


def _strip(layout: _Layout, kinds: frozenset[str]) -> bytes:
    data = layout.data
    first, mpf_piece = _rebuild(layout.main, kinds)
    if PREVIEW in kinds:
        return b"".join(first)   # MPO images, trailers and the MPF index all go
    view = memoryview(data)
    # Everything after the first image in file order: (old start, old end, pieces, whether an image).
    after = sorted([(start, end, [view[start:end]], False) for start, end in layout.gaps]
                   + [(image.start, image.end, _rebuild(image, kinds)[0], True) for _, image in layout.secondary])
    if mpf_piece is not None and layout.main.mpf is not None:   # a kept MPF piece is the index read
        first[mpf_piece] = mpo.with_offsets(layout.main.mpf, first, mpf_piece, after)
    # One join: kept bytes are copied once, straight from the input (bytes or mmap).
    return b"".join(first + [piece for _, _, pieces, _ in after for piece in pieces])
