"""MPO: the Multi-Picture Format index that lists the JPEGs stored after the first.

CIPA DC-007 (Multi-Picture Format): an APP2 segment "MPF\\0" holding a TIFF-style
header and the MP Index IFD, whose MP Entry tag (0xB002) lists 16 bytes per
image (attributes, size, offset, two dependent-image entries). Offsets count
from the MP header (8 bytes after the segment's start: FF E2, length,
"MPF\\0"); the first image's offset is 0. Images after the first are
previews (a stereo pair, a depth or gain map). The index parts are read with
ifd.py; a broken index is a MediaError, an entry that points nowhere a note.
"""

from __future__ import annotations

import struct

from .ifd import read_ifd
from .model import MediaError

MP_ENTRY = 0xB002
HEADER_OFFSET = 8   # FF E2, length, "MPF\0": offsets count from the TIFF header after it


def read_index(payload: bytes, where: str) -> tuple[str, int, list[tuple[int, int]]] | None:
    """(byte order, entry table offset in the MP header, [(size, offset)] per image) from an
    APP2 MPF payload; None for an MPF without MP entries (a secondary image's attributes)."""
    header = payload[4:]
    order = "<" if header[:2] == b"II" else ">"
    if len(header) < 8:
        raise MediaError(f"JPEG: {where} header is cut short")
    (first,) = struct.unpack_from(order + "I", header, 4)
    entries, _ = read_ifd(header, order, first, where, "MP index IFD")
    table = next((entry for entry in entries if entry.tag == MP_ENTRY and entry.offset >= 0), None)
    if table is None:
        return None
    images = [struct.unpack_from(order + "II", header, table.offset + 16 * number + 4)
              for number in range(table.size // 16)]
    return order, table.offset, images


def image_ranges(data, segment_start: int, images: list[tuple[int, int]], main_end: int,
                 notes: list[str]) -> list[tuple[int, int, int]]:
    """(entry index, start, end) of each image after the first that is a JPEG where the index
    says, in file order; `segment_start` is where the MPF segment starts, `main_end` where the
    first image ends. A note is added to `notes` for each entry skipped."""
    base = segment_start + HEADER_OFFSET
    ranges = sorted((base + offset, base + offset + size, index)
                    for index, (size, offset) in enumerate(images) if index)
    found, previous_end = [], main_end
    for start, end, index in ranges:
        # Cut-down sample files keep an MPF that lists images no longer there: like
        # other readers, we skip such an entry rather than refuse the first image.
        if start < previous_end or end > len(data) or data[start:start + 2] != b"\xff\xd8":
            notes.append(f"MPF image {index + 1} at offset {start} ({end - start} bytes) is not "
                         f"a JPEG inside the file after the one before it; skipped")
            continue
        found.append((index, start, end))
        previous_end = end
    return found


def with_offsets(mpf: tuple, first: list, mpf_piece: int, after: list) -> bytes:
    """The kept MPF segment (`first[mpf_piece]`, read into `mpf` by jpeg.py) with each entry
    pointing where its bytes now are: `first` is the rebuilt first image in pieces, `after`
    (old start, old end, pieces, whether an image) everything after it in file order. An image
    read anew gets its new size; one skipped as unreadable keeps its own and moves with the
    bytes around it."""
    segment_start, _, order, table, images = mpf
    segment = bytearray(first[mpf_piece])
    old_base = segment_start + HEADER_OFFSET
    new_base = sum(len(piece) for piece in first[:mpf_piece]) + HEADER_OFFSET
    position = sum(len(piece) for piece in first)
    struct.pack_into(order + "I", segment, 8 + table + 4, position)     # the first image's size
    placed = []   # (old start, old end, new start, new size if an image)
    for old_start, old_end, pieces, is_image in after:
        size = sum(len(piece) for piece in pieces)
        placed.append((old_start, old_end, position, size if is_image else None))
        position += size
    for index, (size, offset) in enumerate(images[1:], start=1):
        old = old_base + offset
        for old_start, old_end, new_start, new_size in placed:
            if old_start <= old < old_end:
                size = new_size if old == old_start and new_size is not None else size
                struct.pack_into(order + "II", segment, 8 + table + 16 * index + 4, size,
                                 new_start + old - old_start - new_base)
    return bytes(segment)
