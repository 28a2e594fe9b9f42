"""JPEG and MPO plugin: real files from Pillow and piexif, raw segments where Pillow can't."""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from schoollint.formats.model import FREE_TEXT, IDENTITY, KINDS, LOCATION, PERSON_NAME, PREVIEW, TIMESTAMP, MediaError
from schoollint.formats import jpeg
from tests.kit.damage import only_media_errors, patched
from tests.kit.images import pixels, srgb_icc
from tests.kit.jpeg import (
    XMP_SIGNATURE, extended_xmp_segments, flir_segments, gradient_jpeg, jumbf_segments, mpo, phone_jpeg, segment,
    segment_markers, with_segments,
)
from tests.kit.metadata import iim, person_xmp, photoshop_iptc, photoshop_resource, tiff_exif, xmp_packet
from tests.kit.plugin import same_from_an_mmap

EVERYTHING_BUT_PREVIEW = KINDS - {PREVIEW}


def kinds_of(data: bytes) -> set[str]:
    return {item.kind for item in jpeg.read(data).items}


def assert_lossless(original: bytes, stripped: bytes, kinds=KINDS, frame: int = 0) -> None:
    """The strip contract: same pixels, orientation and ICC, nothing of `kinds` left, idempotent."""
    assert pixels(stripped, frame) == pixels(original, frame)
    assert jpeg.read(stripped).orientation == jpeg.read(original).orientation
    with Image.open(io.BytesIO(original)) as before, Image.open(io.BytesIO(stripped)) as after:
        assert after.info.get("icc_profile") == before.info.get("icc_profile")
        assert after.getexif().get(0x0112) == before.getexif().get(0x0112)
    assert not kinds_of(stripped) & set(kinds)
    assert jpeg.strip(stripped, kinds) == stripped


def test_phone_jpeg_reports_everything():
    facts = jpeg.read(phone_jpeg(orientation=6))
    assert (facts.format, facts.width, facts.height, facts.orientation) == ("JPEG", 64, 48, 6)
    found = {(item.kind, item.field, item.where, item.value) for item in facts.items}
    assert found >= {
        (LOCATION, "EXIF GPS position", "APP1 Exif", "51.501, -0.1419"),
        (IDENTITY, "EXIF BodySerialNumber", "APP1 Exif", "SN-0042"),
        (PREVIEW, "EXIF thumbnail", "APP1 Exif", "JPEG, 615 bytes"),
        (PERSON_NAME, "XMP PersonInImage", "APP1 XMP", "Amelia Pupil"),
        (FREE_TEXT, "XMP dc:description", "APP1 XMP", "Sports day"),
        (LOCATION, "IPTC City", "APP13 Photoshop IPTC", "Leeds"),
        (IDENTITY, "IPTC By-line", "APP13 Photoshop IPTC", "Jane Teacher"),
        (FREE_TEXT, "JPEG comment", "COM", "Taken by Mr Smith"),
        (TIMESTAMP, "EXIF DateTimeOriginal", "APP1 Exif", "2024:05:01 10:11:12"),
    }


def test_phone_jpeg_strip_everything_keeps_pixels_orientation_and_icc():
    original = phone_jpeg(orientation=6)
    stripped = jpeg.strip(original, KINDS)
    assert_lossless(original, stripped)
    markers = segment_markers(stripped)
    assert (0xE1, b"Exif\0\0MM\0*\0\0\0\x08\0\x01") in markers    # EXIF with one entry: Orientation
    assert [marker for marker, _ in markers if marker in (0xED, 0xFE)] == []
    assert b"http://ns.adobe.com/xap" not in stripped and b"Pupilcam" not in stripped
    # Everything from the first DQT on (ICC, tables, scan) is Pillow's file, byte for byte.
    encoded = gradient_jpeg(icc_profile=srgb_icc())
    assert stripped.endswith(encoded[encoded.index(b"ICC_PROFILE") - 4:])


