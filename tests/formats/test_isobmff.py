import mmap
import struct
import time

import pytest
from PIL import Image

from schoollint.formats.model import (
    FREE_TEXT, IDENTITY, KINDS, LOCATION, MAX_VALUE_CHARS, PERSON_NAME, PREVIEW, TIMESTAMP, MediaError,
)
from schoollint.formats.registry import read_media
from schoollint.formats.isobmff import plugin as isobmff
from schoollint.formats.position import iso6709
from schoollint.formats.embedded import parse_exif
from tests.kit.damage import only_media_errors, patched, truncations
from tests.kit.images import decoded, encode, photo
from tests.kit.isobmff import (
    IMAGE_DATA, ISO6709, ISO6709_VALUE, MAC_ENGLISH, apple_meta, apple_timed_keys, asset_text, box, boxes_of,
    data_box, exif_payload, ftyp, full_box, hdlr, heif, imir, irot, ispe, itunes_meta, large_box, loci,
    movie, qt_text, sample_entry, tkhd, xmp_uuid,
)
from tests.kit.metadata import LATITUDE, LONGITUDE, person_xmp, tiff_exif

EXIF_GPS_VALUE = f"{LATITUDE}, {LONGITUDE}"
ROTATED_90 = (0, 1, -1, 0)       # a phone held upright: the display matrix QuickTime writes


def stripped(data: bytes, kinds=KINDS) -> bytes:
    result = isobmff.strip(data, frozenset(kinds))
    assert len(result) == len(data), "stripping must never move a byte"
    assert isobmff.strip(result, frozenset(kinds)) == result, "a second strip must change nothing"
    assert not isobmff.read(result).of_kind(*kinds)
    return result


def fields(facts, *kinds) -> dict[str, str | None]:
    return {item.field: item.value for item in facts.items if not kinds or item.kind in kinds}


def changed_ranges(before: bytes, after: bytes) -> list[tuple[int, int]]:
    ranges: list[list[int]] = []
    for offset, (a, b) in enumerate(zip(before, after, strict=False)):
        if a != b:
            if ranges and ranges[-1][1] == offset:
                ranges[-1][1] = offset + 1
            else:
                ranges.append([offset, offset + 1])
    return [tuple(r) for r in ranges]


def inside(ranges, start: int, end: int) -> bool:
    return all(start <= a and b <= end for a, b in ranges)


# --- recognising the container ---------------------------------------------------

@pytest.mark.parametrize("prefix, accepted", [
    (ftyp(b"heic", b"mif1"), True),
    (ftyp(b"qt  ", b"qt  "), True),
    (box(b"moov", b"\0" * 24), True),            # QuickTime from before ftyp
    (box(b"wide") + box(b"mdat", b"x" * 16), True),
    (b"\xff\xd8\xff\xe0\0\x10JFIF\0", False),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", False),
    (b"\0\0\0\x0cjP  \r\n\x87\n", False),          # JPEG 2000 is another box format
    (struct.pack(">I4s", 4, b"moov"), False),    # a size smaller than a box header
])
def test_accept(prefix, accepted):
    assert isobmff.accept(prefix[:32]) is accepted


@pytest.mark.parametrize("major, compatible, expected", [
    (b"heic", [b"mif1", b"heic"], "HEIC"),
    (b"mif1", [b"mif1", b"heic", b"hevc"], "HEIC"),
    (b"mif1", [b"mif1", b"miaf"], "HEIF"),
    (b"avif", [b"avif", b"mif1", b"miaf"], "AVIF"),
    (b"qt  ", [b"qt  "], "MOV"),
    (b"mp42", [b"isom", b"mp42"], "MP4"),
    (b"3gp4", [b"3gp4", b"isom"], "MP4"),
])
def test_format_from_ftyp_brands(major, compatible, expected):
    assert isobmff.format_of(ftyp(major, *compatible) + box(b"moov")) == expected


