"""Text in a picture: PaddleOCR's PP-OCRv6 models run by `rapidocr` 3 on `onnxruntime`.

rapidocr (Apache-2.0) ships its detection, direction and recognition models inside its wheel;
the default configuration used here loads those files and downloads nothing (the tests run with
no network). It does not declare onnxruntime as a dependency; the extra does.
Measured (shared/research/libraries.md section 4): 11/11 names on rendered certificates,
badges and banners at about 1.1 s a picture capped at 960 px.
Text is found (the detection model, most of the time) in a copy at most 640 px, and read (the
recognition model) from the picture itself: rapidocr's default instead scales the picture up
until its shorter edge is 736 px. Measured on one core: 0.31 CPU s a picture against 0.79, and
the same names read, down to 12-point text on a 1600 px photo (about 7 px tall at 960).
"""

from __future__ import annotations

import os

from .model import Box, TextLine

MIN_SCORE = 0.5           # rapidocr's own default for keeping a line
FIND_EDGE = 640           # longer edge of the copy text is found in, pixels
_engine = None            # one per process: loading the models takes about a second


def read_text(image, one_thread: bool = False) -> list[TextLine]:
    """Lines of text in an upright RGB Pillow image, in reading order, boxes as fractions.
    `one_thread`: onnxruntime uses one thread (in a pool worker) instead of every core."""
    import numpy

    output = _ocr(one_thread)(numpy.asarray(image))
    if output.boxes is None or output.txts is None:
        return []
    lines = []
    for quad, text, score in zip(output.boxes, output.txts, output.scores, strict=True):
        if score < MIN_SCORE or not text.strip():
            continue
        xs, ys = [float(point[0]) for point in quad], [float(point[1]) for point in quad]   # a turned box
        box = Box.from_pixels(min(xs), min(ys), max(xs), max(ys), image.size, float(score))
        lines.append(TextLine(box, text.strip()))
    return lines


def _ocr(one_thread: bool):
    global _engine
    if _engine is None:
        # onnxruntime otherwise writes a device id and a usage database under ~/.cache/Microsoft
        # when it loads (1.32 on Linux; it opens no socket): a privacy tool leaves no such trace.
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        from rapidocr import RapidOCR

        threads = 1 if one_thread else -1   # -1: onnxruntime's default, every core
        _engine = RapidOCR(params={
            "Global.log_level": "error",
            "Global.max_side_len": 2000,
            "Det.limit_type": "max",
            "Det.limit_side_len": FIND_EDGE,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": threads,
        })
    return _engine
