"""The spotter's building blocks, shared by `heuristic` and `reversed_form`: its tokens, what it reports,
whether a word may be a surname, and the words around a name (the word before it, a list of places).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .words import APOSTROPHES, LETTER, Lexicon, Token, plain, unknown_word

POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
APOSTROPHES_S = tuple(APOSTROPHES)
NO_WORDS: frozenset[str] = frozenset()
_new_token = tuple.__new__                      # Token(...) without NamedTuple's Python-level __new__


class Spotted(NamedTuple):
    """A full name found by the spotter; spans index the string searched."""

    start: int
    end: int
    first: str         # the given name as written, "" for "Mrs Jones"
    role: str          # "staff" for a title, else "unknown"


def spotted_token(start: int, raw: str) -> Token:
    """The word `raw` at `start` as the spotter keys it: a possessive and a final dot left off ("Watson's"
    and "Watson." are "Watson")."""
    if raw[-1] in "s'’.":
        for ending in POSSESSIVE_ENDINGS:
            if raw.endswith(ending) and len(raw) > len(ending):
                raw = raw[: -len(ending)]
                break
        raw = raw.rstrip(".")
    return _new_token(Token, (start, start + len(raw), raw, plain(raw)))     # one per word: no Python __new__


def is_surname(token: Token, lex: Lexicon, words: frozenset[str] = NO_WORDS, strict: bool = False) -> bool:
    """May this word be a surname? `words`: more words that are not (the page language's, or rare
    English words in a file name); `strict`: only a known surname (lower-case text)."""
    key = token.key
    if len(key) < 2 or (len(key) < 3 and token.raw.isupper()):
        return False
    if "-" not in key:                          # the common case, kept cheap
        if key in lex.not_surname or key in words:
            return False
    else:
        parts = key.split("-")
        if any(part in lex.not_surname or part in words for part in parts[parts[0] in lex.particles:]):
            return False                        # a particle joined on is no word: "El-Sayed", "al-Hashimi"
    return not strict or (key in lex.surnames and key not in lex.rare_words) or unknown_word(key, lex)


_WORD_OR_NUMBER = re.compile(rf"{LETTER}+|[\d_]+")


def words_before(text: str, start: int) -> tuple[str, ...]:
    """The last two words before `start` (in the 40 characters before it, after any number), lower case,
    nearest last. One findall: a search anchored at the end would try every start position."""
    words: list[str] = []
    for word in reversed(_WORD_OR_NUMBER.findall(text, max(0, start - 40), start)):
        if not word[0].isalpha() or len(words) == 2:
            break
        words.append(word.casefold())
    return tuple(reversed(words))


_CLAUSE_WORD = re.compile(rf"{LETTER}+|[.!?:;()\u2029]")
_LIST_JOINERS = frozenset(("and", "or", "the"))


def in_list_of_places(text: str, start: int, lex: Lexicon) -> bool:
    """Do the words before `start`, in its clause, make it one of a list of places: "visited Lincoln
    Cathedral and (Stanley Park)", "a walk through Delamere, Frodsham and (Helsby Hill)"? Capitalised words
    and list joiners are passed over back to a place word (true) or the first other word (true when
    it is a locative)."""
    for word in reversed(_CLAUSE_WORD.findall(text, max(0, start - 120), start)):
        if not word[0].isalpha():
            return False                    # the clause ends: "We went to the zoo. (Lucy Hill) won"
        key = plain(word)
        if word[0].islower() and key not in _LIST_JOINERS:
            return key in lex.locatives
        if key in lex.place_words:
            return True
    return False


# After a name: "on Unsplash", "from Pexels", "via Getty Images", "/ Adobe Stock" (a stock library's credit line).
_CREDIT_STARTS = (" on ", " from ", " via ", "/", " /", "\u00a0on ", "\u00a0from ")
_CREDIT = re.compile(r"(?:\s+(?:on|from|via)\s+|\s*/\s*)([^\W\d_]+)(?:\s+([^\W\d_]+))?")


def stock_credit(text: str | None, at: int, lex: Lexicon) -> bool:
    """Does a stock photo library's credit follow the name ending at `at` ("Photo by Marta Kowal on Unsplash",
    "Image by ... from Pixabay", "... / Shutterstock")? It names the photographer, not a pupil (as
    "pexels-anna-nowak.jpg" does)."""
    if text is None or not text.startswith(_CREDIT_STARTS, at):
        return False                            # the usual case, kept to one C call
    credit = _CREDIT.match(text, at)
    if credit is None:
        return False
    first, second = credit.group(1).lower(), (credit.group(2) or "").lower()
    return first in lex.stock_sites or first + second in lex.stock_sites      # "Adobe Stock"
