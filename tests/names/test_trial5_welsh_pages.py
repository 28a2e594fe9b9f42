"""Trial 5, problem 2: Welsh pages gave false names ("Cadeirio'r Bardd", "chairing the bard"; "Cwm
Rhondda", a place and a hymn). A Hugo translation is read in its file name's language ("index.cy.md",
checks/name_policy.path_language: Welsh has no word list, so only known given names and surnames make
a name), and a word joined to an elided Welsh article ('r, 'n, 'm, 'th) is no name word in any
language, so an English reading of a Welsh caption does not make one either. Through the CLI."""

from __future__ import annotations

import pytest

from tests.names.test_issue10_kinds import lint, names

WELSH = ("---\ntitle: Eisteddfod\n---\n![Cadeirio'r Bardd](/images/e1.jpg)\n\n*Cadeirio'r Bardd*\n\n"
         "![Y côr](/images/e2.jpg)\n\nCanu Cwm Rhondda\n\n![Y côr](/images/e3.jpg)\n\nFfion Hughes yn ennill\n")


@pytest.mark.parametrize("path", ["content/news/eisteddfod/index.cy.md", "content/news/eisteddfod.cy.md",
                                  "content/newyddion/post.cy-GB.md"])
def test_a_hugo_translation_is_read_in_its_file_names_language(tmp_path, path):
    assert names(lint(tmp_path / "s", {path: WELSH})) == {"Ffion Hughes"}


def test_front_matter_language_comes_before_the_file_name(tmp_path):
    page = WELSH.replace("title: Eisteddfod", "title: Eisteddfod\nlang: cy")
    assert names(lint(tmp_path / "s", {"content/eisteddfod.md": page})) == {"Ffion Hughes"}


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_welsh_elided_article_joins_no_name(tmp_path, lang):
    page = ("---\ntitle: Eisteddfod\nlang: " + lang + "\n---\n![](/images/e1.jpg)\n\nCadeirio'r Bardd\n\n"
            "![](/images/e2.jpg)\n\nDawnsio'n Werin gyda Ffion Hughes\n\n![](/images/e3.jpg)\n\nAmelia O'Brien\n")
    assert names(lint(tmp_path / "s", {"content/eisteddfod.md": page})) == {"Ffion Hughes", "Amelia O'Brien"}


def test_a_file_names_language_comes_before_its_folders(tmp_path):
    assert names(lint(tmp_path / "s", {"content/en/news/eisteddfod/index.cy.md": WELSH})) == {"Ffion Hughes"}
