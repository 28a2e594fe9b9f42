"""Hyphenated file names (issue 10, heldout_m's misses): a full name whichever way round, when the words
are a known given name and a known surname, or a known surname that is no given name and a word no
dictionary knows ("sandhu-gurleen-prefect.jpg", as MIS photo exports write surname first); a
double-barrelled given name and a surname ("lily-mae-rutherford.jpg"). Not two or three first names
("lowenna-bartek.jpg" may be two children, whichever of them no list knows; "ivy-daisy-poppy.jpg"), nor a
given name and a word. Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import names_reported

NAMES = {
    "images/dhillon-harnoor.jpg": "dhillon-harnoor",
    "images/sandhu-gurleen-prefect.jpg": "sandhu-gurleen",
    "images/lily-mae-rutherford.jpg": "lily-mae-rutherford",
    "images/2024-09-03-poppy-grace-ashdown-y9.jpg": "poppy-grace-ashdown",
    "images/2024-09-03-hollis-nakamura.jpg": "hollis-nakamura",
}
FIRST_NAMES_OR_WORDS = ("images/lowenna-bartek.jpg", "images/ivy-daisy-poppy.jpg", "images/grace-amelia-lucy.jpg",
                        "images/freya-headshot.jpg", "images/sports-day-relay.jpg")


def test_hyphenated_file_names_are_full_names_either_way_round(tmp_path):
    found = names_reported(tmp_path, {"index.md": "# Gallery\n"}, photos=tuple(NAMES) + FIRST_NAMES_OR_WORDS)
    assert found == {path: {name} for path, name in NAMES.items()}


def test_a_second_surname_after_a_hyphen_is_the_names(tmp_path):
    """heldout_n's miss: "maelle-dubreuil-laurent-scaled.jpg" is Maëlle Dubreuil-Laurent, a double-barrelled
    surname written with the file name's own hyphen; a word after the surname stays out ("-award")."""
    photos = ("images/maelle-dubreuil-laurent-scaled.jpg", "images/zofia-nowak-kowalska.jpg",
              "images/imogen-okafor-award.jpg")
    found = names_reported(tmp_path, {"index.md": "# Gallery\n"}, photos=photos)
    assert found == {"images/maelle-dubreuil-laurent-scaled.jpg": {"maelle-dubreuil-laurent"},
                     "images/zofia-nowak-kowalska.jpg": {"zofia-nowak-kowalska"},
                     "images/imogen-okafor-award.jpg": {"imogen-okafor"}}
