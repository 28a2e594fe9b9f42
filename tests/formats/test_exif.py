"""EXIF parser: real blocks from piexif and Pillow, plus hand-broken ones."""

from __future__ import annotations

import struct

import piexif
import pytest

from schoollint.formats.model import (
    FREE_TEXT, IDENTITY, KINDS, LOCATION, MAX_VALUE_CHARS, PERSON_NAME, PREVIEW, TIMESTAMP, MediaError, MetaItem,
)
from schoollint.formats.embedded import parse_exif, parse_photoshop
from schoollint.formats.exif import ExifInfo, minimal_exif
from tests.kit.metadata import iim, person_xmp, photoshop_resource, tiff_exif, to_little_endian


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


def test_gps_without_position_is_no_location_and_version_alone_is_nothing():
    # Issue 12 kind 9: a position needs coordinates; the block is still reported (SL102).
    only_altitude = {piexif.GPSIFD.GPSVersionID: (2, 3, 0, 0), piexif.GPSIFD.GPSAltitude: (120, 1)}
    info = parse_exif(piexif.dump({"GPS": only_altitude})[6:], "x")
    assert [(item.kind, item.field, item.value) for item in info.items] == [
        (TIMESTAMP, "EXIF GPS data without a position", "GPS tags 0x0006")]
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


def test_ifd_loop_is_a_damaged_link_not_a_hang():
    block = _little(8, (0x8769, 4, 1, 8), (0x010F, 2, 4, 0x00786F4A))   # Exif pointer back at IFD0
    info = parse_exif(block, "APP1 Exif")
    assert [(item.kind, item.field, item.value) for item in info.items] == [
        (IDENTITY, "EXIF Exif IFD (damaged)", None), (IDENTITY, "EXIF Make", "Jox")]


def test_next_ifd_pointing_at_itself_is_a_damaged_ifd1_and_orientation_survives():
    info = parse_exif(_little(8, (0x0112, 3, 1, 6), next_ifd=8), "x")
    assert [(item.kind, item.field) for item in info.items] == [(IDENTITY, "EXIF IFD1 (damaged)")]
    assert info.orientation == 6


