"""Trial 8 items 6 and 12: a rule `check` selects but does not judge is said, never a clean run.
`check --select SL604` (the audit's rule: it needs Git's dates) and `check images/ --select SL605`
(the whole site's review log) stop with why; named beside other rules, a note says each was not
judged; and without a roster a run that selects the consent rules and finds people named with
photos says the consent rules judged no one."""

from __future__ import annotations

import json

import pytest

from tests.audit.sites import clean_jpeg, gps_jpeg, page, write
from tests.kit.git import commit_all

NO_ROSTER = "need the school's roster, so they judged no one"


@pytest.fixture
def site(repo):
    write(repo, "images/sports-2019.jpg", clean_jpeg())
    write(repo, "images/trip.jpg", gps_jpeg())
    write(repo, "index.html", page(("images/sports-2019.jpg", "Sports day"), ("images/trip.jpg", "Trip")))
    write(repo, "team.html", page(("images/sports-2019.jpg", "Amelia Watson running")))
    commit_all(repo, "photos", "2020-01-01T10:00:00+00:00")
    return repo


def notes_of(cli, *args) -> tuple[int, list[dict], str]:
    code, out, err = cli("check", "--output-format", "json", *args)
    return code, (json.loads(out)["notes"] if out else []), err


@pytest.mark.parametrize("selection", ["SL604", "stale-pupil-photo"])
def test_selecting_only_the_audits_rule_stops_with_why(site, cli, selection):
    code, out, err = cli("check", "--select", selection)
    assert code == 2 and out == ""
    assert "selects only rules this run does not judge: SL604 stale-pupil-photo: it dates" in err
    assert "schoollint audit" in err


def test_the_audits_rule_named_beside_others_is_a_not_judged_note(site, cli):
    code, notes, err = notes_of(cli, "--select", "SL1,SL604")
    assert code == 1
    said = [note for note in notes if note["text"].startswith("SL604")]
    assert len(said) == 1 and said[0]["not_checked"] and "schoollint audit" in said[0]["text"]


def test_the_review_rule_alone_on_part_of_the_site_stops_with_why(site, cli):
    code, out, err = cli("check", "images", "--select", "SL605")
    assert code == 2 and "does not judge: SL605 review-overdue" in err and "whole site" in err
    code, notes, err = notes_of(cli, "--select", "SL605")     # over the whole site it runs
    assert code != 2 and not [note for note in notes if note["text"].startswith("SL605")]


def test_every_rule_by_default_names_none_of_them(site, cli):
    code, notes, err = notes_of(cli)
    assert not [note for note in notes if note["text"].startswith(("SL604", "SL605"))]


def test_no_roster_says_the_consent_rules_judged_no_one_by_default(site, cli):
    code, notes, err = notes_of(cli)
    said = [note for note in notes if NO_ROSTER in note["text"]]
    assert len(said) == 1 and said[0]["not_checked"] and said[0]["text"].startswith("SL601, SL602, SL603")
    assert "1 file here names people with their photos" in said[0]["text"]
    code, out, err = cli("check", "-q")
    assert NO_ROSTER in err


def test_a_site_naming_no_one_hears_nothing_of_the_roster(site, cli):
    (site / "team.html").unlink()
    code, notes, err = notes_of(cli)
    assert not [note for note in notes if "roster" in note["text"]]


def test_the_note_is_said_once_when_they_are_named(site, cli):
    code, notes, err = notes_of(cli, "--select", "SL1,SL6")
    assert sum(NO_ROSTER in note["text"] for note in notes) == 1


def test_no_note_when_they_are_left_out_or_a_roster_is_given(site, tmp_path, cli):
    code, notes, err = notes_of(cli, "--ignore", "SL601,SL602,SL603")
    assert not [note for note in notes if "judged no one" in note["text"]]
    roster = tmp_path / "pupils.csv"
    roster.write_text("Forename,Surname,Photo Consent (Website)\nZephyrine,Quillfeather,Yes\n", encoding="utf-8")
    code, notes, err = notes_of(cli, "--roster", str(roster))
    assert not [note for note in notes if "need the school's roster" in note["text"]]