def test_quicktime_without_ftyp_is_mov():
    data = box(b"moov", box(b"trak", tkhd(320, 240))) + box(b"mdat", b"frames")
    facts = read_media(data, ".mov")
    assert (facts.format, facts.width, facts.height, facts.orientation) == ("MOV", 320, 240, 1)


# --- HEIC and AVIF from the real encoders ------------------------------------------

@pytest.mark.parametrize("format", ["HEIF", "AVIF"])
def test_encoded_photo_exif_gps_and_person_in_xmp(format):
    image = photo((64, 48))
    data = encode(image, format, quality=90, exif=tiff_exif(orientation=1), xmp=person_xmp("Amelia Pupil"))

    facts = read_media(data, ".heic" if format == "HEIF" else ".avif")

    assert facts.format == ("HEIC" if format == "HEIF" else "AVIF")
    assert (facts.width, facts.height) == image.size
    found = fields(facts)
    assert found["EXIF GPS position"] == EXIF_GPS_VALUE
    assert found["EXIF Make"] == "Pupilcam"
    assert found["EXIF BodySerialNumber"] == "SN-0042"
    assert [item.value for item in facts.of_kind(PERSON_NAME)] == ["Amelia Pupil"]
    assert {item.where for item in facts.items} == {"HEIF Exif item", "HEIF XMP item"}


@pytest.mark.parametrize("format", ["HEIF", "AVIF"])
def test_encoded_photo_strip_keeps_pixels_and_orientation(format):
    data = encode(photo((48, 32)), format, quality=90, exif=tiff_exif(orientation=6), xmp=person_xmp())
    before = read_media(data, "")
    assert before.orientation == 6          # the encoder turned EXIF orientation 6 into irot

    clean = stripped(data, {LOCATION})

    assert decoded(clean) == decoded(data)
    after = isobmff.read(clean)
    assert after.orientation == 6
    # The whole Exif item went (it held the GPS); the XMP held no location, so it stays.
    assert fields(after) == {"XMP PersonInImage": "Amelia Pupil", "XMP dc:description": "Sports day"}
    assert person_xmp() in clean
    # What is left of the EXIF is an Orientation tag and nothing else.
    assert b"Pupilcam" not in clean and b"SN-0042" not in clean

    emptied = stripped(clean, KINDS)
    assert decoded(emptied) == decoded(data)
    assert not isobmff.read(emptied).items
    assert b"Amelia" not in emptied


def test_strip_of_clean_photo_changes_nothing():
    data = encode(photo((64, 48)), "HEIF", quality=90)
    assert not isobmff.read(data).items
    assert isobmff.strip(data, KINDS) == data


@pytest.mark.parametrize("orientation", range(1, 9))
def test_orientation_from_irot_and_imir_as_libheif_writes_them(orientation):
    # libheif turns EXIF orientation into irot/imir on encoding; reading them back must agree.
    data = encode(photo((40, 24)), "HEIF", quality=90, exif=tiff_exif(orientation=orientation, gps=False))
    facts = isobmff.read(data)
    assert facts.orientation == (None if orientation == 1 else orientation)
    assert (facts.width, facts.height) == (40, 24)   # clap crops the coded 64x64 back to size


def test_read_from_mmap(tmp_path):
    path = tmp_path / "photo.heic"
    path.write_bytes(encode(photo((64, 48)), "HEIF", quality=90, exif=tiff_exif()))
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        facts = isobmff.read(mapped)
        clean = isobmff.strip(mapped, frozenset({LOCATION}))
    assert fields(facts)["EXIF GPS position"] == EXIF_GPS_VALUE
    assert not isobmff.read(clean).of_kind(LOCATION)


# --- HEIF layouts built by hand ---------------------------------------------------

