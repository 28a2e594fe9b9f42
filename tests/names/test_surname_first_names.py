"""Names written surname first without a comma (issue 10, Chinese pinyin names as Chinese families and class
lists write them): "Wang Haoran", "Liu Zihan (4B)" were missed, the lists knowing both words (a surname, a
given name) and so taking them for two listed words; "Nowak Zofia" as a Polish class list writes it. A
surname that is no given name and no English word, then a given name no surname list holds and no English
word. "Visit Kensington Oliver" and first names only are no names. Through the command line, real JPEGs,
without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import figure_pages, names_reported

CAPTIONS = ("Well done Wang Haoran on the maths challenge", "Liu Zihan (4B) with her lantern",
            "Nowak Zofia won the spelling bee", "Haoran and Zihan at the Lunar New Year assembly")


def test_surname_first_names(tmp_path):
    pages = figure_pages(CAPTIONS)
    assert names_reported(tmp_path, pages) == {"site/0.html": {"Wang Haoran"}, "site/1.html": {"Liu Zihan"},
                                               "site/2.html": {"Nowak Zofia"}}
