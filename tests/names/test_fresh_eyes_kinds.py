"""What a new user's trial of the name rules found (fresh-eyes report, issue 10), one test per kind, through the CLI.

Each test builds a small site (real pages, real JPEGs, a roster shaped like a school's export where
it says so) in a temporary folder and runs `schoollint check --select SL301,SL302,SL303
--output-format json --show-values`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schoollint.cli import main
from tests.names.test_issue10_kinds import JPEG, findings, html
ROSTER = "Forename,Surname,Reg Group\nOliver,Bennett,4B\nNoah,Patel,3A\nRuby,Thompson,5C\n"


def lint(root: Path, files: dict[str, str], *extra: str) -> list[tuple[str, str, int, str]]:
    """(code, path, line, names with white space as shown) for each name finding on a site of `files`."""
    return sorted((f["code"], f["path"], f.get("line") or 0, " ".join(f.get("value", "").split()))
                  for f in findings(root, files, *extra))


def with_roster(root: Path, files: dict[str, str]) -> list[tuple[str, str, int, str]]:
    roster = root.parent / f"{root.name}-roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    return lint(root, files, "--roster", str(roster))


# --- (1) a name split across source lines or spaced out is one name, as a browser shows it ------------

@pytest.mark.parametrize("gap", ["\n      ", "\n\t\t", "    ", " \u00a0 \u00a0 ", "\r\n  "])
def test_a_name_split_across_an_indented_source_line_is_found(tmp_path, gap):
    page = html(f'<figure>\n<img src="/images/a.jpg" alt="">\n<figcaption>Well done to Oliver{gap}Bennett in 4B'
                "</figcaption>\n</figure>")
    for found in (lint(tmp_path / "s", {"a.html": page}), with_roster(tmp_path / "r", {"a.html": page})):
        assert found == [("SL303", "a.html", 5, "Oliver Bennett")]      # the line the name starts on


def test_a_name_split_across_lines_of_alt_text_is_found(tmp_path):
    page = html('<p>Sports day</p>\n<img src="/images/a.jpg"\n     alt="Noah\n          Patel crossing the line">')
    assert with_roster(tmp_path / "s", {"a.html": page}) == [("SL302", "a.html", 5, "Noah Patel")]


def test_a_name_split_across_lines_in_markdown_and_components_is_found(tmp_path):
    files = {
        "content/a.md": "# News\n\n![](/images/a.jpg)\n\nWell done to Oliver\n    Bennett in 4B.\n",
        "src/Star.jsx": ('export default function Star() {\n  return (<figure><img src="/images/b.jpg" alt="" />'
                         "\n    <figcaption>Our star is Ruby\n          Thompson</figcaption></figure>);\n}\n"),
        "src/components/Win.vue": ('<template>\n  <figure><img src="/images/c.jpg" alt="Noah\n      Patel">'
                                   "</figure>\n</template>\n"),
    }
    assert with_roster(tmp_path / "s", files) == [("SL302", "src/components/Win.vue", 2, "Noah Patel"),
                                                  ("SL303", "content/a.md", 5, "Oliver Bennett"),
                                                  ("SL303", "src/Star.jsx", 3, "Ruby Thompson")]


# --- (17) false alarms: places, lower-case prose words, a title word before the name -------------------

def test_a_place_after_a_name_in_a_list_of_places_is_a_place(tmp_path):
    page = html('<figure><img src="/images/trip.jpg" alt=""><figcaption>Year 5 visited Lincoln Cathedral and '
                "Stanley Park.</figcaption></figure>\n"
                '<figure><img src="/images/walk.jpg" alt=""><figcaption>A walk through Delamere Forest, Frodsham '
                "and Helsby Hill.</figcaption></figure>\n"
                '<figure><img src="/images/win.jpg" alt=""><figcaption>Well done to Kestrel Class and Lucy Hill.'
                "</figcaption></figure>")
    assert lint(tmp_path / "s", {"trip.html": page}) == [("SL303", "trip.html", 5, "Lucy Hill")]   # a pupil


def test_lower_case_prose_words_are_not_names(tmp_path):
    captions = ["year 2 enjoyed the sunny park", "mark green and will rose to the challenge", "miss superb goal",
                "a white house by the way", "year 6 loved the rock pool", "ruby thompson won the egg race"]
    page = html("\n".join(f'<figure><img src="/images/{n}.jpg" alt="{text}"></figure>'
                          for n, text in enumerate(captions)))
    # Only the pair with a name that is no English word ("thompson") is a name in lower-case prose.
    assert lint(tmp_path / "s", {"lower.html": page}) == [("SL302", "lower.html", 8, "ruby thompson")]


def test_a_title_word_before_a_name_is_not_part_of_it(tmp_path):
    page = html('<figure><img src="/images/visit.jpg" alt=""><figcaption>Olympian Tom Daley visited Year 4.'
                "</figcaption></figure>")
    assert lint(tmp_path / "s", {"visit.html": page}) == [("SL303", "visit.html", 3, "Tom Daley")]


# --- (8) the paragraph just before a photo goes with it ("star of the week" posts) ------------------------

def test_a_name_in_the_paragraph_before_a_photo_is_found(tmp_path):
    files = {"star.html": html('<p>This week our star is Ruby Thompson for her writing.</p><img src="/images/s.jpg">'),
             "content/star.md": "# Star of the week\n\nThis week our star is Ruby Thompson.\n\n![](/images/m.jpg)\n"}
    assert with_roster(tmp_path / "s", files) == [("SL303", "content/star.md", 3, "Ruby Thompson"),
                                                  ("SL303", "star.html", 3, "Ruby Thompson")]
    roster = tmp_path / "s-roster.csv"
    assert main(["check", str(tmp_path / "s" / "star.html"), "--roster", str(roster), "--select", "SL303",
                 "--no-cache", "--no-progress", "-q"]) == 1


def test_a_paragraph_before_a_photo_that_does_not_introduce_it_is_not_read(tmp_path):
    article = ("Chair of governors Desmond Okafor thanked staff for their work this term and noted that the "
               "new library, the playground markings and the sensory garden are all finished. Parents are "
               "reminded that the office closes at 4pm on Fridays and that dinner money is due on Mondays. "
               "The summer fair raised more than ever before.")
    files = {
        "long.html": html(f'<p>{article}</p>\n<img src="/images/l.jpg" alt="The new library">'),
        "heading.md": "Letters from Priyanka Venkataraman.\n\n## Sports day\n\n![](/images/h.jpg)\n",
        "between.html": html('<p><img src="/images/b1.jpg" alt=""></p>\n<p>Oliver Bennett in the egg race.</p>\n'
                             '<p><img src="/images/b2.jpg" alt=""></p>'),
    }
    # The long article and the text before a heading are not read; "Oliver Bennett" is the first photo's
    # caption, not the second's too.
    found = lint(tmp_path / "s", files)
    assert found == [("SL303", "between.html", 4, "Oliver Bennett")]
    report = json.loads((tmp_path / "s.json").read_text())["findings"]
    assert ["b1.jpg" in finding["message"] for finding in report] == [True]


def test_a_name_split_by_a_line_break_or_tabs_in_a_document_is_found(tmp_path):
    from tests.kit.documents import letter_docx

    site = tmp_path / "s"
    (site / "letters").mkdir(parents=True)
    letter = letter_docx(photos=1, comment=False, caption="Well done Noah\t\tPatel", alt="Oliver\n      Bennett")
    (site / "letters" / "sports.docx").write_bytes(letter)
    found = with_roster(site, {})
    assert {(code, value) for code, _path, _line, value in found} == {("SL302", "Oliver Bennett"),
                                                                      ("SL303", "Noah Patel")}


def test_a_name_split_by_a_line_break_in_an_opendocument_text_is_found(tmp_path):
    import io
    import zipfile

    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink">'
               '<office:body><office:text><text:p><draw:frame draw:name="p1"><draw:image xlink:href="Pictures/a.jpg"/>'
               "</draw:frame></text:p><text:p>Well done Noah<text:line-break/>Patel and Ruby<text:tab/>Thompson"
               "</text:p></office:text></office:body></office:document-content>")
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        odt.writestr("content.xml", content)
        odt.writestr("Pictures/a.jpg", JPEG)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "letter.odt").write_bytes(package.getvalue())
    found = with_roster(tmp_path / "s", {})
    assert {(code, value) for code, _path, _line, value in found} == {("SL303", "Noah Patel; Ruby Thompson")}