def test_strip_location_only_removes_the_containers_holding_places():
    original = phone_jpeg()
    stripped = jpeg.strip(original, {LOCATION})
    assert_lossless(original, stripped, {LOCATION})
    kept = {(item.kind, item.field) for item in jpeg.read(stripped).items}
    assert kept == {(PERSON_NAME, "XMP PersonInImage"), (FREE_TEXT, "XMP dc:description"),
                    (FREE_TEXT, "JPEG comment")}
    # The XMP and COM segments are copied untouched.
    xmp = segment(0xE1, XMP_SIGNATURE + person_xmp())
    assert xmp in original and xmp in stripped


@pytest.mark.parametrize("extra, kind", [
    (segment(0xE1, XMP_SIGNATURE + person_xmp("Zoe Pupil")), PERSON_NAME),
    (segment(0xED, photoshop_iptc(city=b"Bath")), LOCATION),
    (segment(0xFE, "Zoë's class".encode()), FREE_TEXT),
])
def test_single_metadata_block_files(extra, kind):
    original = with_segments(gradient_jpeg(), extra)
    assert kind in kinds_of(original)
    stripped = jpeg.strip(original, {kind})
    assert stripped == gradient_jpeg()
    assert_lossless(original, stripped)


@pytest.mark.parametrize("mode, options", [("CMYK", {}), ("L", {}), ("RGB", {"progressive": True}),
                                           ("RGB", {"subsampling": 0, "restart_marker_blocks": 1})])
def test_colour_models_progressive_and_restart_markers(mode, options):
    original = with_segments(gradient_jpeg(mode, size=(50, 30), **options),
                             segment(0xE1, b"Exif\0\0" + tiff_exif(orientation=3)), segment(0xFE, b"hello"))
    facts = jpeg.read(original)
    assert (facts.width, facts.height, facts.orientation) == (50, 30, 3)
    assert {LOCATION, FREE_TEXT} <= kinds_of(original)
    assert_lossless(original, jpeg.strip(original, KINDS))


def test_comment_between_progressive_scans_is_found_and_removed():
    progressive = gradient_jpeg(progressive=True)
    second_scan = progressive.index(b"\xff\xda", progressive.index(b"\xff\xda") + 2)
    original = progressive[:second_scan] + segment(0xFE, b"hidden") + progressive[second_scan:]
    assert [item.value for item in jpeg.read(original).items] == ["hidden"]
    stripped = jpeg.strip(original, {FREE_TEXT})
    assert stripped == progressive
    assert pixels(stripped) == pixels(original)


def test_mpo_with_gps_only_in_the_second_image():
    second = with_segments(gradient_jpeg(size=(32, 24)), segment(0xE1, b"Exif\0\0" + tiff_exif(orientation=1)))
    original = mpo(gradient_jpeg(size=(64, 48), icc_profile=srgb_icc()), second)
    facts = jpeg.read(original)
    assert facts.notes == ("MPO with 2 images", "ICC profile kept")   # the ICC note once, not per image
    gps = [item for item in facts.items if item.kind == LOCATION]
    assert [(item.where, item.value) for item in gps] == [("MPO image 2 APP1 Exif", "51.501, -0.1419")]
    assert [item.field for item in facts.items if item.kind == PREVIEW] == ["MPO secondary image", "EXIF thumbnail"]

    kept_previews = jpeg.strip(original, EVERYTHING_BUT_PREVIEW)
    assert_lossless(original, kept_previews, EVERYTHING_BUT_PREVIEW)
    with Image.open(io.BytesIO(kept_previews)) as image:   # Pillow follows the rewritten MPF offsets
        assert image.n_frames == 2
    assert pixels(kept_previews, 1) == pixels(original, 1)
    assert len(kept_previews) < len(original)

    without_previews = jpeg.strip(original, KINDS)
    assert_lossless(original, without_previews)
    assert b"MPF\0" not in without_previews
    assert without_previews == gradient_jpeg(size=(64, 48), icc_profile=srgb_icc())


