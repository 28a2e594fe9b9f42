import io
import mmap
import subprocess
import sys

import pytest
from PIL import Image, PngImagePlugin

from schoollint.formats.model import (
    FREE_TEXT, IDENTITY, KINDS, LOCATION, MAX_VALUE_CHARS, PERSON_NAME, TIMESTAMP, MediaError,
)
from schoollint.formats.registry import read_media
from schoollint.formats import png
from schoollint.formats.embedded import parse_exif
from tests.kit.chunks import (
    itxt_chunk, png_chunk, png_chunk_types, png_chunks, png_from_chunks, png_insert, raw_profile, text_chunk,
    ztxt_chunk,
)
from tests.kit.damage import assert_every_truncation_is_refused, flipped_bytes, only_media_errors
from tests.kit.images import decoded, encode, frames, photo, srgb_icc
from tests.kit.metadata import LATITUDE, LONGITUDE, exif_with_gps, iptc_records, person_xmp, photoshop_resource
from tests.kit.plugin import assert_trailer_is_a_preview_item, stripped_by

GPS_VALUE = f"{LATITUDE}, {LONGITUDE}"


def stripped(data: bytes, kinds=KINDS) -> bytes:
    return stripped_by(png, data, kinds)


def without(data: bytes, *types: bytes) -> list[tuple[bytes, bytes]]:
    return [chunk for chunk in png_chunks(data) if chunk[0] not in types]


def test_text_chunks_before_and_after_image_data():
    data = encode(photo(), "PNG")
    data = png_insert(data, "before", b"IDAT", text_chunk("Comment", "Year 4 trip"))
    data = png_insert(data, "after", b"IDAT", ztxt_chunk("Description", b"Amelia Pupil at the zoo"),
                      itxt_chunk("Title", "Zoo \u00e9t\u00e9".encode()))

    facts = read_media(data, ".png")

    assert (facts.format, facts.width, facts.height, facts.frames) == ("PNG", 40, 30, 1)
    assert [(item.kind, item.field, item.where, item.value) for item in facts.items] == [
        (FREE_TEXT, "PNG text chunk 'Comment'", "tEXt chunk 'Comment'", "Year 4 trip"),
        (FREE_TEXT, "PNG text chunk 'Description'", "zTXt chunk 'Description'", "Amelia Pupil at the zoo"),
        (FREE_TEXT, "PNG text chunk 'Title'", "iTXt chunk 'Title'", "Zoo \u00e9t\u00e9"),
    ]
    clean = stripped(data, {FREE_TEXT})
    assert png_chunks(clean) == without(data, b"tEXt", b"zTXt", b"iTXt")
    assert decoded(clean) == decoded(data)


def test_long_text_value_is_clipped_and_the_chunk_still_stripped():
    text = "Class list: " + "Amelia Pupil, " * 300
    data = png_insert(encode(photo(), "PNG"), "after", b"IDAT", itxt_chunk("Comment", text.encode(), compressed=True))
    [item] = png.read(data).items
    assert item.value == text[:MAX_VALUE_CHARS]
    assert png_chunks(stripped(data, {FREE_TEXT})) == without(data, b"iTXt")


def test_exif_with_gps_is_replaced_by_orientation_only():
    data = encode(photo(), "PNG", exif=exif_with_gps(orientation=6))
    assert b"eXIf" in png_chunk_types(data)

    facts = png.read(data)

    assert facts.orientation == 6
    [location] = facts.of_kind(LOCATION)
    assert (location.field, location.where, location.value) == ("EXIF GPS position", "eXIf chunk", GPS_VALUE)
    assert {item.field for item in facts.of_kind(IDENTITY)} == {"EXIF Make", "EXIF Artist"}

    clean = stripped(data, {LOCATION})
    exif = dict(png_chunks(clean))[b"eXIf"]
    info = parse_exif(exif, "test")
    assert (info.orientation, info.items) == (6, ())
    assert exif.startswith(b"MM"), "the replacement keeps the source's byte order (piexif writes big-endian)"
    assert png.read(clean).orientation == 6
    assert [kind for kind, _ in png_chunks(clean)] == png_chunk_types(data), "replaced in place"
    assert decoded(clean) == decoded(data)
    with Image.open(io.BytesIO(clean)) as image:
        assert image.getexif()[0x0112] == 6


