"""A word no list knows, a particle, then a given name: a phrase in another language, not a full name.

"Comhghairdeas le Saoirse" (Irish, "congratulations to Saoirse"), "Bualadh bos do Niamh" ("a round of
applause for Niamh"), "Llongyfarchiadau i Elin" read on an English page: the first word is no name any
list knows, so the finder may take it for a given name it lacks (`heuristic._Run._unknown_given`), and
"le", "do", "i" are surname particles elsewhere ("Le Roux", "do Carmo"), so the pair looked like
"Given le Surname". A full name ends in a surname; a known given name that no surname list holds, after
particles, ends a phrase that names one child by first name, which the guidance allows.
"""

from __future__ import annotations

from collections.abc import Sequence

from .words import Lexicon, Token, is_given


def phrase_before_given(tokens: Sequence[Token], i: int, end: int, lex: Lexicon) -> bool:
    """Whether tokens[i:end + 1] is an unknown word, particles, then a given name that is no known surname, or
    one that more name words follow: "Comhghairdeas le Jesse van Gelderen" names Jesse van Gelderen."""
    last = tokens[end].key
    return end > i + 1 and is_given(last, lex) and (last not in lex.surnames or end + 1 < len(tokens)) \
        and all(token.key in lex.particles for token in tokens[i + 1:end])
