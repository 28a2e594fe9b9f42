"""Rosters: plain CSV or name-per-line files, hashed rosters, exact matching."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from pathlib import Path

import pytest

from schoollint.names import NameFinder, RosterError, first_names_only, load_roster, write_hashed_roster

KEY = b"correct horse battery staple 42"
ROSTER_CSV = (
    "\ufefffirst_name,last_name,role\n"        # Excel writes a byte-order mark
    "Amelia Rose,Watson,pupil\n"
    "Seán,O’Brien,\n"
    "# left in September\n"
    "\n"
    "Noah,Patel\n"
    "Sarah,Jones,staff\n"
    "Zephyrine,Quillfeather,pupil\n"
    "Leo,Smith-Jones,pupil\n"
)
NAMES = ("Amelia", "Watson", "Seán", "Sean", "O’Brien", "OBrien", "Noah", "Patel", "Sarah", "Jones",
         "Zephyrine", "Quillfeather", "Leo", "Smith")


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def roster_csv(tmp_path) -> Path:
    return write(tmp_path / "roster.csv", ROSTER_CSV)


@pytest.fixture
def hashed_path(tmp_path, roster_csv, monkeypatch) -> Path:
    dest = tmp_path / "roster.hashed.json"
    write_hashed_roster(roster_csv, dest, KEY)
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", KEY.decode())
    return dest


def matches(finder: NameFinder, text: str) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.first, m.role, m.source) for m in finder.in_text(text)]


def test_csv_roster_matches_exactly_and_gives_roles(roster_csv):
    finder = NameFinder(load_roster(roster_csv))
    text = "zephyrine quillfeather met Sarah Jones; Noah Patel's kite flew."
    assert matches(finder, text) == [
        ("zephyrine quillfeather", "zephyrine", "pupil", "roster"),   # no capitals: the heuristic alone misses it
        ("Sarah Jones", "Sarah", "staff", "roster"),
        ("Noah Patel", "Noah", "pupil", "roster"),
    ]
    assert first_names_only(text, finder.in_text(text)) == "zephyrine met Sarah Jones; Noah's kite flew."


@pytest.mark.parametrize("written", ["Sean OBrien", "Seán O'Brien", "SEÁN O’BRIEN", "Sean  O’Brien",
                                     "Seán\u00a0O'Brien"])
def test_accents_case_apostrophes_and_spaces_do_not_matter(roster_csv, written):
    [match] = NameFinder(load_roster(roster_csv)).in_text(f"Well done {written}!")
    assert (match.text, match.role, match.source) == (written, "pupil", "roster")


@pytest.mark.parametrize("written", ["Leo Smith-Jones", "Leo Smith Jones", "Leo Smith\u2010Jones",
                                     "Leo Smith\u2013Jones"])
def test_hyphen_or_space_in_a_surname(roster_csv, written):
    [match] = NameFinder(load_roster(roster_csv)).in_text(f"{written} ran.")
    assert match.text == written and match.first == "Leo"


def test_middle_name_and_first_given_name_both_match(roster_csv):
    finder = NameFinder(load_roster(roster_csv))
    assert matches(finder, "Amelia Rose Watson sang.") == [("Amelia Rose Watson", "Amelia Rose", "pupil", "roster")]
    assert matches(finder, "Amelia Watson sang.") == [("Amelia Watson", "Amelia", "pupil", "roster")]


def test_surname_first_as_in_class_lists(roster_csv):
    finder = NameFinder(load_roster(roster_csv))
    text = "Reading group: Patel, Noah; Quillfeather, Zephyrine."
    assert [(m.text, m.first) for m in finder.in_text(text)] == [("Patel, Noah", "Noah"),
                                                                 ("Quillfeather, Zephyrine", "Zephyrine")]
    assert first_names_only(text, finder.in_text(text)) == "Reading group: Noah; Zephyrine."


def test_first_name_alone_or_other_surname_is_not_a_roster_match(roster_csv):
    finder = NameFinder(load_roster(roster_csv))
    assert finder.in_text("Noah and Amelia won; zephyrine smith too.") == []


def test_roster_match_wins_over_the_heuristic(roster_csv):
    finder = NameFinder(load_roster(roster_csv))
    assert matches(finder, "Thanks Sarah Jones and Oliver Smith.") == [
        ("Sarah Jones", "Sarah", "staff", "roster"),
        ("Oliver Smith", "Oliver", "unknown", "heuristic"),
    ]


@pytest.mark.parametrize("name, text, first", [
    ("noah-patel-award.jpg", "noah-patel", "noah"),
    ("NoahPatel_award.jpg", "NoahPatel", "Noah"),
    ("IMG_0042_zephyrine_quillfeather.JPG", "zephyrine_quillfeather", "zephyrine"),
    ("SeanOBrien.png", "SeanOBrien", "Sean"),
    ("sean-o-brien.png", "sean-o-brien", "sean"),
    ("amelia-rose-watson.webp", "amelia-rose-watson", "amelia-rose"),
])
def test_roster_names_in_file_names(roster_csv, name, text, first):
    [match] = NameFinder(load_roster(roster_csv)).in_filename(name)
    assert (match.text, match.first, match.source) == (text, first, "roster")


def test_one_full_name_a_line(tmp_path):
    roster = load_roster(write(tmp_path / "names.txt", "Amelia Rose Watson\n\n# staff are not listed\nNoah Patel\n"))
    finder = NameFinder(roster)
    assert [(m.text, m.first) for m in finder.in_text("Amelia Rose Watson and Noah Patel")] == [
        ("Amelia Rose Watson", "Amelia"), ("Noah Patel", "Noah")]


def test_csv_without_header(tmp_path):
    roster = load_roster(write(tmp_path / "r.csv", "Nameer,Khan\nFirst,Aid\n"))   # "Nameer" is no header
    finder = NameFinder(roster)
    assert [m.text for m in finder.in_text("Nameer Khan")] == ["Nameer Khan"]
    assert [m.source for m in finder.in_text("first aid")] == ["roster"]


@pytest.mark.parametrize("content, message", [
    ("first_name,last_name,role\nAmelia,Watson,visitor\n", "r.csv:2: role must be pupil or staff, got 'visitor'"),
    ("Amelia Watson\nNoah\n", "r.csv:2: expected a full name"),
    ("Amelia,Watson,pupil,extra\n", "r.csv: no name column in the header (saw: Amelia, Watson, pupil, extra)"),
    ("Amelia,,pupil\n", "r.csv:1: expected a full name"),
    ("a b c d e f\n", "r.csv:1: a name of more than 5 words"),
    ("first_name,last_name\n", "r.csv: roster holds no names"),
])
def test_bad_rosters_name_file_and_line(tmp_path, content, message):
    with pytest.raises(RosterError) as caught:
        load_roster(write(tmp_path / "r.csv", content))
    assert message in str(caught.value)
    assert str(tmp_path / "r.csv") in str(caught.value)


def test_unreadable_rosters(tmp_path):
    with pytest.raises(RosterError, match="cannot read roster"):
        load_roster(tmp_path / "missing.csv")
    (tmp_path / "latin1.csv").write_bytes("Zoë,Müller\n".encode("latin-1"))
    assert "Windows-1252" in load_roster(tmp_path / "latin1.csv").notes[0]     # Excel's plain CSV, with a note
    (tmp_path / "neither.csv").write_bytes(b"Zo\x81,M\x8dller\n")
    with pytest.raises(RosterError, match="neither UTF-8 nor Windows-1252"):
        load_roster(tmp_path / "neither.csv")


def test_hashed_roster_matches_like_the_plain_one(roster_csv, hashed_path):
    plain, hashed = NameFinder(load_roster(roster_csv)), NameFinder(load_roster(hashed_path))
    for text in ("zephyrine quillfeather met Sarah Jones; Noah Patel's kite flew.",
                 "Patel, Noah and Amelia Rose Watson", "Seán O’Brien and Leo Smith Jones", "Amelia Watson"):
        assert matches(hashed, text) == matches(plain, text) != []
    for name in ("NoahPatel_award.jpg", "amelia-rose-watson.jpg"):
        assert hashed.in_filename(name) == plain.in_filename(name) != []


def test_hashed_roster_file_names_nobody_and_is_keyed(roster_csv, hashed_path):
    raw = hashed_path.read_bytes()
    for name in NAMES:
        for form in (name, name.lower(), name.upper()):
            assert form.encode() not in raw
    document = json.loads(raw)
    assert document["format"] == "schoollint-hashed-roster" and document["version"] == 2
    assert document["algorithm"] == "HMAC-SHA256"
    # The digest is an HMAC of the normalised "given|surname" string: without the key it cannot be recomputed.
    expected = hmac.new(KEY, b"noah|patel", hashlib.sha256).hexdigest()
    assert expected in document["pupil"]
    assert hashlib.sha256(b"noah|patel").hexdigest() not in document["pupil"]
    assert hmac.new(KEY, b"sarah|jones", hashlib.sha256).hexdigest() in document["staff"]
    assert document["pupil"] == sorted(document["pupil"])          # order reveals nothing
    # Words a name can start with, hashed too: they let matching skip other words cheaply.
    assert hmac.new(KEY, b"noah", hashlib.sha256).hexdigest() in document["given"]
    assert hmac.new(KEY, b"ameliarose", hashlib.sha256).hexdigest() in document["given"]


def test_write_hashed_roster_counts_digests(roster_csv, tmp_path):
    # 6 names, one with two given names written also as "Amelia Watson": 7 digests
    assert write_hashed_roster(roster_csv, tmp_path / "h.json", KEY).names == 7
    document = json.loads((tmp_path / "h.json").read_text())
    assert (len(document["pupil"]), len(document["staff"])) == (6, 1)


def test_hashed_roster_needs_the_right_key(roster_csv, hashed_path, monkeypatch):
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY")
    with pytest.raises(RosterError, match="set SCHOOLLINT_ROSTER_KEY"):
        load_roster(hashed_path)
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", "a different key of enough length")
    with pytest.raises(RosterError, match="not the key this roster was written with"):
        load_roster(hashed_path)


def test_hashed_roster_matching_is_fast_enough_for_a_site(hashed_path):
    finder = NameFinder(load_roster(hashed_path))
    page = "The children of Year 6 walked to the park with their teachers. " * 200 + "Noah Patel won."
    started = time.process_time()
    assert [m.text for m in finder.in_text(page)] == ["Noah Patel"]
    assert time.process_time() - started < 0.5      # ~2,400 words: one HMAC each, not ten


def test_short_keys_and_double_hashing_are_refused(roster_csv, hashed_path, tmp_path):
    with pytest.raises(RosterError, match="at least 16 bytes"):
        write_hashed_roster(roster_csv, tmp_path / "h.json", b"short")
    with pytest.raises(RosterError, match="already a hashed roster"):
        write_hashed_roster(hashed_path, tmp_path / "h2.json", KEY)


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(version=3), "version 3 is not supported"),
    (lambda d: d.update(people={}), "\"people\" must be a list"),
    (lambda d: d["people"][0].update(names=["Noah"]), "\"names\" must be a list of 64-character"),
    (lambda d: d["people"][0].update(website="maybe"), "'maybe' is not a consent"),
    (lambda d: d.update(format="other"), "not a schoollint hashed roster"),
    (lambda d: d.update(pupil=["abc"]), "64-character hex digests"),
    (lambda d: d.update(staff="x"), "64-character hex digests"),
    (lambda d: d.update(given=[1]), "\"given\" must be a list"),
])
def test_damaged_hashed_rosters(hashed_path, change, message):
    document = json.loads(hashed_path.read_text())
    change(document)
    hashed_path.write_text(json.dumps(document))
    with pytest.raises(RosterError, match=message):
        load_roster(hashed_path)


def test_hashed_roster_that_is_not_json(tmp_path, monkeypatch):
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", KEY.decode())
    with pytest.raises(RosterError, match=r"h.json:2: hashed roster is not valid JSON"):
        load_roster(write(tmp_path / "h.json", '{"format":\n nope}'))


# A roster as a school's MIS exports it (SIMS/Arbor style): headers in their own
# order and spelling, legal and preferred names, columns schoollint does not use.
MIS_EXPORT = (
    "\ufeffUPN,Legal Surname,Legal Forename,Preferred Forename,Preferred Surname,NC Year,Reg Group,Staff/Pupil,DOB\n"
    "A123456789012,Kowalczyk,Zofia,Zosia,Kowalczyk,Year 5,5B,Pupil,2015-03-02\n"
    "A123456789013,Okonkwo-Brown,Chidinma,Chi,Brown,Year 6,6W,Pupil,2014-07-19\n"
    ",Hartley,Sarah,,,,,Staff,\n"
)


@pytest.mark.parametrize("text, role", [
    ("Zofia Kowalczyk won.", "pupil"), ("Zosia Kowalczyk won.", "pupil"),       # legal and preferred forename
    ("Chi Brown sang.", "pupil"), ("Chidinma Okonkwo-Brown sang.", "pupil"),    # preferred and legal surname
    ("Sarah Hartley read.", "staff"),
])
def test_roster_header_aliases_from_an_mis_export(tmp_path, text, role):
    roster = load_roster(write(tmp_path / "export.csv", MIS_EXPORT))
    [match] = [m for m in NameFinder(roster).in_text(text) if m.source == "roster"]
    assert match.role == role and match.text == text.rsplit(" ", 1)[0]


@pytest.mark.parametrize("header", ["first_name,last_name", "First Name,Last Name", "forename,surname",
                                    "Given Name,Family Name", "Chosen Name,Legal Surname", "surname,forename",
                                    "Year Group,Form,Forename,Surname,Type", "class,Legal Forename,Preferred Surname"])
def test_roster_header_aliases_in_any_order(tmp_path, header):
    columns = header.split(",")
    values = {"first": "Zofia", "last": "Kowalczyk"}
    row = []
    for column in columns:
        key = column.casefold().replace(" ", "").replace("_", "")
        row.append(values["last"] if key in ("lastname", "surname", "familyname", "legalsurname", "preferredsurname")
                   else values["first"] if "name" in key or "forename" in key else "Pupil" if key == "type" else "5B")
    roster = load_roster(write(tmp_path / "r.csv", header + "\n" + ",".join(row) + "\n"))
    found = [m.text for m in NameFinder(roster).in_text("Zofia Kowalczyk won") if m.source == "roster"]
    assert found == ["Zofia Kowalczyk"]


def test_roster_with_no_name_column_is_exit_2_naming_file_and_headers(tmp_path, capsys):
    from schoollint.cli import main

    roster = write(tmp_path / "pupils.csv", "UPN,DOB,Reg Group\nA1,2015-01-01,5B\n")
    (tmp_path / "site").mkdir()
    assert main(["check", str(tmp_path / "site"), "--roster", str(roster)]) == 2
    error = capsys.readouterr().err
    assert "pupils.csv" in error and "UPN, DOB, Reg Group" in error and "Traceback" not in error
