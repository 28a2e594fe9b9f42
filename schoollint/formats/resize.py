"""Fixes that re-encode pixels: downscale (SL201) and HEIC -> JPEG (SL106).

Unlike stripping, these decode and encode, so they choose their settings to
stay close to the source: a JPEG keeps its quality (estimated from its
quantisation tables), progressive scan and chroma subsampling; every format
keeps its ICC profile, animations keep every frame, delay and loop count.
EXIF orientation is applied to the pixels, and nothing else of the source's
metadata is written: the result carries no EXIF, XMP, IPTC, comment or text.
Bit depth is kept where Pillow can resample it (16-bit greyscale); 16-bit
colour PNGs come out at 8 bits per channel, as Pillow reads them.
Pillow (and pillow-heif for HEIC) is imported only when a fix runs.
"""

from __future__ import annotations

import io
import os
import struct
import warnings
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

from ..finding import Write
from . import BOMB_PIXELS, MediaError, read_media

CONVERTED_QUALITY = 90        # JPEG written from a HEIC, and lossy formats we cannot estimate
HIGHEST_JPEG_QUALITY = 95     # above this libjpeg only makes files bigger, not better
ORIENTATION_TAG = 0x0112

# What Pillow raises on broken input; each becomes a MediaError naming the file's format.
_DECODING_FAILURES = (OSError, ValueError, SyntaxError, EOFError, IndexError, KeyError,
                      struct.error, zlib.error, MemoryError)

# IJG (libjpeg) base tables at quality 50, natural order (JPEG standard, Annex K).
_IJG_LUMINANCE = (
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)
_IJG_CHROMINANCE = (
    17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
    24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
) + (99,) * 32


# --- the appliers (schoollint.fixes) ---------------------------------------------------------

def apply_downscale(root, path: str, data: bytes, fixes) -> list[Write]:
    max_edge = min(fix.args[0] for fix in fixes)
    resized = downscale(data, max_edge, os.path.splitext(path)[1].lower())
    return [] if resized is data else [Write(path, resized)]


def apply_convert(root, path: str, data: bytes, fixes) -> list[Write]:
    target = os.path.splitext(path)[0] + ".jpg"
    if os.path.lexists(os.path.join(root, target)):
        raise MediaError(f"{target} already exists; not replacing it with a JPEG copy of {path}")
    return [Write(target, convert_to_jpeg(data))]


# --- downscaling -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """How a source format is written back: as which Pillow format, with which settings."""

    save_as: str
    frames: str                                  # "animation": keep all; "primary": rest are previews; "single"
    options: Callable[[object, bytes], dict]     # save settings, from the opened source and its bytes


def downscale(data: bytes, max_edge: int, extension: str) -> bytes:
    """The image with its longer edge at most `max_edge`, same format, metadata gone.

    Returns `data` itself when the image is already small enough.
    """
    with _opened(data) as image:
        target = TARGETS.get(image.format)
        if target is None:
            raise MediaError(f"{image.format}: schoollint cannot downscale this format; resize it by hand")
        if max(image.size) <= max_edge:
            return data
        try:
            frames = _resized_frames(image, _fitted(image.size, max_edge), _frame_count(image, target), target)
            output = _encoded(frames, target.save_as, target.options(image, data))
        except _DECODING_FAILURES as exc:
            raise MediaError(f"{image.format}: cannot decode the image to downscale it ({exc})") from None
    return _checked(output, extension, frames.images[0].size)


def _fitted(size: tuple[int, int], max_edge: int) -> tuple[int, int]:
    scale = max_edge / max(size)
    return tuple(max(1, round(edge * scale)) for edge in size)


def _frame_count(image, target: Target) -> int:
    count = getattr(image, "n_frames", 1)
    if count == 1 or target.frames == "primary":
        return 1
    if target.frames == "single":
        raise MediaError(f"{image.format}: a file of {count} images; downscaling would keep only the first, "
                         "so schoollint leaves it to you")
    if count * image.width * image.height > BOMB_PIXELS:
        raise MediaError(f"{image.format}: {count} frames of {image.width}x{image.height} add up to more than "
                         f"the decompression-bomb limit of {BOMB_PIXELS:,} pixels")
    return count


