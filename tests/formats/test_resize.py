"""Downscale (SL201) and HEIC -> JPEG (SL106) fixes, on real files, directly and through the CLI."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps, ImageSequence, ImageStat

from schoollint.fix.model import FixContext
from tests.kit.git import commit_all
from schoollint.formats.model import MediaError
from schoollint.formats.registry import read_media
from schoollint.formats.downscale import downscale, webp_is_lossless
from schoollint.formats.heic_to_jpeg import apply_convert, convert_to_jpeg
from schoollint.formats.jpeg_quality import estimate_jpeg_quality

from tests.kit.chunks import png_chunk, png_chunk_types
from tests.kit.corpus import needs_corpus, require
from tests.kit.damage import mixed_damage
from tests.kit.images import encode, srgb_icc
from tests.kit.metadata import exif_with_gps, person_xmp
from tests.kit.tools import needs_avif, needs_proc

SRGB = srgb_icc()


# --- building real files ----------------------------------------------------------------------

def scene(size: tuple[int, int]) -> Image.Image:
    """A photo-like RGB picture whose every orientation looks different: red grows to the right,
    green downwards, blue holds fractal detail."""
    rightwards = Image.linear_gradient("L").rotate(90).resize(size)
    downwards = Image.linear_gradient("L").resize(size)
    detail = Image.effect_mandelbrot((320, 240), (-2.2, -1.2, 1.0, 1.2), 64).resize(size)
    return Image.merge("RGB", (rightwards.transpose(Image.Transpose.FLIP_LEFT_RIGHT), downwards, detail))


def phone_jpeg(size=(4000, 3000), quality=87, orientation=6, **options) -> bytes:
    exif = b"Exif\0\0" + exif_with_gps(orientation=orientation)
    return encode(scene(size), "JPEG", quality=quality, exif=exif, icc_profile=SRGB, **options)


def displayed(data: bytes) -> Image.Image:
    return ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGB")


def mean_difference(first: Image.Image, second: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(first, second)).mean) / 3


def with_text_after_idat(png: bytes, keyword: bytes, text: bytes) -> bytes:
    """Text written after the image data, as ImageMagick does: Pillow cannot write it there."""
    return png[:-12] + png_chunk(b"tEXt", keyword + b"\0" + text) + png[-12:]


def heic(size=(640, 480), orientation=6) -> bytes:
    import pillow_heif

    pillow_heif.register_heif_opener()
    exif = b"Exif\0\0" + exif_with_gps(orientation=orientation)
    return encode(scene(size), "HEIF", quality=90, exif=exif, xmp=person_xmp(caption_in="dc:title"), icc_profile=SRGB)


# --- JPEG ---------------------------------------------------------------------------------------

def test_phone_jpeg_through_the_cli_is_upright_smaller_and_clean(repo, cli):
    original = phone_jpeg()
    (repo / "sports-day.jpg").write_bytes(original)

    code, out, err = cli("check", "--fix", "--no-cache", "--no-progress")

    fixed = (repo / "sports-day.jpg").read_bytes()
    result = Image.open(io.BytesIO(fixed))
    assert code == 1, (out, err)   # files changed
    assert result.size == (1200, 1600)      # orientation 6: stored 4000x3000 landscape, shown as portrait
    assert result.getexif() == {}
    assert b"Exif\0\0" not in fixed and b"Pupilcam" not in fixed and b"Jane Teacher" not in fixed
    assert result.info["icc_profile"] == SRGB
    assert result.info.get("progressive") is None        # the source was baseline
    assert abs(estimate_jpeg_quality(result.quantization) - 87) <= 5
    upright = displayed(original).resize(result.size, Image.Resampling.LANCZOS)
    assert mean_difference(upright, result.convert("RGB")) < 2.0
    # The comparison can fail: the same pixels turned the other way round differ a lot.
    turned = displayed(original).transpose(Image.Transpose.ROTATE_180).resize(result.size)
    assert mean_difference(turned, result.convert("RGB")) > 20
    assert read_media(fixed, ".jpg").items == ()


def test_second_fix_changes_no_byte(repo, cli):
    (repo / "a.jpg").write_bytes(phone_jpeg(size=(2400, 1800)))
    (repo / "b.png").write_bytes(encode(scene((2000, 1000)), "PNG"))
    cli("check", "--fix", "--no-cache", "--no-progress")
    first = {name: (repo / name).read_bytes() for name in ("a.jpg", "b.png")}

    code, out, err = cli("check", "--fix", "--no-cache", "--no-progress")

    assert {name: (repo / name).read_bytes() for name in first} == first
    assert code == 0, (out, err)
    assert Image.open(repo / "b.png").size == (1600, 800)


def test_limit_from_the_configuration_is_used(repo, cli):
    (repo / ".schoollint.yml").write_text("SL201:\n  max-edge: 800\n")
    (repo / "photo.jpg").write_bytes(phone_jpeg(size=(2000, 1500), orientation=1))

    code, out, err = cli("check", "--fix", "--no-cache", "--no-progress")

    assert code == 1, (out, err)
    assert Image.open(repo / "photo.jpg").size == (800, 600)


@needs_proc
def test_fifty_megapixel_jpeg_is_decoded_at_reduced_scale(tmp_path):
    photo = tmp_path / "big.jpg"
    photo.write_bytes(encode(scene((8660, 5773)), "JPEG", quality=85))
    # A fresh interpreter, so its peak (VmHWM) is this downscale's own; a full decode alone takes 150 MB.
    program = (
        "import sys\n"
        "from PIL import Image\n"
        "from schoollint.formats.downscale import downscale\n"
        "out = downscale(open(sys.argv[1], 'rb').read(), 1600, '.jpg')\n"
        "peak = next(line for line in open('/proc/self/status') if line.startswith('VmHWM')).split()[1]\n"
        "print(Image.open(__import__('io').BytesIO(out)).size, peak)\n"
    )
    finished = subprocess.run([sys.executable, "-c", program, str(photo)], capture_output=True, text=True,
                              check=True)
    size, peak_kilobytes = finished.stdout.rsplit(" ", 1)
    assert size == "(1600, 1067)"
    assert int(peak_kilobytes) < 110_000, finished.stdout


@pytest.mark.parametrize("quality", [20, 50, 75, 87, 95, 100])
def test_quality_estimate_recovers_ijg_quality(quality):
    image = Image.open(io.BytesIO(encode(scene((64, 48)), "JPEG", quality=quality)))
    assert estimate_jpeg_quality(image.quantization) == quality


def test_progressive_4_4_4_jpeg_keeps_scan_mode_subsampling_and_quality():
    source = encode(scene((2000, 1500)), "JPEG", quality=70, progressive=True, subsampling=0)

    result = Image.open(io.BytesIO(downscale(source, 1000, ".jpg")))

    from PIL import JpegImagePlugin

    assert result.size == (1000, 750)
    assert result.info.get("progressive") == 1
    assert JpegImagePlugin.get_sampling(result) == 0
    assert estimate_jpeg_quality(result.quantization) == 70


def test_quality_above_95_is_capped():
    source = encode(scene((400, 300)), "JPEG", quality=100)
    result = Image.open(io.BytesIO(downscale(source, 200, ".jpg")))
    assert estimate_jpeg_quality(result.quantization) == 95


@pytest.mark.parametrize("mode", ["L", "CMYK"])
def test_greyscale_and_cmyk_jpeg_keep_their_mode(mode):
    picture = scene((1200, 900)).convert(mode)
    source = encode(picture, "JPEG", quality=90)

    result = Image.open(io.BytesIO(downscale(source, 600, ".jpg")))

    assert result.mode == mode
    expected = picture.resize((600, 450), Image.Resampling.LANCZOS).convert("RGB")
    assert mean_difference(expected, result.convert("RGB")) < 3.0


def test_mpo_becomes_a_plain_jpeg_without_its_second_image():
    left, right = scene((1600, 1200)), scene((1600, 1200)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    exif = b"Exif\0\0" + exif_with_gps(orientation=1)
    source = encode(left, "MPO", save_all=True, append_images=[right], exif=exif, quality=85)
    assert "MPO with 2 images" in read_media(source, ".jpg").notes

    fixed = downscale(source, 800, ".jpg")

    facts = read_media(fixed, ".jpg")
    assert (facts.format, facts.width, facts.height, facts.items, facts.notes) == ("JPEG", 800, 600, (), ())
    assert fixed.count(b"\xff\xd8") == 1
    assert mean_difference(left.resize((800, 600), Image.Resampling.LANCZOS),
                           Image.open(io.BytesIO(fixed)).convert("RGB")) < 2.0


# --- PNG ----------------------------------------------------------------------------------------

def test_sixteen_bit_greyscale_png_stays_sixteen_bit():
    ramp = Image.new("I;16", (2048, 64))
    ramp.putdata([x * 32 for _ in range(64) for x in range(2048)])
    source = with_text_after_idat(encode(ramp, "PNG"), b"Comment", b"Amelia on sports day")

    fixed = downscale(source, 1024, ".png")

    result = Image.open(io.BytesIO(fixed))
    assert (result.mode, result.size) == ("I;16", (1024, 32))
    assert fixed[24] == 16                              # IHDR bit depth
    row = [result.getpixel((x, 16)) for x in range(0, 1024, 128)]
    assert row == sorted(row) and row[-1] > 255 * 100    # values well beyond 8 bits survive
    assert abs(result.getpixel((512, 16)) - 1024 * 32) < 64
    assert b"tEXt" not in png_chunk_types(fixed) and b"Amelia" not in fixed


def test_sixteen_bit_colour_png_comes_out_eight_bit_with_the_same_colours():
    # Pillow reads 16-bit colour as 8 bits per channel (the high bytes); browsers show no more than that.
    width, height = 512, 64
    rows = b"".join(b"\0" + b"".join(struct.pack(">HHH", x * 128, 40000, 65535 - x * 128) for x in range(width))
                    for _ in range(height))
    source = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0))
              + png_chunk(b"IDAT", zlib.compress(rows)) + png_chunk(b"IEND", b""))

    result = Image.open(io.BytesIO(downscale(source, 256, ".png")))

    assert (result.mode, result.size) == ("RGB", (256, 32))
    red, green, blue = result.getpixel((128, 16))     # source column 256: 32768, 40000, 32767
    assert abs(red - 128) <= 2 and green == 40000 >> 8 and abs(blue - 127) <= 2


@needs_avif
def test_avif_keeps_its_format_and_is_turned_upright():
    picture = scene((800, 600))
    source = encode(picture, "AVIF", quality=90, exif=b"Exif\0\0" + exif_with_gps(orientation=6))

    fixed = downscale(source, 400, ".avif")

    result = Image.open(io.BytesIO(fixed))
    assert (result.format, result.size) == ("AVIF", (300, 400))
    assert read_media(fixed, ".avif").items == ()
    expected = picture.transpose(Image.Transpose.ROTATE_270).resize((300, 400), Image.Resampling.LANCZOS)
    assert mean_difference(expected, result.convert("RGB")) < 3.0


def test_palette_png_with_transparency_stays_a_palette_with_transparency():
    palette = Image.new("P", (1200, 600))
    palette.putpalette([0, 0, 0, 200, 30, 30, 30, 160, 60, 20, 40, 220])
    palette.putdata([(x // 150) % 4 for _ in range(600) for x in range(1200)])
    source = encode(palette, "PNG", transparency=0, pnginfo=_text("Author", "Jane Teacher"), icc_profile=SRGB)

    fixed = downscale(source, 600, ".png")

    result = Image.open(io.BytesIO(fixed))
    chunks = png_chunk_types(fixed)
    assert (result.mode, result.size) == ("P", (600, 300))
    assert len(result.getpalette()) // 3 <= 4
    assert b"tRNS" in chunks and b"iCCP" in chunks and b"tEXt" not in chunks
    rgba = result.convert("RGBA")
    assert rgba.getpixel((30, 150))[3] == 0             # was index 0: transparent
    red = rgba.getpixel((105, 150))
    assert red[3] > 240 and red[0] > 180 and red[1] < 60   # was index 1: opaque red


def _text(key: str, value: str):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text(key, value)
    return info


# --- animations ---------------------------------------------------------------------------------

def moving_square(size=(600, 400), count=4) -> list[Image.Image]:
    """A red square moving right over a half-transparent blue background: every frame distinct."""
    frames = []
    for index in range(count):
        frame = Image.new("RGBA", size, (20, 40, 200, 128 if index % 2 else 255))
        left = index * size[0] // count
        frame.paste((230, 20, 20, 255), (left, 0, left + size[0] // count, size[1]))
        frames.append(frame)
    return frames


ANIMATIONS = {
    "gif": dict(format="GIF", comment=b"Amelia's class", loop=0),
    "webp": dict(format="WEBP", lossless=True, loop=3, background=(0, 0, 0, 0)),
    "png": dict(format="PNG", loop=2),
}


@pytest.mark.parametrize("extension", sorted(ANIMATIONS))
def test_animation_keeps_every_frame_delay_and_loop(extension):
    frames = moving_square()
    settings = dict(ANIMATIONS[extension])
    durations = [100, 250, 400, 550]
    if extension == "gif":
        frames = [frame.convert("RGB") for frame in frames]   # GIF has no partial alpha
    source = encode(frames[0], settings.pop("format"), save_all=True, append_images=frames[1:],
                    duration=durations, **settings)

    fixed = downscale(source, 300, f".{extension}")

    result = Image.open(io.BytesIO(fixed))
    assert result.size == (300, 200) and result.n_frames == 4
    assert result.info["loop"] == settings["loop"]
    assert b"Amelia" not in fixed
    for index, frame in enumerate(ImageSequence.Iterator(result)):
        got = frame.convert("RGBA")              # WebP sets the duration only once a frame is loaded
        assert frame.info["duration"] == durations[index]
        expected = frames[index].convert("RGBA").resize((300, 200), Image.Resampling.LANCZOS)
        inside = (index * 75 + 37, 100)          # the middle of this frame's red square
        outside = ((index * 75 + 187) % 300, 100)
        for point in (inside, outside):
            pairs = zip(got.getpixel(point), expected.getpixel(point), strict=True)
            assert all(abs(a - b) <= 12 for a, b in pairs), point
    assert read_media(fixed, f".{extension}").items == ()


def test_apng_default_image_stays_out_of_the_animation():
    still, *animation = [Image.new("RGBA", (400, 200), colour) for colour in ("red", "green", "blue")]
    source = encode(still, "PNG", save_all=True, append_images=animation, default_image=True,
                    duration=[300, 450], loop=0)

    result = Image.open(io.BytesIO(downscale(source, 200, ".png")))

    assert result.info["default_image"] and result.n_frames == 3
    shown = []
    for frame in ImageSequence.Iterator(result):
        shown.append((frame.info.get("duration"), frame.convert("RGB").getpixel((5, 5))))
    assert shown == [(None, (255, 0, 0)), (300.0, (0, 128, 0)), (450.0, (0, 0, 255))]


def test_still_gif_keeps_its_transparent_background():
    picture = Image.new("P", (600, 400), 0)
    picture.putpalette([0, 0, 0, 230, 20, 20])
    picture.paste(1, (200, 0, 600, 400))
    source = encode(picture, "GIF", transparency=0, comment=b"Amelia")

    fixed = downscale(source, 300, ".gif")

    result = Image.open(io.BytesIO(fixed)).convert("RGBA")
    assert result.size == (300, 200)
    assert result.getpixel((20, 100))[3] == 0
    assert result.getpixel((250, 100)) == (230, 20, 20, 255)
    assert b"Amelia" not in fixed


def test_lossless_webp_stays_lossless_and_lossy_stays_lossy():
    picture = scene((1000, 800))
    lossless = encode(picture, "WEBP", lossless=True, exif=b"Exif\0\0" + exif_with_gps())
    lossy = encode(picture, "WEBP", quality=80)

    assert webp_is_lossless(downscale(lossless, 500, ".webp"))
    assert not webp_is_lossless(downscale(lossy, 500, ".webp"))
    exact = picture.resize((500, 400), Image.Resampling.LANCZOS)
    assert ImageChops.difference(exact, Image.open(io.BytesIO(downscale(lossless, 500, ".webp"))).convert(
        "RGB")).getbbox() is None


def test_tiff_keeps_compression_and_applies_orientation():
    picture = scene((1200, 800))
    source = encode(picture, "TIFF", compression="tiff_lzw",
                    tiffinfo={274: 8, 315: "Jane Teacher", 271: "Pupilcam"})

    fixed = downscale(source, 600, ".tif")

    result = Image.open(io.BytesIO(fixed))
    assert result.size == (400, 600)
    assert result.info["compression"] == "tiff_lzw"
    assert b"Jane Teacher" not in fixed and b"Pupilcam" not in fixed and 274 not in result.tag_v2
    expected = picture.transpose(Image.Transpose.ROTATE_90).resize((400, 600), Image.Resampling.LANCZOS)
    assert mean_difference(expected, result.convert("RGB")) < 1.0


def test_small_enough_image_is_returned_unchanged():
    source = phone_jpeg(size=(800, 600))
    assert downscale(source, 1600, ".jpg") is source


# --- HEIC ---------------------------------------------------------------------------------------

def test_heic_is_replaced_by_a_jpeg_only_with_unsafe_fixes(repo, cli):
    original = heic()
    (repo / "IMG_1034.heic").write_bytes(original)

    cli("check", "--fix", "--no-cache", "--no-progress")
    assert not (repo / "IMG_1034.jpg").exists()

    # Not committed: replacing it would lose the only original, so the fix refuses and changes nothing.
    stripped = (repo / "IMG_1034.heic").read_bytes()
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert "IMG_1034.heic: not fixed: IMG_1034.heic is not committed to Git" in out
    assert (repo / "IMG_1034.heic").read_bytes() == stripped and not (repo / "IMG_1034.jpg").exists()

    commit_all(repo, "a photo straight off a phone")
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")

    converted = (repo / "IMG_1034.jpg").read_bytes()
    result = Image.open(io.BytesIO(converted))
    assert not (repo / "IMG_1034.heic").exists(), "the conversion finishes the job (issue 9)"
    assert result.format == "JPEG" and result.size == (480, 640)    # orientation applied to the pixels
    assert result.getexif() == {} and b"Pupilcam" not in converted and b"Amelia" not in converted
    assert result.info["icc_profile"] == SRGB
    assert abs(estimate_jpeg_quality(result.quantization) - 90) <= 1
    assert read_media(converted, ".jpg").items == ()
    assert mean_difference(displayed_heic(original), result.convert("RGB")) < 3.0


def displayed_heic(data: bytes) -> Image.Image:
    import pillow_heif

    pillow_heif.register_heif_opener()
    return Image.open(io.BytesIO(data)).convert("RGB")   # pillow-heif applies irot/imir itself


def test_converted_heic_is_upright():
    result = Image.open(io.BytesIO(convert_to_jpeg(heic(size=(320, 200), orientation=6)))).convert("RGB")
    expected = scene((320, 200)).transpose(Image.Transpose.ROTATE_270)
    assert result.size == (200, 320)
    assert mean_difference(expected, result) < 3.0
    assert mean_difference(expected.transpose(Image.Transpose.ROTATE_180), result) > 20


def test_existing_jpeg_beside_a_heic_is_never_replaced(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "IMG_1.jpg").write_bytes(b"someone else's photo")
    with pytest.raises(MediaError, match="IMG_1.jpg already exists"):
        apply_convert(FixContext(tmp_path), "photos/IMG_1.heic", heic(), [])
    assert (tmp_path / "photos" / "IMG_1.jpg").read_bytes() == b"someone else's photo"


def test_existing_jpeg_is_reported_and_kept_through_the_cli(repo, cli):
    (repo / "IMG_2.heic").write_bytes(heic())
    (repo / "IMG_2.jpg").write_bytes(b"not mine to replace")

    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress", "IMG_2.heic")

    assert (repo / "IMG_2.jpg").read_bytes() == b"not mine to replace"
    assert "IMG_2.jpg already exists" in out + err


# --- bad input ----------------------------------------------------------------------------------

BROKEN = {
    "truncated JPEG": lambda: phone_jpeg(size=(2000, 1500))[:20_000],
    "truncated PNG": lambda: encode(scene((2000, 1500)), "PNG")[:5_000],
    "garbage after a JPEG header": lambda: b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40,
    "PNG claiming 40000x40000 pixels": lambda: (b"\x89PNG\r\n\x1a\n" + png_chunk(
        b"IHDR", struct.pack(">IIBBBBB", 40000, 40000, 8, 2, 0, 0, 0)) + png_chunk(b"IDAT", zlib.compress(
            b"\0" * 64)) + png_chunk(b"IEND", b"")),
    "corrupt HEIC": lambda: heic()[:600],
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_input_is_a_media_error(case):
    data = BROKEN[case]()
    with pytest.raises(MediaError):
        downscale(data, 100, ".heic" if "HEIC" in case else ".png" if "PNG" in case else ".jpg")


DAMAGEABLE = {
    ".jpg": lambda: encode(scene((400, 300)), "JPEG", quality=80, icc_profile=SRGB, progressive=True),
    ".png": lambda: encode(scene((400, 300)).convert("P"), "PNG", transparency=3),
    ".gif": lambda: encode(moving_square((300, 200), 3)[0].convert("RGB"), "GIF", save_all=True,
                           append_images=[f.convert("RGB") for f in moving_square((300, 200), 3)[1:]], loop=0),
    ".webp": lambda: encode(moving_square((300, 200), 3)[0], "WEBP", save_all=True,
                            append_images=moving_square((300, 200), 3)[1:], duration=100, lossless=True),
    ".tif": lambda: encode(scene((400, 300)), "TIFF", compression="tiff_lzw"),
    ".heic": lambda: heic((320, 240)),
}


@pytest.mark.parametrize("extension", sorted(DAMAGEABLE))
def test_damaged_files_give_a_clean_result_or_a_media_error(extension):
    for damaged in mixed_damage(DAMAGEABLE[extension](), seed=len(extension), count=25):
        for attempt in (lambda damaged=damaged: downscale(damaged, 100, extension),
                        lambda damaged=damaged: convert_to_jpeg(damaged) if extension == ".heic" else b""):
            try:
                result = attempt()
            except MediaError as exc:
                assert str(exc)
                continue
            if result and result is not damaged:
                assert read_media(result, ".jpg" if extension == ".heic" and result[:2] == b"\xff\xd8"
                                  else extension).items == ()


def test_corrupt_heic_conversion_is_a_media_error():
    with pytest.raises(MediaError):
        convert_to_jpeg(heic()[:600])


def test_bomb_is_refused_before_decoding():
    bomb = BROKEN["PNG claiming 40000x40000 pixels"]()
    with pytest.raises(MediaError, match="decompression bomb"):
        downscale(bomb, 100, ".png")


def test_animation_whose_frames_add_up_to_a_bomb_is_refused():
    frames = [Image.new("P", (4000, 4000), index) for index in range(12)]
    source = encode(frames[0], "GIF", save_all=True, append_images=frames[1:])
    with pytest.raises(MediaError, match="decompression-bomb limit"):
        downscale(source, 100, ".gif")


# --- real phone and camera files ------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus() -> Path:
    return require().resolve()


def corpus_images(corpus: Path) -> list[Path]:
    manifest = json.loads((corpus / "manifest.json").read_text())
    wanted = {"JPEG", "PNG", "GIF", "WEBP", "TIFF", "HEIC", "AVIF", "MPO"}
    return [corpus / entry["SourceFile"] for entry in manifest if entry.get("File:FileType") in wanted]


@needs_corpus
def test_every_corpus_image_downscales_cleanly_or_is_refused_clearly(corpus):
    downscaled = 0
    for path in corpus_images(corpus):
        data = path.read_bytes()
        extension = path.suffix.lower()
        try:
            fixed = downscale(data, 256, extension)
        except MediaError as exc:
            assert str(exc), path
            continue
        if fixed is data:    # already small enough: not this fix's business
            continue
        facts = read_media(fixed, extension)
        assert facts.items == (), (path, facts.items)
        assert max(facts.width, facts.height) == 256, path
        downscaled += 1
    assert downscaled >= 35
