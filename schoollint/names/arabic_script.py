"""Full names written in Arabic script (Arabic, Persian and Urdu pages, captions and file names).

Arabic script has no capital letters (Unicode Standard 15.0, section 4.2 "Case"), so the Latin finder's
runs of capitalised words find nothing in "مبارک ہو عائشہ خان" or "تهانينا للطالبة فاطمة أحمد". Here a full
name is a known given name straight followed by a known surname or by a second given name (the father's
name, which Arabic and Urdu naming writes as the family name: "فاطمة أحمد", "بلال حسن"), neither one a
common word of the page's language (on a page in another language, of Arabic, Persian or Urdu:
"کیا" is Urdu "what" as well as a name). "بن", "بنت", "ابن", "ابو", "آل" may stand between ("حمزة بن
خالد"), a third name word joins ("محمد علی خان"), and "عبد" before an "ال" word is one given name with it
("عبد الرحمن"), the article before a name is a family name ("الأحمد"), and a clitic joined to a given
name ("لمحمد", "to Muhammad") is left off it. Names joined by "و" ("and") or a comma are first names
only. After a title ("الأستاذ", "استاد محترم", "آقای") or before "صاحب" the name is staff's, as "Mrs
Jones" is.

The list (data/arabic_script_names.txt: each name, given or surname, and the languages it is a common word
of) is built by tools/arabic_script_names.py from Faker, mimesis and wordfreq, keyed by `words.plain`, which
folds the letters one name is written with ("عائشہ" and "عائشة"); read on first use only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .spotting import Spotted
from .words import DATA, Token, plain

# A word of Arabic script: letters of the Arabic block (U+0620-U+06FF less digits and punctuation),
# harakat, superscript alef, tatweel and the zero-width non-joiner inside it.
_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
_WORD = re.compile(f"[{_LETTERS}][{_LETTERS}\u064b-\u065f\u0670\u0640\u200c]*")
_SCRIPT = re.compile(f"[{_LETTERS}]")
_LANGUAGES = ("ar", "fa", "ur")
_PARTICLES = frozenset(plain(word) for word in ("بن", "بنت", "ابن", "ابو", "أبو", "آل"))
# Titles of teachers and adults before a name (Arabic "الأستاذ", "السيدة"; Urdu "استاد", "محترمہ", "مس";
# Persian "آقای", "خانم"), and "صاحب"/"صاحبہ" after one: the name is staff, as "Mrs Jones" is.
_TITLES = frozenset(plain(word) for word in ("استاد", "أستاذ", "الأستاذ", "الأستاذة", "الاستاذ", "الاستاذة", "أستاذة",
                                             "السيد", "السيدة", "المعلم", "المعلمة", "معلم", "معلمة", "محترم",
                                             "محترمہ", "مس", "سر", "میڈم", "آقای", "خانم", "دکتر", "الدكتور",
                                             "الدكتورة", "ڈاکٹر"))
_AFTER_TITLES = frozenset(plain(word) for word in ("صاحب", "صاحبہ"))
_ABD = plain("عبد")
# Arabic's one-letter words written joined to the next (li "to", bi "with", wa "and", fa "then"): "مبروك
# لمحمد الأحمد" congratulates Muhammad al-Ahmad. A given name after "و" starts a name of its own, never
# ends one ("فاطمة وزينب": two girls).
_CLITICS = frozenset(plain(letter) for letter in "لبوف")
_ARTICLE = plain("ال")


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    """(given names, surnames, {language: the names that are common words of it}) of arabic_script_names.txt."""
    given: set[str] = set()
    surnames: set[str] = set()
    words: dict[str, set[str]] = {language: set() for language in _LANGUAGES}
    for line in (DATA / "arabic_script_names.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, *marks = line.split(" ")
            for mark in marks:
                (given if mark == "given" else surnames if mark == "surname" else words[mark]).add(key)
    return frozenset(given), frozenset(surnames), {language: frozenset(keys) for language, keys in words.items()}


@lru_cache(maxsize=None)
def _words(language: str) -> frozenset[str]:
    """The names that are common words of `language` (BCP 47; its primary subtag) when it is Arabic, Persian
    or Urdu, else of any of the three: Arabic script on a page in another language is one of them."""
    primary = language.strip().lower().replace("_", "-").partition("-")[0]
    words = _names()[2]
    return words[primary] if primary in words else frozenset().union(*words.values())


def in_text(text: str, language: str = "") -> list[Spotted]:
    """Full names in Arabic script in `text` (prose written in `language`, BCP 47), spans of `text`."""
    if _SCRIPT.search(text) is None:
        return []                               # no Arabic letter: the usual case, one C scan
    given, surnames, _ = _names()
    tokens = []
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        key = plain(word)
        if key not in given and key[:1] in _CLITICS and key[1:] in given:
            tokens.append(Token(start, start + 1, word[0], key[0]))   # "لمحمد": "to" + Muhammad
            start, word, key = start + 1, word[1:], key[1:]
        tokens.append(Token(start, match.end(), word, key))
    words = _words(language)
    found = []
    i = 0
    while i < len(tokens) - 1:
        end = _name_end(text, tokens, i, given, surnames, words)
        if end is None:
            i += 1
            continue
        staff = any(token.key in _TITLES for token in tokens[max(0, i - 2) : i]) \
            or end + 1 < len(tokens) and tokens[end + 1].key in _AFTER_TITLES
        found.append(Spotted(tokens[i].start, tokens[end].end, tokens[i].raw, "staff" if staff else "unknown"))
        i = end + 1
    return found


def in_filename(name: str) -> list[Spotted]:
    """ "عائشہ-خان.jpg", "فاطمة_أحمد": a file name's separators read as spaces (spans unchanged)."""
    return in_text(re.sub(r"[-_.]", " ", name)) if _SCRIPT.search(name) else []


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Only spaces (one to three) between two words: a comma, "،" or a line ends a name."""
    gap = text[left.end : right.start]
    return 0 < len(gap) <= 3 and not gap.strip(" \u00a0")


def _name_end(text: str, tokens: list[Token], i: int, given: frozenset[str], surnames: frozenset[str],
              words: frozenset[str]) -> int | None:
    """The index of the last word of a full name starting at word i, or None."""
    j = i
    if tokens[i].key == _ABD and i + 1 < len(tokens) and tokens[i + 1].key.startswith(_ARTICLE) \
            and _adjacent(text, tokens[i], tokens[i + 1]):
        j = i + 1                               # "عبد الرحمن": one given name of two words
    elif tokens[i].key not in given or tokens[i].key in words:
        return None
    j += 1
    while j < len(tokens) - 1 and tokens[j].key in _PARTICLES and _adjacent(text, tokens[j - 1], tokens[j]):
        j += 1                                  # "حمزة بن خالد"
    if j >= len(tokens) or not _adjacent(text, tokens[j - 1], tokens[j]) \
            or not _name_word(tokens[j].key, given, surnames, words) \
            and not (tokens[j].key.startswith(_ARTICLE) and _name_word(tokens[j].key[2:], given, surnames, words)):
        return None                             # "الأحمد", "الحسن": the article and a name, a family name
    if j + 1 < len(tokens) and _adjacent(text, tokens[j], tokens[j + 1]) \
            and tokens[j + 1].key in surnames and tokens[j + 1].key not in words:
        j += 1                                  # "محمد علی خان": a third name word, a surname
    return j


def _name_word(key: str, given: frozenset[str], surnames: frozenset[str], words: frozenset[str]) -> bool:
    return (key in surnames or key in given) and key not in words
