"""EXIF parser: real blocks from piexif and Pillow, plus hand-broken ones."""

from __future__ import annotations

import struct

import piexif
import pytest

from jpeg_builders import iim, person_xmp, tiff_exif, to_little_endian
from schoollint.media import FREE_TEXT, IDENTITY, LOCATION, PERSON_NAME, PREVIEW, TIMESTAMP, MediaError
from schoollint.media.exif import ExifInfo, minimal_exif, parse_exif


def values(info, kind):
    return {item.field: item.value for item in info.items if item.kind == kind}


def test_phone_block_reports_each_kind_with_values():
    info = parse_exif(tiff_exif(orientation=6), "APP1 Exif")
    assert info.orientation == 6
    assert values(info, LOCATION) == {"EXIF GPS position": "51.501, -0.1419"}
    assert values(info, IDENTITY) == {"EXIF Make": "Pupilcam", "EXIF Model": "PC-1",
                                      "EXIF Software": "Pupilcam OS 4", "EXIF BodySerialNumber": "SN-0042",
                                      "EXIF LensModel": "Wide 4mm"}
    assert values(info, TIMESTAMP) == {"EXIF DateTimeOriginal": "2024:05:01 10:11:12"}
    assert [item.field for item in info.items if item.kind == PREVIEW] == ["EXIF thumbnail"]
    assert {item.where for item in info.items} == {"APP1 Exif"}
    assert info.big_endian


def test_little_endian_block_reads_the_same():
    info = parse_exif(to_little_endian(tiff_exif(orientation=8, thumbnail=False)), "eXIf chunk")
    assert not info.big_endian and info.orientation == 8
    assert values(info, LOCATION) == {"EXIF GPS position": "51.501, -0.1419"}
    assert values(info, IDENTITY)["EXIF Model"] == "PC-1"


def test_text_tags_are_decoded_and_blank_ones_are_not_reported():
    zeroth = {piexif.ImageIFD.XPComment: "Mia's birthday".encode("utf-16-le"),
              piexif.ImageIFD.ImageDescription: b"          ", piexif.ImageIFD.Artist: b"J. Teacher\0\0"}
    exif = {piexif.ExifIFD.UserComment: b"UNICODE\0" + "Gym".encode("utf-16-be"),
            piexif.ExifIFD.MakerNote: b"Nikon\0" + bytes(200), piexif.ExifIFD.PixelXDimension: 1600,
            piexif.ExifIFD.PixelYDimension: 1200}
    info = parse_exif(piexif.dump({"0th": zeroth, "Exif": exif})[6:], "APP1 Exif")
    assert values(info, FREE_TEXT) == {"EXIF XPComment": "Mia's birthday", "EXIF UserComment": "Gym"}
    assert values(info, IDENTITY) == {"EXIF Artist": "J. Teacher", "EXIF MakerNote": "206 bytes"}
    assert (info.width, info.height, info.orientation) == (1600, 1200, None)


def test_gps_without_position_is_still_location_and_version_alone_is_not():
    only_altitude = {piexif.GPSIFD.GPSVersionID: (2, 3, 0, 0), piexif.GPSIFD.GPSAltitude: (120, 1)}
    info = parse_exif(piexif.dump({"GPS": only_altitude})[6:], "x")
    assert [(item.field, item.value) for item in info.items] == [("EXIF GPS data", "GPS tags 0x0006")]
    assert parse_exif(piexif.dump({"GPS": {piexif.GPSIFD.GPSVersionID: (2, 3, 0, 0)}})[6:], "x").items == ()


def test_southern_and_western_positions_are_negative():
    gps = {piexif.GPSIFD.GPSLatitudeRef: b"S", piexif.GPSIFD.GPSLatitude: ((33, 1), (52, 1), (0, 1)),
           piexif.GPSIFD.GPSLongitudeRef: b"E", piexif.GPSIFD.GPSLongitude: ((151, 1), (12, 1), (36, 1))}
    info = parse_exif(piexif.dump({"GPS": gps})[6:], "x")
    assert info.items[0].value == "-33.866667, 151.21"


