"""Issue 12: every kind of place a location or a name hides is found, and --fix removes it
(verified by re-reading, and by ExifTool where it is installed). Each test builds a real file
(ffmpeg, Pillow, raw bytes) and runs schoollint through its command line.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from schoollint.cli import main
from tests.kit.tools import needs_exiftool, needs_ffmpeg


def run_json(capsys, *args: str) -> tuple[int, dict]:
    code = main(["check", "--no-cache", "--output-format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def codes_by_path(report: dict) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["path"], set()).add(finding["code"])
    return found


def fields_of(report: dict, code: str | None = None) -> set[str]:
    """Every field named by the findings (a finding lists its fields joined by commas)."""
    return {name for f in report["findings"] if code in (None, f["code"]) for name in f["field"].split(", ")}


def exiftool_tags(path) -> dict:
    result = subprocess.run(["exiftool", "-json", "-a", "-G1", "-ee", str(path)], capture_output=True, text=True)
    return json.loads(result.stdout)[0]


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True, timeout=60)


# --- 1. A fix that reports success and leaves the location ---------------------------------------

@needs_ffmpeg
def test_quicktime_keys_written_by_ffmpeg_are_found_and_removed(tmp_path, capsys, monkeypatch):
    video = tmp_path / "sports.mp4"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-t", "1", "-c:v", "mpeg4",
           "-metadata", "location=+51.5000-000.1200/", "-metadata", "title=Jane Smith at sports day",
           "-metadata", "artist=Jane Smith", "-movflags", "use_metadata_tags", str(video))
    monkeypatch.chdir(tmp_path)
    _, report = run_json(capsys)
    fields = fields_of(report)
    assert codes_by_path(report)["sports.mp4"] >= {"SL101", "SL102"}
    assert {"QuickTime location", "QuickTime text", "QuickTime person or device"} <= fields
    _, fixed = run_json(capsys, "--fix")
    assert fixed["findings"] == [] and [entry["path"] for entry in fixed["fixed"]] == ["sports.mp4"]


@needs_ffmpeg
@needs_exiftool
def test_exiftool_reads_no_keys_metadata_after_the_fix(tmp_path, capsys, monkeypatch):
    video = tmp_path / "clip.mov"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-t", "1", "-c:v", "mpeg4",
           "-metadata", "location=+51.5000-000.1200/", "-metadata", "artist=Jane Smith",
           "-movflags", "use_metadata_tags", str(video))
    monkeypatch.chdir(tmp_path)
    run_json(capsys, "--fix")
    left = exiftool_tags(video)
    assert not [key for key in left if key.startswith("Keys:") or "GPS" in key or "Location" in key]
