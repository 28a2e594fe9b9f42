"""Nicknames in quotes or brackets between a given name and a surname (issue 10, name forms real school pages
use): "Thomas 'Tommy' Reilly" was reported as "Tommy' Reilly" and 'Margaret "Peggy" Lindqvist' not at all;
now the whole name is one finding, whatever the quotes ('', "", ‘’, “”, ()). A quoted title ("We read
'Holes' by ...") and a class in brackets are no nickname. Through the command line, real JPEGs, without a
roster."""

from __future__ import annotations

from tests.names.kinds_kit import figure_pages, names_reported

CAPTIONS = ("Well done Thomas 'Tommy' Reilly on his hat-trick", "Margaret &quot;Peggy&quot; Lindqvist, our new captain",
            "Alexander (Sasha) Petrov won the chess final", "Well done Caoimhe “Queenie” Brannigan (6B)!",
            "Tom 'Big' Day at the fair", "Well done Amelia (5B) and Tom")


def test_nicknames_in_quotes(tmp_path):
    pages = figure_pages(CAPTIONS)
    assert names_reported(tmp_path, pages) == {
        "site/0.html": {"Thomas 'Tommy' Reilly"}, "site/1.html": {'Margaret "Peggy" Lindqvist'},
        "site/2.html": {"Alexander (Sasha) Petrov"}, "site/3.html": {"Caoimhe “Queenie” Brannigan"}}
