"""TIFF test files (TIFF 6.0), written by Pillow with piexif's IFD0 and GPS IFD."""

from __future__ import annotations

import io

import piexif
from PIL import Image

from tests.kit.images import encode, gradient
from tests.kit.metadata import gps_ifd


def tiff_file(size=(40, 30), artist: bytes = b"Jane Teacher", orientation: int = 6, mode: str = "RGB") -> bytes:
    """A real TIFF from Pillow with GPS, Artist, Make and Orientation in IFD0.

    The pixels are a JPEG-decoded gradient; mode "I;16B" gives a big-endian file.
    """
    image = Image.open(io.BytesIO(encode(gradient(size), "JPEG", quality=90))).convert("RGB" if mode == "RGB" else "L")
    if mode != "RGB":
        image = image.convert("I").point(lambda value: value * 200).convert(mode)
    zeroth = {piexif.ImageIFD.Artist: artist, piexif.ImageIFD.Make: b"Pupilcam",
              piexif.ImageIFD.Orientation: orientation}
    return encode(image, "TIFF", exif=piexif.dump({"0th": zeroth, "GPS": gps_ifd()}))
