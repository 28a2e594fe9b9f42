"""SL403's unsafe fix: hide every detected face, keeping the rest of the picture as it was.

Each face box, grown by a margin to take in hair, ears and chin, becomes one flat oval of the
region's average colour with a feathered edge: pixelation down to a single block. A Gaussian
blur or a coarser mosaic keeps the face's shading (measured on skimage's astronaut: a 4x4 mosaic
still correlates 0.48 with the original after sharpening), which a sharpening filter or a
model can work back from; one block keeps nothing (correlation 0). The picture is written back
by `formats.downscale.edit_pixels`, as the downscale fix writes it (format, ICC profile,
orientation kept, metadata gone). Pillow only: the fix needs no part of the vision extra.
"""

from __future__ import annotations

import os

from ..fix.model import Write

MARGIN = 0.35             # grown by this share of the box on each side: the oval then holds the box
FEATHER = 0.05            # edge softness (Gaussian radius), as a share of the grown box's height


def apply_blur(context, path: str, data: bytes, fixes) -> list[Write]:
    """Applier for the "blur-faces" action; each fix's args are the boxes (x, y, w, h fractions)."""
    from ..formats.downscale import edit_pixels

    boxes = [box for fix in fixes for box in fix.args]
    return [Write(path, edit_pixels(data, os.path.splitext(path)[1].lower(), lambda image: hidden(image, boxes)))]


def hidden(image, boxes):
    """A copy of the Pillow image with each box (fractions of its size) covered as described above."""
    result = image.copy()
    width, height = image.size
    for x, y, w, h in boxes:
        left, right = (x - MARGIN * w) * width, (x + w + MARGIN * w) * width
        top, bottom = (y - MARGIN * h) * height, (y + h + MARGIN * h) * height
        if right - left >= 1 and bottom - top >= 1:
            _cover(image, result, (left, top, right, bottom))
    return result


def _cover(source, result, oval: tuple[float, float, float, float]) -> None:
    """Paste a flat oval of the average colour under `oval` (pixels) into `result`. The oval is drawn
    two radii larger and then feathered, so that the feathering only ever softens its outside."""
    from PIL import Image, ImageDraw, ImageFilter, ImageStat

    left, top, right, bottom = oval
    radius = max(1.0, FEATHER * (bottom - top))
    pad = 4 * radius
    area = (max(0, int(left - pad)), max(0, int(top - pad)),
            min(source.width, int(right + pad) + 1), min(source.height, int(bottom + pad) + 1))
    inside = (max(0, int(left)), max(0, int(top)),
              min(source.width, int(right) + 1), min(source.height, int(bottom) + 1))
    average = tuple(round(value) for value in ImageStat.Stat(source.crop(inside)).mean)
    mask = Image.new("L", (area[2] - area[0], area[3] - area[1]), 0)
    ImageDraw.Draw(mask).ellipse((left - area[0] - 2 * radius, top - area[1] - 2 * radius,
                                  right - area[0] + 2 * radius, bottom - area[1] + 2 * radius), fill=255)
    fill = Image.new(source.mode, mask.size, average if len(average) > 1 else average[0])
    result.paste(fill, area[:2], mask.filter(ImageFilter.GaussianBlur(radius)))
