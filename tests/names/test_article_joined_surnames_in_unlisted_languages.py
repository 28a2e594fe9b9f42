"""A surname with the Arabic article joined on ("Al-Tamimi", "El-Sayegh") after a known given name, on a page in
a language without a word list (Arabic or Scottish Gaelic in Latin letters) or in lower-case prose, where the
finder wants a known surname or a word no list knows (heldout_p's non-English and lower-case misses): the
article is a particle, and "Tamimi" is a word no list knows. A word of the page after a given name is still no
surname. Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import figure_pages, names_reported

CAPTIONS = {
    ("ar-Latn", "Mabrouk li Hamza Al-Tamimi min al-saff al-sadis ala al-fawz"): "Hamza Al-Tamimi",
    ("gd", "Meal-a-naidheachd do Yousef El-Sayegh à Clas 5 a choisinn am bonn òir"): "Yousef El-Sayegh",
    "so proud of hamza al-tamimi who ran a first ever parkrun today": "hamza al-tamimi",
}
NOT_NAMES = (("ar-Latn", "Mabrouk li Hamza min al-saff al-sadis"), ("gd", "Meal-a-naidheachd do Yousef à Clas 5"))


def test_article_joined_surnames(tmp_path):
    found = names_reported(tmp_path, figure_pages((*CAPTIONS, *NOT_NAMES)))
    assert found == {f"site/{number}.html": {name} for number, name in enumerate(CAPTIONS.values())}
