"""What `check --fix` says about files it did not fix (session 9's leftovers): a refusal's advice that
several files share is said once, not on every file's line (three read-only photos printed "make it
writable, or use --force ..." three times); and a ZIP or EPUB whose photos carry metadata, which --fix
leaves (schoollint does not rebuild archives), is listed with the files not fixed and why, in --fix's
report and as --diff's "cannot fix" line, instead of only under its findings, whose fix line no longer
says to run the --fix that leaves it. Through the command line, real files in a real Git repository.
"""

from __future__ import annotations

import json
import os
import stat

import pytest

from schoollint.may_replace import READ_ONLY_HINT
from tests.formats.test_trial9_archives import _CONTAINER, _OPF, _zip
from tests.kit.jpeg import phone_jpeg
from tests.kit.sites import photo_with_gps

ARCHIVES = {
    "photos.zip": {"sports-day/IMG_0001.jpg": phone_jpeg()},
    "yearbook.epub": {"mimetype": b"application/epub+zip", "META-INF/container.xml": _CONTAINER,
                      "OEBPS/content.opf": _OPF, "OEBPS/images/leavers.jpg": phone_jpeg()},
}


@pytest.fixture
def read_only(repo):
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        path = photo_with_gps(repo / name)
        os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return repo


def test_shared_advice_is_said_once_in_text(read_only, cli):
    code, out, _ = cli("check", "--no-vision", "--fix")
    assert code == 1
    assert out.count(READ_ONLY_HINT) == 1
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        assert f"{name}: not fixed: read-only, so not changed\n" in out
    assert f"\n3 files read-only, so not changed: {READ_ONLY_HINT}\n" in out


def test_shared_advice_is_said_once_in_the_job_summary(read_only, cli):
    from schoollint.report.summary import cell

    summary = cli("check", "--no-vision", "--fix", "--output-format", "summary")[1]
    assert summary.count(cell(READ_ONLY_HINT)) == 1
    assert f"- a{cell('.')}jpg: read-only, so not changed\n" in summary


def test_one_refusal_keeps_its_advice(repo, cli):
    path = photo_with_gps(repo / "a.jpg")
    os.chmod(path, stat.S_IRUSR)
    out = cli("check", "--no-vision", "--fix")[1]
    assert f"a.jpg: not fixed: read-only, so not changed ({READ_ONLY_HINT})\n" in out


@pytest.mark.parametrize("name", sorted(ARCHIVES))
def test_an_archive_fix_leaves_is_listed_as_not_fixed(repo, cli, name):
    data = _zip(ARCHIVES[name])
    (repo / name).write_bytes(data)
    photo_with_gps(repo / "fixed.jpg")
    code, out, _ = cli("check", "--no-vision", "--fix")
    assert code == 1
    assert "fixed.jpg: fixed: " in out
    assert f"{name}: not fixed: schoollint does not rebuild archives" in out
    assert "Run `schoollint check --fix`" not in out and "fix: by hand, as the finding says (--fix leaves it)" in out
    assert (repo / name).read_bytes() == data
    report = json.loads(cli("check", "--no-vision", "--fix", "--output-format", "json")[1])
    assert [entry["path"] for entry in report["not_fixed"]] == [name]
    code, out, err = cli("check", "--no-vision", "--diff")
    assert f"{name}: cannot fix: schoollint does not rebuild archives" in out
    assert "0 files would be fixed (1 could not be)" in err


def test_a_check_without_fix_lists_nothing_as_not_fixed(repo, cli):
    (repo / "photos.zip").write_bytes(_zip(ARCHIVES["photos.zip"]))
    report = json.loads(cli("check", "--no-vision", "--output-format", "json")[1])
    assert report["not_fixed"] == [] and report["findings"]


def test_diff_says_what_fix_would_refuse(read_only, cli):
    """--diff showed the three read-only photos' changes and '3 files would be fixed', then --fix refused
    them all: it now says 'cannot fix' for each, the advice once, as --fix does; --force shows the changes."""
    photo_with_gps(read_only / "d.jpg")
    before = {name: (read_only / name).read_bytes() for name in ("a.jpg", "b.jpg", "c.jpg", "d.jpg")}
    code, out, err = cli("check", "--no-vision", "--diff")
    assert code == 1
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        assert f"{name}: cannot fix: read-only, so not changed\n" in out
    assert out.count(READ_ONLY_HINT) == 1 and "d.jpg: remove: " in out
    assert "1 file would be fixed (3 could not be)" in err
    assert "4 files would be fixed (0 could not be)" in cli("check", "--no-vision", "--diff", "--force")[2]
    assert {name: (read_only / name).read_bytes() for name in before} == before
