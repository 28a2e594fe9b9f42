"""A nickname in quotes or brackets between a given name and a surname: "Thomas 'Tommy' Reilly", "Margaret
"Peggy" Lindqvist", "Alexander (Sasha) Petrov": the full name is the given name and the surname, and the
nickname, a word the run of capitalised words would otherwise end at or start from ("Tommy' Reilly"), is
left out of the text the finder reads; spans are mapped back to the text as given, so the finding covers
all three words.
"""

from __future__ import annotations

import re

from .words import LETTER, UPPER

_OPEN, _CLOSE = "'‘\"“(", "'’\"”)"
# A nickname of one capitalised word, quoted or bracketed, with one space either side, before a capitalised
# word (the word before it is checked in `without_nicknames`). A space leads the pattern, so a search skips
# to each space in C: most texts hold no nickname and cost one search.
NICKNAME = re.compile(rf" [{_OPEN}][{UPPER}]{LETTER}*[{_CLOSE}] (?=[{UPPER}])")


def without_nicknames(text: str) -> tuple[str, list[int]] | None:
    """(`text` with each such nickname and the space before it left out, the index in `text` of each character
    of that and of its end), or None when there is none."""
    cuts = [(found.start(), found.end() - 1) for found in NICKNAME.finditer(text)
            if found.start() and text[found.start() - 1].isalpha() and _pairs(found.group()[1], found.group()[-2])]
    if not cuts:
        return None
    kept: list[str] = []
    where: list[int] = []
    position = 0
    for start, end in cuts:
        kept.append(text[position:start])
        where.extend(range(position, start))
        position = end
    kept.append(text[position:])
    where.extend(range(position, len(text) + 1))
    return "".join(kept), where


def _pairs(opening: str, closing: str) -> bool:
    """Do the marks around a nickname belong together ('...', "...", ‘...’, “...”, (...))?"""
    return _CLOSE[_OPEN.index(opening)] == closing or opening + closing in ("'’", "‘'", '"”', '“"')
