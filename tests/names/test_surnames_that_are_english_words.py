"""Surnames that are English words (issue 10, session 9's known miss "Aashika Pun": "pun" is a common word, so
not a surname without a roster). Two kinds of evidence beside the word lists: a surname list holds the word
(Nepali "Pun", as "Sheikh" and "Butt" before), or a class or year group straight after a capitalised word
that follows a known given name which is no English word ("Sabina Sang (5B)", "Sunita Bath - 5C", "Bibek
Wing in Year 3": the class says a pupil is named). Without that evidence the word stays a word ("Anjali
Swam in the relay", "Rose Garden (6B)": a given name that is an English word; "Well done Aashika, what a pun!").
Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import figure_pages, names_reported

CAPTIONS = ("Well done Aashika Pun for her poem", "Well done Sabina Sang (5B) at the recital",
            "Sunita Bath - 5C read at assembly", "Star of the week: Bibek Wing in Year 3",
            "Anjali Swam in the relay at the gala", "Our Rose Garden (6B) in bloom",
            "Well done Aashika, what a pun!", "Congratulations Anjali (6B)")


def test_surnames_that_are_english_words(tmp_path):
    pages = figure_pages(CAPTIONS)
    assert names_reported(tmp_path, pages) == {"site/0.html": {"Aashika Pun"}, "site/1.html": {"Sabina Sang"},
                                               "site/2.html": {"Sunita Bath"}, "site/3.html": {"Bibek Wing"}}
