"""The surname-first form of class lists in prose: "Watson, Amelia (5B)", "Sheikh, Usman - Year 6"."""

from __future__ import annotations

import re

from .spotting import Spotted, is_surname, spotted_token
from .words import APOSTROPHES, LETTER, UPPER, Lexicon, Token, english_word, is_given

# "Watson, Amelia (5B)": a class list's surname-first form, ended by a bracket, a semicolon, a dash
# ("Watson, Amelia - Year 6"), the line end or a block's end (U+2029, pages.html_captions).
# The search starts at the comma (a literal the regex engine skips to), then looks back for the surname.
_REVERSED = re.compile(rf",[ \u00a0]+([{UPPER}]{LETTER}+)(?=[ \u00a0]*(?:[(;)\n\u2029]|[-–—][ \u00a0]|$))")
# A class or year group in brackets or after a dash: "(5B)", "(Y4)", "(J14)", "(Year 6)", "- 7K"; not a
# year, "(2019)".
_CLASS = re.compile(r"[ \u00a0]*(?:\((?:[Yy]ear[ \u00a0]?\d{1,2}|[A-Za-z]?\d{1,2}[A-Za-z]{0,2})\)"
                    r"|[-–—][ \u00a0]+(?:[Yy]ear[ \u00a0]?\d{1,2}|[A-Za-z]?\d{1,2}[A-Za-z]{0,2})\b)")
_SURNAME_BEFORE = re.compile(rf"(?<!{LETTER})[{UPPER}]{LETTER}+(?:[-{APOSTROPHES}]{LETTER}+)*$")


def reversed_names(text: str, lex: Lexicon, words: frozenset[str]) -> list[Spotted]:
    """Full names written surname first in `text` (`words`: the page language's words, not names)."""
    found = []
    for match in _REVERSED.finditer(text):
        before = _SURNAME_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before is None:
            continue
        surname, given = spotted_token(before.start(), before.group()), spotted_token(match.start(1), match.group(1))
        known_given = is_given(given.key, lex)
        if not (known_given or _may_be_name(given, lex, words)):
            continue
        in_class = _CLASS.match(text, match.end()) is not None     # "Öztürk, Mert (6C)", "Tang, Bich (Y4)"
        if is_given(surname.key, lex) and not in_class:
            continue                            # "Oliver, Harry": first names only
        if is_surname(surname, lex, words) or (known_given or in_class) and surname.key in lex.surnames \
                or known_given and surname.key in lex.short_surnames and not english_word(given.key, lex) \
                or in_class and surname.key not in lex.not_surname and surname.key not in words:
            found.append(Spotted(surname.start, given.end, given.raw, "unknown"))   # "Sheikh, Usman (6C)"
    return found


def _may_be_name(token: Token, lex: Lexicon, words: frozenset[str]) -> bool:
    """A capitalised word no list holds ("Temitope"): in a class list's "Akinola, Temitope (6C)", a given name."""
    return token.key not in lex.listed and token.key not in words and len(token.key) > 2 and token.raw[1:].islower()
