"""Rosters as schools export them, through the command line (fresh-eyes trial items 4, 14 and 15).

Each roster here is bytes an MIS or Excel writes: a byte-order mark, Windows line endings, extra
columns (UPN, registration group, e-mail), header wordings that differ from school to school,
Windows-1252 or UTF-16 text, semicolons or tabs between cells. The site is a real Git repository
with a page pairing a photo with a pupil's first name; SL601 must find it, or the run must say
why it could not judge: never "no findings" for a check that did not happen.
"""

from __future__ import annotations

import json

import pytest

from tests.kit.git import git
from tests.kit.sites import clean_photo

KEY = "a-long-secret-key-from-the-ci-settings"
PAGE = '<html><body><p><img src="sports.jpg" alt="{name} at sports day"></p></body></html>\n'
EXTRA = ("UPN", "Reg Group", "Email")          # columns an export carries that schoollint does not read


def export(path, header: list[str], rows: list[list[str]], delimiter=",", encoding="utf-8-sig") -> str:
    """A roster file as Excel or an MIS writes it: CRLF line ends, extra columns; returns its path."""
    lines = [delimiter.join([*header, *EXTRA])]
    lines += [delimiter.join([*row, f"A12345678901{i}", "5B", "parent@example.org"]) for i, row in enumerate(rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return str(path)


@pytest.fixture
def site(repo):
    clean_photo(repo / "sports.jpg")
    (repo / "index.html").write_text(PAGE.format(name="Poppy"), encoding="utf-8")
    return repo


def check(cli, *args):
    code, out, err = cli("check", "--no-cache", "--output-format", "json", *args)
    return code, [f["code"] for f in json.loads(out)["findings"]] if out else [], err


# Item 4: a consent column under another wording is read, not silently ignored.
@pytest.mark.parametrize("header", ["Website Photo Consent", "Photo Consent", "Consent - Photos on school website",
                                    "PhotoConsent (Website)", "Permission for photos online",
                                    "Photo consent - website and social media"])
def test_website_consent_under_the_wordings_schools_export(site, tmp_path, cli, header):
    roster = export(tmp_path / "r.csv", ["Forename", "Surname", header, "Leaving Date"],
                    [["Poppy", "Harris", "No", ""]])
    code, codes, err = check(cli, "--select", "SL6", "--roster", roster)
    assert (code, codes) == (1, ["SL601"]), err


def test_other_scopes_are_kept_apart_from_the_website(site, tmp_path, cli):
    header = ["Forename", "Surname", "Photo Consent (Social Media)", "Photos in newsletter", "Website Photo Consent"]
    roster = export(tmp_path / "r.csv", header, [["Poppy", "Harris", "No", "No", "Yes"]])
    assert check(cli, "--select", "SL6", "--roster", roster)[:2] == (0, [])
    only_social = export(tmp_path / "s.csv", header[:3], [["Poppy", "Harris", "No"]])
    code, codes, err = check(cli, "--roster", only_social)
    assert (code, codes) == (0, [])
    assert "SL601, SL602, SL603 judged no one: the roster has no column they read" in err


def test_two_website_columns_the_refusal_stands(site, tmp_path, cli):
    roster = export(tmp_path / "r.csv", ["Forename", "Surname", "Photo Consent", "Website Photo Consent"],
                    [["Poppy", "Harris", "Yes", "No"]])
    assert check(cli, "--select", "SL601", "--roster", roster)[:2] == (1, ["SL601"])


@pytest.mark.parametrize("header", ["Consent", "Parental Consent Status"])
def test_a_consent_column_that_does_not_say_to_what_stops_the_run(site, tmp_path, cli, header):
    roster = export(tmp_path / "r.csv", ["Forename", "Surname", header], [["Poppy", "Harris", "No"]])
    code, _codes, err = check(cli, "--roster", roster)
    assert code == 2
    assert f"column {header!r} looks like consent but does not say to what" in err
    assert "Photo consent (website)" in err and "--ignore SL601,SL602,SL603" in err
    assert "Poppy" not in err and "Harris" not in err


def test_another_consent_beside_the_website_one_is_noted(site, tmp_path, cli):
    roster = export(tmp_path / "r.csv", ["Forename", "Surname", "Trip Consent", "Website Photo Consent",
                                         "Leaving Date"], [["Poppy", "Harris", "Yes", "No", ""]])
    code, codes, err = check(cli, "--roster", roster)
    assert code == 1 and "SL601" in codes
    assert "not read as a consent schoollint checks: 'Trip Consent'" in err


def test_consent_rules_selected_with_nothing_to_judge_say_so(site, tmp_path, cli):
    names_only = export(tmp_path / "r.csv", ["Forename", "Surname"], [["Poppy", "Harris"]])
    for selection in (("--select", "SL6"), ()):                       # by name, or every rule: a note, not a pass
        code, codes, err = check(cli, *selection, "--roster", names_only)
        assert (code, codes) == (0, [])
        assert ("r.csv: SL601, SL602, SL603 judged no one: the roster has no column they read (website consent, "
                "as 'Photo consent (website)'; or a leaving date, as 'Leaving date')") in err
    code, _codes, err = check(cli, "--select", "SL601")                 # no roster at all
    assert code == 0 and "SL601 needs the school's roster, so it judged no one" in err
    assert "judged no one" not in check(cli)[2]                         # no roster, every rule: nothing to say


# Item 14: the file formats Excel writes.
def test_windows_1252_roster_is_read_with_a_note(site, tmp_path, cli):
    (site / "index.html").write_text(PAGE.format(name="Zoë"), encoding="utf-8")
    roster = export(tmp_path / "r.csv", ["Forename", "Surname", "Website Photo Consent"],
                    [["Zoë", "Müller", "No"], ["Poppy", "Harris", "Yes"]], encoding="cp1252")
    code, codes, err = check(cli, "--roster", roster)
    assert (code, codes) == (1, ["SL601"]), err
    assert "read as Windows-1252" in err and "CSV UTF-8" in err


def test_a_roster_in_neither_encoding_says_how_to_save_it(site, tmp_path, cli):
    (tmp_path / "r.csv").write_bytes(b"Forename,Surname\r\nZo\x81,M\x8dller\r\n")
    code, _codes, err = check(cli, "--roster", str(tmp_path / "r.csv"))
    assert code == 2 and "neither UTF-8 nor Windows-1252" in err and "CSV UTF-8" in err


@pytest.mark.parametrize("delimiter, encoding, first_line", [
    (";", "utf-8-sig", ""),                 # European Excel: the decimal mark is a comma
    (";", "cp1252", "sep=;\r\n"),           # Excel's own separator line
    ("\t", "utf-16", ""),                   # Excel's "Unicode Text"
    ("\t", "utf-8", ""),                    # a TSV export
])
def test_semicolon_and_tab_separated_rosters(site, tmp_path, cli, delimiter, encoding, first_line):
    path = tmp_path / "r.csv"
    export(path, ["Legal Forename", "Legal Surname", "Website Photo Consent", "Leaving Date"],
           [["Poppy", "Harris", "No", ""], ["Rowan Amelia", "Hughes-Patel", "Yes", "01/09/2030"]],
           delimiter=delimiter, encoding=encoding)
    if first_line:
        path.write_bytes(first_line.encode(encoding) + path.read_bytes())
    code, codes, err = check(cli, "--roster", str(path))
    assert (code, codes) == (1, ["SL601"]), err


# Item 15: the hashed roster is found at the repository root, and `roster hash` says how.
def test_hashed_roster_at_the_root_is_used_and_explained(site, tmp_path, cli, monkeypatch):
    roster = export(tmp_path / "r.csv", ["Forename", "Surname", "Website Photo Consent", "Leaving Date"],
                    [["Poppy", "Harris", "No", ""], ["Rowan", "Hughes", "Yes", ""]])
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", KEY)
    code, out, err = cli("roster", "hash", roster)
    assert code == 0, err
    assert "wrote .schoollint-roster: 2 people (2 hashed names); consent columns read: leaving, website" in out
    assert "`schoollint check` reads it there when SCHOOLLINT_ROSTER_KEY" in out
    assert "Poppy" not in out and "Poppy" not in (site / ".schoollint-roster").read_text()
    git(site, "add", ".")
    git(site, "commit", "-qm", "site and hashed roster")
    assert check(cli)[:2] == (1, ["SL601"])                           # no --roster: found at the root
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY")
    code, codes, err = check(cli)
    assert (code, codes) == (0, []) and ".schoollint-roster is here but SCHOOLLINT_ROSTER_KEY is not set" in err
    code, _codes, err = check(cli, "--select", "SL601")
    assert code == 0 and "SCHOOLLINT_ROSTER_KEY is not set: names are checked without" in err
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", KEY + "-not-this-one")  # a wrong key is an error, not a note
    code, _codes, err = check(cli)
    assert code == 2 and "SCHOOLLINT_ROSTER_KEY is not the key this roster was written with" in err


def test_hash_elsewhere_says_how_to_name_it_and_what_it_cannot_judge(site, tmp_path, cli, monkeypatch):
    roster = export(tmp_path / "r.csv", ["Forename", "Surname", "Trip Consent"], [["Poppy", "Harris", "No"]])
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", KEY)
    code, out, err = cli("roster", "hash", roster, "-o", "ci/roster.json")
    assert code == 2 and "ci/roster.json: cannot write the hashed roster" in err      # no such folder
    (site / "ci").mkdir()
    code, out, err = cli("roster", "hash", roster, "-o", "ci/roster.json")
    assert code == 0, err
    assert "1 person (1 hashed name)" in out and "not read (no consent scope schoollint checks): 'Trip Consent'" in out
    assert "SL601 and SL602 will judge no one" in out and "--roster ci/roster.json" in out
    code, _codes, err = check(cli, "--roster", "ci/roster.json")
    assert code == 0 and "judged no one" in err                       # the hashed form keeps what it records
