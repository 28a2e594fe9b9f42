"""Trial 8 items 7 and 11: a key written twice in .schoollint.yml stops the run (PyYAML kept the last
silently, so `select: [SL1]` then `select: [SL2]` passed a photo with GPS), and a roster path in the
configuration is read from the configuration file's folder, `~` being the home folder; a roster that
is not found says where it was looked for."""

from __future__ import annotations

import json

import pytest

from tests.audit.sites import clean_jpeg, gps_jpeg, write
from tests.kit.git import commit_all

ROSTER = "Forename,Surname,Photo Consent (Website)\nZephyrine,Quillfeather,No\n"


@pytest.fixture
def site(repo):
    write(repo, "images/trip.jpg", gps_jpeg())
    write(repo, "images/zeph.jpg", clean_jpeg())
    write(repo, "index.html", '<img src="images/zeph.jpg" alt="Zephyrine at sports day">')
    return repo


@pytest.mark.parametrize("text, line, first, key", [
    ("select: [SL1]\nselect: [SL2]\n", 2, 1, "select"),
    ("ignore: [SL201]\nfail-level: error\nignore: [SL304]\n", 3, 1, "ignore"),
    ("per-path:\n  'logos/**':\n    SL201: {max-edge: 900}\n  'logos/**':\n    SL202: {factor: 3}\n", 4, 2, "logos/**"),
    ("SL201: {max-edge: 4000, max-edge: 1000}\n", 1, 1, "max-edge"),
    ('"select": [SL1]\nselect: [SL2]\n', 2, 1, "select"),
])
def test_a_key_given_twice_stops_the_run_naming_both_lines(site, cli, text, line, first, key):
    write(site, ".schoollint.yml", text)
    code, out, err = cli("check")
    assert code == 2 and out == ""
    assert f".schoollint.yml:{line}: {key!r} is given twice" in err and f"first on line {first}" in err


def test_per_path_entries_may_each_have_their_keys(site, cli):
    write(site, ".schoollint.yml", "per-path:\n  'a/**':\n    ignore:\n      - {rule: SL101, reason: a}\n"
                                   "      - rule: SL102\n        reason: b\n  'b/**':\n    ignore:\n"
                                   "      - rule: SL101\n        reason: c\nselect: [SL1]\n")
    code, out, err = cli("check", "--output-format", "json")
    assert code == 1, err
    assert "SL101" in {f["code"] for f in json.loads(out)["findings"]}


def test_a_roster_named_beside_a_config_given_with_config(site, tmp_path, cli):
    safe = tmp_path / "private"
    write(safe, "pupils.csv", ROSTER)
    write(safe, "schoollint.yml", "roster: pupils.csv\n")
    code, out, err = cli("check", "--config", str(safe / "schoollint.yml"), "--output-format", "json")
    assert "not found" not in err and code == 1, err
    assert "SL601" in {f["code"] for f in json.loads(out)["findings"]}


def test_a_roster_in_the_home_folder_written_with_a_tilde(site, tmp_path, monkeypatch, cli):
    home = tmp_path / "home"
    write(home, "t8-pupils.csv", ROSTER)
    monkeypatch.setenv("HOME", str(home))
    write(site, ".schoollint.yml", "roster: ~/t8-pupils.csv\n")
    code, out, err = cli("check", "--output-format", "json")
    assert "not found" not in err and code == 1, err
    assert "SL601" in {f["code"] for f in json.loads(out)["findings"]}
    (site / ".schoollint.yml").unlink()
    monkeypatch.setenv("SCHOOLLINT_ROSTER", "~/t8-pupils.csv")     # as a quoted shell value leaves it
    code, out, err = cli("check", "--output-format", "json")
    assert "not found" not in err and "SL601" in {f["code"] for f in json.loads(out)["findings"]}


def test_a_roster_not_found_says_where_it_was_looked_for(site, tmp_path, cli):
    safe = tmp_path / "private"
    write(safe, "schoollint.yml", "roster: pupils.csv\n")
    code, out, err = cli("check", "--config", str(safe / "schoollint.yml"))
    assert code == 2 and f"looked for {safe / 'pupils.csv'}" in err


def test_a_roster_at_the_top_of_the_site_is_still_read_from_there(site, tmp_path, cli):
    write(site, ".gitignore", "private/\n")
    write(site, "private/pupils.csv", ROSTER)
    write(site, ".schoollint.yml", "roster: private/pupils.csv\n")
    commit_all(site, "site")
    code, out, err = cli("check", "--output-format", "json")
    assert code == 1, err
    assert "SL601" in {f["code"] for f in json.loads(out)["findings"]}


@pytest.mark.parametrize("text", ["consent: yes\n", "fail-level: no\n"])
def test_a_yes_or_no_value_is_said_as_yaml_read_it(site, cli, text):
    write(site, ".schoollint.yml", text)
    code, out, err = cli("check")
    assert code == 2 and "not a true/false value (YAML reads an unquoted yes, no, on, off" in err
    assert "True" not in err and "False" not in err
