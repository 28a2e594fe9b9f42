"""Consent columns of a roster: headers by alias, values, UK date formats, and what they mean on a day."""

from __future__ import annotations

import datetime as dt

import pytest

from schoollint.names import RosterError, load_roster
from schoollint.names.consent import (
    EXPIRED, NOT_RECORDED, REFUSED, WITHDRAWN, days_left, days_since_leaving, group_keys, group_words,
    no_website_consent, read_date, read_value,
)

TODAY = dt.date(2026, 3, 10)


def roster_of(tmp_path, text: str):
    path = tmp_path / "r.csv"
    path.write_bytes(text.encode("utf-8"))
    return load_roster(path)


@pytest.mark.parametrize("header", ["Photo Consent (Website)", "website", "ONLINE MATERIAL", "Photograph Student",
                                    "consent_website", "Photos-Online"])
def test_website_consent_headers_by_alias_case_and_punctuation_blind(tmp_path, header):
    roster = roster_of(tmp_path, f"Forename,Surname,{header}\r\nRowan,Hughes,No\r\n")
    [person] = roster.people
    assert person.website == "no" and roster.recorded
    assert roster.people_with("firsts", "rowan") == (person,)


def test_other_scopes_are_kept_and_dates_read_from_their_aliases(tmp_path):
    roster = roster_of(tmp_path, "Forename,Surname,Social Media,Print,Promotional Material,Press,Consent Expires,"
                                 "Review Date,Consent Given,Withdrawn On,Date of Leaving\n"
                                 "Isla,Brennan,no,Y,,1,2026-04-01,01/09/2026,1 Sep 2024,,20-07-2027\n")
    [person] = roster.people
    assert person.scopes == (("social media", "no"), ("print", "yes"), ("press", "yes"))
    assert (person.expires, person.review, person.given_on, person.leaving) == (
        dt.date(2026, 4, 1), dt.date(2026, 9, 1), dt.date(2024, 9, 1), dt.date(2027, 7, 20))
    assert person.website == "" and person.dated


@pytest.mark.parametrize("written, value", [("yes", "yes"), ("Y", "yes"), ("TRUE", "yes"), ("1", "yes"),
                                            ("Given", "yes"), ("no", "no"), ("N", "no"), ("false", "no"),
                                            ("0", "no"), ("Refused", "no"), ("withdrawn", "withdrawn"),
                                            ("", ""), ("  ", "")])
def test_consent_values(written, value):
    assert read_value(written) == value


@pytest.mark.parametrize("written, day", [("2025-09-01", dt.date(2025, 9, 1)), ("01/09/2025", dt.date(2025, 9, 1)),
                                          ("1/9/2025", dt.date(2025, 9, 1)), ("01-09-2025", dt.date(2025, 9, 1)),
                                          ("1 Sep 2025", dt.date(2025, 9, 1)), ("1st September 2025",
                                                                                dt.date(2025, 9, 1)),
                                          ("2025-09-01T00:00:00", dt.date(2025, 9, 1)),
                                          ("01/09/2025 00:00", dt.date(2025, 9, 1)), ("", None)])
def test_uk_export_dates(written, day):
    assert read_date(written) == day


@pytest.mark.parametrize("written", ["09/31/2025", "2025/09/01", "Sept", "1 Smarch 2025", "01/09/25"])
def test_dates_that_cannot_be_read_are_refused(written):
    with pytest.raises(ValueError, match="is not a date schoollint can read"):
        read_date(written)


def test_a_bad_cell_names_file_row_and_column(tmp_path):
    with pytest.raises(RosterError, match=r"r.csv: row 3, column 'Website': 'perhaps' is not a consent"):
        roster_of(tmp_path, "Forename,Surname,Website\nRowan,Hughes,No\nIsla,Brennan,perhaps\n")


@pytest.mark.parametrize("cells, required, reason", [
    ("No,,,", False, REFUSED),
    ("withdrawn,,,", False, WITHDRAWN),
    ("Yes,,2026-03-01,", False, WITHDRAWN),            # withdrawn on a date already past
    ("Yes,,2026-03-11,", False, None),                 # withdrawn tomorrow: stands today
    ("Yes,2026-03-09,,", False, EXPIRED),
    ("Yes,2026-03-10,,", False, None),                 # ends today: still stands
    (",,,", False, None),
    (",,,", True, NOT_RECORDED),
    (",,,2025-09-01", True, None),                     # blank, but a date it was given
])
def test_what_consent_means_on_a_day(tmp_path, cells, required, reason):
    roster = roster_of(tmp_path, f"Forename,Surname,Website,Consent Expiry,Withdrawn On,Consent Given\n"
                                 f"Rowan,Hughes,{cells}\n")
    assert no_website_consent(roster.people[0], TODAY, required) == reason


def test_days_left_and_since_leaving(tmp_path):
    roster = roster_of(tmp_path, "Forename,Surname,Website,Review Date,Leaver Date\nTheo,Marsh,Y,2026-03-20,"
                                 "2025-12-01\n")
    [person] = roster.people
    assert days_left(person, TODAY) == 10              # a review date, with no expiry, is when it ends
    assert days_since_leaving(person, TODAY) == 99


def test_group_and_year_keys_match_how_captions_write_them():
    assert group_keys("Year 5", "5B") == ("5b", "year5")
    assert group_keys("R", "Oak") == ("oak", "yearr")
    assert {"5b", "year5"} <= group_words("Ellis (5B) and friends from Year 5")
    assert "year6" in group_words("Y6 sports day") and "year3" in group_words("Yr 3")


def test_each_row_is_one_person_with_every_name_it_may_be_written_as(tmp_path):
    roster = roster_of(tmp_path, "Legal Forename,Preferred Forename,Legal Surname,Reg Group,NC Year,Website\n"
                                 "Oliver James,Ollie,Dunn,3K,Year 3,yes\n")
    [person] = roster.people
    assert set(person.firsts) == {"oliver", "oliverjames", "ollie"}
    assert person.surnames == ("dunn",) and person.groups == ("3k", "year3")
    assert roster.people_with("firsts", "ollie") == roster.people_with("firsts", "oliver") == (person,)


def test_a_roster_without_consent_columns_records_nothing(tmp_path):
    roster = roster_of(tmp_path, "first_name,last_name,role\nNoah,Patel,pupil\n")
    assert not roster.recorded and roster.people[0].role == "pupil"


def test_a_version_1_hashed_roster_still_loads_and_records_no_consent(tmp_path, monkeypatch):
    import json

    from schoollint.names import write_hashed_roster

    key = "correct horse battery staple 42"
    source = tmp_path / "r.csv"
    source.write_text("Forename,Surname,Website\nRowan,Hughes,No\n")
    write_hashed_roster(source, tmp_path / "h.json", key.encode())
    document = json.loads((tmp_path / "h.json").read_text())
    assert document["people"][0]["website"] == "no"
    del document["people"]
    document["version"] = 1
    (tmp_path / "h.json").write_text(json.dumps(document))
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", key)
    roster = load_roster(tmp_path / "h.json")
    assert roster.role_of(["rowan"], ["hughes"]) == "pupil" and not roster.recorded
