"""Build the name finder's word lists in schoollint/names/data/ (run by hand; outputs are committed).

The sources are NOT runtime dependencies and nothing is fetched at run time:

    apt-get install wbritish wbritish-huge wamerican-huge       # SCOWL's word lists, /usr/share/dict/
    python -m venv /tmp/v && /tmp/v/bin/pip install Faker mimesis names wordfreq
    /tmp/v/bin/python tools/build_name_data.py
    python tools/build_name_data.py --supplement    # only add tools/name_supplement.py to the lists (SCOWL only)
    /tmp/v/bin/python tools/build_name_data.py --languages   # only the words_<lang>.txt lists (wordfreq only)
    python tools/build_name_data.py --welsh         # only words_cy.txt (Tesseract's Welsh model: tools/welsh_words.py)
    /tmp/v/bin/python tools/build_name_data.py --arabic    # only the Arabic-script lists (tools/arabic_script_names.py)
    /tmp/v/bin/python tools/build_name_data.py --english-given   # only given_english.txt (tools/english_given.py)

Sources and licences (recorded again at the top of every file written):
- Faker (https://github.com/joke2k/faker), MIT licence, Copyright (c) 2012 Daniele
  Faraglia: the first names and last names of every locale written in Latin
  script (pl_PL, de_DE, tr_TR, yo_NG, vi_VN, en_PK, ig_NG, ...).
- mimesis (https://github.com/lk-geimfari/mimesis), MIT licence, Copyright (c) 2016
  Isaak Uchakaev (Likid Geimfari): the given names and surnames of its locales
  written in Latin script (en-gb, tr, pl, de, nl, ...).
- names (https://github.com/treyhunner/names), MIT licence, Copyright (c) 2013
  Trey Hunner: the 1990 US Census first-name and surname tables (public domain data).
- wordfreq (https://github.com/rspeer/wordfreq), code Apache-2.0, data CC BY-SA 4.0,
  Copyright Robyn Speer / Luminoso: word frequencies (Zipf scale) of English and
  of the other languages a school page may be written in.
- SCOWL (http://wordlist.aspell.net/), Copyright 2000-2011 Kevin Atkinson, permissive
  licence (use, copy, modify, distribute and sell, keeping the notice), as Debian's
  wbritish package installs it: which English words are written capitalised only
  (proper nouns: "Cavendish"), so that wordfreq's case-blind counts do not make a
  surname a common word.
- tools/name_supplement.py (schoollint, MIT): a hand-kept supplement of given names and
  surnames common in UK schools that the sources above lack (Welsh "Ffion", Irish
  "Saoirse", Scottish Gaelic "Eilidh", Yoruba "Temitope", Vietnamese "Hanh", Turkish
  "Aksoy", ...), written by hand; its docstring names, for each origin, the published
  lists of commonest names (ONS, CSO Ireland, National Records of Scotland, PESEL, GfdS,
  TÜİK, Onomap, ...) against which they can be checked. Its names are never common
  words: a supplement surname rarer than Zipf 3.5 as an English word leaves
  common_words.txt ("nawaz"), as the sources' surnames do; but its WORD_GIVEN names
  ("Mali", "Nest") are given names that stay common words.

Files:
- given_names.txt ("rose word": SCOWL writes it in lower case too): the given names before
  this script (tools/build_given_names.py's English-speaking locales, census, UK
  supplement), plus the Latin-script first and middle names of every Faker locale (Vietnamese given names are often the
  "middle" one) and the given names of every mimesis locale, when they are not
  everyday English words (Zipf < 3.5).
- surnames.txt ("park word": SCOWL writes it in lower case too): Faker and mimesis last
  names (Latin script) and the census's 20,000 most common surnames: what a word run into a
  given name in a file name may be.
- common_words.txt: "word zipf" lines, English words with Zipf >= 2.0, minus
  given names and the commonest surnames (Faker's English locales, the census's
  top 2,000), so that a common word means "not a surname" ("freya-headshot",
  "first-swim"); rarer surnames (Zipf < 3.5: "Pemberton") are left out too.
  Rarer proper nouns (Zipf < 4) are marked: "word zipf name" when a name list
  (Faker, the whole census) holds it and SCOWL's standard list has it in no lower
  case ("Cavendish", "Dang", "Qureshi"), "word zipf proper" when SCOWL writes it
  capitalised only and no name list holds it ("Lego"). Both may be surnames in
  prose; in a file name a "proper" word is a word. "word zipf surname": a common
  word (Zipf < 4.5) that a surname list holds ("sheikh", "butt"). Rarer words (Zipf < 3) that
  SCOWL knows in no form (whole, inflected, or as two words: "headshot") are left
  out: wordfreq counts "farooq" and "adebayo" in English text, but they are names.
- name_words.txt: English words (SCOWL writes them in lower case) that a name list holds
  and that none of the files above lists, too common as words for surnames.txt and as
  names for common_words.txt ("white", "little"): in lower-case prose they are words.
- words_<lang>.txt: the commonest words of other languages (Zipf >= 3.6), which on a
  page in that language are words, not names ("Bilder von der Klassenfahrt"); less the words a
  given-name or surname list holds that are rarer than Zipf 5.3 in that language (4.7 in German,
  which capitalises every noun): wordfreq counts names too, and "Zofia", "Nowak", "Schneider",
  "García", "Silva" are names of people of that language ("Garten", 4.7 in German, stays a word;
  so does "Müller", 4.8).
- words_cy.txt: Welsh, which wordfreq lacks: tools/welsh_words.py (Tesseract's Welsh model, Apache-2.0).
- arabic_script_names.txt: names in Arabic script (Faker's and mimesis's Arabic and Persian locales, a
  hand-kept Urdu list), each marked with the languages it is a common word of (wordfreq):
  tools/arabic_script_names.py.
- given_english.txt: the given names of Faker's English-speaking locales, the census and the supplement's
  modern English names: tools/english_given.py.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "schoollint" / "names" / "data"
OTHER_LANGUAGES = ("de", "fr", "es", "it", "nl", "pl", "pt", "tr", "sv", "da", "nb", "fi", "cs", "ro", "hu")
ENGLISH_MIN_ZIPF = 2.0
OTHER_MIN_ZIPF = 3.6
GIVEN_MAX_ENGLISH_ZIPF = 3.5       # a Faker first name more common than this as an English word is left out
SURNAME_MAX_WORD_ZIPF = 3.5        # a rarer surname stays a common word when commoner than this as a word
CENSUS_SURNAMES = 20000
CENSUS_COMMON_SURNAMES = 2000      # these, and the English-speaking locales' last names, are never common words
ENGLISH_LOCALES = ("en_GB", "en_IE", "en_US", "en_NZ")
SCOWL = Path("/usr/share/dict/british-english")
SCOWL_HUGE = (Path("/usr/share/dict/british-english-huge"), Path("/usr/share/dict/american-english-huge"))
RARE_BELOW = 3.0                   # schoollint.names.words.RARE_BELOW: rarer English words may be surnames in prose
INFLECTIONS = (("ing", ("", "e")), ("ings", ("", "e")), ("s", ("",)), ("es", ("",)), ("ed", ("", "e")),
               ("er", ("", "e")), ("ers", ("", "e")), ("ies", ("y",)), ("ly", ("",)), ("ness", ("",)))
SURNAME_WORD_MAX_ZIPF = 4.5        # a common word rarer than this that a surname list holds is marked "surname"
PROPER_MIN_WORD_ZIPF = 4.0         # commoner proper nouns stay words: "London", "German", "Facebook"
NAME_MIN_WORD_ZIPF = 5.3           # a name rarer than this as a word of another language is no word of it ("Silva")
NOUNS_CAPITALISED = {"de": 4.7}    # German capitalises every noun: a capital is weaker evidence ("Garten", "Sommer")

LICENCE = """\
# Built by tools/build_name_data.py (schoollint, MIT) from:
#   Faker (MIT licence, Copyright (c) 2012 Daniele Faraglia);
#   mimesis (MIT licence, Copyright (c) 2016 Isaak Uchakaev);
#   names (MIT licence, Copyright (c) 2013 Trey Hunner; US Census 1990 tables, public domain);
#   wordfreq (code Apache-2.0, data CC BY-SA 4.0, Copyright Robyn Speer and Luminoso);
#   SCOWL (Copyright 2000-2011 Kevin Atkinson; use, copy, modify, distribute and sell permitted with this notice);
#   tools/name_supplement.py (schoollint, MIT: names written by hand, sources in its docstring).
# Lists derived from wordfreq data are shared under CC BY-SA 4.0; the copyright notices must be kept.
"""


sys.path.insert(0, str(DATA.parents[2]))
from schoollint.names.words import plain  # noqa: E402  (the same keys the finder looks up)
from tools import name_supplement  # noqa: E402


def faker_names(kind: str, locales: tuple[str, ...] = ()) -> set[str]:
    """Every Latin-script name of one kind ("first", "middle" or "last") in the Faker locales (default: all)."""
    import faker.providers.person as person

    found = set()
    for module in pkgutil.iter_modules(person.__path__):
        if locales and module.name not in locales:
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attribute in (f"{kind}_names", f"{kind}_names_male", f"{kind}_names_female"):
            value = provider.__dict__.get(attribute)
            for name in list(value) if isinstance(value, (dict, list, tuple)) else ():
                key = plain(name.strip())
                if key.isascii() and key.isalpha() and len(key) > 1:
                    found.add(key)
    return found


def mimesis_names(kind: str) -> set[str]:
    """Every Latin-script name of one kind ("names" or "surnames") in the mimesis locales."""
    import json

    import mimesis

    found = set()
    for path in (Path(mimesis.__file__).parent / "datasets").glob("*/person.json"):
        value = json.loads(path.read_text(encoding="utf-8")).get(kind, [])
        for name in [n for group in value.values() for n in group] if isinstance(value, dict) else value:
            key = plain(name.strip())
            if key.isascii() and key.isalpha() and len(key) > 1:
                found.add(key)
    return found


def census(table: str, limit: int | None = None) -> list[str]:
    import names

    lines = Path(names.__file__).with_name(table).read_text().splitlines()
    return [plain(line.split()[0]) for line in lines[:limit] if line.strip()]


def scowl() -> tuple[set[str], set[str], set[str]]:
    """SCOWL's words, plain() keys: written in lower case and written capitalised only in its standard
    list, and every word of its huge lists, which know rarer words ("velodrome", "politicized") but
    also rarer senses ("dang", "cavendish" in lower case) and proper nouns, names among them."""
    lower, capital, every = set(), set(), set()
    for path in (SCOWL, *SCOWL_HUGE):
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.strip().removesuffix("'s")
            if word.isalpha():
                every.add(plain(word))
                if path == SCOWL:
                    (lower if word.islower() else capital).add(plain(word))
    return lower, capital - lower, every


def known_to(dictionary: set[str], word: str) -> bool:
    """Is `word` in the dictionary, an inflection of a word in it ("trampolining"), or two of its words of
    four letters or more run together ("headshot"; "kayode" is no "kay" + "ode")?"""
    if word in dictionary:
        return True
    for ending, replacements in INFLECTIONS:
        if word.endswith(ending) and any(word[: -len(ending)] + new in dictionary for new in replacements):
            return True
    return any(word[:cut] in dictionary and word[cut:] in dictionary for cut in range(4, len(word) - 3))


def previous_given() -> set[str]:
    lines = (DATA / "given_names.txt").read_text(encoding="utf-8").splitlines()
    return {line.partition(" ")[0] for line in lines if line and not line.startswith("#")}


def supplement(table: dict[str, str]) -> set[str]:
    """tools/name_supplement.py's names of one table (GIVEN or SURNAMES), plain() keys."""
    return {plain(name) for name in name_supplement.names(table)}


