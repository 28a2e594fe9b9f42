"""junit, GitLab Code Quality, the job summary and the Action's capped annotations, from real runs."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.kit.sites import clean_photo, photo_with_gps

PAGE = """<html><body>
<img src="a.png" alt="Harriet Pemberton in the choir">
<img src="b.png" alt="Rupert Ashdown in the choir">
</body></html>
"""


@pytest.fixture
def site(repo):
    photo_with_gps(repo / "images" / "trip.png")
    photo_with_gps(repo / "images" / "trip.jpg")
    (repo / "images" / "clip.mp4").write_bytes(b"not a movie")
    clean_photo(repo / "images" / "ok.png")
    return repo


def json_report(cli, *args):
    code, out, _ = cli("check", "--no-cache", "--output-format", "json", *args)
    return code, json.loads(out)


# --- junit ------------------------------------------------------------------------------------

def test_junit_one_failed_testcase_per_finding_in_a_suite_per_file(site, cli):
    _, payload = json_report(cli)
    code, out, _ = cli("check", "--no-cache", "--output-format", "junit")
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    assert int(root.get("tests")) == int(root.get("failures")) == len(payload["findings"]) == 5
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {"images/trip.png", "images/trip.jpg", "images/clip.mp4"}
    cases = [(suite_name, case.find("failure").get("type")) for suite_name, suite in suites.items()
             for case in suite.iter("testcase")]
    assert sorted(cases) == sorted((f["path"], f["code"]) for f in payload["findings"])
    failure = suites["images/trip.png"].find("testcase/failure[@type='SL101']")
    assert failure.get("message") == "stores where it was taken (EXIF GPS position)"
    assert "Fix: remove location metadata" in failure.text and "error SL101" in failure.text


def test_junit_clean_run_is_one_passing_testcase(repo, cli):
    clean_photo(repo / "ok.png")
    code, out, _ = cli("check", "--no-cache", "--output-format", "junit")
    root = ET.fromstring(out.encode("utf-8"))
    assert code == 0
    [case] = root.iter("testcase")
    assert case.find("failure") is None and case.get("name") == "no findings in 1 file checked"
    assert root.get("tests") == "1" and root.get("failures") == "0"


def test_junit_stays_well_formed_for_names_xml_cannot_hold(repo, cli):
    photo_with_gps(repo / "bell\x07 & <tag>.png")
    photo_with_gps(Path(os.fsdecode(bytes(repo / "caf") + b"\xe9.png")))   # not UTF-8
    out = cli("check", "--no-cache", "--output-format", "junit")[1]
    root = ET.fromstring(out.encode("utf-8"))
    names = {suite.get("name") for suite in root.iter("testsuite")}
    assert names == {"bell\\x07 & <tag>.png", "caf\\xe9.png"}


# --- GitLab Code Quality ----------------------------------------------------------------------

def test_gitlab_code_quality_fields(site, cli):
    _, payload = json_report(cli)
    code, out, _ = cli("check", "--no-cache", "--output-format", "gitlab")
    issues = json.loads(out)
    assert code == 1 and len(issues) == len(payload["findings"])
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] >= 1
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    by_key = {(i["location"]["path"], i["check_name"]): i for i in issues}
    gps = by_key[("images/trip.jpg", "SL101")]
    assert gps["severity"] == "critical"                 # security-severity 9.0
    assert gps["description"] == "SL101 location-metadata: stores where it was taken (EXIF GPS position)"
    assert by_key[("images/clip.mp4", "SL105")]["severity"] == "info"     # 3.0
    assert by_key[("images/trip.png", "SL102")]["severity"] == "minor"    # 6.0
    assert "Apple" not in out and "iPhone 15" not in out    # never the values


def test_gitlab_fingerprints_are_unique_and_deterministic(repo, cli):
    clean_photo(repo / "a.png")
    clean_photo(repo / "b.png")
    (repo / "choir.html").write_text(PAGE, encoding="utf-8")
    first = json.loads(cli("check", "--no-cache", "--output-format", "gitlab")[1])
    second = json.loads(cli("check", "--no-cache", "--output-format", "gitlab")[1])
    names = [i for i in first if i["check_name"] == "SL302"]
    assert [i["location"]["lines"]["begin"] for i in names] == [2, 3]
    assert len({i["fingerprint"] for i in first}) == len(first)     # GitLab would drop repeats
    assert [i["fingerprint"] for i in first] == [i["fingerprint"] for i in second]
    assert "Pemberton" not in json.dumps(first) and "Ashdown" not in json.dumps(first)


# --- job summary ------------------------------------------------------------------------------

UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def rendered(cli, fmt: str, *args: str) -> str:
    return cli("check", "--no-cache", "--output-format", fmt, *args)[1]


def test_summary_groups_findings_by_file_with_rule_why_fix_and_totals(site, cli):
    text = rendered(cli, "summary", "--show-values")
    # findings, errors, warnings, files, checked, fixable: the unreadable clip.mp4 is not checked (issue 12)
    assert "| 5 | 4 | 1 | 3 | 3 | 4 |" in text and "Not checked: 1 .mp4 (the findings and notes say why)." in text
    rows = [line for line in text.splitlines() if line.startswith("| **") or line.startswith("|  | ")]
    assert len(rows) == 5
    assert all(len(UNESCAPED_PIPE.findall(row)) == 7 for row in rows)
    first_of_jpg = next(row for row in rows if "trip\\.jpg" in row)
    assert "SL101 location-metadata" in first_of_jpg and "remove location metadata" in first_of_jpg
    assert "Phones write the exact GPS position" in text        # why, once per rule
    assert "iPhone 15" not in text and "Apple" not in text          # never values, even when asked


def test_summary_file_names_cannot_format_link_or_break_the_table(repo, cli):
    evil = "x|y <img src=q> [a](http://e.org) `b` *c*\n## d.png"
    photo_with_gps(repo / evil)
    text = rendered(cli, "summary")
    rows = [line for line in text.splitlines() if "SL101" in line and line.count("|") > 6]
    assert len(rows) == 1 and len(UNESCAPED_PIPE.findall(rows[0])) == 7
    assert "x\\|y &lt;img src=q&gt; \\[a\\]\\(http\\:" in rows[0]
    assert "\\`b\\` \\*c\\*\\\\n\\#\\# d\\.png" in rows[0]   # the newline shown as \\n (report.escaped)
    assert "<img" not in text and "\n## d" not in text


def test_summary_stays_under_one_mebibyte_with_a_note(site):
    from schoollint.outcome import Outcome as Report
    from schoollint.finding import Finding
    from schoollint.report import View, summary

    findings = [Finding("SL101", f"photos/{i:05d}-{'long-folder-name/' * 8}trip.jpg", "stores where it was taken "
                        "(EXIF GPS position)", field="EXIF GPS position", content_hash=f"{i:064x}",
                        severity="error")
                for i in range(8000)]
    text = summary.render(Report(findings=findings, files_checked=8000), View(root=site))
    size = len(text.encode("utf-8"))
    assert 1024 * 1024 - 8192 < size < 1024 * 1024
    listed = sum(1 for line in text.splitlines() if "trip\\.jpg" in line)
    assert 0 < listed < 8000
    assert f"{listed} of 8000 findings are listed above" in text
    assert "| 8000 | 8000 | 0 | 8000 | 8000 | 0 |" in text


# --- capped annotations -----------------------------------------------------------------------

def test_annotations_most_important_first_capped_with_a_notice(repo, cli):
    for i in range(12):
        photo_with_gps(repo / f"gps{i:02d}.png")           # SL101 (9.0) and SL102 (6.0) each
        (repo / f"clip{i:02d}.mp4").write_bytes(b"junk")   # SL105 warning
    lines = rendered(cli, "github-action").splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    notices = [line for line in lines if line.startswith("::notice ")]
    assert len(errors) == 10 and len(warnings) == 10 and len(notices) == 1 and len(lines) == 21
    assert all("title=SL101 location-metadata" in line for line in errors)   # GPS before camera make
    assert "16 more findings not shown as annotations" in notices[0]          # 36 - 20
    assert "job summary" in notices[0]
    assert "Apple" not in "\n".join(lines)


def test_annotations_put_tool_errors_first(repo):
    from schoollint.outcome import Outcome as Report
    from schoollint.finding import Finding
    from schoollint.report import View, github_action

    report = Report(findings=[Finding("SL101", "a.png", "stores where it was taken", severity="error")],
                    errors=["b.png: cannot read: Permission denied"])
    lines = github_action.render(report, View(root=repo)).splitlines()
    assert lines[0] == "::error title=schoollint::b.png: cannot read: Permission denied"
    assert lines[1].startswith("::error file=a.png,title=SL101")