def test_little_endian_exif_replacement_and_exif_prefix():
    exif = Image.Exif()
    exif.endian = "<"
    exif[0x0112] = 3
    exif[0x010F] = "Pupilcam"
    little = exif.tobytes()          # "Exif\0\0II*\0...": Pillow keeps the JPEG prefix here
    data = png_insert(encode(photo(), "PNG"), "before", b"IDAT", (b"eXIf", little))

    facts = png.read(data)
    assert facts.orientation == 3
    assert [item.value for item in facts.of_kind(IDENTITY)] == ["Pupilcam"]

    replacement = dict(png_chunks(stripped(data, {IDENTITY})))[b"eXIf"]
    assert replacement.startswith(b"II*\0")
    assert parse_exif(replacement, "test").orientation == 3


def test_exif_without_orientation_goes_entirely():
    data = encode(photo(), "PNG", exif=exif_with_gps())
    clean = stripped(data, {LOCATION})
    assert b"eXIf" not in png_chunk_types(clean)
    assert png.read(clean).orientation is None


def test_exif_without_flagged_items_is_kept_byte_for_byte():
    data = encode(photo(), "PNG", exif=exif_with_gps(orientation=8))
    assert png.strip(data, frozenset({PERSON_NAME})) == data


def test_xmp_with_person_in_image():
    data = png_insert(encode(photo(), "PNG"), "before", b"IDAT",
                      itxt_chunk("XML:com.adobe.xmp", person_xmp("Amelia Pupil", caption_in="dc:title")))
    facts = png.read(data)

    [person] = facts.of_kind(PERSON_NAME)
    assert person.value == "Amelia Pupil"
    assert person.where == "iTXt chunk 'XML:com.adobe.xmp'"
    assert [item.value for item in facts.of_kind(FREE_TEXT)] == ["Sports day"]

    clean = stripped(data, {PERSON_NAME})
    assert png_chunks(clean) == without(data, b"iTXt")


def test_compressed_xmp():
    chunk = itxt_chunk("XML:com.adobe.xmp", person_xmp("Oliver Pupil", caption_in="dc:title"), compressed=True)
    data = png_insert(encode(photo(), "PNG"), "after", b"IDAT", chunk)
    assert [item.value for item in png.read(data).of_kind(PERSON_NAME)] == ["Oliver Pupil"]


def uncompressed_text(keyword: str, text: bytes) -> tuple[bytes, bytes]:
    return b"tEXt", keyword.encode("latin-1") + b"\0" + text


@pytest.mark.parametrize("chunk_builder", [ztxt_chunk, uncompressed_text])
def test_imagemagick_raw_exif_profile_after_image_data(chunk_builder):
    profile = raw_profile("exif", b"Exif\0\0" + exif_with_gps(orientation=6))
    data = png_insert(encode(photo(), "PNG"), "after", b"IDAT", chunk_builder("Raw profile type exif", profile))
    facts = png.read(data)

    [location] = facts.of_kind(LOCATION)
    assert location.value == GPS_VALUE
    assert location.where.endswith("chunk 'Raw profile type exif'")
    assert facts.orientation is None, "viewers turn a PNG by its eXIf chunk only"
    assert not facts.of_kind(FREE_TEXT), "a decoded profile reports what it holds, not its hex"

    clean = stripped(data, {LOCATION})
    assert png_chunk_types(clean) == [b"IHDR", b"IDAT", b"IEND"]
    assert decoded(clean) == decoded(data)


def test_raw_xmp_and_app1_profiles():
    app1 = b"http://ns.adobe.com/xap/1.0/\0" + person_xmp("Grace Pupil", caption_in="dc:title")
    isla = person_xmp("Isla Pupil", caption_in="dc:title")
    data = png_insert(encode(photo(), "PNG"), "after", b"IDAT",
                      ztxt_chunk("Raw profile type xmp", raw_profile("xmp", isla)),
                      ztxt_chunk("Raw profile type APP1", raw_profile("APP1", app1)))
    assert [item.value for item in png.read(data).of_kind(PERSON_NAME)] == ["Isla Pupil", "Grace Pupil"]


