"""The composite action, run step by step as the GitHub runner would (tests/integrations/run_action.py)
against a temporary repository with a base and a head commit."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.integrations.conftest import assert_valid_sarif
from tests.kit import REPO_ROOT
from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo, photo_with_gps
from tests.integrations.run_action import ActionError, parse_commands, run_action

ACTION = yaml.safe_load((REPO_ROOT / "action.yml").read_text(encoding="utf-8"))
EVIL_NAMES = ["50%25 off, day:1.png", "x\n::error::injected.png", "y\n::stop-commands::abc.png"]


@pytest.fixture(scope="module")
def runner_temp(tmp_path_factory) -> Path:
    """RUNNER_TEMP shared by the module, so schoollint's virtualenv is created once."""
    return tmp_path_factory.mktemp("runner-temp")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> str:
    """schoollint built once from the working tree: the install step skips a requirement it has
    installed already, where a folder is reinstalled every run."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder), str(REPO_ROOT)],
                   check=True, capture_output=True)
    [built] = folder.glob("schoollint-*.whl")
    return str(built)


@pytest.fixture
def pull_request(repo):
    """A site whose base has an old GPS photo; the pull request adds more, a broken video and a page."""
    clean_photo(repo / "images" / "logo.png")
    photo_with_gps(repo / "archive" / "old-trip.jpg")
    base = commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "photos")
    for number in range(6):
        photo_with_gps(repo / "images" / f"sports-{number}.png")
    (repo / "video" / "clip.mp4").parent.mkdir()
    (repo / "video" / "clip.mp4").write_bytes(b"not a movie")
    head = commit_all(repo, "sports day photos")
    return repo, base, head


def event(base: str, head: str, head_repo: str | None = "school/site") -> dict:
    return {"pull_request": {"number": 7,
                             "base": {"sha": base, "ref": "main"},
                             "head": {"sha": head, "ref": "photos",
                                      "repo": {"full_name": head_repo} if head_repo else None}},
            "repository": {"full_name": "school/site"}}


def run(site: Path, runner_temp: Path, base: str, head: str, head_repo: str | None = "school/site", **inputs):
    """Run the action for a pull request; `version` defaults to the wheel of the working tree."""
    github = {"event_name": "pull_request", "repository": "school/site", "sha": head,
              "ref": "refs/pull/7/merge", "head_ref": "photos", "base_ref": "main",
              "event": event(base, head, head_repo)}
    inputs = {key.replace("_", "-"): value for key, value in inputs.items()}
    return run_action(REPO_ROOT, site, inputs, github=github, runner_temp=runner_temp)


def annotations(result, level: str):
    return [c for c in result.commands if c.name == level]


def test_pull_request_run_annotates_summarises_and_writes_sarif(pull_request, runner_temp, sarif_validator):
    site, base, head = pull_request
    result = run(site, runner_temp, base, head, version=str(REPO_ROOT),   # installs from the folder
                 changed_only="true", sarif_file="reports/schoollint.sarif")
    assert [step.returncode for step in result.steps] == [0, 0, 1], result.steps[-1].stderr

    assert result.outputs == {"findings": "13", "fixed": "0", "sarif-file": "reports/schoollint.sarif",
                              "exit-code": "1"}
    errors, warnings, notices = (annotations(result, level) for level in ("error", "warning", "notice"))
    # 6 photos x (SL101 + SL102) = 12 errors, capped at 10, GPS first; 1 warning; one notice for the rest.
    assert len(errors) == 10 and len(warnings) == 1
    assert [e.properties["title"] for e in errors[:6]] == ["SL101 location-metadata"] * 6
    assert {e.properties["file"] for e in errors[:6]} == {f"images/sports-{n}.png" for n in range(6)}
    assert warnings[0].properties == {"file": "video/clip.mp4", "title": "SL105 unreadable-media"}
    assert [n.message.split(" (")[0] for n in notices] == ["2 more findings not shown as annotations"]

    summary = result.summary
    assert summary.startswith("## schoollint")
    # totals: 7 changed files, 6 checked and the unreadable one counted as not checked (issue 12)
    assert "| 13 | 12 | 1 | 7 | 6 | 12 |" in summary
    assert "**images/sports-0\\.png**" in summary
    assert "old-trip" not in summary    # not changed: not checked

    log = assert_valid_sarif(sarif_validator, (site / "reports" / "schoollint.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {f"images/sports-{n}.png" for n in range(6)} | {"video/clip.mp4"}
    assert "iPhone 15" not in summary + json.dumps(log) + "".join(s.stdout for s in result.steps)


def test_without_changed_only_the_whole_site_is_checked(pull_request, runner_temp, wheel):
    site, base, head = pull_request
    result = run(site, runner_temp, base, head, version=wheel, annotations="false", summary="false")
    assert result.outputs["findings"] == "15" and result.outputs["exit-code"] == "1"
    assert not annotations(result, "error") and result.summary == ""


def test_file_names_cannot_break_or_inject_workflow_commands(repo, runner_temp, wheel):
    clean_photo(repo / "logo.png")
    base = commit_all(repo, "base")
    for name in EVIL_NAMES:
        photo_with_gps(repo / name)
    head = commit_all(repo, "photos with awkward names")
    # fix echoes tool output
    result = run(repo, runner_temp, base, head, version=wheel, changed_only="true", fix="commit")
    for step in result.steps:
        for command in step.commands:
            assert command.name in ("error", "warning", "notice"), command
            assert "injected" not in command.message and "abc" not in command.message
    files = {c.properties["file"] for c in annotations(result, "error")}
    # each name arrives whole, its newline percent-encoded as the runner decodes it (trial 9 item 9), so no
    # annotation is forged and each names its real file
    assert files == set(EVIL_NAMES)
    assert len(annotations(result, "error")) == 6
    assert "::stop-commands::" in result.steps[1].stdout    # the fix step's raw output was fenced


def bare_origin(site: Path, tmp_path: Path, reject: bool = False) -> Path:
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", str(origin))
    git(site, "remote", "add", "origin", str(origin))
    git(site, "push", "-q", "origin", "main", "photos")
    if reject:  # like a protected branch: every later push is refused
        hook = origin / "hooks" / "pre-receive"
        hook.write_text("#!/bin/sh\necho 'protected branch' >&2\nexit 1\n", encoding="utf-8")
        hook.chmod(hook.stat().st_mode | stat.S_IEXEC)
    return origin


def test_fix_commit_pushes_fixes_to_the_pull_request_branch(pull_request, runner_temp, tmp_path, wheel):
    site, base, head = pull_request
    origin = bare_origin(site, tmp_path)
    result = run(site, runner_temp, base, head, version=wheel, fix="commit", changed_only="true",
                 fail_level="error")
    assert result.outputs["fixed"] == "6"
    assert result.outputs["exit-code"] == "0" and result.outputs["findings"] == "1"  # the video's warning
    pushed = git(origin, "rev-parse", "photos").strip()
    assert pushed != head and git(origin, "rev-parse", "photos~1").strip() == head
    assert git(origin, "log", "-1", "--format=%an|%s", "photos").strip() == \
        "github-actions[bot]|schoollint: remove personal metadata from 6 files"
    assert sorted(git(origin, "diff", "--name-only", head, "photos").split()) == \
        [f"images/sports-{n}.png" for n in range(6)]
    assert git(site, "status", "--porcelain") == ""
    notices = [n.message for n in annotations(result, "notice")]
    assert "committed fixes for 6 file(s) to photos" in notices
    assert result.steps[1].summary.startswith(
        "### schoollint fixed and committed 6 files to photos\n\n- images/sports-0\\.png\n")


def test_fork_pull_request_gets_a_notice_and_no_push(pull_request, runner_temp, tmp_path, wheel):
    site, base, head = pull_request
    origin = bare_origin(site, tmp_path)
    result = run(site, runner_temp, base, head, head_repo="someone/site", version=wheel, fix="commit",
                 changed_only="true")
    assert result.outputs["fixed"] == "0" and result.outputs["exit-code"] == "1"
    assert git(origin, "rev-parse", "photos").strip() == head
    assert any("fork" in n.message for n in annotations(result, "notice"))
    assert len(annotations(result, "error")) == 10      # the check still reports everything


def test_rejected_push_leaves_the_tree_as_the_branch_has_it(pull_request, runner_temp, tmp_path, wheel):
    site, base, head = pull_request
    bare_origin(site, tmp_path, reject=True)
    result = run(site, runner_temp, base, head, version=wheel, fix="commit", changed_only="true")
    assert result.outputs["fixed"] == "0" and result.outputs["exit-code"] == "1"
    assert any(w.properties.get("title") == "schoollint fixes not pushed" for w in annotations(result, "warning"))
    assert git(site, "rev-parse", "HEAD").strip() == head and git(site, "status", "--porcelain") == ""
    assert "protected branch" in result.steps[1].stdout      # git's reason, fenced
    assert result.outputs["findings"] == "13"                 # nothing was silently fixed


def test_unknown_fix_mode_stops_with_an_error(pull_request, runner_temp, wheel):
    site, base, head = pull_request
    result = run(site, runner_temp, base, head, version=wheel, fix="yes")
    assert [step.returncode for step in result.steps] == [0, 2]
    assert [e.message for e in annotations(result, "error")] == ["fix must be none or commit, not 'yes'"]


@pytest.fixture
def fix_script(monkeypatch):
    monkeypatch.syspath_prepend(str(REPO_ROOT / "action"))
    import fix

    return fix


@pytest.mark.parametrize("event_name, head_repo, checked_out, expected", [
    ("pull_request", "school/site", "head", None),
    ("push", "school/site", "head", "only on pull_request"),
    ("pull_request", "someone/site", "head", "fork"),
    ("pull_request", None, "head", "fork"),                      # the fork was deleted
    ("pull_request", "school/site", "merge", "branch is not checked out"),
])
def test_when_fixes_may_be_committed(pull_request, fix_script, monkeypatch, event_name, head_repo,
                                     checked_out, expected):
    site, base, head = pull_request
    monkeypatch.setenv("GITHUB_EVENT_NAME", event_name)
    monkeypatch.setenv("GITHUB_REPOSITORY", "school/site")
    payload = event(base, head if checked_out == "head" else base, head_repo)
    reason = fix_script.why_not(payload if event_name.startswith("pull") else {"before": base})
    assert reason is None if expected is None else expected in reason


def test_action_metadata_and_no_expression_in_any_script():
    assert ACTION["runs"]["using"] == "composite"
    assert ACTION["branding"]["icon"] and ACTION["branding"]["color"]
    assert {"version", "paths", "args", "config", "changed-only", "fail-level", "annotations", "summary",
            "sarif-file", "fix"} <= set(ACTION["inputs"])
    assert set(ACTION["outputs"]) == {"findings", "fixed", "sarif-file", "exit-code"}
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step["run"] and step["shell"] == "bash"
        for value in (step.get("env") or {}).values():
            assert value.startswith("${{") and value.endswith("}}")


def test_the_local_runner_refuses_an_expression_in_a_script(tmp_path):
    (tmp_path / "action.yml").write_text(yaml.safe_dump({
        "inputs": {"name": {"default": "x"}},
        "runs": {"using": "composite", "steps": [{"shell": "bash", "run": "echo ${{ inputs.name }}"}]},
    }), encoding="utf-8")
    with pytest.raises(ActionError, match="script injection"):
        run_action(tmp_path, tmp_path, {}, runner_temp=tmp_path / "temp")


def test_parse_commands_follows_stop_commands_and_unescapes():
    output = ("::error file=a%2Cb%3Ac.png,title=T::line one%0Aline two\n::stop-commands::tok\n"
              "::error::ignored\n::tok::\n::notice::back\n")
    commands = parse_commands(output)
    assert [(c.name, c.properties, c.message) for c in commands] == [
        ("error", {"file": "a,b:c.png", "title": "T"}, "line one\nline two"), ("notice", {}, "back")]


def test_a_usage_error_becomes_an_error_annotation_and_exit_code_2(pull_request, runner_temp, wheel):
    site, base, head = pull_request
    result = run(site, runner_temp, base, head, version=wheel, config="missing.yml")
    assert [step.returncode for step in result.steps] == [0, 0, 2]
    assert result.outputs["exit-code"] == "2" and result.outputs["findings"] == ""   # not 0: trial 10 item 8
    [error] = annotations(result, "error")
    assert error.message == "schoollint: error: missing.yml: no such configuration file"
    assert "### Errors" in result.summary


def test_show_values_with_a_sarif_file_in_the_site_is_refused_before_any_annotation(pull_request, runner_temp,
                                                                                     wheel):
    """Trial item 19: with `args: --show-values` and the README's `sarif-file: schoollint.sarif` the
    step exited 2 while its annotations had been printed and the summary said 0 findings. Every
    place is judged before anything is written, so the refusal is the one thing said."""
    site, base, head = pull_request
    result = run(site, runner_temp, base, head, version=wheel, args="--show-values", sarif_file="schoollint.sarif")
    assert result.outputs["exit-code"] == "2"
    assert not annotations(result, "warning") and not [a for a in annotations(result, "error")
                                                       if "SL101" in a.message or "location" in a.message]
    [error] = annotations(result, "error")
    assert "schoollint.sarif: not written" in error.message
    assert not (site / "schoollint.sarif").exists()
    assert result.outputs["sarif-file"] == "", "no path for an upload step to fail on"


def test_the_documented_sarif_place_outside_the_checkout_draws_no_warning(pull_request, runner_temp, wheel):
    """Trial 5: the documented `sarif-file: schoollint.sarif` (inside the checkout) logged on every
    run that the report would be published if committed. The README and the example workflow now
    write it to the runner's temporary folder and upload it through the step's output."""
    site, base, head = pull_request
    sarif = runner_temp / "schoollint.sarif"
    result = run(site, runner_temp, base, head, version=wheel, changed_only="true", sarif_file=str(sarif))
    assert result.outputs["sarif-file"] == str(sarif) and sarif.is_file()
    assert "would be published" not in "".join(step.stderr + step.stdout for step in result.steps)
    workflow = (REPO_ROOT / "examples/workflows/schoollint.yml").read_text(encoding="utf-8")
    assert "sarif-file: ${{ runner.temp }}/schoollint.sarif" in workflow
    assert "sarif_file: ${{ steps.schoollint.outputs.sarif-file }}" in workflow