@dataclass
class Frames:
    images: list
    durations: list[int]


def _resized_frames(image, size: tuple[int, int], count: int, target: Target) -> Frames:
    if count == 1:
        if image.format in ("JPEG", "MPO"):
            image.draft(image.mode, size)   # decode at 1/2, 1/4 or 1/8 scale when that still covers `size`
        resized = _resized_keeping_mode(image, size, target)
        return Frames([_upright(resized, _orientation(image))], [])
    from PIL import ImageSequence

    images, durations = [], []
    for frame in ImageSequence.Iterator(image):
        frame.load()   # Pillow's WebP reader sets the frame's duration only here
        # Pillow composites every frame onto the canvas; resample that, with its alpha.
        resized = frame.convert("RGBA").resize(size, _lanczos(), reducing_gap=3.0)
        images.append(_upright(resized, _orientation(image)))
        durations.append(frame.info.get("duration", 0))
    if image.info.get("default_image"):   # an APNG's still picture for old viewers: not a timed frame
        durations = durations[1:]
    return Frames(images, durations)


def _orientation(image) -> int:
    """The EXIF orientation still to apply once pixels are loaded (Pillow turns TIFFs upright itself)."""
    return image.getexif().get(ORIENTATION_TAG, 1)


def _lanczos():
    from PIL import Image

    return Image.Resampling.LANCZOS


def _resized_keeping_mode(image, size: tuple[int, int], target: Target):
    """Resample with Lanczos; palette and bilevel images go through a full-colour copy and back."""
    mode = image.mode
    if mode in ("P", "PA"):
        working = image.convert("RGBA" if mode == "PA" or _has_transparency(image) else "RGB")
        resized = working.resize(size, _lanczos(), reducing_gap=3.0)
        if target.save_as == "GIF":   # the GIF writer makes its own palette, with a transparent index
            return resized
        return _quantized(resized, colours=len(image.getpalette() or ()) // 3)
    if mode == "1":
        return image.convert("L").resize(size, _lanczos(), reducing_gap=3.0).convert("1")
    if mode in ("L", "RGB") and "transparency" in image.info:
        # A colour-key transparency does not survive blending; keep it as an alpha channel.
        image = image.convert(mode + "A" if mode == "L" else "RGBA")
    return image.resize(size, _lanczos(), reducing_gap=3.0)


def _has_transparency(image) -> bool:
    return "transparency" in image.info or (image.palette is not None and image.palette.mode == "RGBA")


def _quantized(image, colours: int):
    from PIL import Image

    method = Image.Quantize.FASTOCTREE if image.mode == "RGBA" else Image.Quantize.MEDIANCUT
    return image.quantize(colors=min(256, max(2, colours)), method=method)


# Orientation (EXIF 1-8) -> the transpose that shows the stored pixels upright.
_UPRIGHT = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE",
            6: "ROTATE_270", 7: "TRANSVERSE", 8: "ROTATE_90"}


def _upright(image, orientation: int):
    from PIL import Image

    method = _UPRIGHT.get(orientation)
    return image if method is None else image.transpose(getattr(Image.Transpose, method))


def _encoded(frames: Frames, save_as: str, options: dict) -> bytes:
    first, *rest = frames.images
    for image in frames.images:
        # Pillow writes some metadata (comment, XMP, EXIF) from `info` when saving: start clean.
        transparency = image.info.get("transparency")
        image.info.clear()
        if transparency is not None and image.mode in ("P", "L", "RGB"):
            image.info["transparency"] = transparency
    if rest:
        options = dict(options, save_all=True, append_images=rest, duration=frames.durations)
    buffer = io.BytesIO()
    first.save(buffer, save_as, **options)
    return buffer.getvalue()


def _checked(output: bytes, extension: str, size: tuple[int, int]) -> bytes:
    """Read the result back with schoollint's own reader: right size, no metadata left."""
    facts = read_media(output, extension)
    width, height = size
    if (facts.width, facts.height) != size:
        raise MediaError(f"{facts.format}: the re-encoded image came out {facts.width}x{facts.height}, "
                         f"not {width}x{height}; left untouched")
    if facts.items:
        raise MediaError(f"{facts.format}: the re-encoded image still holds {facts.items[0].field}; left untouched")
    return output


