"""A folder someone made read-only (mode 555) gets its report and no `.schoollint_cache/`, even when
the run has root's rights, whom permissions do not stop (trial 9 item 12: a run as root wrote one
into the read-only corpus it checked)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image


def _check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "schoollint", "check", "--no-vision", "--no-progress", "."],
                          cwd=folder, capture_output=True, text=True, timeout=120)


def _photo(path: Path) -> None:
    Image.new("RGB", (32, 24), (200, 120, 40)).save(path, "JPEG")


def test_a_read_only_folder_is_checked_and_left_without_a_cache(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    _photo(folder / "trip.jpg")
    os.chmod(folder, 0o555)
    try:
        result = _check(folder)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "1 file" in result.stdout + result.stderr
        assert not (folder / ".schoollint_cache").exists()
    finally:
        os.chmod(folder, 0o755)


def test_a_writable_folder_keeps_its_cache(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    _photo(folder / "trip.jpg")
    assert _check(folder).returncode == 0
    assert (folder / ".schoollint_cache").is_dir()
