"""Issue 18: a narrow strip (`--select SL101 --fix`) says what else went (strip_extent.py, trial 9 item 5)
from the original's facts read before the strip, while jpeg.py still keeps the analysis's walk of the
same bytes: the original's image data is scanned once, not again after the strip. The fixed file's
scans were never scanned again (jpeg.read_copy takes their ends from the source's walk).

Real JPEGs, the real command line in process; jpeg_walk.scan_end is wrapped to count its calls, and
still does the scanning.
"""

from __future__ import annotations

import pytest

from schoollint.formats import jpeg_walk
from tests.audit.sites import gps_jpeg, write


@pytest.fixture
def scans(monkeypatch) -> list[int]:
    """The start of every scan jpeg_walk.scan_end scans, as the run goes."""
    started: list[int] = []
    scan_end = jpeg_walk.scan_end

    def counted(data, start: int, limit: int) -> int:
        started.append(start)
        return scan_end(data, start, limit)

    monkeypatch.setattr(jpeg_walk, "scan_end", counted)
    return started


@pytest.mark.parametrize("photos", [1, 3])
def test_a_narrow_fix_scans_each_original_once_and_still_says_what_else_went(repo, cli, scans, photos):
    for number in range(photos):
        write(repo, f"trip{number}.jpg", gps_jpeg())
    code, out, err = cli("check", "--select", "SL101", "--fix", "--no-progress", "--no-vision", "--no-cache",
                         "--jobs", "1")
    fixed = [line for line in out.splitlines() if ": fixed: " in line]
    assert len(fixed) == photos
    assert all(line.split(": fixed: ")[1].startswith("remove location metadata; also removed, held in the same "
                                                      "block as what was asked") for line in fixed)
    assert "camera serial number (EXIF BodySerialNumber)" in fixed[0]
    assert len(scans) == photos      # one scan a photo (a baseline JPEG has one), made by the analysis


def test_a_default_fix_reads_no_original_again_either(repo, cli, scans):
    write(repo, "trip.jpg", gps_jpeg())
    code, out, err = cli("check", "--fix", "--no-progress", "--no-vision", "--no-cache", "--jobs", "1")
    assert "trip.jpg: fixed: remove location metadata; remove identifying metadata\n" in out
    assert len(scans) == 1