# --- per-format save settings ----------------------------------------------------------------

def _icc(image) -> dict:
    profile = image.info.get("icc_profile")
    return {"icc_profile": profile} if profile else {}


def _animation(image) -> dict:
    return {"loop": image.info["loop"]} if "loop" in image.info else {}


def _jpeg_options(image, data: bytes) -> dict:
    from PIL import JpegImagePlugin

    options = {"quality": min(HIGHEST_JPEG_QUALITY, estimate_jpeg_quality(image.quantization)),
               "optimize": True, "progressive": bool(image.info.get("progressive")), **_icc(image)}
    subsampling = JpegImagePlugin.get_sampling(image)
    if subsampling >= 0:
        options["subsampling"] = subsampling
    return options


def _png_options(image, data: bytes) -> dict:
    options = {"optimize": True, **_icc(image), **_animation(image)}
    if image.info.get("default_image"):
        options["default_image"] = True
    return options


def _gif_options(image, data: bytes) -> dict:
    # Frames are whole composited pictures: clear each before drawing the next.
    return {"optimize": True, "disposal": 2, **_animation(image)}


def _webp_options(image, data: bytes) -> dict:
    options = {"lossless": webp_is_lossless(data), "quality": CONVERTED_QUALITY, "method": 4,
               **_icc(image), **_animation(image)}
    if "background" in image.info:
        options["background"] = image.info["background"]
    return options


def _tiff_options(image, data: bytes) -> dict:
    compression = image.info.get("compression", "raw")
    options = {"compression": compression, **_icc(image)}
    if compression == "jpeg":
        options["quality"] = CONVERTED_QUALITY
    return options


def _lossy_options(image, data: bytes) -> dict:
    return {"quality": CONVERTED_QUALITY, **_icc(image)}


TARGETS = {
    "JPEG": Target("JPEG", "single", _jpeg_options),
    "MPO": Target("JPEG", "primary", _jpeg_options),   # later images are previews: dropped with the metadata
    "PNG": Target("PNG", "animation", _png_options),
    "GIF": Target("GIF", "animation", _gif_options),
    "WEBP": Target("WEBP", "animation", _webp_options),
    "TIFF": Target("TIFF", "single", _tiff_options),
    "HEIF": Target("HEIF", "single", _lossy_options),
    "AVIF": Target("AVIF", "single", _lossy_options),
}


def estimate_jpeg_quality(quantization: dict) -> int:
    """The IJG quality (1-100) whose tables come closest to these; 90 when there are none."""
    tables = [list(quantization[index]) for index in (0, 1) if index in quantization]
    if not tables:
        return CONVERTED_QUALITY

    def distance(quality: int) -> int:
        return sum(abs(expected - actual)
                   for base, table in zip((_IJG_LUMINANCE, _IJG_CHROMINANCE), tables)
                   for expected, actual in zip(_ijg_table(base, quality), table))

    return min(range(1, 101), key=lambda quality: (distance(quality), -quality))


