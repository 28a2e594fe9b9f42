import io
import mmap
import struct

import pytest
from PIL import Image

from schoollint.formats.model import FREE_TEXT, IDENTITY, KINDS, LOCATION, PERSON_NAME, MediaError
from schoollint.formats.registry import read_media
from schoollint.formats import webp
from schoollint.formats.embedded import parse_exif
from tests.kit.chunks import riff_chunks, webp_from_chunks
from tests.kit.damage import assert_every_truncation_is_refused, flipped_bytes, only_media_errors
from tests.kit.images import encode, frames, photo, srgb_icc
from tests.kit.metadata import LATITUDE, LONGITUDE, exif_with_gps, person_xmp
from tests.kit.plugin import assert_trailer_is_a_preview_item, stripped_by

EXIF_FLAG, XMP_FLAG, ICC_FLAG, ANIMATION_FLAG = 0x08, 0x04, 0x20, 0x02


def stripped(data: bytes, kinds=KINDS) -> bytes:
    result = stripped_by(webp, data, kinds)
    assert struct.unpack_from("<I", result, 4)[0] == len(result) - 8, "RIFF size matches"
    return result


def flags(data: bytes) -> int:
    return dict(riff_chunks(data))[b"VP8X"][0]


def with_everything(**options) -> bytes:
    pictures = [photo(seed=seed) for seed in range(3)]
    if options.pop("animated", False):
        options.update(save_all=True, append_images=pictures[1:], duration=[50, 60, 70], loop=2)
    return encode(pictures[0], "WEBP", exif=b"Exif\0\0" + exif_with_gps(orientation=6),
                  xmp=person_xmp("Amelia Pupil", caption_in="dc:title"), icc_profile=srgb_icc(), **options)


@pytest.mark.parametrize("options, bitstream", [
    ({"quality": 80}, b"VP8 "),
    ({"lossless": True}, b"VP8L"),
    ({"animated": True}, b"ANMF"),
])
def test_exif_xmp_and_icc(options, bitstream):
    data = with_everything(**options)
    types = [fourcc for fourcc, _ in riff_chunks(data)]
    assert bitstream in types and {b"EXIF", b"XMP ", b"ICCP"} <= set(types)
    animated = bitstream == b"ANMF"

    facts = read_media(data, ".webp")

    assert (facts.format, facts.width, facts.height, facts.frames) == ("WebP", 40, 30, 3 if animated else 1)
    assert facts.orientation == 6
    assert "ICC profile kept" in facts.notes
    [location] = facts.of_kind(LOCATION)
    assert (location.field, location.where, location.value) == (
        "EXIF GPS position", "EXIF chunk", f"{LATITUDE}, {LONGITUDE}")
    [person] = facts.of_kind(PERSON_NAME)
    assert (person.where, person.value) == ("XMP chunk", "Amelia Pupil")

    clean = stripped(data)

    chunks = riff_chunks(clean)
    original = riff_chunks(data)
    kept = [chunk for chunk in original if chunk[0] not in (b"EXIF", b"XMP ", b"VP8X")]
    assert [chunk for chunk in chunks if chunk[0] not in (b"EXIF", b"VP8X")] == kept, "all else byte for byte"
    exif = dict(chunks)[b"EXIF"]
    info = parse_exif(exif, "test")
    assert (info.orientation, info.items) == (6, ())
    assert flags(clean) == flags(data) & ~XMP_FLAG
    assert flags(clean) & (EXIF_FLAG | ICC_FLAG) == EXIF_FLAG | ICC_FLAG
    assert frames(clean) == frames(data)
    with Image.open(io.BytesIO(clean)) as image:
        assert image.info["icc_profile"] == srgb_icc()
        assert image.getexif()[0x0112] == 6
    if animated:
        assert [info["duration"] for _, info in frames(clean)] == [50, 60, 70]
        assert frames(clean)[0][1]["loop"] == 2
        assert flags(clean) & ANIMATION_FLAG


def test_exif_without_orientation_goes_and_its_flag_with_it():
    data = encode(photo(), "WEBP", exif=exif_with_gps(), xmp=person_xmp(caption_in="dc:title"))
    clean = stripped(data, {LOCATION})
    assert [fourcc for fourcc, _ in riff_chunks(clean)] == [b"VP8X", b"VP8 ", b"XMP "]
    assert flags(clean) == XMP_FLAG
    assert webp.read(clean).of_kind(PERSON_NAME), "the XMP was not asked for"


