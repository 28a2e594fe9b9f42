"""Things named after people whose head noun comes before the name, by the page's language: Spanish "la
biblioteca Rosalía de Castro", French "le lycée Victor Hugo", Polish "Szkoła Podstawowa im. Marii Curie".
English puts the thing's word after the name ("the Florence Nightingale Shield": heuristic._Run; "the
Rachel Carson wildlife garden": here), most languages the words of the stop list's `named_before`
(data/stoplists.yaml) before it: a library, a school, a street or a prize, no pupil; Turkish, Hungarian,
the Scandinavian languages, Finnish and German may put theirs after it (`named_after`: "Atatürk İlkokulu").
"""

from __future__ import annotations

import re

from .spotting import Spotted, words_before
from .words import LETTER, Lexicon, is_given, plain

_WORD = re.compile(rf"{LETTER}+")


def primary_language(language: str) -> str:
    """A BCP 47 tag's primary subtag (RFC 5646), lower case: "es-ES" -> "es"."""
    return language.strip().lower().replace("_", "-").partition("-")[0]


def not_named_things(found: list[Spotted], text: str, language: str, lex: Lexicon) -> list[Spotted]:
    """`found` less the names that one of the page language's head nouns comes before (the word before
    the name, or the one before that: "Colegio Público Miguel Hernández", "im. Marii Curie") or after (the
    word after the name, or the one after that: "Atatürk İlkokulu", "Petőfi Sándor Általános Iskola"), and in
    English the names after "the" that a place or a thing's word follows within three lower-case words
    ("the Rachel Carson wildlife garden": heuristic._Run reads the capitalised words after a name)."""
    primary = primary_language(language) if language else ""
    heads, tails = lex.named_before.get(primary), lex.named_after.get(primary)
    kept = []
    for name in found:
        if heads and any(_head(plain(word), primary) in heads for word in words_before(text, name.start)) \
                or tails and any(plain(word) in tails for word in _WORD.findall(text, name.end, name.end + 40)[:2]):
            continue
        if text[max(0, name.start - 4) : name.start].lower() == "the " and _thing_after(text, name.end, lex):
            continue
        if _saint(text, name, lex) or _FIRM_AFTER.match(text, name.end):
            continue
        kept.append(name)
    return kept


# A firm's words after its founder's name: "Amelia Watson & Sons", "Patel and Co.", "Khan & Partners"
# (a firm's closing word straight after the name, "Ltd", "plc", is a following word of the stop list).
_FIRM_AFTER = re.compile(r"\s*(?:&|and)\s+(?:Sons?|Daughters?|Co\b|Company|Partners|Associates)\b")


def _saint(text: str, name: Spotted, lex: Lexicon) -> bool:
    """A saint, as the page's language writes one, is no pupil: "Saint" before the name ("fiesta de San Juan
    Bautista"), or as its first word before a given name ("Santa Lucia procession", "Sankt Martin"); a
    surname after "Santa" is a person's ("Santa Ozola", a Latvian girl's name)."""
    before = words_before(text, name.start)
    if before and plain(before[-1]) in lex.saints:
        return True
    words = _WORD.findall(text, name.start, name.end)
    return len(words) > 1 and plain(words[0]) in lex.saints and is_given(plain(words[1]), lex)


# Irish initial mutations (An Caighdeán Oifigiúil 2017, sections 2 and 3): eclipsis writes a letter before
# the word ("i nGaelscoil", "ar bPáirc"), lenition an h after its first consonant ("ó Ghaelscoil").
_ECLIPSIS = ("bhf", "mb", "gc", "nd", "ng", "bp", "dt")
_LENITED = frozenset("bcdfgmpst")


def _head(key: str, language: str) -> str:
    """A head noun as the stop list keeps it: in Irish, without its initial mutation ("ghaelscoil" ->
    "gaelscoil", "ngaelscoil" -> "gaelscoil")."""
    if language != "ga" or len(key) < 4:
        return key
    if key.startswith(_ECLIPSIS):
        return key[2:] if key.startswith("bhf") else key[1:]
    return key[0] + key[2:] if key[1] == "h" and key[0] in _LENITED else key


def _thing_after(text: str, end: int, lex: Lexicon) -> bool:
    """Is one of the (up to three) lower-case words after `end` a place or a named thing's word ("wildlife
    garden", "memorial bench")?"""
    for word in text[end : end + 48].split()[:3]:
        if not word.isalpha() or not word.islower():
            return False
        if word in lex.following or word in lex.named_things or word in lex.surname_places:
            return True
    return False
