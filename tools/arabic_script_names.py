"""arabic_script_names.txt, for tools/build_name_data.py --arabic (run by hand; the output is committed).

Names written in Arabic script (Arabic, Persian and Urdu pages and file names: "عائشہ خان", "فاطمة
أحمد"). Sources, all already the Latin-script lists' sources:
- Faker (MIT licence, Copyright (c) 2012 Daniele Faraglia): the first and last names of its Arabic-script
  locales (ar_AA, ar_DZ, ar_PS, ar_SA, fa_IR);
- mimesis (MIT licence, Copyright (c) 2016 Isaak Uchakaev): the names and surnames of its ar* and fa locales;
- wordfreq (code Apache-2.0, data CC BY-SA 4.0, Copyright Robyn Speer and Luminoso): which names are
  common words of Arabic, Persian or Urdu, and so words, not names, on such a page;
- URDU_GIVEN / URDU_SURNAMES below (schoollint, MIT, written by hand): neither Faker nor mimesis has an
  Urdu locale in Urdu script (Faker's en_PK is in Latin letters), so the commonest given names and
  surnames of British Pakistani children (ONS "Baby names in England and Wales", full tables; Onomap's
  Pakistani surnames, UCL), written as Urdu writes them. Checked against nothing downloaded.

No CLDR or ICU data holds personal names (CLDR's person-name formats give patterns, not names), and no
other permissively licensed Arabic-script given-name list is in the venv or on the package index, so
Faker's and mimesis's are used, as for the other languages.

The keys are `plain()`'s (words.py folds the letters one name is written with: Urdu "عائشہ" and Arabic
"عائشة" are one key). Lines: "key given", "key surname" or "key given surname", then the languages of
LANGUAGES the name is a common word of (Zipf >= WORD_MIN_ZIPF: Urdu "کیا" "what", Persian "روز" "day";
on a page in that language a word, not a name), except the hand-kept names, which are names however
common as words ("حسن" is also "good", "نور" "light"). Only names need marking: the finder looks a word up
only when a name list holds it.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path

LANGUAGES = ("ar", "fa", "ur")
FAKER_LOCALES = ("ar_AA", "ar_DZ", "ar_PS", "ar_SA", "fa_IR")
WORD_MIN_ZIPF = 5.0                 # a name commoner than this as a word of a language is a word there

URDU_GIVEN = """عائشہ فاطمہ زینب مریم حرا ثنا آمنہ اقراء علیشبہ اریبہ حفصہ زارا انایہ عنایہ ایمان عروج سدرہ
    سمیعہ صائمہ رابعہ نور مہک حمنہ خدیجہ مہوش ماہم رمشا عیشال منال ہانیہ عالیہ ثمینہ شازیہ نازیہ رخسار
    حمزہ بلال عثمان ایان زین احمد محمد عبداللہ ابراہیم حارث ریان سعد طلحہ عمر ارحم حذیفہ موسیٰ دانش فہد
    فیضان شایان حسن حسین علی عمیر یاسر عاطف عمران کامران ذیشان عدنان ارسلان عبدالرحمان یوسف ادریس
    اسامہ معاذ سفیان وقاص شہزاد جنید نعمان"""
URDU_SURNAMES = """خان ملک حسین قریشی بٹ چودھری چوہدری اقبال رضا اختر شاہ مرزا صدیقی شیخ جاوید انور اسلم
    ریاض نواز رحمان عباسی بھٹی اعوان رانا گل ہاشمی رضوی نقوی جعفری زیدی کاظمی انصاری فاروقی عثمانی یوسف
    محمود احمد علی حسن حیدر طارق سلیم رفیق شفیق اشرف بشیر نذیر صادق لطیف جمیل ارشد سلطان بیگ خالد وحید
    مجید حمید سعید رشید زمان راجپوت جٹ ڈار وڑائچ گوندل کیانی ستی"""


def faker_names() -> tuple[set[str], set[str]]:
    """(given, surnames) of Faker's Arabic-script locales, one word each (many surnames are two: "آل سعود")."""
    given: set[str] = set()
    surnames: set[str] = set()
    for locale in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute, value in provider.__dict__.items():
            if not attribute.endswith(("_names", "_names_male", "_names_female")) \
                    or not isinstance(value, (dict, list, tuple)):
                continue
            kind = given if attribute.startswith(("first", "middle")) else surnames if attribute.startswith("last") \
                else None
            if kind is not None:
                kind.update(name.strip() for name in value if not name.isascii())
    return given, surnames


def mimesis_names() -> tuple[set[str], set[str]]:
    import mimesis

    given: set[str] = set()
    surnames: set[str] = set()
    for path in (Path(mimesis.__file__).parent / "datasets").glob("*/person.json"):
        if not path.parent.name.startswith(("ar", "fa")):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for kind, found in (("names", given), ("surnames", surnames)):
            value = data.get(kind, [])
            found.update(name.strip() for name in ([n for group in value.values() for n in group]
                                                    if isinstance(value, dict) else value) if not name.isascii())
    return given, surnames


def write_arabic_script(data: Path, plain: Callable[[str], str], header: str) -> None:
    """Write arabic_script_names.txt into `data`, with `header` (sources, licences)."""
    from wordfreq import top_n_list, zipf_frequency

    faker_given, faker_surnames = faker_names()
    mimesis_given, mimesis_surnames = mimesis_names()
    kept = {plain(name) for name in (URDU_GIVEN + " " + URDU_SURNAMES).split()}
    given = {plain(name) for name in faker_given | mimesis_given | set(URDU_GIVEN.split()) if " " not in name}
    surnames = {plain(name) for name in faker_surnames | mimesis_surnames | set(URDU_SURNAMES.split())
                if " " not in name}
    common: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for word in top_n_list(language, 30000):
            if zipf_frequency(word, language) < WORD_MIN_ZIPF:
                break
            languages = common.setdefault(plain(word), [])
            if language not in languages:
                languages.append(language)
    entries = [" ".join([key] + ["given"] * (key in given) + ["surname"] * (key in surnames)
                        + common.get(key, []) * (key not in kept)) for key in sorted(given | surnames)]
    (data / "arabic_script_names.txt").write_text(
        "# Names in Arabic script, plain() keys: 'given', 'surname' or both, then the languages (ar, fa, ur) it is a "
        f"common word of (Zipf >= {WORD_MIN_ZIPF}, wordfreq).\n" + header + "\n".join(entries) + "\n",
        encoding="utf-8")
    print(f"arabic_script_names.txt: {len(entries)} entries, {sum(len(e.split()) > 2 for e in entries)} words too")
