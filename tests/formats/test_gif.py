import mmap

import pytest
from schoollint.formats.model import (
    FREE_TEXT, IDENTITY, KINDS, LOCATION, MAX_VALUE_CHARS, PERSON_NAME, PREVIEW, MediaError,
)
from schoollint.formats.registry import read_media
from schoollint.formats import gif
from tests.kit.chunks import gif_comment, gif_insert, gif_plain_text, gif_screen_end, gif_xmp, sub_blocks
from tests.kit.damage import assert_every_truncation_is_refused, flipped_bytes, only_media_errors
from tests.kit.images import encode, frames, photo, srgb_icc
from tests.kit.metadata import iptc_records, person_xmp, photoshop_resource
from tests.kit.plugin import assert_trailer_is_a_preview_item, stripped_by


def stripped(data: bytes, kinds=KINDS) -> bytes:
    return stripped_by(gif, data, kinds)


def animation() -> bytes:
    pictures = [photo(size=(24, 16), seed=seed) for seed in range(3)]
    return encode(pictures[0], "GIF", save_all=True, append_images=pictures[1:], duration=[80, 120, 160], loop=3)


def test_animated_gif_with_comment_and_xmp():
    plain = animation()
    assert b"NETSCAPE2.0" in plain
    comment = gif_comment(b"Year 6 leavers, Amelia Pupil " + b"x" * 300)   # over one sub-block
    data = gif_insert(plain, comment, gif_xmp(person_xmp("Amelia Pupil", caption_in="dc:title")))

    facts = read_media(data, ".gif")

    assert (facts.format, facts.width, facts.height, facts.frames) == ("GIF", 24, 16, 3)
    assert [(item.kind, item.field, item.where, item.value) for item in facts.items] == [
        (FREE_TEXT, "GIF comment", "comment extension", "Year 6 leavers, Amelia Pupil " + "x" * 300),
        (PERSON_NAME, "XMP PersonInImage", "XMP application extension", "Amelia Pupil"),
        (FREE_TEXT, "XMP dc:title", "XMP application extension", "Sports day"),
    ]
    clean = stripped(data)
    assert clean == plain, "exactly the inserted blocks go; loop, timing and images stay byte for byte"
    after = frames(clean)
    assert after == frames(data)
    assert [info["duration"] for _, info in after] == [80, 120, 160]
    assert after[0][1]["loop"] == 3


def test_items_and_their_values():
    data = gif_insert(animation(), gif_comment(b"caf\xe9"), gif_comment("Zo\u00eb".encode()),
                      gif_xmp(person_xmp("Zo\u00eb Pupil", caption_in="dc:title")))
    facts = gif.read(data)
    assert [item.value for item in facts.of_kind(FREE_TEXT)] == ["caf\u00e9", "Zo\u00eb", "Sports day"]
    [person] = facts.of_kind(PERSON_NAME)
    assert (person.value, person.where) == ("Zo\u00eb Pupil", "XMP application extension")


def test_long_comment_and_plain_text_are_clipped():
    text = "Oliver Pupil, \u00c9lodie Pupil; " * 40
    data = gif_insert(animation(), gif_comment(text.encode()), gif_plain_text(text.encode("latin-1")))
    assert [item.value for item in gif.read(data).items] == [text[:MAX_VALUE_CHARS]] * 2


def test_strip_only_the_kinds_asked_for():
    plain = animation()
    comment = gif_comment(b"sports day")
    data = gif_insert(plain, comment, gif_xmp(person_xmp(caption_in="dc:title")))
    # The XMP holds a title (free text) too, so it goes for PERSON_NAME; the comment stays.
    assert gif.strip(data, frozenset({PERSON_NAME})) == gif_insert(plain, comment)
    assert gif.strip(data, frozenset({PREVIEW})) == data


