"""Issue 18: a fixed JPEG is judged without scanning its image data a second time. Its bytes after
the new headers are a copy of the source's from the first SOS to EOI, which the analysis walked
already; jpeg.read_copy reads the fixed file whole, as any file is read, but takes the end of each
scan inside that copy from the source's walk. That must be exactly what a whole re-read gives, for
real fixed files of every trailer kind (nothing after EOI, zero padding, appended data, an appended
MP4 as motion photos carry, a second JPEG, an MPO), progressive photos, restart markers and every
corpus JPEG; and no crafted file can slip past: whatever bytes it is given, read_copy either
declines (None) or gives what a whole re-read of those bytes gives.

Real files: Pillow encodes the pixels, raw segments carry the metadata, the command line fixes them.
"""

from __future__ import annotations

import json
import random

import pytest

from schoollint.formats import jpeg, jpeg_walk
from schoollint.formats.model import MediaError
from tests.kit import corpus
from tests.kit.images import encode, photo
from tests.kit.isobmff import movie
from tests.kit.jpeg import XMP_SIGNATURE, gradient_jpeg, mpo, phone_jpeg, segment, with_segments
from tests.kit.metadata import exif_with_gps, person_xmp


def tagged(data: bytes) -> bytes:
    """`data` with GPS in EXIF and a person's name in XMP, as a phone and a photo app leave them."""
    return with_segments(data, segment(0xE1, b"Exif\0\0" + exif_with_gps()),
                         segment(0xE1, XMP_SIGNATURE + person_xmp("Emily Johnson")))


CASES = {
    "nothing after EOI": phone_jpeg,
    "zero padding after EOI": lambda: phone_jpeg() + b"\0" * 64,
    "data appended": lambda: phone_jpeg() + b"hidden payload: Emily Johnson",
    "an MP4 appended (motion photo)": lambda: phone_jpeg() + movie(),
    "a second JPEG appended": lambda: phone_jpeg() + gradient_jpeg(size=(16, 12)),
    "MPO of two images": lambda: mpo(phone_jpeg(), gradient_jpeg()),
    "progressive, many scans": lambda: tagged(encode(photo((320, 240)), "JPEG", quality=90, progressive=True)),
    "restart markers": lambda: tagged(encode(photo((320, 240)), "JPEG", quality=95, restart_marker_blocks=4)),
}


def whole(data: bytes):
    """What a whole re-read of `data` gives (a new bytes object, so no reading kept for it answers)."""
    return outcome(lambda: jpeg.read(bytes(bytearray(data))))


def outcome(read) -> tuple:
    try:
        return "read", read()
    except MediaError as error:
        return type(error).__name__, str(error)


def kinds_of(data: bytes) -> frozenset[str]:
    return frozenset(item.kind for item in jpeg.read(bytes(bytearray(data))).items)


@pytest.fixture
def scans(monkeypatch) -> list[int]:
    """Where each scan of image data started that jpeg_walk.scan_end looked at (it still does the work)."""
    seen: list[int] = []
    scan_end = jpeg_walk.scan_end

    def counted(data, start, limit):
        seen.append(start)
        return scan_end(data, start, limit)

    monkeypatch.setattr(jpeg_walk, "scan_end", counted)
    return seen


@pytest.mark.parametrize("case", CASES)
def test_the_fixed_file_is_judged_as_a_whole_re_read_judges_it_without_a_second_scan(case, scans):
    data = CASES[case]()
    kinds = kinds_of(data)
    taken = 0
    for chosen in [kinds, kinds - {"preview"}, *(frozenset({kind}) for kind in kinds)]:
        jpeg._LAST.clear()
        jpeg.read(data)                      # the analysis of the source, which the fix reuses
        scans.clear()
        fixed = jpeg.strip_verified(data, chosen)
        if fixed is None:
            continue
        taken += 1
        judged = outcome(lambda fixed=fixed: jpeg.read(fixed))   # the judgement of the fixed file (pool._judged)
        assert scans == [], "the fixed file's image data was scanned again"
        assert judged == whole(fixed)
        assert not chosen & {item.kind for item in judged[1].items}
    assert (taken > 0) == (case != "MPO of two images")   # an MPO's index is rewritten: the whole re-read's route