def test_apple_style_exif_item_with_offset_and_two_extents():
    tiff = tiff_exif(orientation=6)
    data = heif([ispe(4032, 3024), irot(3)], exif=exif_payload(tiff), split_exif=True)

    facts = isobmff.read(data)

    assert (facts.width, facts.height, facts.orientation) == (4032, 3024, 6)
    assert fields(facts)["EXIF GPS position"] == EXIF_GPS_VALUE
    assert [item.field for item in facts.of_kind(PREVIEW)] == ["EXIF thumbnail"]

    clean = stripped(data, {LOCATION})
    mdat_body = clean.index(IMAGE_DATA)
    assert clean[mdat_body:mdat_body + len(IMAGE_DATA)] == IMAGE_DATA
    exif_start = mdat_body + len(IMAGE_DATA)
    assert inside(changed_ranges(data, clean), exif_start, exif_start + len(exif_payload(tiff)))
    # The Exif item now holds offset 0, a minimal EXIF with the old orientation, then zeros.
    item = clean[exif_start:exif_start + len(exif_payload(tiff))]
    assert item[:4] == b"\0\0\0\0"
    info = parse_exif(item[4:], "test")
    assert (info.items, info.orientation, info.big_endian) == ((), 6, True)
    assert not any(item[4 + 26:])


def test_exif_item_in_idat_with_iloc_version_2_and_64_bit_fields():
    data = heif([ispe(640, 480)], exif=exif_payload(tiff_exif()), exif_in_idat=True,
                iloc_version=2, field_size=8)
    facts = isobmff.read(data)
    assert fields(facts)["EXIF Make"] == "Pupilcam"
    assert facts.orientation is None
    clean = stripped(data, {IDENTITY})
    assert b"Pupilcam" not in clean
    assert clean.index(IMAGE_DATA) == data.index(IMAGE_DATA)


def test_xmp_item_becomes_an_empty_packet():
    packet = person_xmp("Amelia Pupil", "Sports day")
    data = heif([ispe(64, 48)], xmp=packet)
    assert fields(isobmff.read(data)) == {"XMP PersonInImage": "Amelia Pupil", "XMP dc:description": "Sports day"}

    clean = stripped(data, {PERSON_NAME})

    start = data.index(packet)
    blanked = clean[start:start + len(packet)]
    assert blanked.startswith(b"<?xpacket begin=") and blanked.endswith(b'<?xpacket end="w"?>')
    assert b"Amelia" not in clean
    assert clean[:start] == data[:start] and clean[start + len(packet):] == data[start + len(packet):]


@pytest.mark.parametrize("properties, orientation", [
    ([irot(0)], 1),
    ([irot(1)], 8),          # a quarter turn anticlockwise
    ([irot(2)], 3),
    ([irot(3)], 6),
    ([imir(0)], 4),          # top to bottom
    ([imir(1)], 2),          # left to right
    ([irot(1), imir(1)], 7),
    ([irot(3), imir(1)], 5),
    ([ispe(10, 20)], None),
])
def test_orientation_from_transform_properties(properties, orientation):
    facts = isobmff.read(heif([ispe(10, 20), *properties]))
    assert facts.orientation == orientation


def test_exif_item_sharing_image_bytes_is_refused():
    data = heif([ispe(64, 48)], exif=exif_payload(tiff_exif()), exif_overlaps_image=True)
    with pytest.raises(MediaError, match="shares bytes with item 1"):
        isobmff.read(data)
    with pytest.raises(MediaError):
        isobmff.strip(data, KINDS)


def test_exif_item_by_reference_is_refused():
    data = heif([ispe(64, 48)], exif=exif_payload(tiff_exif()), exif_method=2)
    with pytest.raises(MediaError, match="construction method 2"):
        isobmff.read(data)


def test_exif_item_past_the_end_of_the_file():
    data = heif([ispe(64, 48)], exif=exif_payload(tiff_exif()))
    cut = data[:-100]
    # Shrink the mdat box to what is left, so that only the Exif extent lies.
    mdat_at = cut.rindex(b"mdat") - 4
    cut = cut[:mdat_at] + struct.pack(">I", len(cut) - mdat_at) + cut[mdat_at + 4:]
    with pytest.raises(MediaError, match="Exif item 2 at offset .* runs past the end of the file"):
        isobmff.read(cut)


