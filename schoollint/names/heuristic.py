"""Spot full names without a roster: a known given name and a surname-like word.

Prose: one precompiled regex finds runs of two or more capitalised words
("Congratulations Amelia Watson"); only those runs are looked at word by word,
so a sentence without such a run costs one regex scan. File names: every word
is lower case, so a given name followed by a word that is not a common English
word is the candidate.

Word lists load once, on first use, from data/ (see tools/build_given_names.py
for where given_names.txt and common_words.txt come from).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")

LETTER = r"[^\W\d_]"
UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"          # Latin Extended-A mixes cases; a lower-case start there is rare
APOSTROPHES = "'’"
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")


@dataclass(frozen=True)
class Spotted:
    """A full name found by the spotter; spans index the string searched."""

    start: int
    end: int
    first: str         # the given name as written, "" for "Mrs Jones"
    role: str          # "staff" for a title, else "unknown"


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    raw: str           # as written, possessive removed
    key: str           # plain(raw): what the word lists are keyed by


@dataclass(frozen=True)
class Lexicon:
    given: frozenset[str]
    not_surname: frozenset[str]        # common English words, school words, calendar, titles
    following: frozenset[str]          # "Park", "Academy", "Class": the phrase is no person
    titles: frozenset[str]
    calendar: frozenset[str]
    phrases: dict[str, tuple[tuple[str, ...], ...]]   # first word -> word tuples, longest first
    run_pattern: re.Pattern
    token_pattern: re.Pattern


def plain(word: str) -> str:
    """Lower case, accents and apostrophes removed: "O’Brien" -> "obrien"."""
    word = word.casefold()
    if not word.isascii():
        word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return word.replace("'", "").replace("’", "")


def _word_list(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    import yaml

    stop = yaml.safe_load((DATA / "stoplists.yaml").read_text(encoding="utf-8"))
    titles = frozenset(stop["titles"])
    calendar = frozenset(stop["calendar_words"])
    following = frozenset(word for group in stop["following_words"].values() for word in group)
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for group in stop["phrases"].values():
        for phrase in group:
            words = tuple(plain(word) for word in re.findall(rf"{LETTER}+(?:['’]{LETTER}+)*", phrase))
            phrases.setdefault(words[0], []).append(words)
    title_alternatives = "|".join(sorted((t.capitalize() for t in titles), key=len, reverse=True))
    word = rf"[{UPPER}]{LETTER}*(?:[-{APOSTROPHES}]{LETTER}+)*[{APOSTROPHES}]?"
    element = rf"(?:(?:{title_alternatives})\.|{word})"
    particle = rf"(?:{'|'.join(stop['surname_particles'])})"
    gap = r"[ \u00a0]{1,3}"
    return Lexicon(
        given=_word_list("given_names.txt"),
        not_surname=_word_list("common_words.txt") | frozenset(stop["school_words"]) | calendar | titles,
        following=following,
        titles=titles,
        calendar=calendar,
        phrases={first: tuple(sorted(set(group), key=len, reverse=True)) for first, group in phrases.items()},
        run_pattern=re.compile(rf"\b{element}(?:{gap}(?:{particle}{gap})*{element})+"),
        token_pattern=re.compile(rf"(?:{particle}{gap})*{element}"),
    )


def _token(start: int, raw: str) -> Token:
    for ending in POSSESSIVE_ENDINGS:
        if raw.endswith(ending) and len(raw) > len(ending):
            raw = raw[: -len(ending)]
            break
    raw = raw.rstrip(".")
    return Token(start, start + len(raw), raw, plain(raw))


def _is_given(key: str, lex: Lexicon) -> bool:
    return key in lex.given or ("-" in key and key.partition("-")[0] in lex.given)


def _is_surname(token: Token, lex: Lexicon) -> bool:
    key = token.key.rpartition(" ")[2]            # "van der berg" is judged by "berg"
    if len(key) < 2 or (token.raw.isupper() and len(key) < 3):
        return False
    parts = key.split("-")
    return not any(part in lex.not_surname or part in lex.following for part in parts)


def _phrase_length(keys: list[str], i: int, lex: Lexicon) -> int:
    """Words at i that make a known non-person phrase ("Peter Pan"), else 0."""
    for phrase in lex.phrases.get(keys[i], ()):
        if tuple(keys[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def spot(tokens: list[Token], lex: Lexicon, *, given_may_be_surname: bool) -> list[Spotted]:
    """Full names in a run of adjacent name-shaped words.

    `given_may_be_surname`: in prose "Oliver Thomas" is a full name; in a file
    name "oliver-thomas" is more likely two children, so a given name there
    only counts as a surname after a middle name.
    """
    keys = [token.key for token in tokens]
    found = []
    i, count = 0, len(tokens)
    while i < count - 1:
        skip = _phrase_length(keys, i, lex)
        if skip:
            i += skip
            continue
        key = keys[i]
        if key in lex.titles:
            end = _staff_name_end(tokens, i, lex)
            if end is not None:
                first = tokens[i + 1].raw if end == i + 2 else ""
                found.append(Spotted(tokens[i].start, tokens[end].end, first, "staff"))
                i = end + 1
                continue
        elif _is_given(key, lex) and not (key in lex.calendar and _is_given(keys[i + 1], lex)):
            end = _full_name_end(tokens, i, lex, given_may_be_surname)
            if end is not None:
                found.append(Spotted(tokens[i].start, tokens[end].end, tokens[i].raw, "unknown"))
                i = end + 1
                continue
        i += 1
    return found


def _staff_name_end(tokens: list[Token], i: int, lex: Lexicon) -> int | None:
    """Index of the surname after a title, or None ("Mrs Jones", "Mrs Sarah Jones")."""
    j = i + 1
    if j + 1 < len(tokens) and _is_given(tokens[j].key, lex) and _is_surname(tokens[j + 1], lex):
        j += 1
    if tokens[j].key in lex.titles or tokens[j].key in lex.following:
        return None
    return None if _followed_by_place(tokens, j, lex) else j


def _full_name_end(tokens: list[Token], i: int, lex: Lexicon, given_may_be_surname: bool) -> int | None:
    """Index of the surname after the given name at i, or None."""
    j = i + 1
    if j + 1 < len(tokens) and _is_given(tokens[j].key, lex) and _is_surname(tokens[j + 1], lex):
        j += 1                                      # a middle name: "Amelia Rose Watson"
    elif not given_may_be_surname and _is_given(tokens[j].key, lex):
        return None
    if not _is_surname(tokens[j], lex) or _followed_by_place(tokens, j, lex):
        return None
    return j


def _followed_by_place(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """ "Joseph Lister Academy", "Oak House": the word after the name decides."""
    return j + 1 < len(tokens) and tokens[j + 1].key in lex.following


def in_text(text: str) -> list[Spotted]:
    lex = lexicon()
    found = []
    for run in lex.run_pattern.finditer(text):
        offset = run.start()
        tokens = [_token(offset + m.start(), m.group()) for m in lex.token_pattern.finditer(run.group())]
        found.extend(spot(tokens, lex, given_may_be_surname=True))
    return found


# File names: split on separators and digits, then on camelCase ("NoahPatel").
_FILE_WORD = re.compile(rf"[{UPPER}]?[^\W\d_{UPPER}]+|[{UPPER}]+(?![^\W\d_{UPPER}])")
_FILE_GAP = frozenset(("", "-", "_", ".", " "))


def filename_runs(name: str) -> list[list[Token]]:
    """Words of a file name, grouped into runs joined by one separator at most."""
    runs: list[list[Token]] = []
    previous_end = None
    for match in _FILE_WORD.finditer(name):
        token = Token(match.start(), match.end(), match.group(), plain(match.group()))
        if previous_end is None or name[previous_end : match.start()] not in _FILE_GAP:
            runs.append([])
        runs[-1].append(token)
        previous_end = match.end()
    return runs


def in_filename(name: str) -> list[Spotted]:
    lex = lexicon()
    return [spotted for run in filename_runs(name) for spotted in spot(run, lex, given_may_be_surname=False)]
