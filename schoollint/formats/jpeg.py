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

from . import magic, mpo
from .jpeg_segments import Image, finish
from .jpeg_walk import read_image, walk
from .model import PREVIEW, MediaError, MediaFacts, MetaItem, PartlyRead, Truncated

FORMAT = "JPEG"
EXTENSIONS = (".jpg", ".jpeg", ".jpe", ".jfif", ".mpo")

_NOT_ZERO = re.compile(rb"[^\x00]")
accept = magic.jpeg    # in formats/magic.py: the registry asks it without importing this module


class _Layout:
    """The first image, the MPO images after it, and any other bytes after its EOI. `known_ends`: the
    first image's scan ends where they are known already (Image.known_ends; read_copy)."""

    def __init__(self, data, known_ends: dict[int, int] | None = None):
        self.data = data
        self.main = read_image(data, 0, len(data), "", whole=True, known_ends=known_ends)
        self.secondary = []
        for index, start, end in self._mpo_ranges():
            try:
                image = read_image(data, start, end, f"MPO image {index + 1} ", whole=False,
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
        if trailer:    # and what AFCP and FotoStation trailers hold (IPTC: a city, a By-line), G's reader
            from .jpeg_trailers import items as trailer_items

            found += [trailer, *trailer_items(self.data, self.gaps, read)]
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
        walk(image, len(data), whole=False)
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
    place shifted by the headers' change (`jpeg_walk.scan_end` looks at the same bytes in the same order
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
    inside that copy is not scanned again: `jpeg_walk.scan_end` would look at the same bytes from the same
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
    from .jpeg_trailers import holds   # a trailer holding items of `kinds` (AFCP, FotoStation IPTC) goes
    # Everything after the first image in file order: (old start, old end, pieces, whether an image).
    after = sorted([(start, end, [] if holds(data, start, end, kinds, read) else [view[start:end]], False)
                    for start, end in layout.gaps]
                   + [(image.start, image.end, _rebuild(image, kinds)[0], True) for _, image in layout.secondary])
    if mpf_piece is not None and layout.main.mpf is not None:   # a kept MPF piece is the index read
        first[mpf_piece] = mpo.with_offsets(layout.main.mpf, first, mpf_piece, after)
    # One join: kept bytes are copied once, straight from the input (bytes or mmap).
    return b"".join(first + [piece for _, _, pieces, _ in after for piece in pieces])
