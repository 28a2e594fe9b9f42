"""Words as the name finders see them: plain() keys, tokens, and the word lists, loaded once.

Word lists live in data/ (tools/build_name_data.py builds given_names.txt,
surnames.txt, name_words.txt, common_words.txt and words_<language>.txt from Faker, the US
census tables and wordfreq, with their licences; stoplists.yaml is
hand-kept). `lexicon()` and `language_words()` read them on first use only,
so importing costs nothing; the roster and the heuristic share `plain` so
their keys agree.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple, cast

from ..usercache import Sections, derived
from ..yamlload import safe_load
from .lexicon_store import load as load_probe_table

DATA = Path(__file__).with_name("data")

LETTER = r"[^\W\d_]"
UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"          # Latin Extended-A mixes cases; a lower-case start there is rare
APOSTROPHES = "'’"
RARE_BELOW = 3.0                     # Zipf frequency (wordfreq) below which an English word may be a surname
MIN_PART = 3                         # letters each half of two words run together needs ("li" + "wu" is too short)


class Token(NamedTuple):             # a tuple: made for every candidate word, so cheap to build
    """A word at [start, end) of the string searched."""

    start: int
    end: int
    raw: str           # as written, possessive removed
    key: str           # plain(raw): what the word lists are keyed by


@dataclass(frozen=True)
class Lexicon:
    """The word lists, as plain() keys, and the regex for runs of capitalised words."""

    given: frozenset[str]
    surnames: frozenset[str]           # known surnames: what a word run into a given name may end with
    surname_words: frozenset[str]      # names that are English words too ("park", "baker", "white")
    name_surnames: frozenset[str]      # known surnames that are not common words ("Ogunleye", not "Green")
    person_surnames: frozenset[str]    # of those, the ones that are no English word at all (english_word)
    listed: frozenset[str]             # names, common words, titles, particles: what is left may be a name
    rare_words: frozenset[str]         # English words too rare to rule out a capitalised surname; in file names, words
    word_given: frozenset[str]         # given names that are English words too ("rose", "hope")
    word_surnames: frozenset[str]      # common words a surname list holds ("sheikh", "butt")
    stock_sites: frozenset[str]        # "pexels": the file name credits a photographer
    titles_written: frozenset[str]     # "mrs", "mrs."
    not_surname: frozenset[str]        # common English words, school words, calendar, titles, following
    starters: frozenset[str]           # words a name or a stop phrase can begin with
    following: frozenset[str]          # "Park", "Academy", "Class": the phrase is no person
    place_words: frozenset[str]        # the places and institutions of `following`: "Cathedral", "Academy"
    named_things: frozenset[str]       # "Shield", "Award": in prose, the phrase is no person
    titles: frozenset[str]
    calendar: frozenset[str]
    particles: frozenset[str]          # "van", "de", "o" (Ó): part of the surname after them
    honorifics: frozenset[str]         # "Bishop", "St": the name after them is a school's or a church's
    saints: frozenset[str]             # "santa", "sankt": before a given name, a saint or a feast day
    surname_places: frozenset[str]     # "hill", "park": a place only after a locative word
    short_surnames: frozenset[str]     # "do", "le", "wu": a surname after a given name that is no English word
    locatives: frozenset[str]
    place_locatives: frozenset[str]    # "at", "in": what follows is a place unless plainly a person
    motion_words: frozenset[str]
    phrases: dict[str, tuple[tuple[str, ...], ...]]   # first word -> word tuples, longest first
    particle_names: tuple[str, ...]                   # the particles as the stop list orders them
    named_before: dict[str, frozenset[str]]           # language -> "biblioteca": a thing named after the name
    named_after: dict[str, frozenset[str]]            # language -> "ilkokulu": the same, after the name
    second_given: frozenset[str]                      # "grace" of "Ella-Grace": a given name's second half
    word_given_names: frozenset[str]                  # "mats": given names too common as words for the lists

    @cached_property
    def run_pattern(self) -> re.Pattern:
        """Runs of capitalised words: compiled on first use (20 ms; a file name's check needs none)."""
        # A capitalised word, maybe with a final dot ("Mrs.", or a sentence end that
        # _words_of cuts at); the lookbehind keeps "abcAmelia" out without a slow \b.
        word = rf"[{UPPER}]{LETTER}*(?:[-{APOSTROPHES}]{LETTER}+)*[{APOSTROPHES}.]?"
        first_word = rf"[{UPPER}](?<!{LETTER}.){LETTER}*(?:[-{APOSTROPHES}]{LETTER}+)*[{APOSTROPHES}.]?"
        particle = _alternation(self.particle_names)
        gap = r"[ \u00a0]{1,3}"
        # A particle joined by a hyphen starts a word too: "Layla al-Hashimi", "Omar el-Sayed" (tried only
        # when no capitalised word follows: the usual case costs nothing more).
        return re.compile(rf"{first_word}(?:{gap}(?:{particle}{gap})*(?:{word}|{particle}-{word}))+")


def _alternation(words: tuple[str, ...]) -> str:
    """A regex matching any of `words`, grouped by first letter ("(?:a(?:l|p|b)|b(?:in|inti)|...)"): the regex
    engine tries a group only when its letter is there, not each word in turn at each gap of every run."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


# Latin letters that Unicode does not decompose into a base letter and an accent; and the letters Arabic,
# Persian and Urdu write one name with (Unicode Standard 15.0, section 9.2: Farsi yeh and keheh, Urdu heh
# goal and do-chashmee, teh marbuta written as heh): "عائشہ" and "عائشة" are one key, as Arabic text search
# folds them (hamza and harakat are marks, gone with NFKD). Alef maksura stays: Arabic "على" ("on") is no "علي".
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                               "þ": "th", "ħ": "h", "ŧ": "t", "ŋ": "n", "'": None, "’": None,
                               "ٱ": "ا", "ة": "ه", "ۃ": "ه", "ہ": "ه", "ھ": "ه", "ە": "ه", "ی": "ي", "ک": "ك",
                               "ڪ": "ك", "\u0640": None, "\u200c": None})


def plain(word: str) -> str:
    """Lower case, accents and apostrophes removed: "O’Brien" -> "obrien", "Aydın" -> "aydin", "Michał" -> "michal"."""
    if word.isascii() and "'" not in word:
        return word.lower()                     # the common case, kept cheap
    word = word.casefold()
    if not word.isascii():
        word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return word.translate(_UNDECOMPOSED)


def _word_list(name: str) -> frozenset[str]:
    """The first word of each line of a data file."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.partition(" ")[0] for line in lines if line and not line.startswith("#"))


def _names(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """A name list ("rose word": SCOWL writes it in lower case too) as (every name, the English words)."""
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return frozenset(line.partition(" ")[0] for line in lines), \
        frozenset(line.partition(" ")[0] for line in lines if line.endswith(" word"))


def _english_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """common_words.txt ("headshot 2.9": a word and its Zipf frequency) as (common, rare) words.

    A capitalised word after a given name is a surname unless it is a common
    word (Zipf >= RARE_BELOW): "Rafferty" (2.6) is a name in prose, but in a
    file name, where nothing is capitalised, "headshot" (2.9) is a word. A
    proper noun is never common: "cavendish 3.2 name" is in neither set, "lego
    3.8 proper" is rare (a word in a file name, "amelia-lego.jpg"). The third set: common words a
    surname list holds ("sheikh 3.6 surname").
    """
    common: set[str] = set()
    rare: set[str] = set()
    surnames: set[str] = set()
    for line in (DATA / "common_words.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, zipf, *mark = line.split(" ")
            if not mark or mark == ["surname"]:
                (common if float(zipf) >= RARE_BELOW else rare).add(word)
                if mark:
                    surnames.add(word)
            elif mark == ["proper"]:
                rare.add(word)
    return frozenset(common), frozenset(rare), frozenset(surnames)


def _parsed_lexicon() -> tuple[dict, Sections]:
    """The word lists the lexicon is made of, read from the data files: (the stop lists, {list: its
    words, one a line})."""
    given, word_given = _names("given_names.txt")
    surnames, surname_words = _names("surnames.txt")
    common, rare, word_surnames = _english_words()
    lists = {"given": given, "word_given": word_given, "surnames": surnames, "surname_words": surname_words,
             "name_words": _word_list("name_words.txt"), "common": common, "rare": rare,
             "word_surnames": word_surnames}
    stop = json.loads(json.dumps(safe_load((DATA / "stoplists.yaml").read_text(encoding="utf-8"))))  # as kept
    return {"stop": stop}, {key: "\n".join(sorted(words)) for key, words in lists.items()}


def _parsed_languages() -> tuple[dict, Sections]:
    """{language: its common words, one a line} for each words_<language>.txt."""
    return {}, {path.stem[6:]: "\n".join(sorted(_word_list(path.name))) for path in _language_files()}


def _language_files() -> list[Path]:
    return sorted(DATA.glob("words_*.txt"))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split("\n")) if text else frozenset()


# The lists as they were last parsed, compiled into this user's cache (usercache.derived): loading
# them so takes a few ms, parsing the text files 0.2 CPU s. Rebuilt whenever a data file, this
# module or the version changes; a copy that fails its HMAC or its shape is rebuilt too.
_SOURCES = ("given_names.txt", "surnames.txt", "name_words.txt", "common_words.txt", "stoplists.yaml")


@lru_cache(maxsize=1)
def _lexicon_lists() -> tuple[dict, Sections]:
    return derived("names-lexicon", [Path(__file__), *(DATA / name for name in _SOURCES)], _parsed_lexicon)


@lru_cache(maxsize=1)
def _language_lists() -> Sections:
    return derived("names-languages", [Path(__file__), DATA, *_language_files()], _parsed_languages)[1]


@lru_cache(maxsize=None)
def language_words(language: str) -> frozenset[str]:
    """Common words of a page language other than English ("de", "de-AT" -> German), empty when unknown.

    BCP 47 tags (RFC 5646): only the primary subtag is used; "nb"/"nn"/"no" share Norwegian.
    """
    primary = language.strip().lower().replace("_", "-").partition("-")[0]
    primary = {"no": "nb", "nn": "nb"}.get(primary, primary)
    if primary == "en" or not primary.isalpha():
        return frozenset()
    return _words(_language_lists().get(primary, ""))


@lru_cache(maxsize=1)
def other_language_words() -> frozenset[str]:
    """The common words of every other language the data holds: a file name has no page language."""
    return _words("\n".join(text for text in _language_lists().values() if text))


def _stop_words(stop: dict) -> tuple[frozenset[str], frozenset[str], frozenset[str], dict]:
    """(titles, calendar words, following words, {first word: the stop phrases it starts}) of the stop lists."""
    following = frozenset(word for group in stop["following_words"].values() for word in group)
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for group in stop["phrases"].values():
        for phrase in group:
            words = tuple(plain(word) for word in re.findall(rf"{LETTER}+(?:['’]{LETTER}+)*", phrase))
            phrases.setdefault(words[0], []).append(words)
    return frozenset(stop["titles"]), frozenset(stop["calendar_words"]), following, phrases


def _large_sets() -> tuple[dict, dict[str, frozenset[str]]]:
    """({"stop": the stop lists}, {Lexicon field: its set}) for the lexicon's large sets, made from the
    word lists: what names/lexicon_store.py keeps as a probe table."""
    header, lists = _lexicon_lists()
    stop = header["stop"]
    titles, calendar, following, phrases = _stop_words(stop)
    given, word_given, surnames = _words(lists["given"]), _words(lists["word_given"]), _words(lists["surnames"])
    surname_words = _words(lists["surname_words"]).union(_words(lists["name_words"]))
    common, rare, word_surnames = _words(lists["common"]), _words(lists["rare"]), _words(lists["word_surnames"])
    # One union of many (a copy, then updates in place): chained "|" copies each large set again (4x slower).
    not_surname = common.union(stop["school_words"], calendar, titles, following, stop["named_things"])
    name_surnames = surnames - not_surname
    return header, {
        "given": given, "surnames": surnames, "surname_words": surname_words, "name_surnames": name_surnames,
        "person_surnames": name_surnames.difference(word_given, surname_words, rare),
        "listed": surnames.union(given, not_surname, titles, stop["surname_particles"]),
        "rare_words": rare, "word_given": word_given, "word_surnames": word_surnames, "not_surname": not_surname,
        "starters": given.union(titles, phrases)}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Every word list and the capitalised-run pattern, loaded once per process (see _lexicon_lists); the
    large sets as a probe table (names/lexicon_store.py: no set built for a run that looks up a few
    words), as frozensets once this process has looked up many."""
    sources = [Path(__file__), *(DATA / name for name in _SOURCES)]
    header, large = load_probe_table(sources, _large_sets, lexicon.cache_clear, follows="names-lexicon")
    stop = header["stop"]
    titles, calendar, following, phrases = _stop_words(stop)
    return Lexicon(
        **cast("dict[str, frozenset[str]]", large),     # lexicon_store.Words: a frozenset's operations
        stock_sites=frozenset(stop["stock_photo_sites"]),
        titles_written=titles | frozenset(f"{title}." for title in titles),
        following=following,
        place_words=frozenset(stop["following_words"]["places"] + stop["following_words"]["institutions"]),
        named_things=frozenset(stop["named_things"]),
        titles=titles,
        calendar=calendar,
        particles=frozenset(stop["surname_particles"]),
        honorifics=frozenset(stop["honorifics"]),
        saints=frozenset(stop["saint_prefixes"]),
        surname_places=frozenset(stop["surname_places"]),
        short_surnames=frozenset(stop["short_surnames"]),
        locatives=frozenset(stop["locatives"]),
        place_locatives=frozenset(stop["place_locatives"]),
        motion_words=frozenset(stop["motion_words"]),
        phrases={first: tuple(sorted(set(group), key=len, reverse=True)) for first, group in phrases.items()},
        particle_names=tuple(stop["surname_particles"]),
        named_before={language: frozenset(words) for language, words in stop["named_before"].items()},
        named_after={language: frozenset(words) for language, words in stop["named_after"].items()},
        second_given=frozenset(stop["second_given"]),
        word_given_names=frozenset(stop["word_given_names"]),
    )


def is_given(key: str, lex: Lexicon) -> bool:
    """A known given name, or a hyphenated one starting with one ("anna-maria")."""
    return key in lex.given or ("-" in key and key.partition("-")[0] in lex.given)


def unknown_word(key: str, lex: Lexicon) -> bool:
    """A word no list knows, of four letters or more, not two common words run together and not ending
    in a longer common word: "farooq", not "bakesale" or "resdefault". In lower-case text or run
    together in a file name, likely a surname the lists lack."""
    return len(key) > 3 and key.isalpha() and key not in lex.listed and key not in lex.rare_words \
        and not two_words(key, lex) and not any(key[cut:] in lex.not_surname for cut in range(1, len(key) - 4))


def two_words(key: str, lex: Lexicon) -> bool:
    """ "bakesale": two common English words run together, a word in a file name, not a surname."""
    common = lex.not_surname
    return any(key[:cut] in common and key[cut:] in common for cut in range(MIN_PART, len(key) - MIN_PART + 1))


def english_word(key: str, lex: Lexicon) -> bool:
    """A word of everyday English, name or not: "sunny", "park", "mark", "superb" (in lower-case prose, a
    pair of such words is more likely words than a name)."""
    return key in lex.not_surname or key in lex.word_given or key in lex.surname_words or key in lex.rare_words
