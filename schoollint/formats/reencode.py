"""Decoding and re-encoding with Pillow, shared by the downscale and HEIC fixes.

Unlike stripping, these fixes decode and encode pixels. What they share: an
image is opened by Pillow from bytes (pillow-heif registered for ISO BMFF
files), and whatever Pillow raises on broken input becomes a MediaError; the
EXIF Orientation (CIPA DC-008, tag 0x0112) is applied to the pixels; the ICC
profile is kept; nothing else of the source's metadata is written (no EXIF,
XMP, IPTC, comment or text); and the result is read back with schoollint's
own reader, which must find the expected size and no metadata.
Pillow (and pillow-heif) is imported only when a fix runs.
"""

from __future__ import annotations

import io
import struct
import warnings
import zlib
from contextlib import contextmanager
from dataclasses import dataclass

from .model import MediaError
from .registry import read_media

CONVERTED_QUALITY = 90        # JPEG written from a HEIC, and lossy formats we cannot estimate
ORIENTATION_TAG = 0x0112

# What Pillow raises on broken input; each becomes a MediaError naming the file's format.
DECODING_FAILURES = (OSError, ValueError, SyntaxError, EOFError, IndexError, KeyError,
                     struct.error, zlib.error, MemoryError)


@dataclass
class Frames:
    images: list
    durations: list[int]


def orientation_of(image) -> int:
    """The EXIF orientation still to apply once pixels are loaded (Pillow turns TIFFs upright itself)."""
    return image.getexif().get(ORIENTATION_TAG, 1)


# Orientation (EXIF 1-8) -> the transpose that shows the stored pixels upright.
_UPRIGHT = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE",
            6: "ROTATE_270", 7: "TRANSVERSE", 8: "ROTATE_90"}


def upright(image, orientation: int):
    from PIL import Image

    method = _UPRIGHT.get(orientation)
    return image if method is None else image.transpose(getattr(Image.Transpose, method))


def flattened(image):
    """Modes a JPEG (or a detector wanting RGB) can hold: transparency goes onto white, like a browser
    on a white page."""
    from PIL import Image

    if image.mode in ("L", "RGB", "CMYK"):
        return image.copy()
    rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("RGB")


def encoded(frames: Frames, save_as: str, options: dict) -> bytes:
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


def checked(output: bytes, extension: str, size: tuple[int, int]) -> bytes:
    """Read the result back with schoollint's own reader: right size, no metadata left."""
    facts = read_media(output, extension)
    width, height = size
    if (facts.width, facts.height) != size:
        raise MediaError(f"{facts.format}: the re-encoded image came out {facts.width}x{facts.height}, "
                         f"not {width}x{height}; left untouched")
    if facts.items:
        raise MediaError(f"{facts.format}: the re-encoded image still holds {facts.items[0].field}; left untouched")
    return output


def icc(image) -> dict:
    profile = image.info.get("icc_profile")
    return {"icc_profile": profile} if profile else {}


@contextmanager
def opened(data: bytes):
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
        except DECODING_FAILURES as exc:
            raise MediaError(f"cannot open the image ({exc})") from None
        with image:
            yield image


def _register_heif() -> None:
    try:
        import pillow_heif
    except ModuleNotFoundError:
        raise MediaError("HEIC: reading it needs the pillow-heif package (pip install pillow-heif)") from None
    pillow_heif.register_heif_opener()
