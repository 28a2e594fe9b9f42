"""SL403 face-too-detailed: a face shown with more pixels than a web page needs.

Reads the faces vision found (schoollint.vision.faces), sized in pixels of the full upright
picture. Fix, chosen by the `fix` option: `downscale` (safe; the downscale fix of SL201, so that
the tallest face is at most `max-face` pixels) or `blur` (unsafe; every face covered, see
schoollint/vision/blur.py).
"""

from __future__ import annotations

import math

from ..finding import Finding
from ..fix.model import Applicability, Fix

CODES = ("SL403",)
READS = "media"
# Aim a little under the limit: the detector's box for the same face varies by a few percent
# between sizes, and the fix is re-checked with the same detector.
HEADROOM = 0.9


def check(subject, ctx):
    picture = subject.picture
    if picture is None or not picture.faces:
        return
    options = ctx.options("SL403")
    limit = options["max-face"]
    tallest = max(picture.faces, key=lambda face: face.h)
    pixels = round(tallest.h * picture.height)
    if pixels <= limit:
        return
    over = sum(1 for face in picture.faces if face.h * picture.height > limit)
    faces = "a face" if over == 1 else f"{over} faces"
    yield Finding("SL403", subject.path,
                  f"{faces} up to {pixels} px tall (limit {limit} px), the tallest {tallest.described()}",
                  field="faces in the picture", fix=_fix(picture, pixels, limit, options["fix"]))


def _fix(picture, pixels: int, limit: int, kind: str) -> Fix:
    if kind == "blur":
        boxes = tuple((face.x, face.y, face.w, face.h) for face in picture.faces)
        return Fix("blur-faces", boxes, Applicability.UNSAFE, summary=f"cover the {len(boxes)} face(s) in the picture")
    edge = max(1, math.floor(max(picture.width, picture.height) * limit * HEADROOM / pixels))
    return Fix("downscale", (edge,), Applicability.SAFE,
               summary=f"downscale to at most {edge} px so that faces are at most {limit} px tall")
