"""The resources outside the repository that some tests need (tools, library features, the
sample corpus), each with one skip reason that says what is missing and how to get it.

A test asks for one with its mark (`@needs_exiftool`, or `tests.kit.corpus.needs_corpus`): the
`needs` marker, which tests/conftest.py turns into `Resource.require()` before the test runs.
Every skip is raised from that one place, so `pytest -ra` reports each missing resource on one
line with one reason, however many tests it held back.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


class Resource:
    """Something a test needs: `available()` says whether it is here (asked once, on first use)."""

    def __init__(self, available: Callable[[], bool], reason: str):
        self._available = available
        self._present: bool | None = None
        self.reason = reason
        self.mark = pytest.mark.needs(self)

    def present(self) -> bool:
        if self._present is None:
            self._present = bool(self._available())
        return self._present

    def require(self) -> None:
        """Skip the calling test (or fixture) with this resource's reason when it is absent."""
        if not self.present():
            pytest.skip(self.reason)


def _pre_commit_runs() -> bool:
    return shutil.which("git") is not None and subprocess.run(PRE_COMMIT + ["--version"],
                                                              capture_output=True).returncode == 0


def _pillow_has_avif() -> bool:
    from PIL import features

    return bool(features.check("avif"))


needs_exiftool = Resource(
    lambda: shutil.which("exiftool") is not None,
    "ExifTool not installed (apt-get install libimage-exiftool-perl, or exiftool.org): "
    "it is the oracle these tests compare with, and .ci/run installs it").mark

needs_pre_commit = Resource(
    _pre_commit_runs,
    "pre-commit or git not available: pre-commit is a test dependency (pip install -e '.[test]'), "
    "git comes from the system's packages").mark

needs_avif = Resource(
    _pillow_has_avif,
    "this Pillow was built without AVIF support: install a Pillow wheel from PyPI "
    "(pip install --force-reinstall pillow), whose builds include libavif").mark

needs_proc = Resource(
    Path("/proc/self/status").exists,
    "no /proc/self/status to read peak memory from: this measurement runs on Linux (the project's CI)").mark

needs_ffmpeg = Resource(
    lambda: shutil.which("ffmpeg") is not None and shutil.which("ffprobe") is not None,
    "ffmpeg not installed (apt-get install ffmpeg): the video tests build real MP4, Matroska and AVI "
    "files with it, and .ci/run installs it").mark

needs_cjxl = Resource(
    lambda: shutil.which("cjxl") is not None,
    "cjxl not installed (apt-get install libjxl-tools): the JPEG XL tests build real .jxl files with it").mark

needs_poppler = Resource(
    lambda: shutil.which("pdftoppm") is not None,
    "poppler-utils not installed (apt-get install poppler-utils): the PDF tests render every page with "
    "pdftoppm before and after a fix and compare the pixels, and .ci/run installs it").mark

needs_libreoffice = Resource(
    lambda: shutil.which("soffice") is not None or shutil.which("libreoffice") is not None,
    "LibreOffice not installed (apt-get install libreoffice-writer-nogui): one test converts a fixed "
    "Word letter with it, as a second opinion to python-docx opening it").mark

def _vision_installed() -> bool:
    import importlib.util

    from schoollint import vision

    return all(vision.installed().values()) and importlib.util.find_spec("skimage") is not None \
        and Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").is_file()


needs_vision = Resource(
    _vision_installed,
    "the vision extra, scikit-image or the DejaVu fonts are missing: pip install -e '.[vision,test-vision]' "
    "and apt-get install fonts-dejavu-core (scikit-image's sample photographs are the faces; .ci/run installs "
    "them)").mark
