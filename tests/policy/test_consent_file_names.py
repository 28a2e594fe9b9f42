"""SL601-SL603 from a photo's own file and folder names, whether or not a page shows it (trial item 14):
a file in the site is published whether or not a page links it. Through the command line on a real
site (git repo, Pillow JPEGs) with an MIS-shaped roster; SL301 stays as it is."""

from __future__ import annotations

import json

import pytest

from tests.kit.images import encode, gradient
from tests.kit.jpeg import XMP_SIGNATURE, segment, with_segments
from tests.kit.metadata import xmp_packet

ROSTER = ("UPN,Legal Surname,Legal Forename,Preferred Forename,Reg Group,NC Year,Photo Consent (Website),"
          "Consent Expiry,Leaving Date\r\n"
          "A1,Sinclair,Poppy,,2A,Year 2,No,,\r\n"
          "A2,Brennan,Oliver,Ollie,4B,Year 4,Yes,,\r\n"
          "A3,Jones,Cerys,,5B,Year 5,N,,\r\n"
          "A4,Evans,Cerys,,3A,Year 3,Y,,\r\n")


@pytest.fixture
def site(repo, monkeypatch):
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY", raising=False)
    (repo / "images" / "poppy").mkdir(parents=True)
    for name in ("poppy-3.jpg", "poppy-sinclair-2.jpg", "ollie-brennan.jpg", "cerys-1.jpg", "cerys-5b.jpg",
                 "poppy/sports.jpg", "hall.jpg"):
        (repo / "images" / name).write_bytes(encode(gradient(), "JPEG", quality=90))
    (repo / "index.html").write_text('<!doctype html><html lang="en"><body><img src="images/hall.jpg" alt="">'
                                     "</body></html>\n", encoding="utf-8")
    roster = repo.parent / "pupils.csv"
    roster.write_bytes(ROSTER.encode("utf-8"))
    return repo, roster


def findings(cli, roster, *args: str) -> tuple[int, list[tuple]]:
    code, out, err = cli("check", "--no-vision", "--no-cache", "--no-baseline", "--output-format", "json",
                         "--show-values", "--roster", str(roster), *args)
    assert "Traceback" not in err and "internal error" not in err, err
    return code, sorted((f["path"], f["code"], f["severity"], f["value"], f["field"], f["message"])
                        for f in json.loads(out)["findings"] if f["code"] in ("SL601", "SL602", "SL603", "SL301"))


def test_a_photo_no_page_shows_is_judged_by_its_own_file_and_folder_names(site, cli):
    _repo, roster = site
    code, found = findings(cli, roster)
    assert code == 1
    refused = "gives the first name of a pupil whose website consent is refused"
    assert found == [
        ("images/cerys-1.jpg", "SL601", "warning", "cerys", "file name",
         "its file name gives a first name that 2 pupils on the roster share: one of them has no website "
         "consent (refused)"),
        ("images/cerys-5b.jpg", "SL601", "error", "cerys", "file name", f"its file name {refused}"),
        ("images/ollie-brennan.jpg", "SL301", "error", "ollie-brennan", "file name",
         "the file name contains a full name (roster match)"),
        ("images/poppy-3.jpg", "SL601", "error", "poppy", "file name", f"its file name {refused}"),
        ("images/poppy-sinclair-2.jpg", "SL301", "error", "poppy-sinclair", "file name",
         "the file name contains a full name (roster match)"),
        ("images/poppy-sinclair-2.jpg", "SL601", "error", "poppy-sinclair", "file name",
         "its file name names a pupil whose website consent is refused"),
        ("images/poppy/sports.jpg", "SL601", "error", "poppy", "folder name", f"its folder name {refused}"),
    ]


def test_one_photo_on_its_own_and_a_photo_whose_metadata_says_who(site, cli):
    repo, roster = site
    code, found = findings(cli, roster, "images/poppy-3.jpg")
    assert (code, [row[:4] for row in found]) == (1, [("images/poppy-3.jpg", "SL601", "error", "poppy")])
    # the metadata names the same pupil: one finding, the metadata's, which says who
    packet = xmp_packet("<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Poppy Sinclair</rdf:li></rdf:Bag>"
                        "</Iptc4xmpExt:PersonInImage>")
    (repo / "images" / "poppy-3.jpg").write_bytes(
        with_segments(encode(gradient(), "JPEG", quality=90), segment(0xE1, XMP_SIGNATURE + packet)))
    code, found = findings(cli, roster, "images/poppy-3.jpg")
    assert [row[1:5] for row in found] == [("SL601", "error", "Poppy Sinclair", "XMP PersonInImage")]


def test_a_consented_pupil_and_an_ignored_rule_give_nothing(site, cli):
    repo, roster = site
    code, found = findings(cli, roster, "images/ollie-brennan.jpg", "images/hall.jpg")
    assert found == [("images/ollie-brennan.jpg", "SL301", "error", "ollie-brennan", "file name",
                      "the file name contains a full name (roster match)")]
    (repo / ".schoollint.yml").write_text('per-path:\n  "images/poppy-3.jpg":\n    ignore:\n'
                                          "      - {rule: SL601, reason: a poppy field not the pupil}\n")
    code, found = findings(cli, roster, "images/poppy-3.jpg")
    assert (code, found) == (0, [])


def test_a_photo_a_page_of_the_run_shows_is_reported_once_at_the_page(site, cli):
    repo, roster = site
    (repo / "index.html").write_text('<!doctype html><html lang="en"><body><img src="images/poppy-3.jpg" alt="">'
                                     "</body></html>\n", encoding="utf-8")
    code, found = findings(cli, roster, "index.html", "images/poppy-3.jpg", "images/cerys-5b.jpg")
    assert [row[:4] for row in found] == [("images/cerys-5b.jpg", "SL601", "error", "cerys"),
                                          ("index.html", "SL601", "error", "poppy")]


def test_one_fix_run_that_renames_a_photo_and_strips_its_names_still_reports_it(site, cli):
    from schoollint.formats.model import PERSON_NAME
    from schoollint.formats.registry import read_media

    repo, roster = site
    packet = xmp_packet("<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Poppy Sinclair</rdf:li></rdf:Bag>"
                        "</Iptc4xmpExt:PersonInImage>")
    (repo / "images" / "poppy-sinclair-2.jpg").write_bytes(
        with_segments(encode(gradient(), "JPEG", quality=90), segment(0xE1, XMP_SIGNATURE + packet)))
    code, found = findings(cli, roster, "--fix", "--unsafe-fixes", "--select", "SL104,SL301,SL601",
                           "images/poppy-sinclair-2.jpg")
    assert not (repo / "images" / "poppy-sinclair-2.jpg").exists()
    [moved] = [p for p in (repo / "images").glob("2-*.jpg")]
    assert not read_media(moved.read_bytes(), ".jpg").of_kind(PERSON_NAME)       # both fixes did their work
    new = f"images/{moved.name}"
    assert code == 1
    assert [(row[0], row[1], row[3], row[4]) for row in found] == [
        (new, "SL601", "Poppy Sinclair", "XMP PersonInImage")]
    assert found[0][5].endswith("this run's fix removed the name from the file, but the photo still shows the person")
