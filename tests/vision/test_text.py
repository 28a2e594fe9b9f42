"""SL401 name-in-picture through the command line, on text rendered with Pillow and DejaVu fonts
at angles: a certificate, a name badge, a banner, a plaque and a list; negatives without names."""

from __future__ import annotations

import json

import pytest

from tests.vision.conftest import photo, text_picture
from tests.kit.tools import needs_vision

pytestmark = needs_vision

SERIF_BOLD_ITALIC, SERIF, SANS, SANS_BOLD = ("DejaVuSerif-BoldItalic.ttf", "DejaVuSerif.ttf", "DejaVuSans.ttf",
                                             "DejaVuSans-Bold.ttf")

# name -> (file, picture): the names the heuristic knows (a given name, then a surname).
PICTURES = {
    "Amelia Hartley": ("certificate.png", lambda: text_picture(
        [("Certificate of Achievement", SERIF_BOLD_ITALIC, 80), ("Awarded to", SERIF, 56),
         ("Amelia Hartley", SERIF_BOLD_ITALIC, 96), ("for outstanding effort in maths", SERIF, 48)], angle=3)),
    "Oliver Bennett": ("badge.jpg", lambda: text_picture(
        [("HELLO", SANS_BOLD, 110), ("my name is", SANS, 60), ("Oliver Bennett", SANS_BOLD, 90)],
        angle=8, busy=True)),
    "Isla Thompson": ("banner.webp", lambda: text_picture(
        [("Well done Isla Thompson!", SANS_BOLD, 100)], angle=-4, size=(1800, 500),
        background=(20, 70, 140), ink=(255, 255, 255))),
    "Zainab Al-Hassan": ("plaque.png", lambda: text_picture(
        [("Reading Champion", SERIF, 44), ("Zainab Al-Hassan 2026", SERIF, 40)], angle=-2, size=(900, 700),
        background=(200, 180, 120))),
}


def run(cli, *args) -> tuple[list[dict], str]:
    code, out, err = cli("check", "--no-cache", "--output-format", "json", "--select", "SL401", *args)
    assert code in (0, 1), err
    return json.loads(out)["findings"], err


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pictures")
    for file, make in PICTURES.values():
        make().save(folder / file)
    return folder


def test_names_read_in_pictures(repo, cli, rendered):
    for file, _make in PICTURES.values():
        (repo / file).write_bytes((rendered / file).read_bytes())
    found, _err = run(cli, ".", "--show-values")
    assert sorted((f["path"], f.get("value")) for f in found) == sorted(
        (file, name) for name, (file, _make) in PICTURES.items())
    for finding in found:
        assert finding["field"] == "text in the picture" and " across, " in finding["message"]


def test_name_never_in_public_report_without_show_values(repo, cli, rendered):
    (repo / "certificate.png").write_bytes((rendered / "certificate.png").read_bytes())
    code, out, _err = cli("check", "--no-cache", "--output-format", "sarif", "--select", "SL401", ".")
    (result,) = json.loads(out)["runs"][0]["results"]   # (the rule's help has its own example name)
    assert code == 1 and result["ruleId"] == "SL401"
    assert "Hartley" not in json.dumps(result) and "Amelia" not in json.dumps(result)


def test_box_says_where_the_name_is(repo, cli, rendered):
    (repo / "certificate.png").write_bytes((rendered / "certificate.png").read_bytes())
    (finding,), _err = run(cli, ".")
    # The name is the third of four lines, in the middle of the page: below the middle line.
    down = finding["message"].split("across, ")[1]
    top, bottom = (int(part) for part in down.split(" down")[0].replace("%", "").split("-"))
    assert 45 <= top < bottom <= 75


def test_roster_name_the_heuristic_cannot_know(repo, cli, tmp_path):
    text_picture([("Sports Day winner", SANS_BOLD, 80), ("Oluwaseun Adeyemi", SANS_BOLD, 90)]).save(repo / "w.png")
    roster = tmp_path / "roster.csv"
    roster.write_text("first_name,last_name,role\nOluwaseun,Adeyemi,pupil\n")
    (finding,), _err = run(cli, ".", "--roster", str(roster))
    assert finding["message"].startswith("the text in the picture contains a full name (roster match) at ")


def test_staff_names_follow_the_staff_option(repo, cli):
    text_picture([("Class 4 with", SANS, 70), ("Mrs Jones", SANS_BOLD, 90)], angle=2).save(repo / "class4.png")
    assert run(cli, ".")[0] == []
    (repo / ".schoollint.yml").write_text("SL401:\n  staff: warn\n")
    (finding,), _err = run(cli, ".")
    assert finding["severity"] == "warning" and "(staff)" in finding["message"]


@pytest.mark.parametrize("lines", [
    [("Sports Day 2026", SANS_BOLD, 110), ("Year 6 relay final", SANS, 70)],
    [("Victoria Park Nature Trail", SERIF, 80), ("Open every day", SERIF, 60)],
    [("Amelia", SANS_BOLD, 120), ("Star of the Week", SANS, 70)],            # a first name alone is fine
])
def test_no_finding_without_a_full_name(repo, cli, lines):
    text_picture(lines, angle=-3).save(repo / "poster.png")
    assert run(cli, ".")[0] == []


@pytest.mark.parametrize("name", ["page", "text", "coffee", "chelsea"])
def test_no_finding_on_photographs_and_scans(repo, cli, name):
    photo(name).save(repo / f"{name}.png")
    assert run(cli, ".")[0] == []