def test_every_trailer_kind_fixed_through_the_command_line_holds_what_a_fresh_check_finds(repo, cli):
    for number, case in enumerate(CASES):
        (repo / f"photo-{number}.jpg").write_bytes(CASES[case]())
    fixed_run = json.loads(cli("check", "--no-vision", "--fix", "--output-format", "json")[1])["findings"]
    fresh = json.loads(cli("check", "--no-vision", "--no-cache", "--output-format", "json")[1])["findings"]
    assert fixed_run == fresh == []
    for number, case in enumerate(CASES):
        assert whole((repo / f"photo-{number}.jpg").read_bytes())[1].items == (), case


@pytest.mark.parametrize("case", ["nothing after EOI", "progressive, many scans", "restart markers"])
def test_no_crafted_file_slips_past_the_reading_of_a_copy(case):
    """Whatever the bytes, read_copy declines or reads them as a whole re-read does: changed image
    data, headers that hide a scan or an end of image, items put back, bytes cut or added, and
    hundreds of random changes to the headers and where they meet the copy."""
    source = jpeg._Layout(CASES[case]())
    fixed = jpeg.strip_verified(source.data, kinds_of(source.data))
    assert fixed is not None
    main = source.main
    head = len(fixed) - (main.end - main.scan)
    later = head + (len(fixed) - head) // 2
    crafted = [
        fixed,
        fixed[:later] + b"\xff\xd9" + fixed[later + 2:],          # an end of image inside the image data
        fixed[:later] + bytes([fixed[later] ^ 1]) + fixed[later + 1:],
        fixed + b"appended after the copy",
        fixed[:-1],
        fixed[head:],                                             # the copy alone: no start of image
        fixed[:2] + fixed[head:],                                 # no headers at all
        fixed[:head] + b"\xff\xd9" + fixed[head:],               # an end of image before the first scan
        fixed[:head] + fixed[head:head + 30] + fixed[head:],      # a second, short SOS and scan first
        with_segments(fixed, segment(0xE1, b"Exif\0\0" + exif_with_gps())),   # the metadata put back
        with_segments(fixed, segment(0xE2, b"MPF\0" + b"II*\0" + b"\0" * 20)),
    ]
    generator = random.Random(18)
    for _ in range(300):
        changed = bytearray(fixed)
        for _ in range(generator.randint(1, 4)):
            at = generator.randrange(2, head + 8)
            if generator.random() < 0.5:
                changed[at] = generator.choice([0xFF, 0xD9, 0xDA, 0x00, 0xE1, generator.randrange(256)])
            else:
                changed[at:at] = bytes([0xFF, generator.choice([0xD9, 0xDA, 0xE1, 0xC0, 0xD0])])
        crafted.append(bytes(changed))
    declined = 0
    for data in crafted:
        try:
            layout = jpeg.read_copy(data, source)
        except MediaError as error:
            assert outcome(lambda data=data: jpeg._Layout(bytes(bytearray(data)))) == (type(error).__name__, str(error))
            continue
        if layout is None:
            declined += 1
            continue
        assert layout.main.scan_ends == jpeg._Layout(bytes(bytearray(data))).main.scan_ends
        jpeg._LAST[:] = [(data, layout)]          # as strip_verified leaves it for the judgement
        assert outcome(lambda data=data: jpeg.read(data)) == whole(data), data[:40]
    assert 0 < declined < len(crafted)


@corpus.needs_corpus
def test_every_corpus_jpeg_fixed_is_judged_as_a_whole_re_read_judges_it():
    taken = 0
    for path in corpus.files(".jpg", ".jpeg"):
        data = path.read_bytes()
        try:
            kinds = kinds_of(data)
        except MediaError:
            continue                              # a sample no reader takes: no fix is offered
        for chosen in [kinds, *(frozenset({kind}) for kind in kinds)]:
            jpeg._LAST.clear()
            jpeg.read(data)
            fixed = jpeg.strip_verified(data, chosen) if chosen else None
            if fixed is not None:
                taken += 1
                assert outcome(lambda fixed=fixed: jpeg.read(fixed)) == whole(fixed), path.name
    assert taken > 20
