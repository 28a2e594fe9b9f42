"""TIFF plugin: Pillow-written TIFFs with GPS and Artist, stripped without touching pixels."""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from schoollint.formats.model import FREE_TEXT, IDENTITY, KINDS, LOCATION, PREVIEW, TIMESTAMP, MediaError
from schoollint.formats import tiff
from tests.kit.damage import only_media_errors, patched
from tests.kit.images import pixels
from tests.kit.jpeg import gradient_jpeg
from tests.kit.metadata import iim
from tests.kit.plugin import same_from_an_mmap
from tests.kit.tiff import tiff_file


def gps_ifd_range(data: bytes) -> tuple[int, int]:
    order = "<" if data[:2] == b"II" else ">"
    (ifd0,) = struct.unpack_from(order + "I", data, 4)
    (count,) = struct.unpack_from(order + "H", data, ifd0)
    for position in range(ifd0 + 2, ifd0 + 2 + 12 * count, 12):
        tag, _, _, value = struct.unpack_from(order + "HHII", data, position)
        if tag == 0x8825:
            (entries,) = struct.unpack_from(order + "H", data, value)
            return value, value + 2 + 12 * entries + 4
    raise AssertionError("no GPS IFD")


@pytest.mark.parametrize("mode", ["RGB", "I;16B"])
def test_gps_and_artist_are_read(mode):
    facts = tiff.read(tiff_file(mode=mode))
    assert (facts.format, facts.width, facts.height, facts.orientation) == ("TIFF", 40, 30, 6)
    assert {(item.kind, item.field, item.value) for item in facts.items} == {
        (LOCATION, "EXIF GPS position", "51.501, -0.1419"), (IDENTITY, "EXIF Artist", "Jane Teacher"),
        (IDENTITY, "EXIF Make", "Pupilcam")}


@pytest.mark.parametrize("mode", ["RGB", "I;16B"])
def test_strip_everything_keeps_pixels_and_orientation_and_erases_values(mode):
    original = tiff_file(mode=mode)
    stripped = tiff.strip(original, KINDS)
    assert pixels(stripped) == pixels(original)
    with Image.open(io.BytesIO(stripped)) as image:
        assert image.getexif().get(0x0112) == 6 and image.mode == mode
    assert tiff.read(stripped).items == ()
    assert b"Jane Teacher" not in stripped and b"Pupilcam" not in stripped
    start, end = gps_ifd_range(original)
    assert stripped[start:end] == bytes(end - start)       # the GPS IFD is gone, not just unlinked
    assert tiff.strip(stripped, KINDS) == stripped


def test_strip_location_only_keeps_identity_byte_for_byte():
    original = tiff_file()
    stripped = tiff.strip(original, {LOCATION})
    assert [item.field for item in tiff.read(stripped).items] == ["EXIF Make", "EXIF Artist"]
    assert b"Jane Teacher" in stripped and pixels(stripped) == pixels(original)
    assert tiff.strip(stripped, {LOCATION}) == stripped
    assert tiff.strip(original, {PREVIEW}) == original       # nothing to do: nothing changes


def raw_tiff(images: list[tuple[int, int, int, int]]) -> bytes:
    """A little-endian TIFF of uncompressed RGB images: (width, height, NewSubfileType, grey level)."""
    out = bytearray(b"II*\0\0\0\0\0")
    pointer = 4
    for width, height, subfile, level in images:
        pixels_at = len(out)
        out += bytes([level]) * (width * height * 3)
        bits_at = len(out)
        out += struct.pack("<3H", 8, 8, 8)
        out += b"\0" * (len(out) & 1)
        entries = [(254, 4, 1, subfile), (256, 3, 1, width), (257, 3, 1, height), (258, 3, 3, bits_at),
                   (259, 3, 1, 1), (262, 3, 1, 2), (273, 4, 1, pixels_at), (277, 3, 1, 3), (278, 3, 1, height),
                   (279, 4, 1, width * height * 3)]
        struct.pack_into("<I", out, pointer, len(out))
        out += struct.pack("<H", len(entries))
        for tag, kind, count, value in entries:
            out += struct.pack("<HHI", tag, kind, count) + (struct.pack("<HH", value, 0) if kind == 3 and count == 1
                                                            else struct.pack("<I", value))
        pointer = len(out)
        out += b"\0\0\0\0"
    return bytes(out)


def test_multi_page_tiff_keeps_every_full_size_page_and_drops_reduced_resolution_previews():
    # Issue 17 item 2: only NewSubfileType bit 0 (reduced resolution) marks a preview.
    original = raw_tiff([(20, 10, 0, 10), (20, 10, 2, 60), (5, 3, 1, 120), (20, 10, 2, 200)])
    facts = tiff.read(original)
    assert facts.notes == ("TIFF with 4 images",)
    assert [(item.field, item.value) for item in facts.items] == [("TIFF reduced-resolution preview", "image 3")]
    stripped = tiff.strip(original, {PREVIEW})
    with Image.open(io.BytesIO(stripped)) as image, Image.open(io.BytesIO(original)) as before:
        assert image.n_frames == 3
        kept = []
        for frame in range(3):
            image.seek(frame)
            kept.append((image.size, image.tobytes()))
        pages = []
        for frame in (0, 1, 3):
            before.seek(frame)
            pages.append((before.size, before.tobytes()))
        assert kept == pages
    assert tiff.read(stripped).items == ()


