"""Apostrophes inside names: O'Neill, D'Souza, N'Golo, L'Estrange, written with ' or ’ (U+2019).

An Irish "Ó"/"O'" ("grandson of"), a Norman-French "D'"/"L'" and a West African "N'" are one letter
elided onto the name that follows; the name is one word, which the word lists hold without its
apostrophe ("oneill": `words.plain` drops it). Prose reads such a word whole (`words.Lexicon`'s
pattern); a file name, split at every character that is no letter, must rejoin it, or "Aoife O'Neill.jpg"
is read as "Aoife O" and "Neill". Only a lone letter before the apostrophe joins: after longer words an
apostrophe is a possessive or a contraction ("children's", "year6's"), never inside a name.
"""

from __future__ import annotations

from .words import APOSTROPHES


def elided_onto(name: str, letter_start: int, letter_end: int, next_start: int) -> bool:
    """Whether name[letter_start:letter_end] is one letter elided onto the word at `next_start`
    ("O" + "'" + "Neill"): one letter, then one apostrophe, then the next word at once, and the letter
    starts a word of its own (not the "s" of "pupils's")."""
    return (letter_end - letter_start == 1 and next_start == letter_end + 1
            and name[letter_end] in APOSTROPHES and not name[letter_start - 1: letter_start].isalpha())