def test_iloc_with_empty_fields_and_huge_counts_does_not_hang():
    # offset, length and base sizes all 0: 65535 extents per item would read nothing each.
    entries = b"".join(struct.pack(">HHH", item_id, 0, 0xFFFF) for item_id in range(1, 3000))
    iloc = full_box(b"iloc", 0, 0, struct.pack(">HH", 0, 2999), entries)
    meta = full_box(b"meta", 0, 0, hdlr(b"pict"), iloc)
    started = time.process_time()
    facts = isobmff.read(ftyp(b"heic", b"mif1") + meta)
    assert time.process_time() - started < 1
    assert facts.items == ()


# --- movies built by hand ----------------------------------------------------------

def iphone_movie() -> bytes:
    return movie(
        box(b"trak", tkhd(1920, 1080, ROTATED_90)),
        apple_meta({
            "com.apple.quicktime.location.ISO6709": ISO6709,
            "com.apple.quicktime.make": "Apple",
            "com.apple.quicktime.model": "iPhone 12",
            "com.apple.quicktime.software": "17.1",
            "com.apple.quicktime.creationdate": "2024-05-01T10:11:12+0100",
            "com.apple.quicktime.location.accuracy.horizontal": "4.9",
            "com.apple.quicktime.live-photo.auto": "1",
        }),
        brand=b"qt  ")


def test_iphone_movie_keys_and_item_list():
    facts = read_media(iphone_movie(), ".mov")

    assert (facts.format, facts.width, facts.height, facts.orientation) == ("MOV", 1920, 1080, 6)
    assert [(item.kind, item.field, item.where, item.value) for item in facts.items] == [
        (LOCATION, "QuickTime GPS position", "moov/meta/ilst", ISO6709_VALUE),
        (IDENTITY, "QuickTime camera make", "moov/meta/ilst", "Apple"),
        (IDENTITY, "QuickTime camera model", "moov/meta/ilst", "iPhone 12"),
        (IDENTITY, "QuickTime software", "moov/meta/ilst", "17.1"),
        (TIMESTAMP, "QuickTime creation date", "moov/meta/ilst", "2024-05-01T10:11:12+0100"),
        (LOCATION, "QuickTime location details", "moov/meta/ilst", "4.9"),
    ]


def test_iphone_movie_strip_location_frees_only_those_items():
    data = iphone_movie()
    clean = stripped(data, {LOCATION})

    moov = next(entry for entry in boxes_of(data) if entry[0] == b"moov")
    meta = next(entry for entry in boxes_of(data, moov[1] + 8, moov[1] + moov[2]) if entry[0] == b"meta")
    ilst = next(entry for entry in boxes_of(data, meta[1] + 8, meta[1] + meta[2]) if entry[0] == b"ilst")
    items = boxes_of(data, ilst[1] + 8, ilst[1] + ilst[2])
    freed = [items[0], items[5]]           # the ISO 6709 position and the accuracy
    for kind, offset, size in items:
        if (kind, offset, size) in freed:
            assert clean[offset:offset + 8] == struct.pack(">I4s", size, b"free")
            assert not any(clean[offset + 8:offset + size])
        else:
            assert clean[offset:offset + size] == data[offset:offset + size]
    changed = changed_ranges(data, clean)
    assert changed and all(any(offset <= a and b <= offset + size for _, offset, size in freed) for a, b in changed)
    assert fields(isobmff.read(clean)) == {
        "QuickTime camera make": "Apple", "QuickTime camera model": "iPhone 12",
        "QuickTime software": "17.1", "QuickTime creation date": "2024-05-01T10:11:12+0100",
    }


def android_movie() -> bytes:
    packet = person_xmp("Amelia Pupil", "Sports day")
    return movie(
        box(b"trak", tkhd(0, 0)),                       # the audio track comes first
        box(b"trak", tkhd(1280, 720)),
        box(b"udta",
            qt_text(b"\xa9xyz", "+51.5010-000.1419/"),
            qt_text(b"\xa9mak", "Pupilphone"),
            asset_text(b"titl", "Amelia's first day"),
            asset_text(b"auth", ""),                    # empty: says nothing
            loci("St Mary's Primary", LATITUDE, LONGITUDE),
            itunes_meta({b"\xa9day": "2024-05-01", b"\xa9cmt": "Class 3 assembly", b"\xa9too": "Lavf60"}),
            b"\0\0\0\0"),                               # QuickTime's zero terminator
        after=xmp_uuid(packet))