def write(name: str, about: str, entries: list[str]) -> None:
    path = DATA / name
    path.write_text(f"# {about}\n" + LICENCE + "\n".join(entries) + "\n", encoding="utf-8")
    print(f"{path}: {len(entries)} entries, {path.stat().st_size // 1024} KB")


def main() -> None:
    from wordfreq import top_n_list, zipf_frequency

    sources = faker_names("first") | faker_names("middle") | mimesis_names("names") | supplement(name_supplement.GIVEN)
    given = previous_given() | {name for name in sources if zipf_frequency(name, "en") < GIVEN_MAX_ENGLISH_ZIPF} \
        | supplement(name_supplement.WORD_GIVEN)
    surnames = faker_names("last") | mimesis_names("surnames") | set(census("dist.all.last", CENSUS_SURNAMES)) \
        | supplement(name_supplement.SURNAMES)
    english = {}
    for word in top_n_list("en", 200000):
        zipf = zipf_frequency(word, "en")
        if zipf < ENGLISH_MIN_ZIPF:
            break
        if word.isascii() and word.isalpha():
            english[word] = zipf
    # "Green", "Young" and "Lewis" may be surnames; "swim" and "headshot" may not.
    strong = faker_names("last", ENGLISH_LOCALES) | set(census("dist.all.last", CENSUS_COMMON_SURNAMES))
    surname_zipf = {name: zipf_frequency(name, "en") for name in surnames}
    lower, proper, every = scowl()
    named = surnames | given | set(census("dist.all.last"))
    common = {word: zipf for word, zipf in english.items() if word not in strong and word not in given
              and (word not in surnames or zipf >= SURNAME_MAX_WORD_ZIPF)}
    namelike = {word for word, zipf in common.items() if zipf < PROPER_MIN_WORD_ZIPF
                and (word in proper or (word not in lower and word in named))}
    # Rare words no English dictionary knows, whole, inflected or as two words ("farooq", "adebayo";
    # not "headshot"): wordfreq counts them in English text as names, so they are left out.
    dictionary = {word for word in every if word in lower or word not in named} | proper
    common = {word: zipf for word, zipf in common.items()
              if zipf >= RARE_BELOW or word in namelike or known_to(dictionary, word)}
    write("given_names.txt", "Given names, one per line, lower case, accents removed; 'word' marks an English word.",
          [name + " word" * (name in lower) for name in sorted(given)])
    write("surnames.txt", "Surnames, one per line, lower case, accents removed; 'word' marks an English word.",
          [name + " word" * (name in lower) for name in sorted(surnames) if surname_zipf[name] < 5.5])
    listed = given | {name for name in surnames if surname_zipf[name] < 5.5} | set(common)
    write("name_words.txt", "English words a name list holds that no other file lists, lower case.",
          sorted(word for word in named | faker_names("first") | faker_names("middle") | mimesis_names("names")
                 if word in lower and word not in listed))
    write("common_words.txt", "Common English words and their Zipf frequency (wordfreq), not surnames.",
          [f"{word} {zipf:.1f}" + (" name" if word in named else " proper") * (word in namelike)
           + " surname" * (word in surnames and zipf < SURNAME_WORD_MAX_ZIPF) for word, zipf in sorted(common.items())])
    write_language_words(given | surnames)


