"""The downscale fix (SL201): the longer edge brought down to the site's limit.

The image is re-encoded in its own format with settings chosen to stay close
to the source: a JPEG keeps its quality (jpeg_quality.py), progressive scan
and chroma subsampling; every format keeps its ICC profile; animations keep
every frame, delay and loop count (an MPO keeps only its primary image: the
rest are previews). Resampling is Lanczos. Bit depth is kept where Pillow can
resample it (16-bit greyscale); 16-bit colour PNGs come out at 8 bits per
channel, as Pillow reads them. Shared Pillow plumbing is in reencode.py.

Vision (schoollint/vision/) reads pixels through `upright_rgb` and its cover fix (SL403) writes
them back through `edit_pixels`, with the same orientation handling and the same save settings.
Errors are MediaError, and the file is then left untouched.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from ..fix.model import Write
from .jpeg_quality import estimate_jpeg_quality
from .model import BOMB_PIXELS, MediaError
from .reencode import (CONVERTED_QUALITY, DECODING_FAILURES, Frames, checked, encoded, flattened, icc, opened,
                       orientation_of, upright)

HIGHEST_JPEG_QUALITY = 95     # above this libjpeg only makes files bigger, not better


def apply_downscale(context, path: str, data: bytes, fixes) -> list[Write]:
    max_edge = min(fix.args[0] for fix in fixes)
    resized = downscale(data, max_edge, os.path.splitext(path)[1].lower())
    return [] if resized is data else [Write(path, resized)]


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
    with opened(data) as image:
        target = TARGETS.get(image.format)
        if target is None:
            raise MediaError(f"{image.format}: schoollint cannot downscale this format; resize it by hand")
        if max(image.size) <= max_edge:
            return data
        try:
            frames = _resized_frames(image, _fitted(image.size, max_edge), _frame_count(image, target), target)
            output = encoded(frames, target.save_as, target.options(image, data))
        except DECODING_FAILURES as exc:
            raise MediaError(f"{image.format}: cannot decode the image to downscale it ({exc})") from None
    return checked(output, extension, frames.images[0].size)


def _fitted(size: tuple[int, int], max_edge: int) -> tuple[int, int]:
    scale = max_edge / max(size)
    width, height = (max(1, round(edge * scale)) for edge in size)
    return width, height


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


def _resized_frames(image, size: tuple[int, int], count: int, target: Target) -> Frames:
    if count == 1:
        if image.format in ("JPEG", "MPO"):
            image.draft(image.mode, size)   # decode at 1/2, 1/4 or 1/8 scale when that still covers `size`
        resized = _resized_keeping_mode(image, size, target)
        return Frames([upright(resized, orientation_of(image))], [])
    from PIL import ImageSequence

    images, durations = [], []
    for frame in ImageSequence.Iterator(image):
        frame.load()   # Pillow's WebP reader sets the frame's duration only here
        # Pillow composites every frame onto the canvas; resample that, with its alpha.
        resized = frame.convert("RGBA").resize(size, _lanczos(), reducing_gap=3.0)
        images.append(upright(resized, orientation_of(image)))
        durations.append(frame.info.get("duration", 0))
    if image.info.get("default_image"):   # an APNG's still picture for old viewers: not a timed frame
        durations = durations[1:]
    return Frames(images, durations)


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


# --- per-format save settings ----------------------------------------------------------------

def _animation(image) -> dict:
    return {"loop": image.info["loop"]} if "loop" in image.info else {}


def _jpeg_options(image, data: bytes) -> dict:
    from PIL import JpegImagePlugin

    options = {"quality": min(HIGHEST_JPEG_QUALITY, estimate_jpeg_quality(image.quantization)),
               "optimize": True, "progressive": bool(image.info.get("progressive")), **icc(image)}
    subsampling = JpegImagePlugin.get_sampling(image)
    if subsampling >= 0:
        options["subsampling"] = subsampling
    return options


def _png_options(image, data: bytes) -> dict:
    options = {"optimize": True, **icc(image), **_animation(image)}
    if image.info.get("default_image"):
        options["default_image"] = True
    return options


def _gif_options(image, data: bytes) -> dict:
    # Frames are whole composited pictures: clear each before drawing the next.
    return {"optimize": True, "disposal": 2, **_animation(image)}


def _webp_options(image, data: bytes) -> dict:
    options = {"lossless": webp_is_lossless(data), "quality": CONVERTED_QUALITY, "method": 4,
               **icc(image), **_animation(image)}
    if "background" in image.info:
        options["background"] = image.info["background"]
    return options


def _tiff_options(image, data: bytes) -> dict:
    compression = image.info.get("compression", "raw")
    options = {"compression": compression, **icc(image)}
    if compression == "jpeg":
        options["quality"] = CONVERTED_QUALITY
    return options


def _lossy_options(image, data: bytes) -> dict:
    return {"quality": CONVERTED_QUALITY, **icc(image)}


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


# --- pixels for vision (schoollint.vision) and its cover fix --------------------------------------

def upright_rgb(data, max_edge: int):
    """The first picture of the file as upright RGB, longer edge at most `max_edge`, and the
    upright size of the full picture: `(Pillow image, (width, height))`.

    Orientation is applied as the downscale applies it, so boxes found in this picture fall on
    the same pixels after a fix. A JPEG is decoded at 1/2, 1/4 or 1/8 scale (DCT scaling) when
    that still covers `max_edge`. Greyscale deeper than 8 bits is stretched from its own range
    (`_eight_bit`). MediaError when it cannot be decoded.
    """
    with opened(data) as image:
        try:
            orientation = orientation_of(image)
            full = image.size if orientation < 5 else image.size[::-1]   # 5-8 swap width and height
            if image.format in ("JPEG", "MPO"):
                image.draft("RGB", _fitted(image.size, max_edge))
            picture = flattened(_eight_bit(image))   # a copy: the opened image is gone once it closes
            if picture.mode != "RGB":
                picture = picture.convert("RGB")
            if max(picture.size) > max_edge:   # before turning it upright: fewer pixels to turn
                picture = picture.resize(_fitted(picture.size, max_edge), _lanczos(), reducing_gap=3.0)
            picture = upright(picture, orientation)
        except DECODING_FAILURES as exc:
            raise MediaError(f"{image.format}: cannot decode the pixels ({exc})") from None
    return picture, full


def _eight_bit(image):
    """Greyscale of 16 bits or more (Pillow modes I;16*, I, F: PNG, TIFF) as 8-bit L, its own range
    stretched to 0-255. Pillow's own conversion clips at 255, which turns a 16-bit photo white."""
    if image.mode not in ("I", "F") and not image.mode.startswith("I;16"):
        return image
    low, high = image.getextrema()
    scale = 255 / (high - low) if high > low else 0.0
    return image.convert("F").point(lambda value: (value - low) * scale).convert("L")


