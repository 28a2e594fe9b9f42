"""Photoshop image resources and IPTC IIM records."""

from __future__ import annotations

import struct

import pytest

from schoollint.formats.model import (
    FREE_TEXT, IDENTITY, LOCATION, MAX_VALUE_CHARS, PERSON_NAME, PREVIEW, TIMESTAMP, MediaError,
)
from schoollint.formats.embedded import parse_photoshop
from schoollint.formats.iptc import decode_text, parse_iim
from tests.kit.metadata import iim, person_xmp, photoshop_iptc, photoshop_resource, tiff_exif


def facts(items):
    return [(item.kind, item.field, item.value) for item in items]


def test_city_and_byline_from_app13():
    assert facts(parse_photoshop(photoshop_iptc(), "APP13")) == [
        (IDENTITY, "IPTC By-line", "Jane Teacher"), (LOCATION, "IPTC City", "Leeds")]


def test_repeated_keywords_are_one_item_and_utf8_is_decoded():
    records = iim((1, 90, b"\x1b%G"), (2, 25, b"trip"), (2, 25, "Zo\u00eb".encode()), (2, 25, b"trip"),
                  (2, 120, b"Year 6 leavers"), (2, 55, b"20240501"), (2, 116, b"(c) School"))
    assert facts(parse_iim(records, "x")) == [
        (FREE_TEXT, "IPTC Keywords", "trip; Zo\u00eb"), (FREE_TEXT, "IPTC Caption-Abstract", "Year 6 leavers"),
        (TIMESTAMP, "IPTC Date Created", "20240501"), (IDENTITY, "IPTC Copyright Notice", "(c) School")]


def test_latin1_without_charset_and_extended_length_and_zero_padding():
    extended = b"\x1c\x02\x78\x80\x04" + struct.pack(">I", 5) + b"Caf\xe9!"
    assert facts(parse_iim(extended + b"\0\0\0", "x")) == [(FREE_TEXT, "IPTC Caption-Abstract", "Caf\u00e9!")]


def test_thumbnails_exif_and_xmp_resources_and_a_named_odd_sized_block():
    payload = (b"Photoshop 3.0\0" + photoshop_resource(0x040F, b"icc", name=b"odd")
               + photoshop_resource(0x040C, bytes(301)) + photoshop_resource(0x0409, bytes(10))
               + photoshop_resource(0x0422, tiff_exif(thumbnail=False, identity=False))
               + photoshop_resource(0x0424, person_xmp("Amy Smith")) + b"\0\0\0\0")
    found = facts(parse_photoshop(payload, "APP13"))
    assert found[:2] == [(PREVIEW, "Photoshop thumbnail", "301 bytes"), (PREVIEW, "Photoshop thumbnail", "10 bytes")]
    assert (LOCATION, "EXIF GPS position", "51.501, -0.1419") in found
    assert (PERSON_NAME, "XMP PersonInImage", "Amy Smith") in found


@pytest.mark.parametrize("payload, message", [
    (b"Photoshop 3.0\0" + photoshop_resource(0x0404, iim((2, 90, b"Leeds")))[:-3], "claims 10 bytes, past the end"),
    (b"Photoshop 3.0\08BIM\x04\x04", "no resource block signature"),
    (b"Photoshop 3.0\0JUNKJUNKJUNKJUNK", "no resource block signature at offset 0"),
    (b"Photoshop 3.0\0" + photoshop_resource(0x0404, b"\x1c\x02\x5a\x00\x09Leeds"),
     "dataset 2:90 at offset 5 runs past the end of the 10-byte block"),
])
def test_truncated_blocks_raise_media_error(payload, message):
    with pytest.raises(MediaError, match=message):
        parse_photoshop(payload, "APP13")


def test_bad_extended_length_is_an_error():
    with pytest.raises(MediaError, match="bad extended length"):
        parse_iim(b"\x1c\x02\x78\x80\x09" + bytes(20), "x")


def test_content_location_is_a_place_and_release_and_expiry_are_times():
    records = iim((2, 26, b"GBR"), (2, 27, b"Leeds, St Mary's field"), (2, 30, b"20240502"),
                  (2, 35, b"101112+0100"), (2, 37, b"20250101"), (2, 38, b"000000+0000"))
    assert facts(parse_iim(records, "x")) == [
        (LOCATION, "IPTC Content Location Code", "GBR"),
        (LOCATION, "IPTC Content Location Name", "Leeds, St Mary's field"),
        (TIMESTAMP, "IPTC Release Date", "20240502"), (TIMESTAMP, "IPTC Release Time", "101112+0100"),
        (TIMESTAMP, "IPTC Expiration Date", "20250101"), (TIMESTAMP, "IPTC Expiration Time", "000000+0000")]


def test_decode_text_is_utf8_then_latin1():
    assert decode_text("Zo\u00eb".encode()) == "Zo\u00eb"
    assert decode_text(b"Zo\xeb") == "Zo\u00eb"


def test_values_are_clipped_to_the_shared_length():
    assert facts(parse_iim(iim((2, 120, b"a" * 2000)), "x")) == [(FREE_TEXT, "IPTC Caption-Abstract",
                                                                   "a" * MAX_VALUE_CHARS)]
