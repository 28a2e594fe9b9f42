"""CamelCase file names whose surname only the given-name list holds (issue 10, heldout_n's "NehirBasaran.jpg"):
Turkish, Yoruba, Igbo and Arabic surnames are often given names too, and no surname list holds them. After a
given name in a camelCase file name, a second given name that no English-speaking list gives as a first name
(data/given_english.txt) is a surname ("NehirBasaran", "DefneErdem", "ChidiOlumide"); two English-speaking
first names are still two children ("HeatherPoppy", "SophieEmily", "IslaFreya"). A surname written in
capitals is a name when a list holds it ("AmaraOKAFOR", "LilyWANG"), and a short capital word no list holds is a
model code ("MarieXYZW", as "CasioQVCI"). Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import names_reported

PHOTOS = ("NehirBasaran.jpg", "DefneErdem_Y5.jpg", "ChidiOlumide.png", "HeatherPoppy.jpg", "SophieEmily.jpg",
          "IslaFreya.jpg", "AmaraOKAFOR.jpg", "LilyWANG.jpg", "MarieXYZW.jpg", "CasioQVCI.jpg")


def test_camelcase_surnames_only_the_given_name_list_holds(tmp_path):
    found = names_reported(tmp_path, {"index.md": "# Gallery\n"}, photos=tuple(f"images/{name}" for name in PHOTOS))
    assert found == {"images/NehirBasaran.jpg": {"NehirBasaran"}, "images/DefneErdem_Y5.jpg": {"DefneErdem"},
                     "images/ChidiOlumide.png": {"ChidiOlumide"}, "images/AmaraOKAFOR.jpg": {"AmaraOKAFOR"},
                     "images/LilyWANG.jpg": {"LilyWANG"}}
