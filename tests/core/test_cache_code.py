"""The result cache follows the code (cache.shape_stamp): results kept by one version of schoollint's
files are not given by another of the same __version__ (an editable install, a reinstalled moving tag).
Run as a user runs it, from a copy of the package whose reader module is then edited."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import schoollint
from tests.kit.sites import photo_with_gps

PACKAGE = Path(schoollint.__file__).parent
RULES = Path(__import__("schoollint.rules").rules.__file__).parent


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the installed package (the rule catalogue inside it, as a wheel lays it out)."""
    copy = tmp_path / "install"
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(PACKAGE, copy / "schoollint", ignore=skip)
    shutil.copytree(RULES, copy / "schoollint" / "rules", ignore=skip)
    return copy


def check(package: Path, site: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "schoollint", "check", "--no-progress", "--no-vision",
                           "--select", "SL101", "--output-format", "json"], cwd=site, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(package)}, timeout=120)
    assert "Traceback" not in done.stderr
    return [finding["message"] for finding in json.loads(done.stdout)["findings"]]


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` (same length: the file's size stays) and move its mtime on a second."""
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old) == len(new)
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert path.stat().st_size == info.st_size


def test_an_edited_reader_module_is_not_answered_from_the_cache(package, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    photo_with_gps(site / "trip.jpg")
    first = check(package, site)
    assert len(first) == 1 and "stores where it was taken" in first[0]
    assert check(package, site) == first                        # warm: from the cache
    edit(package / "schoollint/checks/location_metadata.py", "stores where", "STORES WHERE")
    assert "STORES WHERE it was taken" in check(package, site)[0]


def test_an_edited_rule_file_or_data_file_drops_the_kept_results(package, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    photo_with_gps(site / "trip.jpg")
    check(package, site)
    stamps = [json.loads((site / ".schoollint_cache/results.json").read_bytes().partition(b"\n")[2])["code"]]
    names = sorted((package / "schoollint/names/data").glob("*"))
    for changed in (package / "schoollint/rules/SL101.yaml", names[0]):
        os.utime(changed, ns=(0, changed.stat().st_mtime_ns + 1_000_000_000))     # touched
        check(package, site)
        stamps.append(json.loads((site / ".schoollint_cache/results.json").read_bytes().partition(b"\n")[2])["code"])
    assert len(set(stamps)) == 3
