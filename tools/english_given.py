"""given_english.txt, the given names of the English-speaking lists, for tools/build_name_data.py --english-given.

Run by hand (the output is committed): `/tmp/v/bin/python tools/build_name_data.py --english-given`, with
Faker and names installed in the scratch environment as for the other lists.

Sources (already the other lists' sources): Faker (MIT licence, Copyright (c) 2012 Daniele Faraglia): the
first names of its en, en_GB, en_IE, en_NZ and en_US locales; names (MIT licence, Copyright (c) 2013 Trey
Hunner): the 1990 US Census first-name tables (public domain data); tools/name_supplement.py's
"english-modern" names (Wren, Clover, ...: schoollint, MIT).

What it is for: given_names.txt holds the given names of every locale, and many of them are surnames too
in their own language (Turkish "Başaran", "Erdem"; Yoruba and Igbo given names; Arabic fathers' names),
which no surname list holds. In a camelCase file name two given names were taken for two children
("HeatherPoppy.jpg"); a second name that no English-speaking list gives as a first name is more likely
a surname there ("NehirBasaran.jpg"): names/filenames.py.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

LOCALES = ("en", "en_GB", "en_IE", "en_NZ", "en_US")


def write_english_given(data: Path, plain: Callable[[str], str], header: str, modern: str) -> None:
    """Write given_english.txt into `data`: plain() keys, one a line, after `header` (sources, licences)."""
    import names

    tables = Path(names.__file__).parent
    found = {plain(line.split()[0]) for table in ("dist.male.first", "dist.female.first")
             for line in (tables / table).read_text().splitlines() if line.strip()}
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            value = provider.__dict__.get(attribute)
            found.update(plain(name) for name in (list(value) if isinstance(value, (dict, list, tuple)) else ()))
    found.update(plain(name) for name in modern.split())
    entries = sorted(key for key in found if key.isalpha())
    (data / "given_english.txt").write_text(
        "# Given names of the English-speaking lists, plain() keys (tools/english_given.py).\n" + header
        + "\n".join(entries) + "\n", encoding="utf-8")
    print(f"given_english.txt: {len(entries)} names")