def write_language_words(names: set[str]) -> None:
    """words_<lang>.txt for every language of OTHER_LANGUAGES: its words of Zipf >= OTHER_MIN_ZIPF, less
    those a given-name or surname list holds that are rarer than NAME_MIN_WORD_ZIPF in that language (in
    German, where every noun is capitalised, NOUNS_CAPITALISED's lower bound).

    wordfreq counts names in its text ("Zofia" 3.7, "Nowak" 4.0 in Polish; "Schneider" 4.4 in German):
    kept, a language's word list would read the names of its own people as ordinary words.
    """
    from wordfreq import top_n_list, zipf_frequency

    for language in OTHER_LANGUAGES:
        zipf: dict[str, float] = {}
        for word in top_n_list(language, 30000):
            frequency = zipf_frequency(word, language)
            if frequency < OTHER_MIN_ZIPF:
                break
            key = plain(word)
            if key.isascii() and key.isalpha() and len(key) > 1:
                zipf[key] = max(frequency, zipf.get(key, 0.0))
        least = NOUNS_CAPITALISED.get(language, NAME_MIN_WORD_ZIPF)
        write(f"words_{language}.txt", f"Common words of language {language!r} (wordfreq), lower case, "
              f"less names rarer than Zipf {least} as words.",
              sorted(key for key, frequency in zipf.items() if key not in names or frequency >= least))