def test_android_movie_user_data_3gpp_and_xmp():
    facts = isobmff.read(android_movie())

    assert (facts.format, facts.width, facts.height) == ("MP4", 1280, 720)
    found = {(item.kind, item.field, item.where): item.value for item in facts.items}
    assert found[(LOCATION, "QuickTime GPS position", "moov/udta")] == ISO6709_VALUE
    assert found[(IDENTITY, "QuickTime camera make", "moov/udta")] == "Pupilphone"
    assert found[(FREE_TEXT, "3GPP title", "moov/udta")] == "Amelia's first day"
    assert found[(LOCATION, "3GPP location", "moov/udta")].startswith("St Mary's Primary (51.50")
    assert found[(TIMESTAMP, "QuickTime creation date", "moov/udta/meta/ilst")] == "2024-05-01"
    assert found[(FREE_TEXT, "QuickTime comment", "moov/udta/meta/ilst")] == "Class 3 assembly"
    assert found[(IDENTITY, "QuickTime encoder", "moov/udta/meta/ilst")] == "Lavf60"
    assert found[(PERSON_NAME, "XMP PersonInImage", "uuid XMP")] == "Amelia Pupil"
    assert not any(field == "3GPP author" for _, field, _ in found)


def test_android_movie_strip_everything_keeps_media_data():
    data = android_movie()
    clean = stripped(data, KINDS)
    mdat = next(entry for entry in boxes_of(data) if entry[0] == b"mdat")
    assert clean[mdat[1]:mdat[1] + mdat[2]] == data[mdat[1]:mdat[1] + mdat[2]]
    assert [kind for kind, _, _ in boxes_of(clean)] == [b"ftyp", b"mdat", b"moov", b"free"]
    for secret in (b"Amelia", b"Pupilphone", b"St Mary", b"+51.5010", b"Class 3"):
        assert secret not in clean
    facts = isobmff.read(clean)
    assert (facts.width, facts.height) == (1280, 720)


def test_mac_roman_text_and_itunes_style_data_in_user_data():
    data = movie(box(b"udta", qt_text(b"\xa9ART", "\u00e5rtist", MAC_ENGLISH),
                     box(b"\xa9cmt", data_box("comment in a data box"))))
    assert fields(isobmff.read(data)) == {"QuickTime artist": "\u00e5rtist",
                                          "QuickTime comment": "comment in a data box"}


def test_imovie_bare_text_in_3gpp_boxes():
    # iMovie writes some asset boxes without the full-box header and language: plain text.
    data = movie(box(b"udta", box(b"kywd", b"iMovie"), box(b"clfn", b"Amelia sports day"),
                     asset_text(b"dscp", "This video is about sports day")))
    assert fields(isobmff.read(data)) == {"3GPP keywords": "iMovie", "clip file name": "Amelia sports day",
                                          "3GPP description": "This video is about sports day"}


def test_thumbnail_in_user_data_is_a_preview_with_its_own_gps():
    pytest.importorskip("schoollint.formats.jpeg")
    import io
    thumbnail = io.BytesIO()
    Image.new("RGB", (16, 12), "blue").save(thumbnail, "JPEG", exif=b"Exif\0\0" + tiff_exif(thumbnail=False))
    data = movie(box(b"udta", box(b"thmb", b"\0\0\0\0jpeg", thumbnail.getvalue())))

    facts = isobmff.read(data)

    assert fields(facts, PREVIEW) == {"video thumbnail": None}
    assert fields(facts, LOCATION)["EXIF GPS position"] == EXIF_GPS_VALUE
    clean = stripped(data, {LOCATION})
    assert not isobmff.read(clean).items


