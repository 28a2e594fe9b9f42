"""Issue 10 kinds that heldout_e missed: card captions never read, a TV programme read as a name, and
two first names in a file name when a roster is loaded. Through the CLI, on real pages and JPEGs; the
names appear in no tests/names/cases split."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.names.test_issue10_kinds import html, lint, names


def roster(path: Path, people: list[tuple[str, str]]) -> Path:
    """A roster shaped like an MIS export: its own column order, extra columns."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["UPN", "Legal Surname", "Preferred Forename", "Reg Group"])
        out.writerows([f"A{number:012d}", last, first, "4C"] for number, (first, last) in enumerate(people))
    return path


def test_card_layout_jsx_component_with_the_photo_in_its_own_wrapper(tmp_path):
    page = ("export default function Coach() {\n  return (\n    <div className=\"coach-card\">\n"
            "      <div className=\"coach-card__photo\"><img src=\"/images/k1.jpg\" alt=\"\" /></div>\n"
            "      <h3 className=\"coach-card__name\">Gwenllian Prothero</h3>\n      <p>Head coach</p>\n"
            "    </div>\n  );\n}\n")
    found = lint(tmp_path / "s", {"src/Coach.jsx": page})
    assert names(found) == {"Gwenllian Prothero"}


def test_card_layout_classed_spans_side_by_side_are_lines_of_their_own(tmp_path):
    found = lint(tmp_path / "s", {"committee.html": html(
        '<ul class="committee"><li class="committee-member"><div class="photo-frame"><img src="/images/k2.jpg">'
        '</div><div class="details"><span class="member-name">Barnaby Quennell</span>'
        '<span class="member-role">Club Secretary</span></div></li></ul>')})
    assert names(found) == {"Barnaby Quennell"}


def test_surname_also_given_beside_a_programme_named_like_a_person(tmp_path):
    found = lint(tmp_path / "s", {"badge.html": html(
        '<figure><img src="/images/k3.jpg"><figcaption>Maisie Howard with her Blue Peter badge</figcaption></figure>')})
    assert names(found) == {"Maisie Howard"}


def test_first_names_only_in_a_file_name_are_left_to_the_roster(tmp_path):
    files = {"content/race.md": "![](/images/c1/jago-zara.jpg)\n\nJago and Zara won the three-legged race.\n"}
    assert names(lint(tmp_path / "none", files)) == {"jago-zara"}    # no roster: may be one child
    school = roster(tmp_path / "roster.csv", [("Jago", "Greenhalgh"), ("Zara", "Oyelowo")])
    assert lint(tmp_path / "roster", files, "--roster", str(school)) == []
    pupil = roster(tmp_path / "pupil.csv", [("Jago", "Zara")])    # the school has a pupil of that name
    assert names(lint(tmp_path / "named", files, "--roster", str(pupil))) == {"jago-zara"}


def test_surname_also_given_is_still_reported_with_a_roster_when_the_surname_is_no_given_name(tmp_path):
    school = roster(tmp_path / "roster.csv", [("Maisie", "Greenhalgh")])
    found = lint(tmp_path / "s", {"a.html": html('<img src="/images/k4.jpg" alt="Maisie Oyelowo on sports day">')},
                 "--roster", str(school))
    assert names(found) == {"Maisie Oyelowo"}


def test_surname_first_form_with_the_class_after_a_dash_when_the_surname_is_also_a_given_name(tmp_path):
    found = lint(tmp_path / "s", {"a.html": html(
        '<table><tr><td><img src="/images/k5.jpg"></td><td>Ulrich, Hanna - 4C</td></tr>'
        '<tr><td><img src="/images/k6.jpg"></td><td>Oliver, Harry - 2019 winners</td></tr></table>')})
    assert names(found) == {"Ulrich, Hanna"}


def test_front_matter_caption_of_the_featured_image_under_its_own_key(tmp_path):
    found = lint(tmp_path / "s", {"content/leavers.md": (
        "---\ntitle: Leavers' assembly\nfeatured_image: /images/k7.jpg\n"
        "featured_image_caption: Wilhelmina Oduya gives the leavers' speech\n---\n")})
    assert names(found) == {"Wilhelmina Oduya"}
