"""Spot full names without a roster: a known given name and a surname-like word.

Prose: one precompiled regex finds runs of two or more capitalised words
("Congratulations Amelia Watson"); only those runs are looked at word by word,
so a sentence without such a run costs one regex scan. File names: every word
is lower case, so a given name followed by a word that is not a common English
word is the candidate.

Word lists and the run pattern are `words.lexicon()`, loaded once on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from .words import LETTER, UPPER, Lexicon, Token, lexicon, plain

POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")


class Spotted(NamedTuple):
    """A full name found by the spotter; spans index the string searched."""

    start: int
    end: int
    first: str         # the given name as written, "" for "Mrs Jones"
    role: str          # "staff" for a title, else "unknown"


def _token(start: int, raw: str) -> Token:
    if raw[-1] in "s'’.":
        for ending in POSSESSIVE_ENDINGS:
            if raw.endswith(ending) and len(raw) > len(ending):
                raw = raw[: -len(ending)]
                break
        raw = raw.rstrip(".")
    return Token(start, start + len(raw), raw, plain(raw))


def _is_given(key: str, lex: Lexicon) -> bool:
    return key in lex.given or ("-" in key and key.partition("-")[0] in lex.given)


def _is_surname(token: Token, lex: Lexicon) -> bool:
    key = token.key
    if len(key) < 2 or (len(key) < 3 and token.raw.isupper()):
        return False
    if "-" not in key:
        return key not in lex.not_surname
    return not any(part in lex.not_surname for part in key.split("-"))


def _phrase_length(keys: list[str], i: int, lex: Lexicon) -> int:
    """Words at i that make a known non-person phrase ("Peter Pan"), else 0."""
    for phrase in lex.phrases.get(keys[i], ()):
        if tuple(keys[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


@dataclass
class _Run:
    """Adjacent name-shaped words, and the prose they are in.

    `text` is None for a file name: there "oliver-thomas" is more likely two
    children than a full name, and "lucy-hill" is taken for a place.
    """

    tokens: list[Token]
    lex: Lexicon
    text: str | None

    def names(self) -> list[Spotted]:
        keys = [token.key for token in self.tokens]
        found = []
        i = 0
        starters = self.lex.starters
        while i < len(keys) - 1:
            if keys[i] not in starters and "-" not in keys[i]:
                i += 1
                continue
            skip = _phrase_length(keys, i, self.lex)
            if skip:
                i += skip
                continue
            spotted = self._name_at(i)
            if spotted is None:
                i += 1
                continue
            found.append(spotted[0])
            i = spotted[1] + 1
        return found

    def _name_at(self, i: int) -> tuple[Spotted, int] | None:
        """The name starting at word i and the index of its last word."""
        tokens, lex = self.tokens, self.lex
        key = tokens[i].key
        if key in lex.titles:
            end = self._surname_end(i + 1, title=True)
            if end is None:
                return None
            first = tokens[i + 1].raw if end > i + 1 and _is_given(tokens[i + 1].key, lex) else ""
            return Spotted(tokens[i].start, tokens[end].end, first, "staff"), end
        if not _is_given(key, lex) or (key in lex.calendar and _is_given(tokens[i + 1].key, lex)):
            return None                         # "In May Oliver Smith": May is the month
        end = self._surname_end(i + 1, title=False)
        if end is None or self._is_place(i, end):
            return None
        return Spotted(tokens[i].start, tokens[end].end, tokens[i].raw, "unknown"), end

    def _surname_end(self, j: int, *, title: bool) -> int | None:
        """Index of the last word of the surname that starts at or after j."""
        tokens, lex = self.tokens, self.lex
        last = len(tokens) - 1
        if j < last and _is_given(tokens[j].key, lex) and _is_surname(tokens[j + 1], lex):
            j += 1                              # a middle name: "Amelia Rose Watson", "Mrs Sarah Jones"
        elif not title and self.text is None and _is_given(tokens[j].key, lex):
            return None
        while j < last and tokens[j].key in lex.particles:
            j += 1                              # "De Souza", "Ó Briain"
        if title:
            if tokens[j].key in lex.titles or len(tokens[j].key) < 2:
                return None
        elif not _is_surname(tokens[j], lex):
            return None
        if j < last and tokens[j + 1].key in lex.following:
            return None                         # "Joseph Lister Academy", "Willow Class"
        return j

    def _is_place(self, i: int, end: int) -> bool:
        """ "Victoria Park" after "at" or "trip to" is a place; "Lucy Hill" is a girl."""
        if self.tokens[end].key not in self.lex.surname_places:
            return False
        if self.text is None:
            return True
        before = _words_before(self.text, self.tokens[0].start)
        words = (before + tuple(token.key for token in self.tokens[:i]))[-2:]
        if not words:
            return False
        if words[-1] == "to":
            return len(words) == 2 and words[0] in self.lex.motion_words
        return words[-1] in self.lex.locatives


_WORDS_BEFORE = re.compile(rf"({LETTER}+)\W+(?:({LETTER}+)\W+)?$")


def _words_before(text: str, start: int) -> tuple[str, ...]:
    """The last two words before `start`, lower case, nearest last."""
    match = _WORDS_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return ()
    return tuple(word.casefold() for word in match.groups() if word)


def _may_hold_name(words: list[str], lex: Lexicon) -> bool:
    """Cheap first look at a run: a title, or a given name and a possible surname."""
    keys = [word.lower() for word in words]
    for key, after in pairwise(keys):
        if key in lex.titles_written:
            return True
        if _is_given(key, lex) and (after not in lex.not_surname or after in lex.particles):
            return True
    return False


def _words_of(run: str, words: list[str], offset: int, lex: Lexicon) -> Iterator[list[Token]]:
    """Tokens of a run, cut after a word ending a sentence ("Jones. Amelia")."""
    tokens = []
    position = 0
    for word in words:
        start = run.find(word, position)
        position = start + len(word)
        token = _token(offset + start, word)
        tokens.append(token)
        if word[-1] == "." and token.key not in lex.titles:
            yield tokens
            tokens = []
    yield tokens


def in_text(text: str) -> list[Spotted]:
    lex = lexicon()
    found = []
    for run in lex.run_pattern.finditer(text):
        group = run.group()
        words = group.split()
        if group.isascii() and not _may_hold_name(words, lex):
            continue                                # "Zoë" needs plain() to be looked up
        offset = run.start()
        for tokens in _words_of(group, words, offset, lex):
            found.extend(_Run(tokens, lex, text).names())
    return found


# File names: split on separators and digits, then on camelCase ("NoahPatel"),
# but a surname prefix stays with its surname ("McDonald", "OBrien").
_FILE_WORD = re.compile(rf"[{UPPER}]?[^\W\d_{UPPER}]+|[{UPPER}]+(?![^\W\d_{UPPER}])")
_FILE_GAP = frozenset(("", "-", "_", ".", " "))
_SURNAME_PREFIXES = frozenset(("O", "D", "Mc", "Mac"))


def filename_runs(name: str) -> list[list[Token]]:
    """Words of a file name, grouped into runs joined by one separator at most."""
    runs: list[list[Token]] = []
    previous: Token | None = None
    for match in _FILE_WORD.finditer(name):
        start = match.start()
        if previous is not None and previous.end == start and previous.raw in _SURNAME_PREFIXES:
            runs[-1].pop()
            start = previous.start
        elif previous is None or name[previous.end : start] not in _FILE_GAP:
            runs.append([])
        raw = name[start : match.end()]
        previous = Token(start, match.end(), raw, plain(raw))
        runs[-1].append(previous)
    return runs


def in_filename(name: str) -> list[Spotted]:
    lex = lexicon()
    return [spotted for run in filename_runs(name) for spotted in _Run(run, lex, None).names()]
