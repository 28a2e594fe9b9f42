"""Trial 6, item 8: rosters shaped like real MIS exports (Arbor "Student", a "Pupil" column, SIMS and
Bromcom consent words such as "Not Given" and "Granted") are read, not refused, through the command line;
what cannot be read is said in plain words, with the accepted headers and a normalised path."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from tests.conftest import git

PAGE = '<p><img src="images/relay.jpg" alt="Relay race"> Leo Fischer and Amira Hussain win the relay</p>\n'


@pytest.fixture
def site(repo, monkeypatch):
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY", raising=False)
    (repo / "images").mkdir()
    Image.new("RGB", (800, 600), (200, 40, 40)).save(repo / "images" / "relay.jpg", quality=90)
    (repo / "index.html").write_text(PAGE, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "relay")
    (repo.parent / "private").mkdir()
    return repo


def roster(site, name: str, text: str) -> str:
    """The roster outside the site, named the way the trial named it: site/../private/NAME."""
    (site.parent / "private" / name).write_bytes(text.encode("utf-8"))
    return f"{site}/../private/{name}"


def consent(cli, path: str) -> tuple[int, list[tuple[str, str]], str]:
    code, out, err = cli("check", "--no-vision", "--no-cache", "--output-format", "json", "--show-values",
                         "--roster", path)
    assert "Traceback" not in err
    found = json.loads(out)["findings"] if out else []
    return code, sorted((f["code"], f["message"]) for f in found if f["code"] == "SL601"), err


@pytest.mark.parametrize("header", ["Student", "Pupil", "Child", "Learner", "Student Name", "Child's Name"])
def test_a_whole_name_column_headed_as_arbor_or_bromcom_head_it_is_read(site, cli, header):
    path = roster(site, "arbor.csv", f'"{header}","Year","Registration Form","Consent - Photos on school website"\r\n'
                                     '"Hussain, Amira","Year 4","4B","Given"\r\n'
                                     '"Fischer, Leo","Year 2","2A","Refused"\r\n')
    code, found, err = consent(cli, path)
    assert code == 1, err
    assert len(found) == 1 and "refused" in found[0][1]


@pytest.mark.parametrize("refused, given", [
    ("Not Given", "Granted"), ("Not Granted", "Consent given"), ("Declined", "Agreed"), ("DENIED", "granted"),
    ("Opted out", "Yes"), ("not-given", "Consent Given."),
])
def test_mis_consent_words_for_given_and_not_given(site, cli, refused, given):
    path = roster(site, "sims.csv", "Legal Surname,Legal Forename,Reg Group,Photo Consent (Website)\r\n"
                                    f"Fischer,Leo,2A,{refused}\r\nHussain,Amira,4B,{given}\r\n")
    code, found, err = consent(cli, path)
    assert code == 1, err
    assert [message.split(": ")[-1] for _code, message in found] == [
        "its paragraph names a pupil whose website consent is refused"]


@pytest.mark.parametrize("word", ["Revoked", "Withdrawn"])
def test_revoked_is_a_withdrawal(site, cli, word):
    path = roster(site, "r.csv", f"Forename,Surname,Photo Consent (Website)\nLeo,Fischer,{word}\nAmira,Hussain,Yes\n")
    code, found, _ = consent(cli, path)
    assert code == 1 and "withdrawn" in found[0][1]


@pytest.mark.parametrize("word", ["Pending", "Not returned", "Unknown", ""])
def test_an_answer_not_yet_in_is_not_recorded_and_counts_as_refused_when_consent_is_required(site, cli, word):
    path = roster(site, "r.csv", f"Forename,Surname,Photo Consent (Website)\nLeo,Fischer,{word}\nAmira,Hussain,Yes\n")
    _code, found, _ = consent(cli, path)
    assert found == []
    (site / ".schoollint.yml").write_text("consent: required\n", encoding="utf-8")
    code, found, _ = consent(cli, path)
    assert code == 1 and "not recorded" in found[0][1]


def test_an_unknown_consent_word_stops_the_run_in_plain_words_with_a_normalised_path(site, cli):
    path = roster(site, "bromcom.csv", "Forename,Surname,Consent: Photographs - Website\nLeo,Fischer,Maybe later\n")
    code, out, err = cli("check", "--no-vision", "--no-cache", "--roster", path)
    assert code == 2 and out == ""
    expected = f"{site.parent}/private/bromcom.csv: row 2, column 'Consent: Photographs - Website': 'Maybe later'"
    assert expected in err and "/../" not in err
    assert "Yes, Given, Granted" in err and "Not given" in err and "Pending" in err


def test_a_header_without_a_name_column_lists_the_headers_accepted(site, cli):
    path = roster(site, "x.csv", "Kid,Year,Photo Consent (Website)\nLeo Fischer,2,No\n")
    code, _out, err = cli("check", "--no-vision", "--no-cache", "--roster", path)
    assert code == 2 and "/../" not in err
    assert "no name column in the header (saw: Kid, Year, Photo Consent (Website))" in err
    for header in ("Forename", "Surname", "Full Name", "Pupil", "Student", "Child", "Learner"):
        assert header in err


def test_the_run_notes_name_the_roster_without_dot_dot(site, cli):
    path = roster(site, "arbor.csv", '"Student","Consent - Photos on school website"\n"Fischer, Leo","Given"\n')
    code, _out, err = cli("check", "--no-vision", "--no-cache", "--roster", path)
    assert code == 1 and "SL603 judged no one" in err and "/../" not in err