@pytest.mark.parametrize("block, message", [
    (b"II*\0\x08\0", "cut short"),
    (b"XX*\0\x08\0\0\0\0\0", "no TIFF header"),
    (_little(4000), "IFD0 at offset 4000 is outside"),
    (b"II*\0\x08\0\0\0\xff\x00" + bytes(20), "lists 255 entries, which run past the end"),
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


def test_offsets_and_sizes_stored_as_floats_are_not_followed_nor_crashed_on():
    nan = struct.pack("<f", float("nan"))
    block = b"II*\0\x08\0\0\0" + struct.pack("<HHHI4sHHI4sI", 2, 0x8769, 11, 1, struct.pack("<f", 8.5),
                                             0x0100, 11, 1, nan, 0)
    assert parse_exif(block, "x") == ExifInfo(items=(MetaItem(IDENTITY, "EXIF Exif IFD (damaged)", "x"),))


def _big(*ifds: list[tuple]) -> bytes:
    """A big-endian block of IFDs laid end to end from offset 8, each entry (tag, type, count, value);
    "next" as a value is the offset of the IFD after this one."""
    block, offset = b"MM\0*" + struct.pack(">I", 8), 8
    for entries in ifds:
        following = offset + 2 + 12 * len(entries) + 4
        block += struct.pack(">H", len(entries)) + b"".join(
            struct.pack(">HHII", tag, kind, count, following if value == "next" else value)
            for tag, kind, count, value in entries) + b"\0\0\0\0"
        offset = following
    return block


def test_thousands_of_chained_sub_ifds_are_a_media_error_not_a_recursion_error():
    chain = _big(*[[(0x8769, 4, 1, "next")]] * 3000, [])
    with pytest.raises(MediaError, match=r"EXIF \(APP1 Exif\): IFDs and embedded blocks nest more than 4 deep"):
        parse_exif(chain, "APP1 Exif")
    artist = [(0x013B, 2, 4, 0x4A6F6500)]
    assert [item.value for item in parse_exif(_big(*[[(0x8769, 4, 1, "next")]] * 4, artist), "x").items] == ["Joe"]
    with pytest.raises(MediaError, match="nest more than 4 deep"):
        parse_exif(_big(*[[(0x8769, 4, 1, "next")]] * 5, artist), "x")


def test_photoshop_and_exif_nested_in_each_other_are_a_media_error():
    blob = photoshop_resource(0x0404, b"")
    for _ in range(300):
        tiff = b"MM\0*" + struct.pack(">IHHHII", 8, 1, 0x8649, 7, len(blob), 26) + b"\0\0\0\0" + blob
        blob = photoshop_resource(0x0422, tiff)
    with pytest.raises(MediaError, match="nest more than 4 deep"):
        parse_photoshop(blob, "APP13 Photoshop")


def test_the_deepest_real_nesting_is_read():
    # A TIFF's Photoshop tag > its EXIF resource > Exif IFD > Interop IFD, here holding an Artist.
    inner = _big([(0x8769, 4, 1, "next")], [(0xA005, 4, 1, "next")], [(0x013B, 2, 4, 0x4A6F6500)])
    resource = photoshop_resource(0x0422, inner)
    outer = _big([(0x8649, 7, len(resource), 26)]) + resource
    assert [(item.field, item.value, item.where) for item in parse_exif(outer, "TIFF").items] == [
        ("EXIF Artist", "Joe", "TIFF Photoshop tag EXIF resource")]


def test_bad_ifd1_pointer_keeps_the_gps_and_flags_the_thumbnail_ifd():
    block = bytearray(tiff_exif(orientation=6))
    (first,) = struct.unpack_from(">I", block, 4)
    (count,) = struct.unpack_from(">H", block, first)
    struct.pack_into(">I", block, first + 2 + 12 * count, 0x7FFF0000)
    info = parse_exif(bytes(block), "APP1 Exif")
    assert values(info, LOCATION) == {"EXIF GPS position": "51.501, -0.1419"}
    assert ("EXIF IFD1 (damaged)", None) in values(info, IDENTITY).items()
    assert PREVIEW not in {item.kind for item in info.items} and info.orientation == 6


@pytest.mark.parametrize("pointer", [0, 3, 99999])
def test_unreadable_gps_ifd_is_a_damaged_location_and_the_rest_is_read(pointer):
    block = bytearray(tiff_exif(orientation=3))
    (first,) = struct.unpack_from(">I", block, 4)
    (count,) = struct.unpack_from(">H", block, first)
    gps_entry = next(position for position in range(first + 2, first + 2 + 12 * count, 12)
                     if struct.unpack_from(">H", block, position)[0] == 0x8825)
    struct.pack_into(">I", block, gps_entry + 8, pointer)
    info = parse_exif(bytes(block), "APP1 Exif")
    assert values(info, LOCATION) == {"EXIF GPS data (damaged)": None}
    assert values(info, IDENTITY)["EXIF BodySerialNumber"] == "SN-0042"
    assert info.orientation == 3 and [item.field for item in info.items if item.kind == PREVIEW] == ["EXIF thumbnail"]


@pytest.mark.parametrize("tag, name, kinds", [
    (0x02BC, "XMP", sorted(KINDS)),
    (0x83BB, "IPTC", [LOCATION, IDENTITY, TIMESTAMP, FREE_TEXT]),
    (0x8649, "Photoshop", sorted(KINDS)),
])
def test_embedded_block_cut_off_by_the_end_is_reported_as_what_it_may_hold(tag, name, kinds):
    block = _little(8, (tag, 7, 400, 26), tail=iim((2, 90, b"Leeds")))   # 400 bytes claimed, 10 there
    assert [(item.kind, item.field, item.where, item.value) for item in parse_exif(block, "TIFF").items] == [
        (kind, f"EXIF {name} tag (unreadable)", f"TIFF {name} tag", None) for kind in kinds]


def test_utf8_type_129_is_text_and_an_unknown_type_is_still_reported():
    name = "Zo\u00eb Teacher".encode()
    utf8 = _big([(0x013B, 129, len(name) + 1, 26)]) + name + b"\0"
    assert values(parse_exif(utf8, "x"), IDENTITY) == {"EXIF Artist": "Zo\u00eb Teacher"}
    unknown = _big([(0x013B, 200, 4, 0x4A6F6500), (0x010E, 2, 0, 0)])   # and a blank description
    assert [(item.field, item.value) for item in parse_exif(unknown, "x").items] == [("EXIF Artist", None)]


def test_placeholder_gps_ifd_of_zeros_is_not_a_place():
    # As some thermal cameras write it: every GPS tag present, every value zero bytes.
    zeros = {piexif.GPSIFD.GPSVersionID: (2, 2, 0, 0), piexif.GPSIFD.GPSLatitudeRef: b"\0",
             piexif.GPSIFD.GPSLatitude: ((0, 0), (0, 0), (0, 0)), piexif.GPSIFD.GPSLongitudeRef: b"\0",
             piexif.GPSIFD.GPSLongitude: ((0, 0), (0, 0), (0, 0)), piexif.GPSIFD.GPSAltitudeRef: 0,
             piexif.GPSIFD.GPSAltitude: (0, 0), piexif.GPSIFD.GPSTimeStamp: ((0, 0), (0, 0), (0, 0)),
             piexif.GPSIFD.GPSMapDatum: b"\0" * 4, piexif.GPSIFD.GPSDateStamp: b"\0" * 10}
    assert parse_exif(piexif.dump({"GPS": zeros})[6:], "x").items == ()
    zeros[piexif.GPSIFD.GPSAltitude] = (35, 1)
    assert [(item.field, item.value) for item in parse_exif(piexif.dump({"GPS": zeros})[6:], "x").items] == [
        ("EXIF GPS data without a position", "GPS tags 0x0006")]


@pytest.mark.parametrize("gps", [
    {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLongitudeRef: b"E"},
    {piexif.GPSIFD.GPSImgDirectionRef: b"T", piexif.GPSIFD.GPSImgDirection: (270, 1)},
    {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((0, 1), (0, 1), (0, 1)),
     piexif.GPSIFD.GPSLongitudeRef: b"E", piexif.GPSIFD.GPSLongitude: ((0, 1), (0, 1), (0, 1))},
], ids=["hemisphere letters", "direction", "all-zero position"])
def test_gps_block_without_a_position_is_not_a_location(gps):
    items = parse_exif(piexif.dump({"GPS": gps})[6:], "x").items
    assert [(item.kind, item.field) for item in items] == [(TIMESTAMP, "EXIF GPS data without a position")]


def test_gps_destination_or_area_name_is_a_location():
    area = {piexif.GPSIFD.GPSAreaInformation: b"ASCII\0\0\0Leeds Grammar"}
    assert [item.kind for item in parse_exif(piexif.dump({"GPS": area})[6:], "x").items] == [LOCATION]


def test_gps_value_cut_off_by_the_end_still_counts():
    block = _big([(0x8825, 4, 1, "next")], [(0x0002, 5, 3, 5000)])
    assert [item.field for item in parse_exif(block, "x").items] == ["EXIF GPS data"]


def test_long_values_are_clipped_to_the_shared_length():
    block = piexif.dump({"0th": {piexif.ImageIFD.ImageDescription: b"a" * 3000}})[6:]
    assert values(parse_exif(block, "x"), FREE_TEXT) == {"EXIF ImageDescription": "a" * MAX_VALUE_CHARS}


@pytest.mark.parametrize("half, tags", [
    ("latitude", {1: b"N", 2: ((51, 1), (30, 1), (2646, 100))}),
    ("longitude", {3: b"W", 4: ((0, 1), (7, 1), (3000, 100))}),
])
def test_half_a_position_is_location_not_a_harmless_gps_block(repo, cli, half, tags):
    """Trial item 19: a GPS latitude without its longitude was "EXIF GPS data without a position"
    (SL102); half a position still narrows where a photo was taken, so it is SL101."""
    from tests.kit.images import encode, photo

    exif = piexif.dump({"0th": {}, "Exif": {}, "GPS": tags, "1st": {}, "thumbnail": None})
    (repo / "half.jpg").write_bytes(encode(photo((64, 48)), "JPEG", exif=exif))
    code, out, _ = cli("check", "--no-cache", "--select", "SL101,SL102")
    assert code == 1 and "SL101 location-metadata" in out and f"EXIF GPS {half} without its other half" in out
    assert "SL102" not in out