@pytest.mark.parametrize("big_endian", [False, True])
def test_minimal_exif_holds_only_orientation(big_endian):
    block = minimal_exif(3, big_endian)
    assert block[:4] == (b"MM\0*" if big_endian else b"II*\0") and len(block) == 26
    info = parse_exif(block, "x")
    assert (info.orientation, info.items, info.big_endian) == (3, (), big_endian)
    from PIL import Image

    exif = Image.Exif()
    exif.load(b"Exif\0\0" + block)
    assert dict(exif) == {0x0112: 3}


def _little(ifd_offset: int, *entries: tuple, next_ifd: int = 0, tail: bytes = b"") -> bytes:
    body = struct.pack("<H", len(entries)) + b"".join(struct.pack("<HHII", *e) for e in entries)
    return b"II*\0" + struct.pack("<I", ifd_offset) + body + struct.pack("<I", next_ifd) + tail


def test_ifd_loop_is_an_error_not_a_hang():
    block = _little(8, (0x8769, 4, 1, 8))   # the Exif pointer points back at IFD0
    with pytest.raises(MediaError, match="loops back"):
        parse_exif(block, "APP1 Exif")


def test_next_ifd_pointing_at_itself_is_an_error():
    with pytest.raises(MediaError, match="IFD1 at offset 8 loops back"):
        parse_exif(_little(8, (0x0112, 3, 1, 6), next_ifd=8), "x")


@pytest.mark.parametrize("block, message", [
    (b"II*\0\x08\0", "cut short"),
    (b"XX*\0\x08\0\0\0\0\0", "no TIFF header"),
    (_little(4000), "IFD0 at offset 4000 is outside"),
    (b"II*\0\x08\0\0\0\xff\x00" + bytes(20), "lists 255 entries, which run past the end"),
    (_little(8, (0x8825, 4, 1, 9999)), "GPS IFD at offset 9999 is outside"),
])
def test_broken_blocks_raise_media_error_naming_the_part(block, message):
    with pytest.raises(MediaError, match=message):
        parse_exif(block, "APP1 Exif")


def test_value_pointing_outside_is_still_reported_without_a_value():
    info = parse_exif(_little(8, (0x013B, 2, 40, 5000), (0x0112, 3, 1, 1)), "x")
    assert [(item.field, item.value) for item in info.items] == [("EXIF Artist", None)]
    assert info.orientation == 1


def test_embedded_xmp_and_iptc_tags_are_parsed():
    xmp, iptc = person_xmp("Tom Pupil"), iim((2, 90, b"York"))
    values_at = 8 + 2 + 2 * 12 + 4
    block = _little(8, (0x02BC, 7, len(xmp), values_at), (0x83BB, 7, len(iptc), values_at + len(xmp)),
                    tail=xmp + iptc)
    info = parse_exif(block, "TIFF IFD0")
    assert [(item.kind, item.field, item.value, item.where) for item in info.items] == [
        (PERSON_NAME, "XMP PersonInImage", "Tom Pupil", "TIFF IFD0 XMP tag"),
        (FREE_TEXT, "XMP dc:description", "Sports day", "TIFF IFD0 XMP tag"),
        (LOCATION, "IPTC City", "York", "TIFF IFD0 IPTC tag")]


def test_empty_thumbnail_is_not_a_preview():
    block = piexif.dump({"0th": {piexif.ImageIFD.Make: b"X"}, "1st": {piexif.ImageIFD.XResolution: (72, 1)}})
    assert [item.field for item in parse_exif(block[6:], "x").items] == ["EXIF Make"]


def test_offsets_and_sizes_stored_as_floats_are_ignored_not_crashed_on():
    nan = struct.pack("<f", float("nan"))
    block = b"II*\0\x08\0\0\0" + struct.pack("<HHHI4sHHI4sI", 2, 0x8769, 11, 1, struct.pack("<f", 8.5),
                                             0x0100, 11, 1, nan, 0)
    assert parse_exif(block, "x") == ExifInfo(items=())
