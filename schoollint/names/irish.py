"""Irish surnames with the article and an initial mutation: "Nic an tSaoir", "Mac an Bhaird", "Ó hUiginn".

Irish surnames after Mac/Nic/Mhic/Ó/Ní/Uí may take the article "an" ("son of the craftsman": Mac an
tSaoir) and a mutated first letter: a prefixed t- or n- or h- before a capital ("tSaoir", "hUiginn";
Irish Standard, An Caighdeán Oifigiúil 2017, sections 2 and 3 on prefixing t, n and h). The finder reads
runs of capitalised words, so "an" and "tSaoir" ended the run and "Niamh Nic an tSaoir" was read as
"Niamh Nic" (no surname) or not at all. `spelled_for_finder` rewrites each such surname, in a copy of
the text of the same length (every finding keeps its place), as one capitalised word after the particle:
"Nic an tSaoir" -> "Nic  Antsaoir", "Ó hUiginn" -> "Ó Huiginn"; in a file name (`joined_articles`), the
article joins the word after it ("siobhan-nic-an-tsaoir": "nic", "antsaoir").
"""

from __future__ import annotations

import re

from .words import Token, english_word, lexicon

_PARTICLE = r"(?<![^\W\d_])(?:Mac|Mhic|Nic|Ní|Ni|Ó|O|Uí|Ui|Ua)"
# The article, or "Con" (genitive of cú, "hound": "Mac Con Iomaire", "Mac Con Midhe", "Nic Con Uladh"),
# which joins the word after it as the article does.
_ARTICLE = re.compile(rf"({_PARTICLE}) (?:an|na|Con) ([tnh]?[A-ZÁÉÍÓÚ])")
_PREFIXED = re.compile(rf"({_PARTICLE}) ([tnh])([A-ZÁÉÍÓÚ])")
_PREFIXED_OR_CON = re.compile(rf"{_PARTICLE} (?:[tnh][A-ZÁÉÍÓÚ]|Con )")     # one scan for both


def spelled_for_finder(text: str) -> str:
    """`text` with Irish article-and-mutation surnames as one capitalised word each; the same length."""
    if " an " not in text and " na " not in text and not _PREFIXED_OR_CON.search(text):
        return text
    text = _ARTICLE.sub(lambda found: found.group(1) + "  " + (_joined(found)).capitalize(), text)
    return _PREFIXED.sub(lambda found: found.group(1) + " " + found.group(2).upper() + found.group(3).lower(), text)


_TITLED_ARTICLE = re.compile(rf"({_PARTICLE}) (An|Na) ")


def titled(text: str) -> str:
    """`text.title()` as lower-case text is read (heuristic.in_text), the article after an Irish particle kept
    in lower case, as Irish writes it ("fionn mac an bhaird" -> "Fionn Mac an Bhaird", not "Mac An Bhaird",
    which `spelled_for_finder` would not know for one surname)."""
    text = text.title()
    return _TITLED_ARTICLE.sub(lambda found: f"{found.group(1)} {found.group(2).lower()} ", text) \
        if " An " in text or " Na " in text else text


def _joined(found: re.Match) -> str:
    """ "an tS" -> "antS": the article and the mutated initial, spaces dropped (two spaces stand for them)."""
    return found.group(0)[len(found.group(1)) + 1:].replace(" ", "")


_PARTICLE_KEYS = frozenset({"mac", "mhic", "nic", "ni", "o", "ui", "ua"})


def joined_articles(tokens: list[Token]) -> list[Token]:
    """A file name's words with "an"/"na" after an Irish particle joined to the word after it (and its
    prefixed t, n or h, which a capital cuts off: "Mac an tSaoi.jpg"), as the surname it begins
    ("siobhan-nic-an-tsaoir": "nic", then the surname "antsaoir"); not before an English word
    ("mac-an-cheese")."""
    lex = lexicon()
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        end = i + 1
        if end < len(tokens) and len(tokens[end].raw) == 1 and tokens[end].key in "tnh" \
                and end + 1 < len(tokens) and tokens[end + 1].start == tokens[end].end:
            end += 1                            # "t" + "Saoi": one word, "tSaoi"
        if token.key in ("an", "na", "con") and out and out[-1].key in _PARTICLE_KEYS and end < len(tokens) \
                and not english_word(tokens[end].key, lex):
            joined = tokens[i:end + 1]
            out.append(Token(token.start, joined[-1].end, "".join(part.raw for part in joined),
                             "".join(part.key for part in joined)))
            i = end + 1
        else:
            out.append(token)
            i += 1
    return out
