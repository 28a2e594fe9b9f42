"""Files cut short after their metadata (trial item 5: `head -c 30000 photo.jpg`): the segments
and chunks before the cut are read (SL101-SL104) beside SL105 for the cut, and --fix strips them
keeping every other byte as it was, the damaged image data too, through the command line."""

from __future__ import annotations

import json
import subprocess

import piexif
import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from tests.kit.chunks import gif_insert, gif_xmp, riff_chunks, webp_from_chunks
from tests.kit.git import commit_all
from tests.kit.images import encode, photo
from tests.kit.jpeg import XMP_SIGNATURE, segment, with_segments
from tests.kit.metadata import exif_with_gps, person_xmp, tiff_exif
from tests.kit.tiff import tiff_file
from tests.kit.tools import needs_ffmpeg


def _phone_jpeg() -> bytes:
    """A 1600x1200 photo with EXIF (GPS, serial, thumbnail, orientation 6) and XMP naming a person."""
    jpeg = encode(photo((1600, 1200)), "JPEG", quality=90)
    return with_segments(jpeg, segment(0xE1, b"Exif\0\0" + tiff_exif(orientation=6)),
                         segment(0xE1, XMP_SIGNATURE + person_xmp()))


def _png_with_metadata() -> bytes:
    info = PngInfo()
    info.add_text("Author", "Jane Teacher")
    return encode(photo((400, 300)), "PNG", exif=b"Exif\0\0" + exif_with_gps(), pnginfo=info)


def _codes(cli, *args):
    code, out, _ = cli("check", "--output-format", "json", "--no-cache", *args)
    return code, sorted({finding["code"] for finding in json.loads(out)["findings"]})


def _fixed(repo, cli, name: str, data: bytes, found=("SL101", "SL102", "SL105")) -> tuple[bytes, bytes]:
    """Commit `data` as images/`name`, see `found` among the codes, fix: (the bytes before, after)."""
    target = repo / "images" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    commit_all(repo, "a photo cut short")
    code, codes = _codes(cli)
    assert code == 1
    assert set(found) <= set(codes), codes
    cli("check", "--fix", "--no-cache")
    return data, target.read_bytes()


def test_a_jpeg_cut_in_its_scan_reports_and_strips_the_segments_before_the_cut(repo, cli):
    whole = _phone_jpeg()
    before, after = _fixed(repo, cli, "trip2.jpg", whole[:30000])
    code, codes = _codes(cli)
    assert codes == ["SL105"]                      # the cut stays reported
    scan = before.index(b"\xff\xda", before.index(XMP_SIGNATURE))   # the photo's own scan, not the thumbnail's
    assert after.endswith(before[scan:])           # the damaged image data, byte for byte
    assert len(after) < len(before)
    with Image.open(repo / "images" / "trip2.jpg") as image:
        exif = image.getexif()
        assert piexif.ImageIFD.Orientation in exif and exif[piexif.ImageIFD.Orientation] == 6
        assert not exif.get_ifd(0x8825) and piexif.ImageIFD.Make not in exif   # no GPS IFD, no Make
    cli("check", "--fix", "--no-cache")            # idempotent
    assert (repo / "images" / "trip2.jpg").read_bytes() == after


def test_a_jpeg_cut_inside_a_later_segment_keeps_the_cut_segment_as_it_was(repo, cli):
    whole = _phone_jpeg()
    xmp = whole.index(XMP_SIGNATURE)
    before, after = _fixed(repo, cli, "cut.jpg", whole[:xmp + 40])
    assert after.endswith(before[before.index(XMP_SIGNATURE) - 4:])   # the cut XMP segment, untouched
    assert b"Exif\0\0" in after and b"GPS" not in after[:after.index(XMP_SIGNATURE)]
    assert _codes(cli)[1] == ["SL105"]