def test_plain_text_extension_between_frames():
    plain = animation()
    second_frame = plain.index(b"\x21\xf9", plain.index(b"\x2c"))   # graphic control of frame 2
    data = gif_insert(plain, gif_plain_text(b"Oliver Pupil"), at=second_frame)

    facts = gif.read(data)
    assert facts.frames == 3
    [text] = facts.of_kind(FREE_TEXT)
    assert (text.field, text.where, text.value) == ("GIF plain text", "plain text extension", "Oliver Pupil")
    assert stripped(data, {FREE_TEXT}) == plain


def test_icc_profile_kept():
    profile = srgb_icc()
    icc = b"\x21\xff\x0bICCRGBG1012" + sub_blocks(profile)
    data = gif_insert(encode(photo(), "GIF", comment=b"hello"), icc)   # Pillow cannot write this one

    facts = gif.read(data)
    assert "ICC profile kept" in facts.notes
    assert [item.value for item in facts.items] == ["hello"]

    clean = stripped(data)
    assert icc in clean and b"hello" not in clean
    assert frames(clean) == frames(data)


@pytest.mark.parametrize("identifier, payload", [
    (b"MGKIPTC0000", iptc_records()),
    (b"MGK8BIM0000", photoshop_resource(0x0404, iptc_records())),
])
def test_imagemagick_iptc_profiles(identifier, payload):
    plain = animation()
    data = gif_insert(plain, b"\x21\xff\x0b" + identifier + sub_blocks(payload))
    facts = gif.read(data)
    assert [(item.kind, item.value) for item in facts.items] == [(LOCATION, "Bristol"), (IDENTITY, "Jane Teacher")]
    assert stripped(data, {LOCATION}) == plain


def test_gif87a_without_extensions_is_unchanged():
    data = encode(photo(mode="L"), "GIF")
    data = b"GIF87a" + data[6:]
    facts = gif.read(data)
    assert (facts.frames, facts.items) == (1, ())
    assert gif.strip(data, KINDS) == data


def test_data_after_the_trailer():
    trailer = assert_trailer_is_a_preview_item(gif, animation(), b"hidden", FREE_TEXT)
    assert (trailer.field, trailer.where) == ("data after the end of the GIF", "after the GIF trailer")


def test_xmp_without_magic_trailer_is_still_read():
    packet = person_xmp("Isla Pupil", caption_in="dc:title")
    data = gif_insert(animation(), b"\x21\xff\x0bXMP DataXMP" + sub_blocks(packet))
    # Sub-block length bytes now sit inside the XML: flagged as unparseable, never passed over.
    assert gif.read(data).of_kind(FREE_TEXT)
    assert stripped(data, {FREE_TEXT}) == animation()


def test_reads_an_mmap(tmp_path):
    path = tmp_path / "anim.gif"
    path.write_bytes(gif_insert(animation(), gif_comment(b"hello")))
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        assert [item.value for item in gif.read(mapped).items] == ["hello"]
        assert gif.strip(mapped, KINDS) == animation()


# --- broken files ---

def small_gif() -> bytes:
    return gif_insert(animation(), gif_comment(b"hi"), gif_xmp(person_xmp(caption_in="dc:title")))


def test_every_truncation_raises_media_error():
    assert_every_truncation_is_refused(gif, small_gif())


def test_every_corrupted_byte_gives_facts_or_media_error():
    only_media_errors(gif, flipped_bytes(small_gif()))


def test_unknown_block_is_named():
    data = animation()
    at = gif_screen_end(data)
    with pytest.raises(MediaError, match=rf"^GIF: unknown block type 0x42 at offset {at} \(corrupt file\)"):
        gif.read(data[:at] + b"\x42" + data[at:])


def test_missing_trailer():
    data = animation()
    with pytest.raises(MediaError, match=rf"^GIF: the file ends at offset {len(data) - 1}, before the trailer"):
        gif.read(data[:-1])


def test_sub_blocks_past_the_end():
    data = animation()
    at = gif_screen_end(data)
    with pytest.raises(MediaError, match=rf"^GIF: extension 0xFE at offset {at} runs past the end of the file"):
        gif.read(data[:at] + b"\x21\xfe\x20short")