def add_supplement() -> None:
    """Add tools/name_supplement.py to the committed lists without rebuilding them (no wordfreq needed: the
    Zipf frequencies are common_words.txt's), with the same rules as main(): a given name commoner than
    GIVEN_MAX_ENGLISH_ZIPF as a word is left out; the others and the surnames rarer than
    SURNAME_MAX_WORD_ZIPF leave common_words.txt; a commoner surname stays a word, marked "surname"."""
    zipf = {}
    for line in _entries("common_words.txt"):
        word, value, *_ = line.split(" ")
        zipf[word] = float(value)
    given = {name for name in supplement(name_supplement.GIVEN) if zipf.get(name, 0.0) < GIVEN_MAX_ENGLISH_ZIPF}
    surnames = supplement(name_supplement.SURNAMES)
    lower = scowl()[0]
    words = supplement(name_supplement.WORD_GIVEN)          # given names that stay common words
    for name, added in (("given_names.txt", given | words), ("surnames.txt", surnames)):
        entries = {line.partition(" ")[0]: line for line in _entries(name)}
        entries.update({key: key + " word" * (key in lower) for key in added if key not in entries})
        _rewrite(name, [entries[key] for key in sorted(entries)])
    leaving = given | {name for name in surnames if zipf.get(name, 0.0) < SURNAME_MAX_WORD_ZIPF}
    common = []
    for line in _entries("common_words.txt"):
        word = line.partition(" ")[0]
        if word in leaving:
            continue
        marked = word in surnames and zipf[word] < SURNAME_WORD_MAX_ZIPF and not line.endswith(" surname")
        common.append(line + " surname" * marked)
    _rewrite("common_words.txt", common)
    _rewrite("name_words.txt", [word for word in _entries("name_words.txt") if word not in given | surnames])


