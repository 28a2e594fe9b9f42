"""The options every command shares with `check` where they make sense (cli.py): `-q`, `--no-progress`,
`--extend-select` on `audit` and `history`; the selection options on `config`, which prints the
configuration they make. Through the command line, on real repositories."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit.git import commit_all
from tests.kit.sites import photo_with_gps

NOT_RUN = "schoollint: note: not run on history"


@pytest.fixture
def history_repo(repo: Path) -> Path:
    photo_with_gps(repo / "trip.jpg")
    commit_all(repo, "a photo with its position")
    return repo


def test_history_takes_quiet(history_repo, cli):
    code, out, err = cli("history")
    assert code == 1 and "SL101" in out and NOT_RUN in err
    code, out, err = cli("history", "-q", "--no-progress")
    assert code == 1 and "SL101" in out and NOT_RUN not in err
    code, out, err = cli("history", "-qq")
    assert (code, out, err) == (1, "", "")


def test_history_takes_extend_select(history_repo, cli):
    code, out, err = cli("history", "--select", "SL2", "--extend-select", "SL101", "--output-format", "json")
    assert code == 1 and '"SL101"' in out


def test_audit_takes_quiet(history_repo, tmp_path, cli):
    """-q: no summary line; the note saying consent was not judged stays (as under check -q); -qq: none."""
    report = tmp_path / "audit.html"
    unjudged = "schoollint: note: consent was not judged"
    code, out, err = cli("audit", "--no-thumbnails", "--no-vision", "-o", str(report))
    assert code == 0 and f"wrote {report}" in err and unjudged in err
    report.unlink()
    code, out, err = cli("audit", "--no-thumbnails", "--no-vision", "-o", str(report), "-q", "--no-progress")
    assert code == 0 and report.is_file() and err.startswith(unjudged) and err.count("\n") == 1
    code, out, err = cli("audit", "--no-thumbnails", "--no-vision", "-o", str(report), "-qq")
    assert code == 0 and err == ""


@pytest.mark.parametrize("options, shown", [
    (("--select", "SL1", "--ignore", "SL102"), "select:\n- SL101\n- SL103\n"),
    (("--select", "SL101", "--extend-select", "SL201"), "select:\n- SL101\n- SL201\n"),
    (("--exclude", "old/**", "--fail-level", "error"), "fail-level: error\nexclude:\n- old/**\n"),
])
def test_config_prints_what_the_options_make_it(repo, cli, options, shown):
    code, out, err = cli("config", *options)
    assert code == 0 and shown in out


def test_config_refuses_an_unknown_rule_as_check_does(repo, cli):
    code, out, err = cli("config", "--select", "SL999")
    assert code == 2 and "SL999" in err and "Traceback" not in err
