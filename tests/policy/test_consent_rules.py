"""SL601 no-consent, SL602 consent-expiring, SL603 leaver-still-shown through the command line, on the
fixture school site (tests/kit/school_site.py) with its MIS-style roster."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.kit.school_site import build_school_site, roster_csv

CONSENT_RULES = ("SL601", "SL602", "SL603")
NAMES = ("Rowan", "Isla", "Theo", "Okafor", "Lowe", "Ellis", "Priya", "Nair", "Amara", "Osei", "Ollie", "Hughes")


@pytest.fixture
def site(repo, monkeypatch):
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY", raising=False)
    return build_school_site(repo)


def consent_findings(cli, site, *args: str, roster: str | None = None) -> tuple[int, list[dict]]:
    code, out, err = cli("check", "--no-vision", "--no-cache", "--output-format", "json", "--show-values", "--roster",
                         roster or str(site.roster), *args)
    assert "Traceback" not in err and "internal error" not in err, err
    return code, [f for f in json.loads(out)["findings"] if f["code"] in CONSENT_RULES]


def by_page(found: list[dict]) -> dict[str, list[tuple[str, str, str]]]:
    pages: dict[str, list] = {}
    for finding in found:
        pages.setdefault(finding["path"], []).append((finding["code"], finding["severity"], finding["value"]))
    return {page: sorted(rows) for page, rows in pages.items()}


def expected(*tables) -> dict[str, list]:
    merged: dict[str, list] = {}
    for table in tables:
        for page, rows in table.items():
            merged.setdefault(page, []).extend(rows)
    return {page: sorted(rows) for page, rows in merged.items()}


def test_each_consent_state_is_found_by_first_name_full_name_staff_title_and_file_name(site, cli):
    code, found = consent_findings(cli, site)
    assert code == 1
    assert by_page(found) == expected(site.expected)
    # the clean variants pair photos only with people whose consent stands: no finding there at all
    _code, out, _err = cli("check", "--no-vision", "--no-cache", "--output-format", "json", "--roster",
                           str(site.roster), "clean")
    assert json.loads(out)["findings"] == []


def test_messages_say_why_and_never_name_anyone(site, cli):
    _code, found = consent_findings(cli, site)
    messages = {f["value"]: f["message"] for f in found if f["path"] == "index.html"}
    assert messages["Rowan"] == ("photo images/sports-day.jpg: its alt text gives the first name of a pupil "
                                 "whose website consent is refused, though given for print")
    assert messages["Isla"].endswith("its figcaption gives the first name of a pupil whose website consent ends "
                                     "in 10 days")
    assert messages["Theo"].endswith("a pupil who left the school more than 90 days ago")
    assert messages["Mrs Okafor"].endswith("names a member of staff whose website consent is refused")
    for finding in found:
        assert not any(name in finding["message"] for name in NAMES), finding["message"]


def test_a_first_name_three_pupils_share_is_a_warning_unless_the_registration_group_settles_it(site, cli):
    _code, found = consent_findings(cli, site)
    ellis = {f["line"]: f for f in found if f["value"] == "Ellis"}
    shared, settled = ellis[4], ellis[6]
    assert shared["severity"] == "warning"
    assert shared["message"].endswith("gives a first name that 3 pupils on the roster share: one of them has no "
                                      "website consent (withdrawn)")
    assert settled["severity"] == "error"          # "Ellis (5B)": the one in 5B is the one who withdrew
    assert settled["message"].endswith("gives the first name of a pupil whose website consent is withdrawn")


def test_withdrawn_expired_and_file_name_findings(site, cli):
    _code, found = consent_findings(cli, site)
    messages = {f["value"]: f["message"] for f in found}
    assert messages["Priya Nair"].endswith("names a pupil whose website consent is expired")
    assert messages["amara-osei"] == ("photo ../images/amara-osei-netball.jpg: its file name names a pupil whose "
                                      "website consent is withdrawn")


def test_consent_required_makes_a_blank_consent_count_as_refused(site, cli):
    site.config("consent: required\n")
    _code, found = consent_findings(cli, site)
    assert by_page(found) == expected(site.expected, site.expected_required)
    [ollie] = [f for f in found if f["value"] == "ollie"]
    assert ollie["message"].endswith("its file name gives the first name of a pupil whose website consent is "
                                     "not recorded")


def test_options_move_the_thresholds(site, cli):
    site.config("SL602:\n  warn-days: 5\nSL603:\n  grace-days: 300\n")
    _code, found = consent_findings(cli, site)
    codes = {(f["code"], f["value"]) for f in found}
    assert ("SL602", "Isla") not in codes                   # ends in 10 days: beyond 5
    assert ("SL603", "Theo") not in codes                   # left 200 days ago: within 300
    assert ("SL603", "Mrs Lowe") in codes                   # left 400 days ago


def test_a_consent_that_has_ended_is_sl601_and_no_longer_sl602(site, cli):
    code, out, _ = cli("check", "--no-vision", "--output-format", "json", "--show-values", "--roster", str(site.roster))
    isla = [f["code"] for f in json.loads(out)["findings"] if f["value"] == "Isla"]
    assert isla == ["SL602"]
    # The same roster exported as if 11 days earlier: Isla's consent ended yesterday.
    site.roster.write_bytes(roster_csv(site.today - dt.timedelta(days=11)))
    code, out, _ = cli("check", "--no-vision", "--output-format", "json", "--show-values", "--roster", str(site.roster))
    isla = [f["message"] for f in json.loads(out)["findings"] if f["value"] == "Isla"]
    assert len(isla) == 1 and isla[0].endswith("whose website consent is expired")


def test_the_day_keys_the_cache_only_when_the_roster_holds_dates(site, tmp_path):
    """Findings of a dated roster change from one day to the next with no file changed: the run's
    settings (which key the cache) carry the day then, and only then."""
    from schoollint.run_settings import settings_for

    settings = settings_for(str(site.roster), "required")
    assert settings["consent"] == "required"
    assert settings["consent-day"] == dt.datetime.now(dt.timezone.utc).date().isoformat()
    undated = tmp_path / "undated.csv"
    undated.write_text("Forename,Surname,Website\nRowan,Hughes,No\n")
    assert "consent-day" not in settings_for(str(undated))
    assert "consent-day" not in settings_for(None)


def test_staff_allow_keeps_staff_names_out_of_sl302_but_not_out_of_consent(site, cli):
    site.write("staff.html", '<p><img src="images/reading-club.jpg" alt="Grace Okafor reading"></p>\n')
    code, out, _ = cli("check", "--no-vision", "--no-cache", "--output-format", "json", "--show-values", "--roster",
                       str(site.roster), "staff.html")
    found = {(f["code"], f["value"]) for f in json.loads(out)["findings"]}
    assert ("SL601", "Grace Okafor") in found
    assert not any(code in ("SL302", "SL303") for code, _value in found)


def test_without_a_roster_the_consent_rules_find_nothing(site, cli):
    code, out, _ = cli("check", "--no-vision", "--no-cache", "--output-format", "json")
    assert not [f for f in json.loads(out)["findings"] if f["code"] in CONSENT_RULES]


@pytest.mark.parametrize("cell, column, message", [
    ("maybe", "Photo Consent (Website)", "'maybe' is not a consent schoollint can read"),
    ("31/02/2026", "Consent Expiry", "'31/02/2026' is not a date schoollint can read"),
    ("next June", "Leaving Date", "'next June' is not a date"),
])
def test_an_unreadable_consent_value_or_date_stops_the_run_naming_file_row_and_column(site, cli, cell, column,
                                                                                       message):
    text = site.roster.read_bytes().decode("utf-8-sig")
    lines = text.split("\r\n")
    header = lines[0].split(",")
    row = lines[3].split(",")
    row[header.index(column)] = cell
    lines[3] = ",".join(row)
    site.roster.write_bytes(("\ufeff" + "\r\n".join(lines)).encode("utf-8"))
    code, out, err = cli("check", "--no-vision", "--roster", str(site.roster))
    assert code == 2 and out == ""
    assert f"pupils.csv: row 4, column '{column}': {message}" in err
    assert "Traceback" not in err


def test_a_surname_in_the_same_text_settles_a_shared_first_name_either_way(site, cli):
    site.write("family.html", '<p><img src="images/robots.jpg" alt="Ellis of the Ward family"></p>\n'
                              '<p><img src="images/painting.jpg" alt="Ellis of the Stone family"></p>\n'
                              '<p><img src="images/maths.jpg" alt="Ellis Stone with her maths prize"></p>\n')
    _code, found = consent_findings(cli, site, "family.html")
    assert [(f["line"], f["severity"], f["value"]) for f in found] == [(1, "error", "Ellis")]
    assert found[0]["message"].endswith("gives the first name of a pupil whose website consent is withdrawn")
