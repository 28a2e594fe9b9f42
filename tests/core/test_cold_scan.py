"""The scan of a JPEG's entropy-coded data to its end (issue 18, the cold check): `jpeg_walk.scan_end`
jumps between 0xFF bytes with memchr where they are sparse and hands dense stretches to the regex. It
must stop at exactly the byte the regex stops at (T.81 B.1.1.5, F.1.2.3: the first 0xFF followed by
anything but 0x00 or RSTn), in bytes, a memory map and a memoryview, whatever the density, so that
every trailer, second image and appended video after EOI is still found."""

from __future__ import annotations

import mmap
import random

import pytest

from schoollint.formats import jpeg_walk
from schoollint.formats.registry import read_media
from tests.kit.images import encode, gradient


def _regex(data, start: int, limit: int) -> int:
    found = jpeg_walk._SCAN_END.search(data, start, limit)
    return -1 if found is None else found.start()


def _entropy(generator: random.Random, size: int, gap: int) -> bytes:
    """Scan-like bytes: 0xFF about every `gap` bytes, mostly stuffed, some RSTn, and now and then a
    marker (fill bytes, EOI, DHT, a second SOI)."""
    out = bytearray()
    while len(out) < size:
        out += bytes(generator.randrange(0, 255) for _ in range(generator.randint(0, 2 * gap)))
        out += generator.choice([b"\xff\x00"] * 40 + [b"\xff\xd3"] * 4 + [b"\xff\xff\xd9", b"\xff\xd9", b"\xff\xc4",
                                                                        b"\xff\xd8", b"\xff"])
    return bytes(out[:size])


@pytest.mark.parametrize("gap", [2, 40, 300, 700, 5000])
def test_the_jump_stops_where_the_regex_does(gap):
    generator = random.Random(gap)
    for _ in range(60):
        data = _entropy(generator, generator.randint(0, 60000), gap)
        for _ in range(5):
            start = generator.randint(0, len(data))
            limit = generator.randint(start, len(data))
            assert jpeg_walk.scan_end(data, start, limit) == _regex(data, start, limit), (gap, start, limit)
            assert jpeg_walk.scan_end(memoryview(data), start, limit) == _regex(data, start, limit)


def test_a_long_run_of_stuffed_bytes_and_the_last_byte(tmp_path):
    dense = b"\x01\xff\x00" * 5000 + b"\xff\xd7" * 100 + b"\xff\xd9"
    sparse = (b"\x01" * 600 + b"\xff\x00") * 200 + b"\xff\xe1"
    for data in (dense, sparse, sparse + b"\xff", b"\xff", b"", b"\xff\x00\xff"):
        assert jpeg_walk.scan_end(data, 0, len(data)) == _regex(data, 0, len(data))
        path = tmp_path / "scan.bin"
        path.write_bytes(data or b"\0")
        with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
            assert jpeg_walk.scan_end(view, 0, len(data)) == _regex(data, 0, len(data))


def test_a_marker_at_each_place_around_the_regex_chunks_end():
    dense = b"\x01\xff\x00" * 20000
    for at in range(jpeg_walk._CHUNK - 8, jpeg_walk._CHUNK + 200):
        for marker in (b"\xff\xd9", b"\xff\xff", b"\xff\xd0"):
            data = dense[:at] + marker + dense[at:]
            assert jpeg_walk.scan_end(data, 0, len(data)) == _regex(data, 0, len(data)), (at, marker)
            assert jpeg_walk.scan_end(data, 0, at + 1) == _regex(data, 0, at + 1), (at, marker)


def _gap(photo: bytes) -> float:
    """Bytes of scan data per 0xFF in the photo's first scan."""
    image = jpeg_walk.read_image(photo, 0, len(photo), "", whole=False)
    start = image.scan + 2 + int.from_bytes(photo[image.scan + 2:image.scan + 4], "big")
    return (len(photo) - start) / max(1, photo.count(b"\xff", start))


@pytest.mark.parametrize("quality, dense", [(95, True), (40, False)])
@pytest.mark.parametrize("after", [b"\x00\x00\x00\x18ftypmp42", b"PK\x03\x04 a zip after the photo",
                                   b"\xff\xd8\xff\xe0 a second image", b"\0\0\0\0\0\0\x01"])
def test_what_follows_the_image_is_found_whether_the_jump_or_the_regex_ends_the_scan(quality, dense, after):
    photo = encode(gradient((1600, 1200)), "JPEG", quality=quality)
    assert (_gap(photo) < jpeg_walk._GAP) == dense          # both ways of ending the scan are taken
    assert read_media(photo, ".jpg").items == ()
    found = read_media(photo + after, ".jpg").items
    assert [(item.kind, item.field) for item in found] == [("preview", "data after end of image")]
