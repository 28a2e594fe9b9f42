"""Issue 10, session 4, the kinds heldout_g missed (examples written here, not its cases): a name after
the picture's own wrapper element, a name run together beside another word in a file name, a letter of
Latin Extended-A in a file name, and pages in a language without a word list. Through the command line.
"""

from __future__ import annotations

import pytest

from tests.names.test_featured_image_and_name_lists import with_roster
from tests.names.test_fresh_eyes_kinds import lint
from tests.names.test_issue10_kinds import html

ROSTER = "Forename,Surname,Year\nZorbek,Quillfeather,5\n"


# --- a name after the element that holds only the picture -----------------------------------------------

@pytest.mark.parametrize("wrapper", ["header", "section", "footer", "aside"])
def test_card_name_heading_after_the_pictures_own_sectioning_element(tmp_path, wrapper):
    page = html(f'<article><{wrapper}><img src="/images/a.jpg" alt=""></{wrapper}>\n'
                "<h3>Oliver Bennett</h3><p>Year 3 teacher</p></article>")
    assert lint(tmp_path / "s", {"staff.html": page}) == [("SL303", "staff.html", 4, "Oliver Bennett")]


def test_card_name_in_the_next_section_is_not_the_pictures(tmp_path):
    page = html('<main><section><img src="/images/a.jpg" alt=""></section>\n'
                "<section><h2>Our history</h2><p>Founded by Oliver Bennett in 1870, the school has grown every "
                "year since, and today it serves the whole valley with pride and a great deal of hard work from "
                "everyone who has taught here over one hundred and fifty years of lessons, plays and sports days, "
                "through two wars and three new buildings.</p></section></main>")
    assert lint(tmp_path / "s", {"about.html": page}) == []


# --- file names: a name run together beside another word; Latin Extended-A letters ---------------------

@pytest.mark.parametrize("name", ["oliverbennett_final.jpg", "IMG_noahpatel.jpeg", "rubythompson-portrait-2.jpg"])
def test_run_together_name_beside_another_word_in_a_file_name(tmp_path, name):
    found = lint(tmp_path / "s", {"content/a.md": f"![](/images/{name})\n"})
    assert [(code, path) for code, path, _, _ in found] == [("SL301", f"images/{name}")]


def test_run_together_name_beside_another_word_counts_with_a_roster(tmp_path):
    """Names no list knows, run together before a word: only the roster can split them."""
    files = {"content/a.md": "![](/images/zorbekquillfeather_portrait.jpg)\n\n![](/images/IMG_zorbekquillfeather.png)"}
    assert lint(tmp_path / "plain", files) == []
    assert [(code, path) for code, path, _, _ in with_roster(tmp_path / "r", files, ROSTER)] == [
        ("SL301", "images/IMG_zorbekquillfeather.png"), ("SL301", "images/zorbekquillfeather_portrait.jpg")]


@pytest.mark.parametrize("name", ["2024-05-01-adebayo-ogunleye.jpg", "oskar-lindgren.jpeg"])
def test_a_name_beside_another_name_is_not_split_in_a_file_name(tmp_path, name):
    found = lint(tmp_path / "s", {"content/a.md": f"![](/images/{name})\n"})
    assert [value for _, _, _, value in found] == [name.rsplit(".", 1)[0].removeprefix("2024-05-01-")]


@pytest.mark.parametrize("name", ["AdobeStock_oliverbennett_51234.jpeg", "rafferty-painting.jpg",
                                  "oliver-noah-ruby.jpg"])
def test_stock_credits_words_and_first_names_in_a_file_name_are_no_finding(tmp_path, name):
    assert lint(tmp_path / "s", {"content/a.md": f"![](/images/{name})\n"}) == []


def test_a_file_name_with_a_letter_of_latin_extended_a_is_one_word(tmp_path):
    found = lint(tmp_path / "s", {"content/a.md": "![](/images/year5-zofia-kołodziejczyk.jpg)\n"})
    assert [value for _, _, _, value in found] == ["zofia-kołodziejczyk"]


# --- pages in a language without a word list --------------------------------------------------------------

@pytest.mark.parametrize("lang, caption", [("cy", "Diwrnod Hwyl Blwyddyn Tri"), ("ga", "Lá Fhéile Bríde sa Rang"),
                                           ("cy", "Cyngerdd Nadolig Ysgol Gynradd")])
def test_page_in_a_language_without_a_word_list_has_no_name_from_unknown_words(tmp_path, lang, caption):
    page = html(f'<figure><img src="/images/a.jpg"><figcaption>{caption}</figcaption></figure>', lang)
    assert lint(tmp_path / "s", {"a.html": page}) == []


def test_page_in_a_language_without_a_word_list_still_reports_known_names(tmp_path):
    page = html('<figure><img src="/images/a.jpg"><figcaption>Llongyfarchiadau i Oliver Bennett!</figcaption>'
                "</figure>", "cy")
    assert lint(tmp_path / "s", {"a.html": page}) == [("SL303", "a.html", 3, "Oliver Bennett")]


def test_roster_name_written_surname_first_in_a_file_name(tmp_path):
    """Some MIS photo exports name each photo surname first: the roster knows the pair either way round."""
    files = {"content/a.md": "![](/images/quillfeather-zorbek-y6.jpg)\n\n![](/images/Quillfeather_Zorbek.png)"}
    assert lint(tmp_path / "plain", files) == []
    assert [(code, path) for code, path, _, _ in with_roster(tmp_path / "r", files, ROSTER)] == [
        ("SL301", "images/Quillfeather_Zorbek.png"), ("SL301", "images/quillfeather-zorbek-y6.jpg")]