def test_extended_xmp_with_a_name_only_in_the_extension():
    extension = xmp_packet("<dc:title><rdf:Alt><rdf:li>" + "x" * 600 + "</rdf:li></rdf:Alt></dc:title>"
                           "<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Hidden Pupil</rdf:li></rdf:Bag>"
                           "</Iptc4xmpExt:PersonInImage>")
    guid = b"0123456789ABCDEF0123456789ABCDEF"
    main = segment(0xE1, XMP_SIGNATURE + xmp_packet("", f'xmpNote:HasExtendedXMP="{guid.decode()}"'))
    pieces = extended_xmp_segments(extension, guid)
    assert len(pieces) > 3 and b"Hidden Pupil" not in pieces[0]
    original = with_segments(gradient_jpeg(), main, *reversed(pieces))   # pieces out of order
    names = [item for item in jpeg.read(original).items if item.kind == PERSON_NAME]
    assert [(item.where, item.value) for item in names] == [("APP1 Extended XMP", "Hidden Pupil")]
    stripped = jpeg.strip(original, {PERSON_NAME})
    assert stripped == with_segments(gradient_jpeg(), main)
    assert_lossless(original, stripped, {PERSON_NAME})


def test_trailer_after_eoi_is_a_preview_and_zero_padding_is_not():
    video = b"\0\0\0\x18ftypmp42" + bytes(range(256)) * 4
    original = gradient_jpeg() + video
    facts = jpeg.read(original)
    assert [(item.kind, item.value) for item in facts.items] == [(PREVIEW, f"{len(video)} bytes")]
    assert jpeg.strip(original, EVERYTHING_BUT_PREVIEW) == original
    assert jpeg.strip(original, {PREVIEW}) == gradient_jpeg()
    assert jpeg.read(gradient_jpeg() + bytes(500)).items == ()


def test_jfif_thumbnail_and_jfxx_are_previews():
    plain = gradient_jpeg()
    jfif_length = struct.unpack(">H", plain[4:6])[0]
    jfif = plain[6:4 + jfif_length]
    with_thumbnail = (plain[:2] + segment(0xE0, jfif[:12] + b"\x02\x01" + bytes(6))
                      + segment(0xE0, b"JFXX\0\x10" + bytes(20)) + plain[4 + jfif_length:])
    assert [item.field for item in jpeg.read(with_thumbnail).items] == ["JFIF thumbnail", "JFXX thumbnail"]
    stripped = jpeg.strip(with_thumbnail, {PREVIEW})
    assert stripped == plain
    assert_lossless(with_thumbnail, stripped)


def test_unknown_and_vendor_app_segments():
    original = with_segments(gradient_jpeg(), segment(0xE5, b"RMETA\0" + b"serial 123"),
                             segment(0xEC, b"Ducky\0\x01\0\x04\0\0\0<"), segment(0xEE, b"Adobe\0\x64\0\0\0\0\x01"))
    items = [(item.kind, item.field, item.where, item.value) for item in jpeg.read(original).items]
    assert items == [(IDENTITY, "unrecognised vendor block", "APP5", "'RMETA', 16 bytes"),
                     (FREE_TEXT, "Ducky comment block", "APP12", "'Ducky', 13 bytes")]
    stripped = jpeg.strip(original, KINDS)
    assert stripped == with_segments(gradient_jpeg(), segment(0xEE, b"Adobe\0\x64\0\0\0\0\x01"))


def test_photoshop_thumbnail_is_preview_and_stays_with_identity_strip():
    original = with_segments(gradient_jpeg(), segment(0xED, b"Photoshop 3.0\0" + photoshop_resource(0x040C, bytes(40))))
    assert kinds_of(original) == {PREVIEW}
    assert jpeg.strip(original, {IDENTITY}) == original


@pytest.mark.parametrize("cut", [200, -1, -300])
def test_truncated_file_is_a_media_error(cut):
    with pytest.raises(MediaError, match="JPEG: .*(truncated|past the end)"):
        jpeg.read(phone_jpeg()[:cut])


def test_segment_length_past_the_end_is_a_media_error():
    data = gradient_jpeg()
    broken = data[:2] + b"\xff\xe1\xff\xf0Exif\0\0" + data[2:40]
    with pytest.raises(MediaError, match=r"JPEG: segment 0xE1 at offset 2 claims 65520 bytes, past the end of "
                                         r"the file \(46 bytes left\)"):
        jpeg.read(broken)


@pytest.mark.parametrize("bad", [b"\xff\xd8\x00\x00", b"\xff\xd8\xff\xe1\x00\x01", b"\xff\xd8\xff\xe1\x00"])
def test_garbage_where_a_marker_belongs(bad):
    with pytest.raises(MediaError, match="JPEG: "):
        jpeg.read(bad)