def test_exif_prefix_and_odd_sizes_are_respected():
    # "Exif\0\0" prefix, odd-sized XMP and an unknown odd-sized chunk that must survive with its pad byte.
    base = riff_chunks(encode(photo(), "WEBP", lossless=True))
    vp8x = bytes([EXIF_FLAG | XMP_FLAG]) + b"\0\0\0" + (39).to_bytes(3, "little") + (29).to_bytes(3, "little")
    exif = b"Exif\0\0" + exif_with_gps(orientation=3)
    packet = person_xmp(caption_in="dc:title") + b" " * (1 - len(person_xmp(caption_in="dc:title")) % 2)
    assert len(packet) % 2 == 1
    data = webp_from_chunks([(b"VP8X", vp8x), *base, (b"EXIF", exif), (b"XMP ", packet), (b"ABCD", b"odd")])

    facts = webp.read(data)
    assert (facts.width, facts.height, facts.orientation) == (40, 30, 3)
    assert facts.of_kind(LOCATION) and facts.of_kind(PERSON_NAME)

    clean = stripped(data, {LOCATION, PERSON_NAME})
    assert riff_chunks(clean)[-1] == (b"ABCD", b"odd")
    assert clean.endswith(b"ABCD\3\0\0\0odd\0")
    assert [fourcc for fourcc, _ in riff_chunks(clean)] == [b"VP8X", b"VP8L", b"EXIF", b"ABCD"]
    assert dict(riff_chunks(clean))[b"EXIF"].startswith(b"MM\0*")
    assert frames(clean) == frames(data)


def test_missing_last_pad_byte_is_tolerated():
    data = webp_from_chunks([*riff_chunks(encode(photo(), "WEBP")), (b"ABCD", b"odd")])[:-1]
    data = data[:4] + struct.pack("<I", len(data) - 8) + data[8:]
    assert webp.read(data).items == ()
    assert webp.strip(data, KINDS).endswith(b"odd\0")


def test_simple_lossy_file_unchanged():
    data = encode(photo(size=(33, 17)), "WEBP")
    assert [fourcc for fourcc, _ in riff_chunks(data)] == [b"VP8 "]
    facts = webp.read(data)
    assert (facts.width, facts.height, facts.items) == (33, 17, ())
    assert webp.strip(data, KINDS) == data


def test_identity_only_strip_removes_exif_but_keeps_xmp():
    data = with_everything()
    clean = stripped(data, {IDENTITY})
    facts = webp.read(clean)
    assert facts.of_kind(PERSON_NAME) and facts.of_kind(FREE_TEXT)
    assert not facts.of_kind(LOCATION), "the whole EXIF container went"
    assert facts.orientation == 6


def test_data_after_the_riff_container():
    trailer = assert_trailer_is_a_preview_item(webp, encode(photo(), "WEBP"), b"tail", LOCATION)
    assert (trailer.field, trailer.where) == ("data after the end of the WebP", "after the RIFF container")


def test_reads_an_mmap(tmp_path):
    path = tmp_path / "photo.webp"
    path.write_bytes(with_everything())
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        assert webp.read(mapped).of_kind(LOCATION)
        clean = webp.strip(mapped, KINDS)
    assert not webp.read(clean).items


# --- broken files ---

def small_webp() -> bytes:
    return encode(photo(size=(8, 6)), "WEBP", exif=exif_with_gps(orientation=6), xmp=person_xmp(caption_in="dc:title"))


def test_every_truncation_raises_media_error():
    assert_every_truncation_is_refused(webp, small_webp())


def test_every_corrupted_byte_gives_facts_or_media_error():
    only_media_errors(webp, flipped_bytes(small_webp()))


def test_chunk_past_the_end_is_named():
    data = bytearray(encode(photo(), "WEBP", exif=exif_with_gps()))
    struct.pack_into("<I", data, 16, 0x7FFFFFF0)                  # VP8X length
    with pytest.raises(MediaError, match=r"^WebP: chunk VP8X at offset 12 runs past the end of the file"):
        webp.read(bytes(data))


@pytest.mark.parametrize("chunks, message", [
    ([(b"VP8 ", b"\0" * 10)], "chunk VP8 at offset 12 lacks the VP8 start code"),
    ([(b"VP8L", b"\x2f\0")], r"chunk VP8L at offset 12 is too short for its header \(2 bytes, needs 5\)"),
    ([(b"VP8X", b"\0" * 4)], "chunk VP8X at offset 12 is too short"),
])
def test_broken_bitstream_headers(chunks, message):
    with pytest.raises(MediaError, match="^WebP: " + message):
        webp.read(webp_from_chunks(chunks))


def test_riff_size_beyond_the_file():
    data = encode(photo(), "WEBP")
    with pytest.raises(MediaError, match=r"^WebP: the RIFF container claims \d+ bytes but the file has"):
        webp.read(data[:-10])


def test_vp8x_too_short_for_its_flags():
    data = webp_from_chunks([(b"VP8X", b""), *riff_chunks(encode(photo(), "WEBP"))])
    for action in (webp.read, lambda data: webp.strip(data, KINDS)):
        with pytest.raises(MediaError, match=r"^WebP: chunk VP8X at offset 12 is too short for its header"):
            action(data)