def test_a_plain_multi_page_tiff_has_no_preview_to_remove():
    first = Image.open(io.BytesIO(gradient_jpeg(size=(20, 10)))).convert("RGB")
    pages = [Image.open(io.BytesIO(gradient_jpeg(size=(8, 8)))).convert("RGB") for _ in range(2)]
    buffer = io.BytesIO()
    first.save(buffer, "TIFF", save_all=True, append_images=pages)
    original = buffer.getvalue()
    assert tiff.read(original).of_kind(PREVIEW) == []
    assert tiff.strip(original, {PREVIEW}) == original


def test_accept_and_broken_files():
    assert tiff.accept(b"II*\0\x08\0\0\0") and tiff.accept(b"MM\0*") and not tiff.accept(b"\xff\xd8\xff")
    with pytest.raises(MediaError, match="BigTIFF"):
        tiff.read(b"II+\0\x08\0\0\0" + bytes(8))
    with pytest.raises(MediaError, match="IFD0 at offset 4000 is outside"):
        tiff.read(b"II*\0" + struct.pack("<I", 4000) + bytes(20))
    truncated = tiff_file()[:200]
    with pytest.raises(MediaError, match=r"TIFF: image data at offset \d+ \(\d+ bytes\) runs past the end of the "
                                         r"200-byte file \(the file is truncated\)"):
        tiff.read(truncated)


def test_ifd_chain_loop_is_an_error():
    looped = b"II*\0\x08\0\0\0" + struct.pack("<HHHIHHI", 1, 0x0112, 3, 1, 1, 0, 8)
    with pytest.raises(MediaError, match="loop"):
        tiff.strip(looped, KINDS)


def test_reads_and_strips_from_an_mmap(tmp_path):
    same_from_an_mmap(tiff, tiff_file(), tmp_path / "scan.tif")


def test_mutated_files_only_ever_raise_media_error():
    # Offsets and counts overwritten within the first 600 bytes: the IFDs and values, not the pixels.
    only_media_errors(tiff, patched(tiff_file(), seed=11, within=600,
                                    patch=lambda rng: rng.choice([b"\xff\xff\xff\xff", b"\0\0\0\0", b"\x08\0\0\0"])))


def ifd0_entries(data: bytes) -> tuple[str, int, list[bytes]]:
    order = "<" if data[:2] == b"II" else ">"
    (ifd0,) = struct.unpack_from(order + "I", data, 4)
    (count,) = struct.unpack_from(order + "H", data, ifd0)
    return order, ifd0, [data[position:position + 12] for position in range(ifd0 + 2, ifd0 + 2 + 12 * count, 12)]


def with_cut_off_iptc(data: bytes) -> bytes:
    """A copy of IFD0 at the end of the file with an IPTC tag added whose value the end of the
    file cuts off, as in a download that stopped early."""
    order, ifd0, entries = ifd0_entries(data)
    records = iim((2, 120, b"Sports day, Year 6"), (2, 90, b"Leeds"))
    table_at = len(data) + (len(data) & 1)
    value_at = table_at + 2 + 12 * (len(entries) + 1) + 4
    entries.append(struct.pack(order + "HHII", 0x83BB, 7, len(records) + 100, value_at))   # 100 bytes too many
    entries.sort(key=lambda entry: struct.unpack_from(order + "H", entry)[0])
    table = struct.pack(order + "H", len(entries)) + b"".join(entries) + b"\0\0\0\0"
    out = bytearray(data + b"\0" * (len(data) & 1) + table + records)
    struct.pack_into(order + "I", out, 4, table_at)
    return bytes(out)


@pytest.mark.filterwarnings("ignore:Truncated File Read:UserWarning")   # Pillow meets the same cut-off tag
def test_iptc_cut_off_by_the_end_of_the_file_is_reported_and_stripped_not_revealed():
    original = with_cut_off_iptc(tiff_file())
    unreadable = {item.kind for item in tiff.read(original).items if item.field == "EXIF IPTC tag (unreadable)"}
    assert unreadable == {LOCATION, IDENTITY, TIMESTAMP, FREE_TEXT}
    for kinds in (KINDS, {LOCATION}, {FREE_TEXT}):
        stripped = tiff.strip(original, kinds)
        assert not {item.kind for item in tiff.read(stripped).items} & set(kinds)
        assert [item for item in tiff.read(stripped).items if "IPTC" in item.field] == []
        assert pixels(stripped) == pixels(original) and tiff.strip(stripped, kinds) == stripped


@pytest.mark.filterwarnings("ignore:.*:UserWarning")   # Pillow warns about the same pointer
def test_gps_pointer_of_zero_is_flagged_and_stripped_and_the_rest_kept():
    order, ifd0, entries = ifd0_entries(tiff_file())
    original = bytearray(tiff_file())
    gps = next(number for number, entry in enumerate(entries) if struct.unpack_from(order + "H", entry)[0] == 0x8825)
    struct.pack_into(order + "I", original, ifd0 + 2 + 12 * gps + 8, 0)
    original = bytes(original)
    assert (LOCATION, "EXIF GPS data (damaged)") in {(item.kind, item.field) for item in tiff.read(original).items}
    stripped = tiff.strip(original, {LOCATION})
    assert [(item.field, item.value) for item in tiff.read(stripped).items] == [
        ("EXIF Make", "Pupilcam"), ("EXIF Artist", "Jane Teacher")]
    assert pixels(stripped) == pixels(original) and tiff.read(stripped).orientation == 6