def _ijg_table(base: tuple[int, ...], quality: int) -> list[int]:
    scale = 5000 // quality if quality < 50 else 200 - 2 * quality
    return [min(255, max(1, (value * scale + 50) // 100)) for value in base]


def webp_is_lossless(data) -> bool:
    """Whether the (first) frame's bitstream is VP8L, lossless, rather than VP8."""
    from .webp import chunks

    for chunk in chunks(data):
        if chunk.fourcc in (b"VP8 ", b"VP8L"):
            return chunk.fourcc == b"VP8L"
        if chunk.fourcc == b"ANMF":   # a 16-byte frame header, then ALPH and VP8, or VP8L
            bitstream = chunk.payload_start + 16
            return bytes(data[bitstream:bitstream + 4]) == b"VP8L"
    return False


# --- HEIC to JPEG ----------------------------------------------------------------------------

def convert_to_jpeg(data: bytes) -> bytes:
    """A JPEG of the HEIC's primary image: upright, ICC kept, no metadata, quality 90."""
    with _opened(data) as image:
        try:
            picture = _upright(_flattened(image), _orientation(image))
            options = {"quality": CONVERTED_QUALITY, "optimize": True, **_icc(image)}
            output = _encoded(Frames([picture], []), "JPEG", options)
        except _DECODING_FAILURES as exc:
            raise MediaError(f"{image.format}: cannot decode the image to convert it ({exc})") from None
    return _checked(output, ".jpg", picture.size)


def _flattened(image):
    """Modes a JPEG can hold: transparency goes onto white, like a browser on a white page."""
    from PIL import Image

    if image.mode in ("L", "RGB", "CMYK"):
        return image.copy()
    rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("RGB")


# --- pixels for vision (schoollint.vision) and its blur fix ----------------------------------

def upright_rgb(data, max_edge: int):
    """The first picture of the file as upright RGB, longer edge at most `max_edge`, and the
    upright size of the full picture: `(Pillow image, (width, height))`.

    Orientation is applied as the downscale fix applies it, so boxes found in this picture
    fall on the same pixels after a fix. MediaError when it cannot be decoded.
    """
    with _opened(data) as image:
        try:
            orientation = _orientation(image)
            full = image.size if orientation < 5 else image.size[::-1]   # 5-8 swap width and height
            if image.format in ("JPEG", "MPO"):
                image.draft("RGB", _fitted(image.size, max_edge))   # decode at 1/2..1/8 scale: faster
            picture = _upright(_flattened(image).convert("RGB"), orientation)
            if max(picture.size) > max_edge:
                picture = picture.resize(_fitted(picture.size, max_edge), _lanczos(), reducing_gap=3.0)
        except _DECODING_FAILURES as exc:
            raise MediaError(f"{image.format}: cannot decode the pixels ({exc})") from None
    return picture, full


def edit_pixels(data: bytes, extension: str, edit: Callable) -> bytes:
    """The image with `edit(upright image) -> image` applied, written back as `downscale` writes:
    same format and settings, ICC profile kept, orientation applied, no metadata.

    For one-picture files only (an animation's frames would each need the edit): MediaError.
    """
    with _opened(data) as image:
        target = TARGETS.get(image.format)
        if target is None:
            raise MediaError(f"{image.format}: schoollint cannot rewrite this format; edit it by hand")
        if getattr(image, "n_frames", 1) > 1 and target.frames != "primary":
            raise MediaError(f"{image.format}: a file of {image.n_frames} images; edit it by hand")
        try:
            picture = edit(_upright(_editable(image), _orientation(image)))
            if image.mode in ("P", "PA") and target.save_as != "GIF":
                picture = _quantized(picture, colours=len(image.getpalette() or ()) // 3)
            output = _encoded(Frames([picture], []), target.save_as, target.options(image, data))
        except _DECODING_FAILURES as exc:
            raise MediaError(f"{image.format}: cannot decode the image to edit it ({exc})") from None
    return _checked(output, extension, picture.size)


def _editable(image):
    """A copy in a mode filters work on: palette and bilevel pictures as full colour or grey."""
    if image.mode in ("P", "PA"):
        return image.convert("RGBA" if image.mode == "PA" or _has_transparency(image) else "RGB")
    return image.convert("L") if image.mode == "1" else image.copy()


# --- opening ---------------------------------------------------------------------------------

@contextmanager
def _opened(data: bytes):
    """The image, opened by Pillow (headers only); failing to open is a MediaError."""
    from PIL import Image

    if bytes(data[4:8]) == b"ftyp":
        _register_heif()
    with warnings.catch_warnings():
        # Pillow warns about what it tolerates (corrupt EXIF, 100 MP photos below the bomb limit);
        # what it cannot read raises, and becomes a MediaError. Warnings would only clutter the report.
        warnings.simplefilter("ignore")
        try:
            image = Image.open(io.BytesIO(bytes(data)))
        except Image.DecompressionBombError as exc:
            raise MediaError(f"decompression bomb refused: {exc}") from None
        except _DECODING_FAILURES as exc:
            raise MediaError(f"cannot open the image ({exc})") from None
        with image:
            yield image


def _register_heif() -> None:
    try:
        import pillow_heif
    except ModuleNotFoundError:
        raise MediaError("HEIC: reading it needs the pillow-heif package (pip install pillow-heif)") from None
    pillow_heif.register_heif_opener()