def test_mpf_entry_outside_the_file_is_skipped_with_a_note():
    original = mpo(gradient_jpeg(), gradient_jpeg(size=(8, 8)))[:-50]
    facts = jpeg.read(original)
    assert facts.notes[0].startswith("MPF image 2 at offset ") and facts.notes[0].endswith("skipped")
    assert [item.field for item in facts.items] == ["MPO secondary image", "data after end of image"]
    assert jpeg.strip(original, {PREVIEW}) == gradient_jpeg()


def mpf_table(data: bytes) -> tuple[int, int]:
    """Where the MPF offsets count from, and where its entry table starts: the test's own MPF layout."""
    base = data.index(b"MPF\0") + 4
    (table,) = struct.unpack_from(">I", data, base + 8 + 2 + 2 * 12 + 8)
    return base, base + table


def test_mpf_size_too_small_skips_that_image_and_keeps_the_photo():
    second = with_segments(gradient_jpeg(size=(32, 24)), segment(0xE1, b"Exif\0\0" + tiff_exif(orientation=1)))
    comment, later_comment = segment(0xFE, b"Sports day"), segment(0xFE, b"Year 6 at the park")
    plain = mpo(with_segments(gradient_jpeg(), later_comment), second)     # the MPF segment, then this comment
    # A comment before the MPF segment moves the offsets' base and the images alike; the later one only the images.
    original = bytearray(plain[:2] + comment + plain[2:])
    base, table = mpf_table(original)
    (offset,) = struct.unpack_from(">I", original, table + 16 + 8)
    struct.pack_into(">I", original, table + 4, len(original) - len(second))
    struct.pack_into(">I", original, table + 16 + 4, 100)       # image 2 "is" 100 bytes: its EXIF runs past
    original = bytes(original)
    exif_at = base + offset + second.index(b"\xff\xe1")
    facts = jpeg.read(original)
    claimed, left = len(tiff_exif(orientation=1)) + 8, base + offset + 100 - exif_at - 2
    assert facts.notes == (f"JPEG: MPO image 2 segment 0xE1 at offset {exif_at} claims {claimed} bytes, past the "
                           f"end of its MPF-declared size ({left} bytes left); skipped",)
    assert [item.field for item in facts.items] == ["JPEG comment", "MPO secondary image", "JPEG comment",
                                                    "data after end of image"]

    stripped = jpeg.strip(original, {FREE_TEXT})
    new_base, new_table = mpf_table(stripped)
    assert new_base == base - len(comment)
    assert struct.unpack_from(">II", stripped, new_table + 4) == (len(stripped) - len(second), 0)
    moved = offset - len(later_comment)
    assert struct.unpack_from(">II", stripped, new_table + 16 + 4) == (100, moved)   # the same bytes, moved
    assert stripped[new_base + moved:] == second
    assert pixels(stripped) == pixels(original)


def test_stray_bytes_between_segments_are_skipped_and_kept():
    plain = gradient_jpeg()
    original = plain[:20] + b"\0" * 14 + plain[20:]
    facts = jpeg.read(original)
    assert facts.notes == ("14 stray bytes skipped at offset 20",) and facts.width == 64
    assert jpeg.strip(original, KINDS) == original


def test_accept_and_iim_in_secondary_images():
    second = with_segments(gradient_jpeg(size=(8, 8)), segment(0xED, b"Photoshop 3.0\0" + photoshop_resource(
        0x0404, iim((2, 80, b"Jo Photographer")))))
    original = mpo(gradient_jpeg(), second)
    assert jpeg.accept(original[:32]) and not jpeg.accept(b"\x89PNG\r\n\x1a\n")
    assert [(item.where, item.value) for item in jpeg.read(original).items if item.kind == IDENTITY] == [
        ("MPO image 2 APP13 Photoshop IPTC", "Jo Photographer")]
    stripped = jpeg.strip(original, {IDENTITY})
    assert pixels(stripped, 1) == pixels(original, 1) and b"Jo Photographer" not in stripped


def test_reads_and_strips_from_an_mmap(tmp_path):
    same_from_an_mmap(jpeg, phone_jpeg(), tmp_path / "photo.jpg")


