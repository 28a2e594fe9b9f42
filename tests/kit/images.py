"""Pictures and codec round trips shared by every format's tests, through Pillow.

Pillow (and pillow-heif, for HEIF) encodes and decodes; the pictures have distinct pixels
everywhere, so any re-encoding or decoder fault shows in a pixel comparison.
"""

from __future__ import annotations

import functools
import io

from PIL import Image


def photo(size: tuple[int, int] = (40, 30), mode: str = "RGB", seed: int = 0) -> Image.Image:
    """A picture with distinct pixels everywhere (`seed` shifts them, for animation frames)."""
    width, height = size
    image = Image.new("RGB", size)
    image.putdata([((x * 7 + seed) % 256, (y * 11 + seed * 3) % 256, (x * y + seed) % 256)
                   for y in range(height) for x in range(width)])
    return image if mode == "RGB" else image.convert(mode)


def gradient(size: tuple[int, int] = (64, 48), mode: str = "RGB") -> Image.Image:
    """Three gradients running different ways, one per channel ("L": one gradient)."""
    image = Image.linear_gradient("L").resize(size)
    if mode == "L":
        return image
    return Image.merge("RGB", (image, image.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                               image.transpose(Image.Transpose.FLIP_TOP_BOTTOM))).convert(mode)


def _open_heif() -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()


def encode(image: Image.Image, format: str, **options) -> bytes:
    """`image` saved by Pillow as `format` with its `options` (HEIF through pillow-heif)."""
    if format.upper() in ("HEIF", "HEIC", "AVIF"):
        _open_heif()
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()


def decoded(data: bytes) -> tuple[str, tuple[int, int], bytes]:
    """(mode, size, raw pixels) of the first frame, as Pillow (or pillow-heif) decodes it."""
    _open_heif()
    with Image.open(io.BytesIO(data)) as image:
        return image.mode, image.size, image.tobytes()


def pixels(data: bytes, frame: int = 0) -> bytes:
    """The raw pixels of one frame (an MPO's second image is frame 1)."""
    with Image.open(io.BytesIO(data)) as image:
        image.seek(frame)
        return image.tobytes()


def frames(data: bytes) -> list[tuple[bytes, dict]]:
    """Every frame's decoded pixels (as RGBA) with its timing info."""
    found = []
    with Image.open(io.BytesIO(data)) as image:
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            pixels = image.convert("RGBA").tobytes()    # WebP sets a frame's duration as it loads
            found.append((pixels, {key: image.info.get(key) for key in ("duration", "loop")}))
    return found


@functools.cache
def srgb_icc() -> bytes:
    """One sRGB ICC profile per run: lcms stamps each new one with the time of day."""
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