def edit_pixels(data: bytes, extension: str, edit: Callable) -> bytes:
    """The image with `edit(upright image) -> image` applied, written back as `downscale` writes:
    same format and settings, ICC profile kept, orientation applied, no metadata.

    For one-picture files only (an animation's frames would each need the edit): MediaError.
    """
    with opened(data) as image:
        target = TARGETS.get(image.format)
        if target is None:
            raise MediaError(f"{image.format}: schoollint cannot rewrite this format; edit it by hand")
        if getattr(image, "n_frames", 1) > 1 and target.frames != "primary":
            raise MediaError(f"{image.format}: a file of {image.n_frames} images; edit it by hand")
        try:
            picture = edit(upright(_editable(image), orientation_of(image)))
            if image.mode in ("P", "PA") and target.save_as != "GIF":
                picture = _quantized(picture, colours=len(image.getpalette() or ()) // 3)
            output = encoded(Frames([picture], []), target.save_as, target.options(image, data))
        except DECODING_FAILURES as exc:
            raise MediaError(f"{image.format}: cannot decode the image to edit it ({exc})") from None
    return checked(output, extension, picture.size)


def _editable(image):
    """A copy in a mode filters work on: palette and bilevel pictures as full colour or grey."""
    if image.mode in ("P", "PA"):
        return image.convert("RGBA" if image.mode == "PA" or _has_transparency(image) else "RGB")
    return image.convert("L") if image.mode == "1" else image.copy()
