"""Trial 9 item 7, a volunteer's `schoollint check --fix` on read-only photos: the path was said twice
("x.jpg: not fixed: x.jpg: read-only"), and the same run then advised "run `schoollint check --fix`"
under each finding it had just tried to fix, and counted them "fixable with --fix". Now the path is said
once, the why once (the "not fixed" line), and the findings the run tried are said to be so."""

from __future__ import annotations

import re

from tests.audit.sites import gps_jpeg, write


def test_a_read_only_photo_after_fix(repo, cli):
    photo = write(repo, "images/trip.jpg", gps_jpeg())
    write(repo, "images/ok.jpg", gps_jpeg(colour="navy"))
    photo.chmod(0o444)
    code, out, err = cli("check", "--fix", "--no-progress", "--no-vision")
    assert code == 1, err
    (line,) = [line for line in out.splitlines() if "not fixed" in line and line.startswith("images/trip.jpg")]
    assert line.count("images/trip.jpg") == 1 and line.startswith("images/trip.jpg: not fixed: read-only")
    block = out.split("\nimages/trip.jpg\n", 1)[1].split("\n\n", 1)[0]
    assert "run `schoollint check --fix`" not in block
    assert block.count("tried by this run and not made") == 2          # SL101 and SL102
    summary = out.strip().splitlines()[-1]
    assert re.search(r"\b2 not fixed by this run\b", summary) and "none fixable with --fix" in summary
    assert "images/ok.jpg: fixed" in out


def test_a_check_without_fix_still_offers_the_fix(repo, cli):
    write(repo, "images/trip.jpg", gps_jpeg()).chmod(0o444)
    code, out, err = cli("check", "--no-progress", "--no-vision")
    assert "run `schoollint check --fix`" in out and "2 fixable with --fix" in out
    assert "tried by this run" not in out