def track_with_samples(kind: bytes, *children: bytes, first_offset: int, sizes: list[int]) -> bytes:
    """A metadata track whose samples lie in two chunks from `first_offset` (stsz, stsc, stco)."""
    stsd = full_box(b"stsd", 0, 0, struct.pack(">I", 1), sample_entry(kind, *children))
    stsz = full_box(b"stsz", 0, 0, struct.pack(">II", 0, len(sizes)), struct.pack(f">{len(sizes)}I", *sizes))
    half = len(sizes) // 2
    stsc = full_box(b"stsc", 0, 0, struct.pack(">I", 2), struct.pack(">6I", 1, half, 1, 2, len(sizes) - half, 1))
    stco = full_box(b"stco", 0, 0, struct.pack(">III", 2, first_offset, first_offset + sum(sizes[:half])))
    stbl = box(b"stbl", stsd, stsz, stsc, stco)
    return box(b"trak", tkhd(0, 0), box(b"mdia", hdlr(b"meta"), box(b"minf", stbl)))


def test_telemetry_timed_location_and_subtitle_positions_are_blanked_in_place():
    # Issue 12 kind 3: the samples of GPS-bearing tracks are zeroed where they lie, no other byte changes.
    telemetry = [b"DEVC" + bytes([n]) * 11 for n in range(1, 5)]
    located = [b"+51.5010-000.1419/", b"+51.5011-000.1418/"]
    subtitles = [b"\x00\x20[latitude: 22.5431] [longitude: 113.9", b"\x00\x05hello"]
    frames = b"\0\0\0\x10video frame data" * 8
    samples = b"".join(telemetry + located + subtitles)
    start = len(ftyp(b"mp42", b"mp42", b"isom")) + 8 + len(frames)      # after ftyp, the mdat header, the frames
    sizes = [len(sample) for sample in telemetry], [len(sample) for sample in located], [len(x) for x in subtitles]
    data = movie(box(b"trak", tkhd(1920, 1080)),
                 track_with_samples(b"gpmd", first_offset=start, sizes=sizes[0]),
                 track_with_samples(b"mebx", apple_timed_keys("com.apple.quicktime.detected-face",
                                                              "com.apple.quicktime.location.ISO6709"),
                                    first_offset=start + sum(sizes[0]), sizes=sizes[1]),
                 track_with_samples(b"tx3g", first_offset=start + sum(sizes[0]) + sum(sizes[1]), sizes=sizes[2]),
                 box(b"udta", qt_text(b"\xa9mak", "GoPro")), mdat=frames + samples)

    facts = isobmff.read(data)

    assert [(item.kind, item.field) for item in facts.items] == [
        (LOCATION, "video GoPro telemetry track"), (LOCATION, "video GPS track"),
        (LOCATION, "video subtitle track with GPS positions"), (IDENTITY, "QuickTime camera make")]
    clean = isobmff.strip(data, frozenset({LOCATION}))
    assert len(clean) == len(data) and samples not in clean and b"latitude" not in clean
    assert [offset for offset, (a, b) in enumerate(zip(data, clean, strict=True)) if a != b] and all(
        start <= offset < start + len(samples) for offset, (a, b) in enumerate(zip(data, clean, strict=True)) if a != b)
    assert isobmff.read(clean).of_kind(LOCATION) == []
    assert isobmff.strip(clean, frozenset({LOCATION})) == clean            # idempotent
    assert b"GoPro" not in stripped(data, {IDENTITY})


def test_a_metadata_track_whose_table_lies_is_a_media_error():
    data = movie(track_with_samples(b"gpmd", first_offset=10_000_000, sizes=[16, 16]))
    with pytest.raises(MediaError, match="past the end of the file"):
        isobmff.read(data)


def test_deeply_nested_boxes_do_not_recurse_without_end():
    nested = box(b"stbl")
    for _ in range(5000):
        nested = box(b"minf", nested)
    facts = isobmff.read(movie(box(b"trak", tkhd(64, 48), box(b"mdia", nested))))
    assert (facts.width, facts.height, facts.items) == (64, 48, ())


