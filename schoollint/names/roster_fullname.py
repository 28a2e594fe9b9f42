"""A whole name in one roster cell, split into given name and surname as MIS exports write it.

A school's management information system (SIMS, Arbor, Bromcom) and the class
lists made from it write a pupil's name in one column in several ways:

- "Surname, Forename [Middle]" (the comma says which is which; "SINCLAIR, Poppy" too);
- "SURNAME Forename" and "Forename SURNAME" (the surname in capitals: the capital
  words, together at the start or the end, are the surname);
- "Forename [Middle] Surname", no cue: the first word is a given name; with
  three words or more the middle words may be given names or part of the
  surname, so both readings are kept ("Amelia Rose Watson": Amelia Rose Watson
  and Amelia Watson), unless a surname particle ("van", "de", "al") starts the surname;
- a preferred name in brackets or quotes ("Sinclair, Margaret (Peggy)"): read as
  another given name with the same surname.

A name in capitals only ("POPPY SINCLAIR") has no cue: it follows the order the
column's other rows show (`column_order`), else forename first, and the run says
so in a note. A cell that cannot be split with confidence (two commas, capital
words in the middle, one word) raises NameSplitError (the roster reader's
RosterError names file, row and column: exit 2).
"""

from __future__ import annotations

import re

from .words import LETTER, Token, plain

# Words that start a surname of several words ("van der Berg", "de la Cruz", "al Hassan").
PARTICLES = frozenset(("van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
                       "le", "ter", "ten", "al", "el", "bin", "ibn", "ap", "mac", "st"))
_PREFERRED = re.compile(r"[(\[\"“]([^)\]\"”]*)[)\]\"”]")
SURNAME_FIRST, FORENAME_FIRST = "surname first", "forename first"
_WORD = re.compile(rf"{LETTER}+(?:['’]{LETTER}+)*")

Pairs = list[tuple[list[str], list[str]]]


class NameSplitError(ValueError):
    """A one-cell name that cannot be split with confidence; the message says why (the roster reader
    adds file, row and column)."""


def name_words(text: str) -> list[Token]:
    """Normalised words of prose with spans; "Watson's" -> "watson", "Smith-Jones" -> two words."""
    words = []
    for match in _WORD.finditer(text):
        raw = match.group()
        if raw[-2:] in ("'s", "’s") and len(raw) > 2:
            raw = raw[:-2]
        words.append(Token(match.start(), match.start() + len(raw), raw, plain(raw)))
    return words


def _capital(raw: str) -> bool:
    """A word written in capitals ("SINCLAIR", "McDONALD"): more upper- than lower-case letters."""
    upper = sum(c.isupper() for c in raw)
    return len(raw) > 1 and upper > sum(c.islower() for c in raw)


def _cue(text: str) -> str | None:
    """Where the capital words of a comma-less name put the surname, None when no word or every word is capital."""
    caps = [_capital(word.raw) for word in name_words(text)]
    if not any(caps) or all(caps):
        return None
    if caps[0] and caps == sorted(caps, reverse=True):
        return SURNAME_FIRST
    if caps[-1] and caps == sorted(caps):
        return FORENAME_FIRST
    return "mixed"


def column_order(cells: list[str]) -> str | None:
    """The order the column's rows with a cue agree on (for its rows in capitals only), None if none or they differ."""
    orders = {_cue(_PREFERRED.sub(" ", cell)) for cell in cells if "," not in cell} - {None, "mixed"}
    return orders.pop() if len(orders) == 1 else None


def split_full(cell: str, order: str | None = None) -> tuple[Pairs, bool]:
    """(given words, surname words) pairs a one-cell name may be written as (keys, as roster_csv.words_of),
    and whether its order was guessed (capitals only, no order known). NameSplitError: cannot be split."""
    preferred = [keys for text in _PREFERRED.findall(cell) if (keys := _keys(text))]
    bare = _PREFERRED.sub(" ", cell)
    guessed = False
    if bare.count(",") > 1:
        raise NameSplitError(f"{bare.count(',')} commas in one name; expected \"Surname, Forename\"")
    if "," in bare:
        surname_text, given_text = bare.split(",")
        surname, given = _keys(surname_text), _keys(given_text)
        if not surname or not given:
            raise NameSplitError("expected \"Surname, Forename\" (one side of the comma is empty)")
        pairs = [(given, surname)]
    else:
        words = name_words(bare)
        keys = [word.key for word in words]
        if len(keys) < 2:
            raise NameSplitError("expected a full name (given name and surname)")
        cue = _cue(bare)
        if cue == "mixed":
            raise NameSplitError("capital words in the middle of a name; cannot tell the surname "
                                 "(expected \"SURNAME Forename\", \"Forename SURNAME\" or \"Surname, Forename\")")
        if cue is None and all(_capital(word.raw) for word in words):
            guessed, cue = order is None, order
        capitals = sum(_capital(word.raw) for word in words)
        pairs = _ordered(keys, cue or FORENAME_FIRST, capitals if capitals < len(words) else 0)
    given_pairs = [(keys, surname) for keys in preferred for _given, surname in pairs[:1]]
    return pairs + given_pairs, guessed


def _ordered(keys: list[str], order: str, capitals: int) -> Pairs:
    """Pairs for words in `order`; `capitals`: how many words the capitals say the surname is (0: not known)."""
    if order == SURNAME_FIRST:
        cuts = [capitals] if capitals else [1] if len(keys) == 2 else [1, len(keys) - 1]
        return [(keys[cut:], keys[:cut]) for cut in cuts]
    particle = next((i for i in range(1, len(keys)) if keys[i] in PARTICLES), None)
    if capitals:
        cuts = [len(keys) - capitals]
    elif particle is not None:
        cuts = [particle]
    else:
        cuts = [len(keys) - 1] if len(keys) == 2 else [1, len(keys) - 1]     # middle words: either
    return [(keys[:cut], keys[cut:]) for cut in cuts]


def _keys(text: str) -> list[str]:
    return [word.key for word in name_words(text)]
