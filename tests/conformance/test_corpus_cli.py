"""schoollint end to end on real phone and camera media, with ExifTool's view as the oracle.

Runs when ../shared/corpus is beside the checkout (skipped otherwise). The corpus
is copied to a temporary folder; nothing is written next to the originals.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.kit.corpus import CORPUS, has_gps_position, manifest, needs_corpus
from tests.kit.tools import needs_exiftool

pytestmark = needs_corpus

METADATA_RULES = "SL101,SL102,SL103,SL104,SL105,SL107"
# What ExifTool must no longer find after --fix: positions, and text that can name or describe someone.
LEAKS = ("GPSLatitude", "GPSLongitude", "GPSPosition", "GPSCoordinates", "ImageDescription", "UserComment",
         "XPComment", "XPAuthor", "XPTitle", "Caption-Abstract", "Artist", "OwnerName", "SerialNumber",
         "PersonInImage", "RegionName")


def schoollint(folder: Path, *args: str) -> tuple[int, dict]:
    result = subprocess.run([sys.executable, "-m", "schoollint", "check", "--no-cache", "--output-format", "json",
                             "--select", METADATA_RULES, *args], cwd=folder, capture_output=True, text=True,
                            timeout=300)
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


@pytest.fixture(scope="module")
def corpus_copy(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for relpath in manifest():
        target = folder / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / relpath, target)     # writable: the corpus itself is read-only
    return folder


@pytest.fixture(scope="module")
def before(corpus_copy) -> dict:
    code, report = schoollint(corpus_copy)
    assert code == 1 and report["errors"] == []       # findings, and no file crashed the run
    return report


@pytest.fixture(scope="module")
def fixed(corpus_copy, before) -> tuple[Path, dict, dict]:
    original = tmp_copy(corpus_copy)
    code, report = schoollint(corpus_copy, "--fix")
    assert report["errors"] == []
    return original, report


def tmp_copy(folder: Path) -> Path:
    keep = folder.parent / (folder.name + "-original")
    shutil.copytree(folder, keep)
    return keep


def test_every_file_with_a_gps_position_gets_sl101(before):
    flagged = {f["path"] for f in before["findings"] if f["code"] == "SL101"}
    expected = {path for path, entry in manifest().items() if has_gps_position(entry)}
    assert expected and expected <= flagged


def test_every_file_naming_people_gets_sl104(before):
    named = {path for path, entry in manifest().items()
             if any(key.split(":")[-1] in ("PersonInImage", "RegionName", "RegionPersonDisplayName") for key in entry)}
    flagged = {f["path"] for f in before["findings"] if f["code"] == "SL104"}
    assert named <= flagged


def test_fix_leaves_no_metadata_finding_or_says_why(corpus_copy, fixed):
    original, report = fixed
    not_fixed = {entry["path"]: entry["error"] for entry in report["not_fixed"]}
    left = {(f["path"], f["code"]) for f in report["findings"] if f["code"] not in ("SL105", "SL107")}
    assert {path for path, _ in left} <= set(not_fixed), left
    for path in not_fixed:   # a file that could not be fixed is byte-identical
        assert (corpus_copy / path).read_bytes() == (original / path).read_bytes()


def test_fixed_photos_keep_their_pixels_and_orientation(corpus_copy, fixed):
    from PIL import Image
    from pillow_heif import register_heif_opener

    from schoollint.formats.model import MediaError
    from schoollint.formats.registry import read_media

    register_heif_opener()
    original, report = fixed
    compared = 0
    for entry in report["fixed"]:
        path = entry["path"]
        before_bytes, after_bytes = (original / path).read_bytes(), (corpus_copy / path).read_bytes()
        suffix = Path(path).suffix.lower()
        try:
            assert read_media(after_bytes, suffix).orientation == read_media(before_bytes, suffix).orientation
        except MediaError:
            pytest.fail(f"{path}: unreadable after --fix")
        try:
            with Image.open(original / path) as old, Image.open(corpus_copy / path) as new:
                assert (old.mode, old.size, old.tobytes()) == (new.mode, new.size, new.tobytes()), path
                compared += 1
        except (OSError, ValueError):
            continue  # a video, or a format Pillow cannot decode: bytes-level tests cover it
    assert compared >= 20


@needs_exiftool
def test_exiftool_finds_no_position_or_free_text_after_fix(corpus_copy, fixed):
    _original, report = fixed
    paths = [str(corpus_copy / entry["path"]) for entry in report["fixed"]]
    result = subprocess.run(["exiftool", "-json", "-G1", "-n", "-ee", *paths], capture_output=True, text=True)
    leaks = {}
    for entry in json.loads(result.stdout):
        found = sorted(key for key, value in entry.items()
                       if key.split(":")[-1] in LEAKS and str(value).strip() not in ("", "0"))
        if found:
            leaks[entry["SourceFile"]] = found
    assert leaks == {}


def test_a_second_fix_changes_no_byte(corpus_copy, fixed):
    snapshot = {path: path.read_bytes() for path in corpus_copy.rglob("*") if path.is_file()}
    code, report = schoollint(corpus_copy, "--fix")
    assert report["fixed"] == []
    assert all(path.read_bytes() == data for path, data in snapshot.items())


# Issue 12: what ExifTool must not find in any file after --fix unless schoollint still reports
# that file: positions (any group, embedded tracks included), people's names, and free text
# that identifies someone.
POSITION_TAGS = ("GPSLatitude", "GPSLongitude", "GPSPosition", "GPSCoordinates", "Location", "LocationInformation",
                 "GPSDestLatitude", "GPSDestLongitude", "GPSAreaInformation", "City", "Sub-location", "Country",
                 "Province-State", "LocationCreated", "LocationShown", "GpsLatitude", "GpsLongtitude")
NAME_TAGS = ("PersonInImage", "RegionName", "RegionPersonDisplayName", "Artist", "Author", "Creator", "By-line",
             "OwnerName", "CameraOwnerName", "XPAuthor", "CaptionWriter", "Writer-Editor", "Copyright",
             "CopyrightNotice", "Rights")
FREE_TEXT_TAGS = ("ImageDescription", "UserComment", "XPComment", "XPTitle", "XPSubject", "XPKeywords",
                  "Caption-Abstract", "Description", "Title", "Comment", "Keywords", "Subject", "Headline",
                  "SerialNumber", "InternalSerialNumber", "LensSerialNumber", "OriginalTransmissionReference",
                  "DocumentNotes", "Contact")


def _leaks(entry: dict) -> list[str]:
    found = []
    for key, value in entry.items():
        group, _, tag = key.rpartition(":")
        if group in ("System", "File", "Composite", "ExifTool") or not str(value).strip(" 0.,"):
            continue
        if tag in POSITION_TAGS + NAME_TAGS + FREE_TEXT_TAGS:
            found.append(key)
    return sorted(found)


@needs_exiftool
def test_exiftool_reads_nothing_in_any_file_after_fix_that_schoollint_does_not_report(corpus_copy, fixed):
    _original, _report = fixed
    _code, after = schoollint(corpus_copy)
    still_reported = {f["path"] for f in after["findings"]}
    paths = sorted(str(corpus_copy / path) for path in manifest())
    result = subprocess.run(["exiftool", "-json", "-G1", "-n", "-ee", "-a", *paths], capture_output=True, text=True,
                            timeout=600)
    unreported = {}
    for entry in json.loads(result.stdout):
        relpath = str(Path(entry["SourceFile"]).relative_to(corpus_copy))
        leaks = _leaks(entry)
        if leaks and relpath not in still_reported:
            unreported[relpath] = leaks
    assert unreported == KNOWN_GAPS, "a gap closed? remove it from KNOWN_GAPS" if len(unreported) < len(
        KNOWN_GAPS) else unreported


# Leaks ExifTool still finds and schoollint does not report, each with why: the test fails when
# one closes (so it is removed here) or a new one appears.
KNOWN_GAPS = {
    # A page's <meta name="author|description|keywords"> and Dublin Core <meta>: the page readers
    # check names beside photos, not the page's own metadata (not a media format; not yet read).
    "exiftool/HTML.html": ["HTML-dc:Creator", "HTML-dc:Subject", "HTML-dc:Title", "HTML-office:Author",
                           "HTML-office:Description", "HTML-office:Keywords", "HTML-office:Subject", "HTML:Title"],
}