@pytest.mark.parametrize("profile", [photoshop_resource(0x0404, iptc_records()), iptc_records()])
def test_raw_iptc_profile(profile):
    data = png_insert(encode(photo(), "PNG"), "before", b"IDAT",
                      ztxt_chunk("Raw profile type iptc", raw_profile("iptc", profile)))
    facts = png.read(data)
    assert [(item.kind, item.field, item.value) for item in facts.items] == [
        (LOCATION, "IPTC City", "Bristol"), (IDENTITY, "IPTC By-line", "Jane Teacher")]
    assert png_chunk_types(stripped(data, {LOCATION})) == [b"IHDR", b"IDAT", b"IEND"]


def test_raw_icc_profile_is_kept():
    data = png_insert(encode(photo(), "PNG"), "before", b"IDAT",
                      ztxt_chunk("Raw profile type icc", raw_profile("icc", srgb_icc())))
    assert png.read(data).items == ()
    assert png.strip(data, KINDS) == data


def test_sixteen_bit_greyscale():
    image = Image.new("I;16", (20, 10))
    image.putdata([x * 3000 + y for y in range(10) for x in range(20)])
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Mrs Example")
    data = encode(image, "PNG", pnginfo=info)
    assert png_chunks(data)[0][1][8] == 16, "bit depth 16"

    clean = stripped(data)
    assert decoded(clean) == decoded(data)
    assert decoded(clean)[0] == "I;16"


def test_palette_with_transparency_keeps_plte_and_trns():
    image = photo().quantize(16)
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "class photo", zip=True)
    data = encode(image, "PNG", transparency=0, pnginfo=info)
    assert {b"PLTE", b"tRNS", b"zTXt"} <= set(png_chunk_types(data))

    clean = stripped(data)
    assert png_chunks(clean) == without(data, b"zTXt")
    assert frames(clean) == frames(data)
    with Image.open(io.BytesIO(clean)) as image:
        assert image.info["transparency"] == 0


def test_apng_frames_and_timing_kept():
    pictures = [photo(seed=seed) for seed in range(3)]
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "made by a pupil")
    data = encode(pictures[0], "PNG", save_all=True, append_images=pictures[1:], duration=[100, 200, 300],
                  loop=2, pnginfo=info)
    assert b"acTL" in png_chunk_types(data) and b"fdAT" in png_chunk_types(data)

    facts = read_media(data, ".apng")
    assert facts.frames == 3

    clean = stripped(data)
    assert png_chunks(clean) == without(data, b"tEXt")
    before, after = frames(data), frames(clean)
    assert after == before
    assert [info["duration"] for _, info in after] == [100, 200, 300]
    assert after[0][1]["loop"] == 2


def test_icc_profile_kept():
    profile = srgb_icc()
    data = encode(photo(), "PNG", icc_profile=profile, exif=exif_with_gps(orientation=1))
    facts = png.read(data)
    assert "ICC profile kept" in facts.notes

    clean = stripped(data)
    assert dict(png_chunks(clean))[b"iCCP"] == dict(png_chunks(data))[b"iCCP"]
    with Image.open(io.BytesIO(clean)) as image:
        assert image.info["icc_profile"] == profile
    assert decoded(clean) == decoded(data)


def test_modification_time():
    data = png_insert(encode(photo(), "PNG"), "before", b"IDAT", (b"tIME", bytes([7, 232, 5, 1, 10, 11, 12])))
    [stamp] = png.read(data).of_kind(TIMESTAMP)
    assert (stamp.field, stamp.value) == ("PNG modification time", "2024-05-01 10:11:12")
    assert b"tIME" not in png_chunk_types(stripped(data, {TIMESTAMP}))


def test_data_after_iend_is_a_preview_item():
    trailer = assert_trailer_is_a_preview_item(png, encode(photo(), "PNG"), b"PK\3\4 a hidden archive", FREE_TEXT)
    assert (trailer.field, trailer.where) == ("data after the end of the PNG", "after IEND")