def test_a_png_cut_in_its_image_data_reports_and_strips_the_chunks_before_the_cut(repo, cli):
    whole = _png_with_metadata()
    idat = whole.index(b"IDAT") - 4
    before, after = _fixed(repo, cli, "cut.png", whole[:idat + (len(whole) - idat) // 2])
    assert after.endswith(before[idat:])
    assert b"eXIf" not in after and b"tEXt" not in after
    assert _codes(cli)[1] == ["SL105"]


@pytest.mark.parametrize("name, data", [("cut.jpg", _phone_jpeg()[:30000]),
                                        ("cut.png", _png_with_metadata()[:-200])])
def test_a_file_cut_short_is_never_counted_as_checked(repo, cli, name, data):
    (repo / name).write_bytes(data)
    code, out, _ = cli("check", "--no-cache", "--select", "SL101")
    assert code == 1
    assert f"not checked: 1 {name[-4:]}" in out


def _gif_with_person() -> bytes:
    """A 3-frame GIF with an XMP application extension naming a person, before the first frame."""
    pictures = [photo(size=(240, 160), seed=seed) for seed in range(3)]
    plain = encode(pictures[0], "GIF", save_all=True, append_images=pictures[1:], duration=80, loop=0)
    return gif_insert(plain, gif_xmp(person_xmp("Amelia Pupil")))


def test_a_gif_cut_in_its_last_frame_reports_and_strips_the_extensions_before_the_cut(repo, cli):
    whole = _gif_with_person()
    cut, after = _fixed(repo, cli, "cut.gif", whole[:len(whole) - 300], found=("SL104", "SL105"))
    assert b"XMP DataXMP" not in after and b"Amelia" not in after
    assert after.endswith(cut[cut.index(b"XMP DataXMP") + len(gif_xmp(person_xmp("Amelia Pupil"))) - 3:])
    assert _codes(cli)[1] == ["SL105"]
    cli("check", "--fix", "--no-cache")            # idempotent
    assert (repo / "images" / "cut.gif").read_bytes() == after


def test_a_webp_cut_short_keeps_its_riff_claim_and_the_damaged_bytes(repo, cli):
    """A WebP whose XMP chunk comes before the image data (writers differ on the order), cut
    inside the image: the XMP is read and stripped, the cut image copied as it was, and the RIFF
    size still claims the bytes the file lacks, so the file reads as cut short as before."""
    chunks = riff_chunks(encode(photo((400, 300)), "WEBP", exif=b"Exif\0\0" + exif_with_gps()))
    xmp = (b"XMP ", person_xmp("Amelia Pupil"))
    vp8x = [index for index, (fourcc, _) in enumerate(chunks) if fourcc == b"VP8X"][0]
    whole = webp_from_chunks(chunks[:vp8x + 1] + [xmp] + chunks[vp8x + 1:])
    image = whole.index(b"VP8 ")
    cut, after = _fixed(repo, cli, "cut.webp", whole[:image + 200], found=("SL104", "SL105"))
    assert b"XMP " not in after and after.endswith(cut[image:])
    claimed = int.from_bytes(after[4:8], "little") + 8
    assert claimed - len(after) == int.from_bytes(cut[4:8], "little") + 8 - len(cut)
    assert _codes(cli)[1] == ["SL105"]


def test_a_tiff_cut_in_its_pixels_reports_its_tables_and_is_never_rewritten(repo, cli):
    """A TIFF's tables come before its pixels here (Pillow's layout): cut inside the pixels, the
    GPS and Artist are reported beside SL105; the fix refuses, since the new tables a strip writes
    at the end of the file would land inside the missing pixels, and the file stays as it was."""
    cut = tiff_file(size=(400, 300))[:-5000]
    (repo / "scan.tif").write_bytes(cut)
    commit_all(repo, "a TIFF cut short")
    code, codes = _codes(cli)
    assert code == 1 and {"SL101", "SL102", "SL105"} <= set(codes), codes
    code, out, _ = cli("check", "--fix", "--no-cache")
    assert code == 1 and "scan.tif: not fixed:" in out and "truncated" in out
    assert (repo / "scan.tif").read_bytes() == cut


@needs_ffmpeg
def test_a_streaming_mp4_cut_in_its_media_data_reports_and_blanks_its_location(repo, cli, tmp_path):
    """An MP4 written for the web ('moov' before 'mdat', ffmpeg's +faststart) whose upload stopped
    inside 'mdat': the position in 'moov' is reported beside SL105 and blanked in place, every
    other byte (the cut media data above all) kept, the file the same length."""
    whole = tmp_path / "whole.mp4"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=10",
                    "-metadata", "location=+51.5010-000.1419/", "-movflags", "+faststart", "-c:v", "mpeg4",
                    str(whole)], check=True)
    data = whole.read_bytes()
    cut = data[:len(data) // 2]
    assert cut.index(b"moov") < cut.index(b"mdat")
    (repo / "match.mp4").write_bytes(cut)
    commit_all(repo, "a video cut short")
    code, codes = _codes(cli)
    assert code == 1 and {"SL101", "SL105"} <= set(codes), codes
    cli("check", "--fix", "--no-cache")
    after = (repo / "match.mp4").read_bytes()
    assert len(after) == len(cut) and b"+51.5010" not in after
    mdat = cut.index(b"mdat") - 4
    assert after[mdat:] == cut[mdat:]
    assert "SL101" not in _codes(cli)[1]
