"""A roster whose one name column is written as MIS exports and class lists write it ("Sinclair, Poppy",
"SINCLAIR Poppy", "Poppy SINCLAIR", middle names, a preferred name in brackets), through the command
line on a real site (git repo, Pillow JPEG, HTML page): the pupil with refused consent is caught; a
name that cannot be split stops the run naming file, row and column; capitals only are read with a note."""

from __future__ import annotations

import json

import pytest

from tests.kit.images import encode, gradient

PAGE = '<!doctype html><html lang="en"><body><img src="images/{photo}" alt=""></body></html>\n'


def site(repo, photo: str, roster_text: str):
    (repo / "images").mkdir()
    (repo / "images" / photo).write_bytes(encode(gradient(), "JPEG", quality=90))
    (repo / "index.html").write_text(PAGE.format(photo=photo), encoding="utf-8")
    roster = repo.parent / "pupils.csv"          # outside the site, as a school keeps it
    roster.write_bytes(roster_text.encode("utf-8"))
    return roster


def check(cli, roster) -> tuple[int, list[dict], str]:
    code, out, err = cli("check", "--no-vision", "--no-cache", "--no-baseline", "--output-format", "json",
                         "--show-values", "--roster", str(roster), "index.html")
    assert "Traceback" not in err and "internal error" not in err, err
    findings = json.loads(out)["findings"] if out.strip() else []
    return code, [(f["code"], f["value"]) for f in findings if f["code"] == "SL601"], err


@pytest.mark.parametrize(("cell", "photo", "value"), [
    ('"Sinclair, Poppy"', "poppy-sinclair-2.jpg", "poppy-sinclair"),
    ('"SINCLAIR, Poppy"', "poppy-sinclair-2.jpg", "poppy-sinclair"),
    ("SINCLAIR Poppy", "poppy-sinclair-2.jpg", "poppy-sinclair"),
    ("Poppy SINCLAIR", "poppy-sinclair-2.jpg", "poppy-sinclair"),
    ("Poppy Jane SINCLAIR", "poppy-sinclair-2.jpg", "poppy-sinclair"),
    ('"Sinclair, Poppy Jane"', "poppy-sinclair-2.jpg", "poppy-sinclair"),
    ("Poppy Jane Sinclair", "poppy-sinclair-2.jpg", "poppy-sinclair"),
    ('"Sinclair, Margaret (Peggy)"', "peggy-sinclair-2.jpg", "peggy-sinclair"),
    ("Anna van der Berg", "anna-van-der-berg.jpg", "anna-van-der-berg"),
])
def test_each_written_form_of_a_refused_pupil_is_caught(repo, cli, cell, photo, value):
    other = "Brennan, Oliver" if "," in cell else "Oliver BRENNAN" if "SINCLAIR" in cell else "Oliver Brennan"
    roster = site(repo, photo, f'Name,Reg,Website\r\n{cell},2A,No\r\n"{other}",4B,Yes\r\n')
    code, found, _err = check(cli, roster)
    assert code == 1
    assert found == [("SL601", value)]


def test_a_name_that_cannot_be_split_stops_the_run_naming_file_row_and_column(repo, cli):
    roster = site(repo, "poppy-sinclair-2.jpg",
                  "Name,Reg,Website\r\nOliver Brennan,4B,Yes\r\nPoppy SINCLAIR Jane,2A,No\r\n")
    code, _found, err = check(cli, roster)
    assert code == 2
    assert f"{roster}: row 3, column 'Name': capital words in the middle of a name" in err


@pytest.mark.parametrize("cell", ['"Sinclair, Poppy, Jane"', '", Poppy"'])
def test_commas_that_do_not_make_surname_forename_stop_the_run(repo, cli, cell):
    roster = site(repo, "poppy-sinclair-2.jpg", f"Name,Reg,Website\r\n{cell},2A,No\r\n")
    code, _found, err = check(cli, roster)
    assert code == 2 and f"{roster}: row 2, column 'Name':" in err


def test_capitals_only_follow_the_columns_order_else_forename_first_with_a_note(repo, cli):
    # the other rows write the surname first in capitals: "SINCLAIR POPPY" is read the same way, no note
    roster = site(repo, "poppy-sinclair-2.jpg", "Name,Website\r\nBRENNAN Oliver,Yes\r\nSINCLAIR POPPY,No\r\n")
    code, found, err = check(cli, roster)
    assert (code, found) == (1, [("SL601", "poppy-sinclair")]) and "capitals only" not in err
    # nothing says the order: read forename first, and the run says so
    roster.write_text("Name,Website\r\nPOPPY SINCLAIR,No\r\n", encoding="utf-8")
    code, found, err = check(cli, roster)
    assert (code, found) == (1, [("SL601", "poppy-sinclair")])
    assert f"{roster}: 1 name(s) in column 'Name' are in capitals only (row 2): read forename first" in err


def test_a_headerless_list_of_surname_forename_names(repo, cli):
    roster = site(repo, "poppy-sinclair-2.jpg", '"Sinclair, Poppy"\r\n"Brennan, Oliver"\r\n')
    code, _out, err = cli("check", "--no-vision", "--no-cache", "--no-baseline", "--output-format", "json",
                          "--show-values", "--roster", str(roster), "images/poppy-sinclair-2.jpg")
    assert code == 1, err
    # SL301 reports the file name as a roster match, so the heuristic is no longer alone in finding it
    findings = json.loads(_out)["findings"]
    assert [(f["value"], f["message"]) for f in findings if f["code"] == "SL301"] == [
        ("poppy-sinclair", "the file name contains a full name (roster match)")]
