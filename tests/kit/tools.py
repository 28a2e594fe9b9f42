"""The tools and library features outside Python's standard library that some tests need.

One skip mark per resource, each with one reason that says what is missing and how to get it,
so a skipped test tells a newcomer what to install rather than only that something was absent.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _pre_commit_runs() -> bool:
    return shutil.which("git") is not None and subprocess.run(PRE_COMMIT + ["--version"],
                                                              capture_output=True).returncode == 0


def _pillow_has_avif() -> bool:
    from PIL import features

    return bool(features.check("avif"))


needs_exiftool = pytest.mark.skipif(
    shutil.which("exiftool") is None,
    reason="ExifTool not installed (apt-get install libimage-exiftool-perl, or exiftool.org): "
           "it is the oracle these tests compare with, and .ci/run installs it")

needs_pre_commit = pytest.mark.skipif(
    not _pre_commit_runs(),
    reason="pre-commit or git not available: pre-commit is a test dependency (pip install -e '.[test]'), "
           "git comes from the system's packages")

needs_avif = pytest.mark.skipif(
    not _pillow_has_avif(),
    reason="this Pillow was built without AVIF support: install a Pillow wheel from PyPI "
           "(pip install --force-reinstall pillow), whose builds include libavif")

needs_proc = pytest.mark.skipif(
    not Path("/proc/self/status").exists(),
    reason="no /proc/self/status to read peak memory from: this measurement runs on Linux (the project's CI)")
