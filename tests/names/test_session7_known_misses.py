"""Session 6's known misses of the name rules (issue 10), one test per kind, through the command line on
real sites (pages and JPEGs in a temporary folder):

- given names that are also words or surnames and were missing from the lists ("Wren", "Clover",
  "Marlowe"; Korean "Seoyeon"): three given names in a file name are first names only, as the issue
  says ("oliwia-wren-sienna.jpg"), and a caption's "Wren Hebblethwaite" is a full name;
- a surname that is also a place word after a given name no place is named after ("SeoyeonParkPortrait.jpg":
  Park is a Korean surname), while "victoria-park.jpg" and "lucy-hill.jpg" stay places;
- Welsh captions read with a Welsh word list (words_cy.txt, tools/welsh_words.py), as other languages are:
  names the lists lack are found, Welsh words are not names.

The names are invented and in no labelled split.
"""

from __future__ import annotations

import pytest

from tests.names.test_issue10_kinds import html, lint, names


@pytest.mark.parametrize("photo", ["oliwia-wren-sienna.jpg", "wren-clover-marlowe.jpg", "Seoyeon_Wren_Indigo.jpg"])
def test_three_given_names_in_a_file_name_are_first_names_only(tmp_path, photo):
    assert lint(tmp_path / "s", {"content/club.md": f"![](/images/{photo})\n"}) == []


def test_given_names_that_are_words_make_a_full_name_with_a_surname(tmp_path):
    found = lint(tmp_path / "s", {
        "content/gala.md": "![](/images/g1.jpg)\n\nWren Hebblethwaite swam the 50 m butterfly.\n",
        "content/art.md": "![](/images/wren-ashdown-y5.jpg)\n\nClover Pennington's collage\n",
        "content/trip.md": "![](/images/t1.jpg)\n\nClover class at the farm.\n",
    })
    assert names(found) == {"Wren Hebblethwaite", "wren-ashdown", "Clover Pennington"}


@pytest.mark.parametrize("photo, name", [("SeoyeonParkPortrait.jpg", "SeoyeonPark"),
                                         ("minjun-park-y4.jpg", "minjun-park"), ("jiwoohill.jpg", "jiwoohill")])
def test_a_surname_that_is_a_place_word_after_a_given_name_no_place_is_named_after(tmp_path, photo, name):
    assert names(lint(tmp_path / "s", {"content/p.md": f"![](/images/{photo})\n"})) == {name}


@pytest.mark.parametrize("photo", ["victoria-park.jpg", "VictoriaPark.jpg", "lucy-hill.jpg", "finsbury-park-run.jpg"])
def test_a_place_named_after_a_person_in_a_file_name_stays_a_place(tmp_path, photo):
    assert lint(tmp_path / "s", {"content/p.md": f"![](/images/{photo})\n"}) == []


WELSH_PAGE = html("""<h1>Eisteddfod yr Ysgol</h1>
<figure><img src="/images/w1.jpg" alt=""><figcaption>Osian Llwyd yn ennill y gadair</figcaption></figure>
<figure><img src="/images/w2.jpg" alt=""><figcaption>Heddwen Tudur a Caryl Bebb yn canu</figcaption></figure>
<figure><img src="/images/w3.jpg" alt=""><figcaption>Dawnsio Gwerin ar Ddiwrnod Santes Dwynwen</figcaption></figure>
<figure><img src="/images/w4.jpg" alt="Bara Brith i bawb"><figcaption>Taith i Gastell Caernarfon</figcaption></figure>
<figure><img src="/images/w5.jpg" alt=""><figcaption>Croeso Cynnes gan Gyngor yr Ysgol</figcaption></figure>
""", lang="cy")


def test_welsh_captions_are_read_with_a_welsh_word_list(tmp_path):
    """Surnames the lists lacked ("Tudur", "Bebb", "Llwyd") are found; Welsh words in capitals are not names."""
    assert names(lint(tmp_path / "s", {"site/eisteddfod.html": WELSH_PAGE})) == {
        "Osian Llwyd", "Heddwen Tudur", "Caryl Bebb"}