def test_large_size_and_size_zero_boxes():
    data = (ftyp(b"mp42", b"isom") + large_box(b"moov", box(b"trak", tkhd(640, 360)),
                                                box(b"udta", qt_text(b"\xa9xyz", ISO6709)))
            + struct.pack(">I4s", 0, b"mdat") + b"frames to the end of the file")
    facts = isobmff.read(data)
    assert (facts.width, facts.height) == (640, 360)
    assert fields(facts) == {"QuickTime GPS position": ISO6709_VALUE}
    clean = stripped(data, {LOCATION})
    assert clean.endswith(b"frames to the end of the file")


# --- values ------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("+51.5010-000.1419+012.000/", "51.501, -0.1419"),
    ("+32.0929+034.8620+028.516/", "32.0929, 34.862"),
    ("+4012.5-07530.0/", "40.208333, -75.5"),               # degrees and minutes
    ("-334512+1512030/", "-33.753333, 151.341667"),          # degrees, minutes and seconds
    ("Leeds", "Leeds"),
    ("+5+0/", "+5+0/"),
])
def test_iso6709_positions(text, value):
    assert iso6709(text) == value


# --- broken files --------------------------------------------------------------------

@pytest.mark.parametrize("data, message", [
    (ftyp(b"mp42") + struct.pack(">I4s", 4, b"moov"), "claims 4 bytes, too few for its own header"),
    (ftyp(b"mp42") + struct.pack(">I4s", 4000, b"moov") + b"\0" * 40,
     "'moov' at offset 16 runs past the end of the file"),
    (ftyp(b"mp42") + box(b"moov", struct.pack(">I4s", 400, b"udta")),
     "'udta' at offset 24 runs past the end of box 'moov'"),
    (ftyp(b"mp42") + box(b"moov") + b"\1\2\3", "3 stray bytes at offset 24"),
    (ftyp(b"mp42") + struct.pack(">I4s", 1, b"mdat") + b"\0\0", "cut off inside its 64-bit size"),
    (ftyp(b"mp42") + box(b"mdat", b"frames"), "no 'moov' or 'meta' box"),
    (ftyp(b"mp42") + box(b"moov", box(b"trak", full_box(b"tkhd", 0, 0, b"\0" * 30))),
     "'tkhd' at offset 32 ends inside a field"),
    (ftyp(b"heic", b"mif1") + full_box(b"meta", 0, 0, full_box(b"iloc", 0, 0, b"\x44\x00")),
     "'iloc' at offset 32 ends inside a field"),
    (ftyp(b"heic", b"mif1") + full_box(b"meta", 0, 0, full_box(b"iloc", 0, 0, b"\x34\x00\0\0")), "uses 3-byte fields"),
], ids=["tiny size", "past the file", "past the parent", "stray bytes", "cut 64-bit size", "no moov",
        "short tkhd", "short iloc", "odd iloc field size"])
def test_broken_boxes(data, message):
    with pytest.raises(MediaError, match=message):
        isobmff.read(data)


def hand_built_heif() -> bytes:
    return heif([ispe(8, 8), irot(1)], exif_payload(tiff_exif()), person_xmp())


@pytest.mark.parametrize("build", [iphone_movie, android_movie, hand_built_heif])
def test_every_truncation_is_a_media_error_or_still_reads(build):
    only_media_errors(isobmff, truncations(build()))


@pytest.mark.parametrize("build", [iphone_movie, android_movie, hand_built_heif])
def test_corrupted_bytes_raise_only_media_errors(build):
    only_media_errors(isobmff, patched(build(), seed=1234, patch=lambda rng: bytes([rng.randrange(256)])))


def test_long_text_values_are_clipped_to_the_shared_length():
    data = movie(box(b"udta", qt_text(b"\xa9cmt", "a" * 3000)))
    assert fields(isobmff.read(data)) == {"QuickTime comment": "a" * MAX_VALUE_CHARS}
