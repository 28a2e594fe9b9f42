"""Build schoollint/names/data/given_names.txt and common_words.txt.

Run by hand when the lists need refreshing; the outputs are committed and the
sources are NOT runtime dependencies:

    pip install Faker names          # into a scratch environment
    apt-get install scowl            # Debian's SCOWL word lists
    python tools/build_given_names.py

Sources and licences (all permissive; attribution is written into each file):
- Faker (https://github.com/joke2k/faker), MIT licence, Copyright (c) 2012 Daniele
  Faraglia: first_names of its English-speaking locales (en_GB, en_IE, en_NZ,
  en_US, en_IN, en_PK, en_KE, en_NG, en_TH) and last_names of en_GB/en_IE/en_US.
- names (https://github.com/treyhunner/names), MIT licence, Copyright (c) 2013
  Trey Hunner: the 1990 US Census first-name tables (public domain data),
  most frequent first.
- SCOWL (http://wordlist.aspell.net/), Copyright 2000-2011 Kevin Atkinson, free
  licence ("permission to use, copy, modify, distribute and sell ... provided
  that the above copyright notice appears in all copies"): size-10 English and
  British word lists, i.e. the ~4,400 most common English words (Moby Words II,
  public domain, and Brian Kelk's UK frequency list).

given_names.txt: every regional Faker list, a short hand-written supplement of
names common in English schools today, all census male names, then census
female names in frequency order until TARGET_GIVEN names are reached; then
common words are removed unless children really have them (GIVEN_AND_COMMON),
and so are the NOT_GIVEN words.

common_words.txt: SCOWL size 10 words (no possessives), minus words that are
common surnames in Britain, Ireland or the US (Smith, Green, Baker...), so that
"common word" means "not a surname" to the spotter.
"""

from __future__ import annotations

import importlib
import unicodedata
from pathlib import Path

REGIONAL_LOCALES = ("en_GB", "en_IE", "en_NZ", "en_US", "en_IN", "en_PK", "en_KE", "en_NG", "en_TH")
SURNAME_LOCALES = ("en_GB", "en_IE", "en_US")
TARGET_GIVEN = 6000
# Names common in English schools today that the sources lack: ONS most popular
# baby names for England and Wales, and names common in the UK's Polish, South
# Asian, West African and Irish communities (plain facts, written here by hand).
UK_SUPPLEMENT = (
    "albie", "alfie", "aliyah", "amelie", "chidi", "cian", "elodie", "esme", "filip",
    "finley", "hafsa", "imran", "jakub", "jax", "kacper", "maja", "mohammad", "muhammad",
    "myla", "oliwia", "oluwaseun", "szymon", "wiktoria", "zayn", "zuzanna", "tayo",
    "chiamaka", "adaeze", "kwame", "kofi", "ama", "yaw", "tobenna", "oisin", "roisin",
    "caoimhe", "ciara", "eoin", "tadhg", "harpreet", "gurpreet", "manpreet", "simran",
)
SCOWL = Path("/usr/share/dict/scowl")
DATA = Path(__file__).resolve().parents[1] / "schoollint" / "names" / "data"
# Given names that are also common words: kept, because children have them.
GIVEN_AND_COMMON = ("art", "autumn", "bill", "drew", "faith", "guy", "joy", "mark", "summer", "will")
# Listed as given names by the sources, but read as ordinary words or titles in
# school prose ("In May ...", "Prince William"), or initials ("JC", "Wm").
NOT_GIVEN = (
    "buddy", "duke", "earl", "easter", "fe", "forest", "german", "ha", "jc", "junior", "lady",
    "le", "ma", "merry", "mi", "my", "nan", "ok", "om", "prince", "princess", "queen", "so",
    "star", "sunshine", "tiny", "wm", "young",
)

GIVEN_HEADER = """\
# Given names, one per line, lower case, accents removed.
# Built by tools/build_given_names.py from:
#   Faker (MIT licence, Copyright (c) 2012 Daniele Faraglia), first_names of
#   locales {locales};
#   names (MIT licence, Copyright (c) 2013 Trey Hunner), 1990 US Census
#   first-name tables (public domain data);
#   a short supplement of names common in English schools (schoollint, MIT).
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this data, to deal in it without restriction, subject to the MIT licence terms
# of the sources above (the copyright notices must be kept).
"""

COMMON_HEADER = """\
# Common English words that are not common surnames, one per line, lower case.
# Built by tools/build_given_names.py from SCOWL size 10 (english-words.10,
# british-words.10), Copyright 2000-2011 by Kevin Atkinson: "Permission to use,
# copy, modify, distribute and sell these word lists ... is hereby granted
# without fee, provided that the above copyright notice appears in all copies
# and that both that copyright notice and this permission notice appear in
# supporting documentation." Level 10 includes the Moby Words II most common
# words (public domain). Words that are common surnames (Faker {locales}
# last_names, MIT licence) were removed.
"""


def plain(name: str) -> str:
    """Lower case without accents: the form the spotter looks up."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def faker_names(locales: tuple[str, ...], attribute: str) -> set[str]:
    found = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        found |= {plain(name) for name in getattr(provider, attribute)}
    return found


def census_first_names(table: str) -> list[str]:
    """Names from a census table of the `names` package, most frequent first."""
    import names

    path = Path(names.__file__).with_name(table)
    return [plain(line.split()[0]) for line in path.read_text().splitlines() if line.strip()]


def given_names(common: set[str]) -> list[str]:
    chosen = faker_names(REGIONAL_LOCALES, "first_names") | set(census_first_names("dist.male.first"))
    chosen |= set(UK_SUPPLEMENT)
    for name in census_first_names("dist.female.first"):
        if len(chosen) >= TARGET_GIVEN:
            break
        chosen.add(name)
    chosen -= (common - set(GIVEN_AND_COMMON)) | set(NOT_GIVEN)
    return sorted(name for name in chosen if name.isalpha() and len(name) > 1)


def common_words() -> list[str]:
    words = set()
    for list_name in ("english-words.10", "british-words.10"):
        text = (SCOWL / list_name).read_text(encoding="latin-1")
        words |= {word for word in text.split() if word.isalpha() and word.islower()}
    return sorted(words - faker_names(SURNAME_LOCALES, "last_names"))


def write(path: Path, header: str, entries: list[str]) -> None:
    path.write_text(header + "\n".join(entries) + "\n", encoding="utf-8")
    print(f"{path}: {len(entries)} entries")


def main() -> None:
    common = common_words()
    write(DATA / "given_names.txt", GIVEN_HEADER.format(locales=", ".join(REGIONAL_LOCALES)), given_names(set(common)))
    write(DATA / "common_words.txt", COMMON_HEADER.format(locales="/".join(SURNAME_LOCALES)), common)


if __name__ == "__main__":
    main()