def _entries(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def _rewrite(name: str, entries: list[str]) -> None:
    """Replace a list's entries, keeping its header (what it is, its sources and licences)."""
    about = (DATA / name).read_text(encoding="utf-8").partition("\n")[0]
    (DATA / name).write_text(about + "\n" + LICENCE + "\n".join(entries) + "\n", encoding="utf-8")
    print(f"{DATA / name}: {len(entries)} entries")


if __name__ == "__main__":
    if sys.argv[1:] == ["--supplement"]:
        add_supplement()
    elif sys.argv[1:] == ["--welsh"]:             # only words_cy.txt, from the committed name lists
        from tools.welsh_words import write_welsh

        write_welsh(DATA, {line.partition(" ")[0] for name in ("given_names.txt", "surnames.txt")
                           for line in _entries(name)}, plain)
    elif sys.argv[1:] == ["--arabic"]:            # only the Arabic-script names and words
        from tools.arabic_script_names import write_arabic_script

        write_arabic_script(DATA, plain, LICENCE)
    elif sys.argv[1:] == ["--english-given"]:     # only given_english.txt
        from tools.english_given import write_english_given

        write_english_given(DATA, plain, LICENCE, name_supplement.GIVEN["english-modern"])
    elif sys.argv[1:] == ["--languages"]:       # only the words_<lang>.txt lists, from the committed name lists
        write_language_words({line.partition(" ")[0] for name in ("given_names.txt", "surnames.txt")
                              for line in _entries(name)})
    else:
        main()
