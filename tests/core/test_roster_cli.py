"""The private roster through the command line: found names, never committed, hashed for CI."""

from __future__ import annotations

import json

import pytest

from tests.kit.git import git

PAGE = '<p><img src="a.png" alt="Storm Pebble on the climbing frame"></p>\n'
KEY = "a-long-secret-key-from-the-ci-settings"


@pytest.fixture
def site(repo, tmp_path):
    (repo / "index.html").write_text(PAGE)
    roster = tmp_path / "private" / "pupils.csv"
    roster.parent.mkdir()
    roster.write_text("first_name,last_name,role\nStorm,Pebble,pupil\n")
    return repo, roster


def names_found(cli, *args):
    code, out, err = cli("check", "--output-format", "json", "--select", "SL302", *args)
    return code, json.loads(out)["findings"] if out else [], err


def test_roster_finds_a_name_the_heuristic_cannot_and_never_prints_it(site, cli, monkeypatch):
    repo, roster = site
    assert names_found(cli)[1] == []                       # ordinary English words: only a roster knows them
    code, found, _ = names_found(cli, "--roster", str(roster))
    assert code == 1 and found[0]["message"].endswith("contains a full name (roster match)")
    assert "Pebble" not in json.dumps(found)
    monkeypatch.setenv("SCHOOLLINT_ROSTER", str(roster))
    assert len(names_found(cli)[1]) == 1


def test_a_tracked_roster_is_refused(site, cli):
    repo, roster = site
    inside = repo / "pupils.csv"
    inside.write_text(roster.read_text())
    git(repo, "add", "pupils.csv")
    code, _, err = cli("check", "--roster", "pupils.csv")
    assert code == 2
    assert "pupils.csv: the roster of names is tracked by Git" in err


def test_hashed_roster_can_be_committed_and_needs_its_key(site, cli, monkeypatch):
    repo, roster = site
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", KEY)
    code, out, _ = cli("roster", "hash", str(roster), "-o", ".schoollint-roster")
    assert code == 0 and "wrote" in out
    hashed = (repo / ".schoollint-roster").read_text()
    assert "Storm" not in hashed and "Pebble" not in hashed
    (repo / ".schoollint.yml").write_text("roster: .schoollint-roster\n")
    git(repo, "add", ".schoollint-roster", ".schoollint.yml")
    assert len(names_found(cli)[1]) == 1
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY")
    code, found, err = names_found(cli)
    assert code == 2 and found == []
    assert err.count("\n") == 1 and "SCHOOLLINT_ROSTER_KEY" in err   # one clear line, not one per file


def test_roster_hash_without_a_key_is_a_usage_error(site, cli, monkeypatch):
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY", raising=False)
    code, _, err = cli("roster", "hash", str(site[1]))
    assert code == 2 and "set SCHOOLLINT_ROSTER_KEY" in err


def test_editing_the_roster_invalidates_cached_findings(site, cli):
    repo, roster = site
    roster.write_text("first_name,last_name\nSomeone,Else\n")
    assert names_found(cli, "--roster", str(roster))[1] == []
    roster.write_text("first_name,last_name\nStorm,Pebble\n")
    assert len(names_found(cli, "--roster", str(roster))[1]) == 1
