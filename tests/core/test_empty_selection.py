"""A run that selects no rule is an error (exit 2) naming how the selection came out empty, never
"No findings in N files checked" with exit 0 (trial 7 item 6: a CI job whose rule variable is
empty would pass for ever). Each form, through the command line, on a real repository holding a
photo with a GPS position (so a run that checked anything would fail with 1).
"""

from __future__ import annotations

import pytest

from tests.kit.sites import photo_with_gps


@pytest.fixture
def site(repo):
    photo_with_gps(repo / "trip.jpg")
    return repo


@pytest.mark.parametrize("argv, said", [
    (["--select", ""], '`--select ""` on the command line selects none'),
    (["--select="], '`--select ""` on the command line selects none'),
    (["--select", " , "], '`--select ""` on the command line selects none'),
])
def test_an_empty_select_on_the_command_line_is_an_error(site, cli, argv, said):
    code, out, err = cli("check", *argv)
    assert code == 2
    assert "No findings" not in out and "no findings" not in out
    assert f"no rule selected: {said}, so nothing would be checked" in err


@pytest.mark.parametrize("name, text", [
    (".schoollint.yml", "select: []\n"),
    ("pyproject.toml", "[tool.schoollint]\nselect = []\n"),
])
def test_an_empty_select_in_the_configuration_is_an_error(site, cli, name, text):
    (site / name).write_text(text)
    code, out, err = cli("check")
    assert code == 2 and "files checked" not in out
    assert f"no rule selected: `select: []` in {name} selects none" in err
    code, out, err = cli("check", "--select", "SL101")   # the command line's selection wins
    assert code == 1 and "SL101" in out


@pytest.mark.parametrize("argv, config, said", [
    (["--select", "SL1", "--ignore", "SL1"], None,
     "`--ignore SL1` on the command line leaves out every rule that `--select SL1` on the command line selects"),
    (["--ignore", "ALL"], None,
     "`--ignore ALL` on the command line leaves out every rule that the default (every rule) selects"),
    (["--ignore", "location-metadata"], "select: [SL101]\n",
     "`--ignore location-metadata` on the command line leaves out every rule that `select: [SL101]` in "
     ".schoollint.yml selects"),
    ([], "select: [SL101, SL102]\nignore: [SL1]\n",
     "`ignore: [SL1]` in .schoollint.yml leaves out every rule that `select: [SL101, SL102]` in "
     ".schoollint.yml selects"),
])
def test_a_selection_its_ignores_empty_is_an_error(site, cli, argv, config, said):
    if config:
        (site / ".schoollint.yml").write_text(config)
    code, out, err = cli("check", *argv)
    assert code == 2 and "files checked" not in out
    assert f"no rule selected: {said}, so nothing would be checked; ignore fewer rules" in err


@pytest.mark.parametrize("command", [["audit", "-o", "../audit.html"], ["history"]])
def test_the_audit_and_history_refuse_an_empty_selection_too(site, cli, command):
    code, out, err = cli(*command, "--select", "")
    assert code == 2 and "no rule selected" in err


def test_a_selection_that_keeps_one_rule_still_runs(site, cli):
    code, out, err = cli("check", "--select", "SL1", "--ignore", "SL102")
    assert code == 1 and "SL101" in out and "SL102" not in out