def test_mutated_files_only_ever_raise_media_error():
    seed = mpo(phone_jpeg(), with_segments(gradient_jpeg(size=(8, 8)), segment(0xE1, b"Exif\0\0" + tiff_exif())))
    only_media_errors(jpeg, patched(seed, seed=7, cut=True, patch=lambda rng: rng.choice(
        [b"\xff\xff", b"\0\0", bytes([rng.randrange(256)]) * 2])))


def test_vendor_block_split_over_segments_is_reported_once_and_removed_whole():
    pieces = flir_segments(gps_valid=1)
    assert len(pieces) > 2
    original = with_segments(gradient_jpeg(), *reversed(pieces))    # segment numbers, not file order, join them
    items = [(item.kind, item.field, item.where, item.value) for item in jpeg.read(original).items]
    size = sum(len(piece) - 4 for piece in pieces)
    assert items == [(kind, "FLIR camera data", "APP1", f"'FLIR', {size} bytes")
                     for kind in (IDENTITY, PREVIEW, LOCATION)]
    assert jpeg.strip(original, {LOCATION}) == gradient_jpeg()


@pytest.mark.parametrize("gps_valid", [None, 0])
def test_flir_data_without_a_valid_gps_fix_is_no_place(gps_valid):
    original = with_segments(gradient_jpeg(), *flir_segments(gps_valid))
    assert [item.kind for item in jpeg.read(original).items] == [IDENTITY, PREVIEW]
    assert jpeg.strip(original, {LOCATION}) == original
    assert jpeg.strip(original, {IDENTITY}) == gradient_jpeg()


def test_flir_data_whose_directory_cannot_be_read_may_hold_a_place():
    cut = with_segments(gradient_jpeg(), *flir_segments(gps_valid=0)[:1])   # the records are in later segments
    assert [item.kind for item in jpeg.read(cut).items] == [IDENTITY, PREVIEW, LOCATION]


def test_jumbf_is_a_place_only_when_an_assertion_names_one():
    gps = b'{"@context": {"exif": "http://ns.adobe.com/exif/1.0/"}, "exif:GPSLatitude": "51,30.06N"}'
    # The key straddles two segments: 38 bytes of description and box headers come before the JSON.
    pieces = jumbf_segments(gps, chunk=38 + gps.index(b"GPSLatitude") + 3)
    assert len(pieces) > 1 and not any(b"GPSLatitude" in piece for piece in pieces)
    with_place = with_segments(gradient_jpeg(), *pieces)
    assert [(item.kind, item.field) for item in jpeg.read(with_place).items] == [
        (IDENTITY, "JUMBF content credentials"), (LOCATION, "JUMBF content credentials")]
    assert jpeg.strip(with_place, {LOCATION}) == gradient_jpeg()
    signed_only = with_segments(gradient_jpeg(), *jumbf_segments(b'{"claim_generator": "Camera/1.0"}'))
    assert [item.kind for item in jpeg.read(signed_only).items] == [IDENTITY]
    assert jpeg.strip(signed_only, {LOCATION}) == signed_only


@pytest.mark.parametrize("pointer", ["gps", "ifd1"])
def test_one_bad_exif_pointer_still_flags_and_strips_the_block_keeping_orientation(pointer):
    block = bytearray(tiff_exif(orientation=6))
    (first,) = struct.unpack_from(">I", block, 4)
    (count,) = struct.unpack_from(">H", block, first)
    if pointer == "ifd1":
        struct.pack_into(">I", block, first + 2 + 12 * count, 0x7FFF0000)
    else:
        gps = next(position for position in range(first + 2, first + 2 + 12 * count, 12)
                   if struct.unpack_from(">H", block, position)[0] == 0x8825)
        struct.pack_into(">I", block, gps + 8, 0)
    original = with_segments(gradient_jpeg(), segment(0xE1, b"Exif\0\0" + bytes(block)))
    assert LOCATION in kinds_of(original)
    stripped = jpeg.strip(original, {LOCATION})
    assert_lossless(original, stripped, {LOCATION})
    assert (0xE1, b"Exif\0\0MM\0*\0\0\0\x08\0\x01") in segment_markers(stripped)
    assert jpeg.read(stripped).items == () and jpeg.read(stripped).orientation == 6
