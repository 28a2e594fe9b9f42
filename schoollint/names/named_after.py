"""Things named after people whose head noun comes before the name, by the page's language: Spanish "la
biblioteca Rosalía de Castro", French "le lycée Victor Hugo", Polish "Szkoła Podstawowa im. Marii Curie".
English puts the thing's word after the name ("the Florence Nightingale Shield": heuristic._Run), most
languages the words of the stop list's `named_before` (data/stoplists.yaml) before it: a library, a
school, a street or a prize, no pupil.
"""

from __future__ import annotations

from .spotting import Spotted, words_before
from .words import Lexicon, plain


def primary_language(language: str) -> str:
    """A BCP 47 tag's primary subtag (RFC 5646), lower case: "es-ES" -> "es"."""
    return language.strip().lower().replace("_", "-").partition("-")[0]


def not_named_things(found: list[Spotted], text: str, language: str, lex: Lexicon) -> list[Spotted]:
    """`found` less the names that one of the page language's head nouns comes before (the word before
    the name, or the one before that: "Colegio Público Miguel Hernández", "im. Marii Curie")."""
    heads = lex.named_before.get(primary_language(language))
    if not heads:
        return found
    return [name for name in found if not any(plain(word) in heads for word in words_before(text, name.start))]
