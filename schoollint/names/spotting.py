"""The spotter's building blocks, shared by `heuristic` and `reversed_form`: its tokens, what it reports,
whether a word may be a surname, and the words around a name (the word before it, a list of places).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .words import (APOSTROPHES, LETTER, Lexicon, Token, english_word, is_given, other_language_words, plain,
                    unknown_word)

POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
APOSTROPHES_S = tuple(APOSTROPHES)
NO_WORDS: frozenset[str] = frozenset()
_new_token = tuple.__new__                      # Token(...) without NamedTuple's Python-level __new__


class Spotted(NamedTuple):
    """A full name found by the spotter; spans index the string searched."""

    start: int
    end: int
    first: str         # the given name as written, "" for "Mrs Jones"
    role: str          # "staff" for a title, else "unknown"


def spotted_token(start: int, raw: str) -> Token:
    """The word `raw` at `start` as the spotter keys it: a possessive and a final dot left off ("Watson's"
    and "Watson." are "Watson")."""
    if raw[-1] in "s'’.":
        for ending in POSSESSIVE_ENDINGS:
            if raw.endswith(ending) and len(raw) > len(ending):
                raw = raw[: -len(ending)]
                break
        raw = raw.rstrip(".")
    return _new_token(Token, (start, start + len(raw), raw, plain(raw)))     # one per word: no Python __new__


# Letters that only Vietnamese writes (Latin Extended Additional's vowels with a dot or hook, ơ, ư, đ): a word
# with one is no English word ("Tạ" is not "ta"), whatever its length.
_VIETNAMESE = re.compile("[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0\u0110\u0111]")
# A class or year group in brackets or after a dash: "(5B)", "(Y4)", "(J14)", "(Year 6)", "- 7K"; not a year, "(2019)";
# or after "in" with a letter ("in 6p", "in Y4", "in Year 6", as a post on social media writes it; not "in 10").
CLASS_AFTER = re.compile(r"[ \u00a0]*(?:\((?:[Yy]ear[ \u00a0]?\d{1,2}|[A-Za-z]?\d{1,2}[A-Za-z]{0,2})\)"
                         r"|[-–—][ \u00a0]+(?:[Yy]ear[ \u00a0]?\d{1,2}|[A-Za-z]?\d{1,2}[A-Za-z]{0,2})\b"
                         r"|[ \u00a0]+[Ii]n[ \u00a0]+(?:[Yy]ear[ \u00a0]?\d{1,2}|[A-Za-z]\d{1,2}|\d{1,2}[A-Za-z]{1,2})"
                         r"\b)")


def vietnamese(word: str) -> bool:
    """Is `word` written with a letter only Vietnamese uses ("Tạ", "kienđoan")?"""
    return _VIETNAMESE.search(word) is not None


def name_letters(token: Token, lex: Lexicon) -> bool:
    """Do its letters show a word is no English word: written with letters English never uses and known to
    no list ("Cârstea", "Hüttenrauch": not "cars" + "tea"), or with letters only Vietnamese uses ("Tạ")?"""
    if token.raw.isascii():
        return False                            # the usual case
    if vietnamese(token.raw):
        return True
    key = token.key
    return len(key) > 3 and key.isalpha() and key not in lex.listed and key not in lex.rare_words


def foreign_surname(token: Token, lex: Lexicon) -> bool:
    """A word written with letters English never uses that is a surname no English word shares, or no word
    any list knows ("Hüttenrauch", "Øberg", "Schäfer")."""
    return not token.raw.isascii() and (token.key in lex.person_surnames or name_letters(token, lex))


def word_given_before_surname(tokens: list[Token], i: int, lex: Lexicon, words: frozenset[str]) -> bool:
    """Is word i one of the given names the lists leave out as English words (Lexicon.word_given_names)
    and a given name here: before a surname written with letters English never uses ("Mats Hüttenrauch"),
    or before lower-case surname particles and a capitalised word that may be a surname, no word of the
    page's language ("Floor van Rijswijk", "Puck van der Velde" on a Dutch page too; not "Floor de la Casa"
    on a Spanish page)?"""
    if tokens[i].key not in lex.word_given_names or i + 1 >= len(tokens):
        return False
    if foreign_surname(tokens[i + 1], lex):
        return True
    j = i + 1
    while j < len(tokens) and tokens[j].key in lex.particles and tokens[j].raw.islower():
        j += 1                                  # "van der Linde"
    return i + 1 < j < len(tokens) and tokens[j].raw[0].isupper() and is_surname(tokens[j], lex, words)


def may_hold_name(words: list[str], lex: Lexicon) -> bool:
    """Cheap first look at a run: a title, or a given name and a possible surname (one pass, set look-ups
    only: most runs of a page are no name)."""
    given, common, listed = lex.given, lex.not_surname, lex.listed
    key = words[0].lower()
    for word in words[1:]:
        after = word.lower()
        if key in lex.titles_written:
            return True
        if key in given or "-" in key and key.partition("-")[0] in given:
            if after not in common or after in lex.particles or after in lex.short_surnames \
                    or after in lex.word_surnames and key not in lex.word_given:
                return True
        elif key not in common:
            if after in lex.name_surnames or after in lex.particles:
                return True                     # "Adebayo Ogunleye", "Haziq bin Osman": a given name the lists lack
            if after not in common and (key not in listed or after not in listed):
                return True                     # "Temitope Akinola", "Wren Hebblethwaite": not both in a list
            if key in lex.person_surnames and after in given:
                return True                     # "Wang Haoran": surname first
        elif after in lex.particles and key in lex.word_given_names:
            return True                         # "Floor van Rijswijk"
        key = after
    return False


def is_surname(token: Token, lex: Lexicon, words: frozenset[str] = NO_WORDS, strict: bool = False) -> bool:
    """May this word be a surname? `words`: more words that are not (the page language's, or rare
    English words in a file name); `strict`: only a known surname (lower-case text)."""
    key = token.key
    if len(key) < 2 or (len(key) < 3 and token.raw.isupper()):
        return False
    if "-" not in key:                          # the common case, kept cheap
        if key in lex.not_surname and (token.raw.isascii() or not (key in lex.surnames and name_letters(token, lex))) \
                or key in words:
            return False                        # but "Tạ" is the surname Ta, not the word
    else:
        parts = key.split("-")
        if any(part in lex.not_surname or part in words for part in parts[parts[0] in lex.particles:]):
            return False                        # a particle joined on is no word: "El-Sayed", "al-Hashimi"
    return not strict or (key in lex.surnames and key not in lex.rare_words) or unknown_word(key, lex) \
        or name_letters(token, lex) \
        or "-" in key and _hyphenated_surname(key.split("-"), lex)
        # "radu cârstea", "uchechi nwachukwu-eze", "hamza al-tamimi"


def _hyphenated_surname(parts: list[str], lex: Lexicon) -> bool:
    """Is each part of a hyphenated word a surname or a word no list knows, a particle joined on left out
    ("Al-Tamimi", "El-Sayegh": the Arabic article and the surname, Tamimi)?"""
    rest = parts[parts[0] in lex.particles:]
    return bool(rest) and all(part in lex.name_surnames or unknown_word(part, lex) for part in rest)


def no_dictionary_word(key: str, lex: Lexicon) -> bool:
    """A word that no list and no dictionary, of English or of the other languages the data holds, knows,
    nor two words of one run together ("klassenfahrt", "sommerfest"): in a file name, where nothing is
    capitalised, a name ("bukola-adesanya", "sarker-nabila")."""
    if not unknown_word(key, lex):
        return False
    other = other_language_words()
    return key not in other and not any(key[:cut] in other and key[cut:] in other for cut in range(4, len(key) - 3))


_WORD_OR_NUMBER = re.compile(rf"{LETTER}+|[\d_]+")


def words_before(text: str, start: int) -> tuple[str, ...]:
    """The last two words before `start` (in the 40 characters before it, after any number), lower case,
    nearest last. One findall: a search anchored at the end would try every start position."""
    words: list[str] = []
    for word in reversed(_WORD_OR_NUMBER.findall(text, max(0, start - 40), start)):
        if not word[0].isalpha() or len(words) == 2:
            break
        words.append(word.casefold())
    return tuple(reversed(words))


_CLAUSE_WORD = re.compile(rf"{LETTER}+|[.!?:;()\u2029]")
_LIST_JOINERS = frozenset(("and", "or", "the"))


def in_list_of_places(text: str, start: int, lex: Lexicon) -> bool:
    """Do the words before `start`, in its clause, make it one of a list of places: "visited Lincoln
    Cathedral and (Stanley Park)", "a walk through Delamere, Frodsham and (Helsby Hill)"? Capitalised words
    and list joiners are passed over back to a place word (true) or the first other word (true when
    it is a locative)."""
    for word in reversed(_CLAUSE_WORD.findall(text, max(0, start - 120), start)):
        if not word[0].isalpha():
            return False                    # the clause ends: "We went to the zoo. (Lucy Hill) won"
        key = plain(word)
        if word[0].islower() and key not in _LIST_JOINERS:
            return key in lex.locatives
        if key in lex.place_words:
            return True
    return False


# After a name: "on Unsplash", "from Pexels", "via Getty Images", "/ Adobe Stock", ", Wikimedia Commons" (a
# stock library's credit line), or a Creative Commons licence: "Jane Doe (CC BY-SA 4.0)", "Jane Doe, CC0".
_CREDIT_STARTS = (" on ", " from ", " via ", "/", " /", ", ", " (", "\u00a0on ", "\u00a0from ")
_CREDIT = re.compile(r"(?:\s+(?:on|from|via)\s+|\s*/\s*|,\s*|\s*\(\s*)([^\W_]+)(?:\s+([^\W_]+))?")   # "Westend61"
_LICENCE = re.compile(r"[^.;\n\u2029]{0,60}?(?:\bCC[ -]?(?:BY|0)\b|\bCreative Commons\b)", re.IGNORECASE)


def stock_credit(text: str | None, at: int, lex: Lexicon) -> bool:
    """Does a stock photo library's credit follow the name ending at `at` ("Photo by Marta Kowal on Unsplash",
    "Image by ... from Pixabay", "... / Shutterstock", "Photo: ..., Wikimedia Commons"), or a Creative
    Commons licence ("... (CC BY-SA 4.0)", as credits give it)? It names the photographer, not a pupil (as
    "pexels-anna-nowak.jpg" does)."""
    if text is None or not text.startswith(_CREDIT_STARTS, at):
        return False                            # the usual case, kept to one C call
    credit = _CREDIT.match(text, at)
    if credit is not None:
        first, second = credit.group(1).lower(), (credit.group(2) or "").lower()
        if first in lex.stock_sites or first + second in lex.stock_sites:   # "Adobe Stock"
            return True
    return text.startswith((", ", " (", ",\u00a0"), at) and _LICENCE.match(text, at) is not None


def second_surname(token: Token, lex: Lexicon) -> bool:
    """A listed surname, capitalised, that is neither a given name nor an English word: in prose, the second
    of the two surnames Portuguese and Spanish names carry ("Sousa Lobo", "Pérez Gallardo"), or a second
    barrel written without a hyphen; "Amelia Watson Thomas" and "Ruby Hill Green" stop at Watson and Hill."""
    key = token.key
    return key in lex.surnames and token.raw[:1].isupper() and token.raw[1:].islower() \
        and not is_given(key, lex) and not english_word(key, lex)


# Welsh elisions joined to the word before ('r "the", 'n, 'm "my", 'th "your"): no name ends so.
_ELIDED = tuple(f"{apostrophe}{ending}" for apostrophe in "'’" for ending in ("r", "n", "m", "th"))


def words_of(run: str, words: list[str], offset: int, lex: Lexicon) -> list[list[Token]]:
    """Tokens of a run, cut after a word ending a sentence ("Jones. Amelia"); groups of two words or more."""
    groups = []
    tokens: list[Token] = []
    position = 0
    for word in words:
        start = run.find(word, position)
        position = start + len(word)
        if word.endswith(_ELIDED):              # Welsh "Cadeirio'r Bardd": a word and "the", no name
            if len(tokens) > 1:
                groups.append(tokens)
            tokens = []
            continue
        token = spotted_token(offset + start, word)
        tokens.append(token)
        if word[-1] == "." and token.key not in lex.titles:
            if len(tokens) > 1:
                groups.append(tokens)
            tokens = []
    if len(tokens) > 1:
        groups.append(tokens)
    return groups


def phrase_length(keys: list[str], i: int, lex: Lexicon) -> int:
    """Words at i that make a known non-person phrase ("Peter Pan"), else 0."""
    for phrase in lex.phrases.get(keys[i], ()):
        if tuple(keys[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def without_overlaps(found: list[Spotted], more: list[Spotted]) -> list[Spotted]:
    """`found` and those of `more` that overlap none of it, in text order."""
    return sorted(found + [extra for extra in more if all(extra.end <= it.start or it.end <= extra.start
                                                          for it in found)])


def surname_first(tokens: list[Token], i: int, lex: Lexicon, words: frozenset[str]) -> bool:
    """Are words i and i + 1 a name written surname first ("Wang Haoran", "Nowak Zofia", as Chinese and
    Hungarian names are written, and class lists write any)? A surname that is no given name and no English
    word (Lexicon.person_surnames), then a given name that no surname list holds and no English word, neither
    a word of the page's language."""
    if i + 1 >= len(tokens) or tokens[i].key not in lex.person_surnames:
        return False                            # the usual case: one set look-up
    surname, given = tokens[i].key, tokens[i + 1].key
    return surname not in lex.given and surname not in words and given in lex.given and given not in lex.surnames \
        and not english_word(given, lex) and given not in words and tokens[i + 1].raw[1:].islower()
