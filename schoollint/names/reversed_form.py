"""The surname-first form of class lists in prose: "Watson, Amelia (5B)", "Sheikh, Usman - Year 6", and with
a surname particle or an Irish O' ("de Vries, Fenna", "van der Berg, Anouk", "bin Ahmad, Aisyah",
"O'Neill, Siobhan"): the particles are the surname's own, so the name reported starts with them."""

from __future__ import annotations

import re

from .spotting import CLASS_AFTER, Spotted, foreign_surname, is_surname, spotted_token
from .words import APOSTROPHES, LETTER, UPPER, Lexicon, Token, english_word, is_given, unknown_word

# "Watson, Amelia (5B)": a class list's surname-first form, ended by a bracket, a semicolon, a dash
# ("Watson, Amelia - Year 6"), the line end or a block's end (U+2029, pages.html_captions); a given name may be
# hyphenated ("Peyrac, Anne-Marie – 7C").
# The search starts at the comma (a literal the regex engine skips to), then looks back for the surname.
_REVERSED = re.compile(rf",[ \u00a0]+([{UPPER}]{LETTER}+(?:-[{UPPER}]{LETTER}+)?)"
                       rf"(?=[ \u00a0]*(?:[(;)\n\u2029]|[-–—][ \u00a0]|$)|"
                       rf"(?P<listed>[ \u00a0]*(?:,|&|and\b)))")
# A surname with a particle before it is a surname whatever follows the given name: "Pictured: van der Berg,
# Anouk and da Silva, João" (without one, "Oliver, Harry and Jack" may be three first names).
_SURNAME_BEFORE = re.compile(rf"(?<!{LETTER})[{UPPER}](?:[{APOSTROPHES}](?=[{UPPER}]))?{LETTER}+"
                             rf"(?:[-{APOSTROPHES}]{LETTER}+)*$")
_WORD_BEFORE = re.compile(rf"(?<!{LETTER})({LETTER}+)[ \u00a0]+$")
# Where a capitalised particle may start a name ("De Vries, Fenna" at a cell's or a line's start); elsewhere a
# capitalised "Van" or "La" is a word of the sentence ("the La Rochelle trip").
_NAME_START = re.compile(r"(?:^|[\n\u2029(:;.!?\-–—][ \u00a0]*)$")
MAX_PARTICLES = 3                                   # "van der", "de la", "bin": never more


def reversed_names(text: str, lex: Lexicon, words: frozenset[str]) -> list[Spotted]:
    """Full names written surname first in `text` (`words`: the page language's words, not names)."""
    found = []
    for match in _REVERSED.finditer(text):
        before = _SURNAME_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before is None:
            continue
        start = particles_before(text, before.start(), lex)
        if match.group("listed") is not None and start == before.start():
            continue
        surname, given = spotted_token(before.start(), before.group()), spotted_token(match.start(1), match.group(1))
        known_given = is_given(given.key, lex)
        in_class = CLASS_AFTER.match(text, match.end()) is not None     # "Öztürk, Mert (6C)", "Tang, Bich (Y4)"
        if not (known_given or _may_be_name(given, lex, words) or in_class and given.raw[1:].islower()
                and given.key not in words and (unknown_word(surname.key, lex) or foreign_surname(surname, lex))):
            continue                            # "Hüttenrauch, Mats - 6W": a class list's given name, any word
        if is_given(surname.key, lex) and not in_class and start == surname.start:
            continue                            # "Oliver, Harry": first names only
        if is_surname(surname, lex, words) or (known_given or in_class) and surname.key in lex.surnames \
                or known_given and surname.key in lex.short_surnames and not english_word(given.key, lex) \
                or (in_class or start < surname.start) and surname.key not in lex.not_surname \
                and surname.key not in words:
            found.append(Spotted(start, given.end, given.raw, "unknown"))   # "Sheikh, Usman (6C)"
    return found


def particles_before(text: str, start: int, lex: Lexicon) -> int:
    """Where a surname starting at text[start] really starts: before the particles written in front of it
    ("van der Berg"), lower case, or capitalised where a name may start ("De Vries" opening a cell)."""
    for _ in range(MAX_PARTICLES):
        word = _WORD_BEFORE.search(text, max(0, start - 12), start)
        if word is None or word.group(1).lower() not in lex.particles:
            break
        if not word.group(1).islower() and _NAME_START.search(text, max(0, word.start() - 4), word.start()) is None:
            break
        start = word.start(1)
    return start


def _may_be_name(token: Token, lex: Lexicon, words: frozenset[str]) -> bool:
    """A capitalised word no list holds ("Temitope"): in a class list's "Akinola, Temitope (6C)", a given name."""
    return token.key not in lex.listed and token.key not in words and len(token.key) > 2 and token.raw[1:].islower()
