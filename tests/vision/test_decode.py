"""How pictures are decoded for the detectors (formats/downscale.py `upright_rgb`): a JPEG decoded
at a reduced size (DCT scaling) and turned upright by its EXIF Orientation, and the pixel modes
other than 8-bit RGB (CMYK, 16-bit greyscale, palette with transparency), each still shows its face."""

from __future__ import annotations

import json

import numpy
import pytest

from tests.vision.conftest import face_crop, group
from tests.kit.tools import needs_vision

pytestmark = needs_vision


def _faces(data: bytes):
    from schoollint import vision

    picture = vision.read_picture(data, faces=True, text=False)
    assert picture.error is None
    return picture


def _jpeg(image, **options) -> bytes:
    import io

    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, **options)
    return buffer.getvalue()


def test_sideways_jpeg_decoded_at_half_size_finds_its_face_where_it_is_shown():
    from PIL import Image

    # 2400x3200 upright, stored 3200x2400 with Orientation 6 as a phone held sideways stores it:
    # decoded at 1/2 scale (1600x1200 covers the 1600 px cap), then turned.
    upright, (box,) = group([400], size=(2400, 3200))
    exif = Image.Exif()
    exif[0x0112] = 6
    sideways = _faces(_jpeg(upright.transpose(Image.Transpose.ROTATE_90), exif=exif))
    straight = _faces(_jpeg(upright))
    assert (sideways.width, sideways.height) == (2400, 3200)
    (face,) = sideways.faces
    centre = ((box[0] + box[2] / 2) / 2400, (box[1] + box[3] / 2) / 3200)
    assert face.x < centre[0] < face.x + face.w and face.y < centre[1] < face.y + face.h
    (same,) = straight.faces
    assert abs(face.x - same.x) < 0.01 and abs(face.y - same.y) < 0.01 and abs(face.h - same.h) < 0.01


def _modes():
    from PIL import Image

    crop = face_crop("astronaut", 300)[0]
    grey = numpy.asarray(crop.convert("L")).astype(numpy.uint16) * 257
    palette = crop.convert("RGBA").convert("P", palette=Image.Palette.ADAPTIVE, colors=255)
    palette.info["transparency"] = 0
    return {"cmyk.jpg": (crop.convert("CMYK"), {"quality": 92}),
            "grey16.png": (Image.fromarray(grey), {}),
            "grey16.tif": (Image.fromarray(grey), {}),
            "palette.png": (palette, {}),
            "grey.jpg": (crop.convert("L"), {"quality": 92})}


@pytest.mark.parametrize("name", sorted(_modes()))
def test_every_pixel_mode_still_shows_its_face(repo, cli, name):
    from PIL import Image

    image, options = _modes()[name]
    image.save(repo / name, **options)
    assert Image.open(repo / name).mode == image.mode     # written as the mode under test
    code, out, err = cli("check", "--no-cache", "--output-format", "json", "--select", "SL402,SL403", name)
    assert sorted(f["code"] for f in json.loads(out)["findings"]) == ["SL402", "SL403"], out + err


def test_sixteen_bit_grey_is_not_clipped_white():
    import io

    from PIL import Image

    from schoollint.formats.downscale import upright_rgb

    eight = face_crop("camera", 200)[0].convert("L")
    buffer = io.BytesIO()
    Image.fromarray(numpy.asarray(eight).astype(numpy.uint16) * 257).save(buffer, "PNG")
    picture, _size = upright_rgb(buffer.getvalue(), 1600)
    shown = numpy.asarray(picture.convert("L")).astype(int)
    assert numpy.abs(shown - numpy.asarray(eight).astype(int)).max() <= 1
