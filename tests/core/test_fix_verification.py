"""Issue 18: the fix's cheaper verification (jpeg.strip_verified: the new headers re-read, the
image data compared with the source's byte for byte) accepts exactly what the whole re-read
(fixes._verify) accepts, and hands every case it cannot vouch for to the whole re-read.

Each case is a file on which the header-only route would go wrong if it trusted what it does not
read: an item after the first scan, data after the end of the image, a second image, a file cut
short, stray and fill bytes between segments, EXIF in two segments. For each, whatever route
verified_strip takes, its result is the whole strip's, a whole re-read of it holds no item of
the kinds removed, and its pixels are the source's. The same holds for every JPEG of the sample
corpus and every subset of one kind.

Real files: Pillow encodes the pixels, raw segments carry the metadata.
"""

from __future__ import annotations

import pytest

from schoollint.formats import jpeg
from schoollint.formats.fixes import _verify, verified_strip
from schoollint.formats.model import MediaError, PartlyRead
from schoollint.formats.registry import read_media
from tests.kit import corpus
from tests.kit.images import decoded, encode, photo
from tests.kit.jpeg import XMP_SIGNATURE, gradient_jpeg, mpo, phone_jpeg, segment, with_segments
from tests.kit.metadata import exif_with_gps, person_xmp


def kinds_in(data: bytes) -> frozenset[str]:
    try:
        facts = read_media(data, ".jpg")
    except PartlyRead as cut:
        facts = cut.facts
    return frozenset(item.kind for item in facts.items)


def progressive_with_xmp_between_scans() -> bytes:
    data = encode(photo((64, 48)), "JPEG", quality=90, progressive=True)
    second = data.index(b"\xff\xda", data.index(b"\xff\xda") + 2)
    return data[:second] + segment(0xE1, XMP_SIGNATURE + person_xmp("Emily Johnson")) + data[second:]


def stray_and_fill_bytes() -> bytes:
    """Fill bytes (0xFF) before a marker and stray bytes between two segments: readers skip both."""
    data = phone_jpeg()
    at = data.index(b"\xff\xfe")          # the comment segment
    return data[:at] + b"\xff\xff\xff" + data[at:at + 4] + data[at + 4:].replace(b"\xff\xdb", b"junk\xff\xdb", 1)


CASES = {
    "phone photo": phone_jpeg,
    "progressive, XMP after the first scan": progressive_with_xmp_between_scans,
    "data appended after the end of the image": lambda: phone_jpeg() + b"hidden payload: Emily Johnson",
    "a second JPEG appended without an index": lambda: phone_jpeg() + gradient_jpeg(size=(16, 12)),
    "MPO of two images": lambda: mpo(phone_jpeg(), with_segments(gradient_jpeg(), segment(0xE1, b"Exif\0\0"
                                                                                            + exif_with_gps()))),
    "cut short in the scan": lambda: phone_jpeg()[:-300],
    "stray and fill bytes between segments": stray_and_fill_bytes,
    "EXIF in two APP1 segments": lambda: with_segments(phone_jpeg(), segment(0xE1, b"Exif\0\0" + exif_with_gps())),
}


def check_equivalent(data: bytes, kinds: frozenset[str]) -> bool:
    """Asserts the header route agrees with the whole strip and its whole re-read; whether it was taken."""
    quick = jpeg.strip_verified(data, kinds)
    if quick is not None:
        assert quick == jpeg.strip(data, kinds)
        _verify(data, quick, ".jpg", kinds)    # the whole re-read finds nothing left and the same shape
    try:
        result = verified_strip(data, kinds, ".jpg")
    except MediaError:
        assert quick is None                   # refused only where the header route did not vouch
        return False
    assert not kinds & kinds_in(result)
    assert quick is None or result == quick
    return quick is not None


@pytest.mark.parametrize("case", CASES)
def test_every_route_removes_what_it_must_and_keeps_the_pixels(case):
    data = CASES[case]()
    kinds = kinds_in(data)
    assert kinds
    for chosen in [kinds, *(frozenset({kind}) for kind in kinds)]:
        check_equivalent(data, chosen)
    fixed = verified_strip(data, kinds, ".jpg")
    if case != "cut short in the scan":        # Pillow cannot decode the part of a cut scan alike
        assert decoded(fixed) == decoded(data)


@pytest.mark.parametrize("case, taken", [
    ("phone photo", True),
    ("progressive, XMP after the first scan", False),   # the item lies where headers end
    ("a second JPEG appended without an index", False),  # kept unless previews go
    ("MPO of two images", False),
    ("cut short in the scan", False),
])
def test_the_header_route_is_taken_only_where_it_can_vouch(case, taken):
    data = CASES[case]()
    assert (jpeg.strip_verified(data, kinds_in(data) - {"preview"}) is not None) is taken


def test_the_header_route_refuses_a_strip_whose_result_it_has_not_read():
    """Appended data is kept by a strip of the other kinds: the header route, which never reads
    past the new headers, must not vouch for it; with previews removed it goes and is vouched for."""
    data = CASES["data appended after the end of the image"]()
    kinds = kinds_in(data)
    assert "preview" in kinds
    assert jpeg.strip_verified(data, kinds - {"preview"}) is None
    assert not jpeg.strip_verified(data, kinds).endswith(b"Emily Johnson")


@corpus.needs_corpus
def test_the_header_route_agrees_with_the_whole_re_read_on_every_corpus_jpeg():
    taken = 0
    for path in corpus.files(".jpg", ".jpeg"):
        data = path.read_bytes()
        try:
            kinds = kinds_in(data)
        except MediaError:
            continue                              # a sample no reader takes: no fix is offered
        for chosen in [kinds, *(frozenset({kind}) for kind in kinds)]:
            if chosen:
                taken += check_equivalent(data, chosen)
    assert taken > 20                             # the route is exercised, not only its refusals
