"""A run naming a few files (what a pre-commit hook runs) reports for them exactly what a check of the
whole site reports: the same findings, values, severities, fixes on offer and made, and errors,
with the roster's consent rules and the site rules that judge photos across pages. Issue 18 made that
path lean (check modules imported by what each file is, the name lists read from a probe table,
dataclasses' generated code reused); none of that may change an answer. Through the command line, in
subprocesses, on the school site fixture (a Git repository with a MIS roster export beside it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.kit.school_site import build_school_site

# Two photos and the page that shows one of them: a finding about a photo's file name is said once, at the
# page that shows it, when the run reads that page (site_consent._told_by_pages), as the whole run does.
NAMED = ("images/team.jpg", "images/amara-osei-netball.jpg", "news/science-fair.md")


def _check(root: Path, roster: Path, cache: Path, *arguments: str) -> dict:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    result = subprocess.run([sys.executable, "-m", "schoollint", "check", "--no-vision", "--no-progress",
                             "--roster", str(roster), "--output-format", "json", "--show-values", *arguments],
                            cwd=root, env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return json.loads(result.stdout)


def _of(report: dict, paths=NAMED) -> dict:
    """What `report` says about `paths`: findings, errors, fixes made and not made (the files not checked
    are counted by type, not named: the site has none)."""
    return {
        "findings": sorted(json.dumps(finding, sort_keys=True) for finding in report["findings"]
                           if finding["path"] in paths),
        "errors": sorted(error for error in report["errors"] if error.split(":")[0] in paths),
        "fixed": sorted(json.dumps(change, sort_keys=True) for change in report["fixed"] if change["path"] in paths),
        "not fixed": sorted(json.dumps(change, sort_keys=True) for change in report["not_fixed"]
                            if change["path"] in paths),
    }


@pytest.mark.parametrize("cache", ["no cache", "cache of the whole run"])
def test_three_named_files_get_what_the_whole_site_gives_them(tmp_path, cache):
    site = build_school_site(tmp_path / "site")
    user_cache = tmp_path / "user-cache"
    options = ["--no-cache"] if cache == "no cache" else []
    whole = _check(site.root, site.roster, user_cache, *options)
    few = _check(site.root, site.roster, user_cache, *options, *NAMED)
    expected = _of(whole)
    assert {"SL301", "SL601"} <= {json.loads(finding)["code"] for finding in expected["findings"]}
    assert {json.loads(finding)["path"] for finding in expected["findings"]} == set(NAMED)
    assert _of(few) == expected
    assert {finding["path"] for finding in few["findings"]} <= set(NAMED)


def test_three_named_files_fixed_as_the_whole_site_fixes_them(tmp_path):
    """`--fix A B C` leaves those files byte for byte as `--fix` over the whole site does, and reports
    the same findings left on them."""
    site = build_school_site(tmp_path / "one" / "site")
    other = tmp_path / "two" / "site"
    shutil.copytree(tmp_path / "one", tmp_path / "two", symlinks=True)
    whole = _check(site.root, site.roster, tmp_path / "user-cache", "--fix")
    few = _check(other, other.parent / "private" / "pupils.csv", tmp_path / "user-cache", "--fix", *NAMED)
    assert [(site.root / path).read_bytes() for path in NAMED] == [(other / path).read_bytes() for path in NAMED]
    assert _of(whole)["fixed"]                  # team.jpg's metadata named a pupil: removed
    assert _of(few) == _of(whole)


def test_a_photo_named_without_the_page_that_shows_it_carries_what_the_page_would_say(tmp_path):
    """The one difference on purpose: the whole run says that a photo's file name names a pupil whose
    consent is withdrawn at the page that shows it; a run naming the photo but not that page says it at
    the photo, or the commit would pass it silently."""
    site = build_school_site(tmp_path / "site")
    user_cache = tmp_path / "user-cache"
    photo = "images/amara-osei-netball.jpg"
    whole = _check(site.root, site.roster, user_cache, "--no-cache")
    alone = _check(site.root, site.roster, user_cache, "--no-cache", photo)
    at_page = [(f["code"], f["value"]) for f in whole["findings"] if f["path"] == "news/science-fair.md"]
    assert ("SL601", "amara-osei") in at_page
    assert ("SL601", "amara-osei") not in [(f["code"], f["value"]) for f in whole["findings"] if f["path"] == photo]
    assert [(f["code"], f["value"]) for f in alone["findings"]] == [("SL301", "amara-osei"), ("SL601", "amara-osei")]
