"""Every report format carries the run's notes, those saying what was not checked first (no silent pass in
what CI and a safeguarding lead read): a clean report with alt texts a template fills in, or with a hashed
roster and no key, must not read as a clean site. -q keeps those notes; -qq hides everything."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

KEY = "a-long-secret-key-from-the-ci-settings"
TEMPLATE = "filled in by a template"
NO_KEY = "SL601-SL603 judge no one"


@pytest.fixture
def site(repo, cli, monkeypatch, tmp_path):
    """A clean photo on a page, a layout whose alt text is a template expression, and a hashed roster
    (naming one pupil) committed without its key in the environment."""
    (repo / "images").mkdir()
    Image.new("RGB", (40, 30), "navy").save(repo / "images" / "a.jpg")
    (repo / "index.html").write_text('<!doctype html><html><body><img src="images/a.jpg" alt="Pupils">'
                                     "</body></html>\n", encoding="utf-8")
    (repo / "layouts").mkdir()
    (repo / "layouts" / "staff.html").write_text('<img src="/images/a.jpg" alt="{{ .name }}">\n', encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text("First name,Surname,Website consent\nZephyrine,Quillfeather,yes\n", encoding="utf-8")
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", KEY)
    assert cli("roster", "hash", str(roster), "-o", ".schoollint-roster")[0] == 0
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY")
    return repo


def report(cli, name: str) -> str:
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "--output-format", name)
    assert code == 0, err
    assert "Zephyrine" not in out and "Quillfeather" not in out, "a note holds no personal value"
    return out


def test_json_lists_the_notes_saying_what_was_not_checked(site, cli):
    notes = json.loads(report(cli, "json"))["notes"]
    unjudged = [note["text"] for note in notes if note["not_checked"]]
    assert any(TEMPLATE in text for text in unjudged) and any(NO_KEY in text for text in unjudged)


def test_sarif_says_them_as_tool_execution_notifications(site, cli):
    invocation = json.loads(report(cli, "sarif"))["runs"][0]["invocations"][0]
    notifications = invocation["toolExecutionNotifications"]
    texts = {n["message"]["text"]: n["level"] for n in notifications}
    assert [level for text, level in texts.items() if TEMPLATE in text or NO_KEY in text] == ["warning", "warning"]
    assert invocation["executionSuccessful"] is True


@pytest.mark.parametrize("name", ["github", "github-action"])
def test_github_formats_say_them_as_notices(site, cli, name):
    notices = [line for line in report(cli, name).splitlines() if line.startswith("::notice")]
    assert any(TEMPLATE in line for line in notices) and any(NO_KEY in line for line in notices)


def test_github_action_says_every_note_in_one_notice_whatever_the_cap(site, cli):
    """GitHub shows at most 10 notices a step: the Action's notes share the one notice, beside the
    count of findings over the annotation cap, one a line."""
    for n in range(12):
        Image.new("RGB", (2000, 20)).save(site / "images" / f"big{n:02}.png")
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "--select", "SL201",
                         "--output-format", "github-action")
    notices = [line for line in out.splitlines() if line.startswith("::notice")]
    assert code == 1 and len(notices) == 1, out
    parts = notices[0].split("::", 2)[2].split("%0A")
    assert parts[0].startswith("2 more findings not shown as annotations")
    assert any(part.startswith("Not checked: ") and NO_KEY in part for part in parts)


def test_job_summary_has_a_not_checked_section(site, cli):
    summary = report(cli, "summary")
    section = summary.split("### Not checked / not judged")[1]
    assert "No findings in" in summary.split("### Not checked")[0]
    assert TEMPLATE in section and "judge no one" in section


def test_junit_carries_them_in_system_out(site, cli):
    suites = ET.fromstring(report(cli, "junit"))
    out = suites.find("testsuite/system-out").text
    assert TEMPLATE in out and NO_KEY in out
    assert suites.get("tests") == "1" and suites.get("failures") == "0"


def test_gitlab_carries_them_as_info_issues_with_every_required_key(site, cli):
    issues = json.loads(report(cli, "gitlab"))
    notes = [issue for issue in issues if issue["check_name"] == "schoollint-not-checked"]
    assert any(TEMPLATE in issue["description"] for issue in notes) and any(NO_KEY in i["description"] for i in notes)
    for issue in notes:
        assert issue["severity"] == "info" and len(issue["fingerprint"]) == 64
        assert issue["location"] == {"path": ".", "lines": {"begin": 1}} and issue["type"] == "issue"
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_quiet_keeps_the_notes_saying_what_was_not_checked(site, cli):
    (site / "node_modules" / "x").mkdir(parents=True)
    Image.new("RGB", (8, 8)).save(site / "node_modules" / "x" / "logo.png")
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "-q")
    assert code == 0 and out == ""
    assert TEMPLATE in err and NO_KEY in err
    assert "node_modules" not in err, "a note about files left out on purpose is still hidden by -q"
    assert cli("check", "--no-cache", "--no-progress", "--no-vision", "-qq") == (0, "", "")