def test_reads_an_mmap(tmp_path):
    path = tmp_path / "photo.png"
    path.write_bytes(encode(photo(), "PNG", exif=exif_with_gps(orientation=6)))
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        facts = png.read(mapped)
        clean = png.strip(mapped, frozenset({LOCATION}))
    assert facts.orientation == 6 and facts.of_kind(LOCATION)
    assert not png.read(clean).of_kind(LOCATION)


# --- broken files ---

def small_png() -> bytes:
    data = encode(photo(size=(6, 4)), "PNG", exif=exif_with_gps(orientation=6))
    return png_insert(data, "after", b"IDAT", ztxt_chunk("Comment", b"hello"))


def test_every_truncation_raises_media_error():
    assert_every_truncation_is_refused(png, small_png())


def test_every_corrupted_byte_gives_facts_or_media_error():
    only_media_errors(png, flipped_bytes(small_png()))


def test_chunk_length_past_the_end_is_named():
    data = encode(photo(), "PNG")
    chunks = png_chunks(data)
    offset = 8 + 12 + len(chunks[0][1])           # the chunk after IHDR
    broken = bytearray(data)
    broken[offset:offset + 4] = (0x7FFFFFF0).to_bytes(4, "big")
    with pytest.raises(MediaError, match=rf"PNG: chunk {chunks[1][0].decode()} at offset {offset} "
                                         r"runs past the end of the file"):
        png.read(bytes(broken))


@pytest.mark.parametrize("chunk, message", [
    ((b"zTXt", b"Comment\0\0not zlib at all"), "zTXt chunk 'Comment' at offset .* corrupt compressed text"),
    ((b"tEXt", b"no keyword end"), "tEXt chunk at offset .* has no end to its keyword"),
    ((b"iTXt", b"Title\0\0\0en"), "iTXt chunk at offset .* ends inside its header"),
    ((b"tEXt", b"Raw profile type exif\0\nexif\n   40\nzz"), "not a valid raw profile|fewer bytes"),
    ((b"tEXt", b"Raw profile type exif\0\nexif\n    1\nzz\n"), "is not hexadecimal"),
])
def test_broken_metadata_chunks(chunk, message):
    data = png_insert(encode(photo(), "PNG"), "before", b"IDAT", chunk)
    with pytest.raises(MediaError, match="^PNG: .*" + message):
        png.read(data)


def test_missing_iend_and_bad_first_chunk():
    data = encode(photo(), "PNG")
    with pytest.raises(MediaError, match="before the IEND chunk"):
        png.read(png_from_chunks(png_chunks(data)[:-1]))
    with pytest.raises(MediaError, match="first chunk is not a 13-byte IHDR"):
        png.read(png_from_chunks(png_chunks(data)[1:]))
    with pytest.raises(MediaError, match="invalid type"):
        png.read(data[:12] + b"I\0DR" + data[16:])


def test_crc_of_a_made_chunk():
    assert png.make_chunk(b"eXIf", b"abc") == png_chunk(b"eXIf", b"abc")


def test_strip_refuses_a_file_without_ihdr():
    data = png_from_chunks(png_chunks(encode(photo(), "PNG"))[1:])
    with pytest.raises(MediaError, match="first chunk is not a 13-byte IHDR"):
        png.strip(data, KINDS)


def test_reading_never_imports_pillow(tmp_path):
    # Checking a site's images must stay fast: facts come from headers, never from an image library.
    for name, data in {"a.png": small_png(), "a.gif": encode(photo(), "GIF", comment=b"hi"),
                       "a.webp": encode(photo(), "WEBP", exif=exif_with_gps(orientation=6))}.items():
        (tmp_path / name).write_bytes(data)
    script = (
        "import sys, pathlib\n"
        "from schoollint.formats.model import KINDS\n"
        "from schoollint.formats.registry import read_media, strip\n"
        f"for path in sorted(pathlib.Path({str(tmp_path)!r}).iterdir()):\n"
        "    data = path.read_bytes()\n"
        "    assert read_media(data, path.suffix).items, path\n"
        "    strip(data, KINDS)\n"
        "assert 'PIL' not in sys.modules, 'Pillow was imported'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
