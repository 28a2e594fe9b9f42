"""A name the page writes in two blocks, and a surname with an elided "d'", read as the finder reads one name.

Both rewrite a copy of the text of the same length (every finding keeps its place), as `irish.spelled_for_finder`
does:

- A card's name written over two lines, the given name alone on the first ("Kwame<br>Oduro-Boakye",
  "Thibault<br>de Montferrand"): the break between blocks (U+2029, `pages.html_text.BLOCK_BREAK`) ends a run of
  name words, so that "Johanna Weber<br>Class teacher" keeps its role apart. Only where a block holds nothing
  but a known given name and the next nothing but a surname (particles, then one word that is no English word
  and no word of the page's language) are the two joined: a role, a second name or a sentence stays apart.
- French "d'" before a surname ("Marie-Noëlle d'Aubigné", Code civil usage: the particle "de" elided before a
  vowel) is written in lower case, where the finder's runs need a capital: "d'Aubigné" is read as "D'Aubigné",
  the form an Italian "D'Angelo" already has.
"""

from __future__ import annotations

import re

from .spotting import is_surname, spotted_token
from .words import APOSTROPHES, LETTER, UPPER, Lexicon, english_word, is_given

BREAK = "\u2029"
_WORD = rf"[{UPPER}]{LETTER}+(?:-[{UPPER}]{LETTER}+)?"
# A block that is one given name, the break (and the source's line end), a block that is a surname.
_TWO_BLOCKS = re.compile(rf"(?:^|(?<=[\n{BREAK}]))[ \u00a0]*({_WORD})([ \u00a0]*(?:{BREAK}[ \u00a0\n]*)+)"
                         rf"((?:{LETTER}+[ \u00a0]){{0,2}}[{UPPER}]{LETTER}+(?:[-{APOSTROPHES}]{LETTER}+)*)"
                         rf"(?=[ \u00a0]*(?:{BREAK}|\n|$))")
_ELIDED = re.compile(rf"(?<={LETTER} )d([{APOSTROPHES}][{UPPER}])")
MAX_GAP = 3                                         # the spaces a run of name words allows between two words


def joined_lines(text: str, lex: Lexicon, words: frozenset[str]) -> str:
    """`text` with a given name's block and its surname's block joined by spaces; the same length."""
    if "d'" in text or "d’" in text:
        text = _ELIDED.sub(lambda found: "D" + found.group(1), text)
    if BREAK not in text:
        return text
    return _TWO_BLOCKS.sub(lambda found: _joined(found, lex, words), text)


def split_over_lines(gap: str) -> bool:
    """Is `gap`, between a given name and the next word, a break between blocks as `joined_lines` joins
    ("Kwame<br>Oduro-Boakye"), for the roster's matching: nothing but a break and a few spaces?"""
    return BREAK in gap and len(gap) <= MAX_GAP and not gap.strip(" \u00a0\n" + BREAK)


def _joined(found: re.Match, lex: Lexicon, words: frozenset[str]) -> str:
    given, gap, surname = found.group(1), found.group(2), found.group(3)
    parts = surname.split()
    last = spotted_token(found.start(3), parts[-1])
    if len(gap) > MAX_GAP or not is_given(spotted_token(0, given).key, lex) or english_word(last.key, lex) \
            or last.key in words or not is_surname(last, lex, words) \
            or not all(part.lower() in lex.particles for part in parts[:-1]):
        return found.group(0)
    return found.group(0).replace(gap, " " * len(gap), 1)
