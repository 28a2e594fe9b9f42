"""One of something is said in the singular in every report ("1 baseline entry no longer matches",
"1 more finding", "1 file checked"), never "1 ... are" or "1 findings"."""

from __future__ import annotations

import re

from tests.kit.sites import clean_photo, photo_with_gps

ONE_PLURAL = re.compile(r"\b1 (?:\w+ )?(?:findings|files|photos|entries|notes|blob ids)\b|\b1 (?:\w+ )+are\b")


def test_one_stale_baseline_entry_matches_in_the_singular(repo, cli):
    photo_with_gps(repo / "a.jpg")
    assert cli("check", "--no-cache", "--select", "SL101", "--write-baseline")[0] == 0
    clean_photo(repo / "a.jpg")     # the finding is gone: its baseline entry matches nothing
    code, out, _ = cli("check", "--no-cache", "--no-vision", "--select", "SL101", "--output-format", "summary")
    assert "1 baseline entry no longer matches anything" in out
    assert not ONE_PLURAL.search(out), out


def test_one_annotation_more_than_github_shows_is_one_more_finding(repo, cli):
    for n in range(11):
        photo_with_gps(repo / f"p{n:02}.jpg")
    code, out, _ = cli("check", "--no-cache", "--no-vision", "--select", "SL101", "--output-format", "github-action")
    assert code == 1 and "::notice title=schoollint::1 more finding not shown as annotations" in out
    assert not ONE_PLURAL.search(out), out


def test_an_audit_of_one_file_says_file(repo, cli):
    photo_with_gps(repo / "a.jpg")
    cli("audit", "--no-cache", "--no-thumbnails", "-o", str(repo.parent / "audit.html"))
    text = " ".join(re.sub(r"<[^>]+>", " ", (repo.parent / "audit.html").read_text(encoding="utf-8")).split())
    assert "1 file checked" in text and "1 photo or video" in text
    assert not ONE_PLURAL.search(text), ONE_PLURAL.search(text)
