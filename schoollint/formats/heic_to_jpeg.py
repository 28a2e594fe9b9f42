"""The HEIC fix (SL106): a JPEG copy of a HEIC/HEIF photo, for browsers that cannot show one.

The JPEG (JFIF, quality 90) holds the primary image of the HEIF file
(ISO/IEC 23008-12), turned upright, with its ICC profile and no metadata;
transparency goes onto white. It is written beside the original under the
same name with .jpg, never over an existing file. Decoding needs pillow-heif.
Errors are MediaError, and nothing is written.
"""

from __future__ import annotations

import os

from ..fix.model import Write
from .model import MediaError
from .reencode import (CONVERTED_QUALITY, DECODING_FAILURES, Frames, checked, encoded, icc, opened, orientation_of,
                       upright)


def apply_convert(context, path: str, data: bytes, fixes) -> list[Write]:
    target = os.path.splitext(path)[0] + ".jpg"
    if os.path.lexists(os.path.join(context.root, target)):
        raise MediaError(f"{target} already exists; not replacing it with a JPEG copy of {path}")
    return [Write(target, convert_to_jpeg(data))]


def convert_to_jpeg(data: bytes) -> bytes:
    """A JPEG of the HEIC's primary image: upright, ICC kept, no metadata, quality 90."""
    with opened(data) as image:
        try:
            picture = upright(_flattened(image), orientation_of(image))
            options = {"quality": CONVERTED_QUALITY, "optimize": True, **icc(image)}
            output = encoded(Frames([picture], []), "JPEG", options)
        except DECODING_FAILURES as exc:
            raise MediaError(f"{image.format}: cannot decode the image to convert it ({exc})") from None
    return checked(output, ".jpg", picture.size)


def _flattened(image):
    """Modes a JPEG can hold: transparency goes onto white, like a browser on a white page."""
    from PIL import Image

    if image.mode in ("L", "RGB", "CMYK"):
        return image.copy()
    rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("RGB")
