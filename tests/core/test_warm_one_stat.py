"""A warm run that replays the report of the run before (warm_replay.py) looks at each listed file once:
the listing's lstat (discover.py) is the replay key's stat too, not a second stat of every file (issue 18)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from PIL import Image

pytestmark = pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")


def test_a_replayed_run_stats_each_photo_once(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for number in range(3):
        Image.new("RGB", (16, 12), (number * 60, 90, 30)).save(site / f"photo-{number}.jpg", exif=b"")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "schoollint", "check", "--no-progress", "--no-vision"]
    first = subprocess.run(command, cwd=site, env=environment, capture_output=True, text=True)
    subprocess.run(command, cwd=site, env=environment, capture_output=True, text=True)   # records the replay
    log = tmp_path / "stat.log"
    replayed = subprocess.run(["strace", "-f", "-qq", "-o", str(log), "-e", "trace=stat,lstat,newfstatat,statx",
                               *command], cwd=site, env=environment, capture_output=True, text=True)
    assert (replayed.stdout, replayed.returncode) == (first.stdout, first.returncode)
    calls = log.read_text().splitlines()
    for number in range(3):
        looked = [call for call in calls if f'/photo-{number}.jpg"' in call]
        assert len(looked) == 1, looked
