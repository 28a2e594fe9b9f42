"""Full names in file and folder names: "harvey-lewis.jpg", "RubyFrancis.jpg", "rubyfrancis1.jpg".

A path component is split on separators and digits, then on camelCase
("NoahPatel"), keeping a surname prefix with its surname ("McDonald",
"OBrien"); a lower-case word run together ("rubyfrancis") is split only into a
known given name and a known surname, alone or beside other words
("rubyfrancis_final"). Nothing is capitalised in a file name,
so even rare English words are words ("freya-headshot"), and so are two
common words run together ("lorcan-bakesale", "hollybush"); three given names
are first names only unless two are one double-barrelled name ("ella-grace-taylor"),
and a stock photo credit ("pexels-anna-nowak-123") names a photographer, not a pupil.
Surname first ("holloway-beatrix", "grewal-jasleen") is read as MIS photo exports
write it; words each capitalised and run together ("MarigoldPennington") as prose.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .apostrophes import elided_onto
from .arabic_script import in_filename as arabic_names
from .heuristic import Spotted, _Run
from .irish import joined_articles
from .makers import device_free_runs
from .spotting import no_dictionary_word, vietnamese
from .words import MIN_PART, Lexicon, Token, english_word, is_given, lexicon, plain, _word_list, two_words, unknown_word

# Capital letters of Latin-1 and Latin Extended-A, by their case (words.UPPER takes the whole of
# Extended-A, where prose rarely starts a word in lower case; a file name's "kołodziej" must stay one word).
_CAPITALS = "A-ZÀ-ÖØ-Þ" + "".join(chr(code) for code in range(0x100, 0x180) if chr(code).isupper())
_FILE_WORD = re.compile(rf"[{_CAPITALS}]?[^\W\d_{_CAPITALS}]+|[{_CAPITALS}]+(?![^\W\d_{_CAPITALS}])")
_FILE_GAP = frozenset(("", "-", "_", ".", " "))
_SURNAME_PREFIXES = frozenset(("O", "D", "Mc", "Mac"))


def filename_runs(name: str) -> list[list[Token]]:
    """Words of a file name, grouped into runs joined by one separator at most."""
    runs: list[list[Token]] = []
    previous: Token | None = None
    for match in _FILE_WORD.finditer(name):
        start = match.start()
        if previous is not None and (previous.end == start and previous.raw in _SURNAME_PREFIXES
                                     or elided_onto(name, previous.start, previous.end, start)):  # O'Neill
            runs[-1].pop()
            start = previous.start
        elif previous is None or name[previous.end : start] not in _FILE_GAP:
            runs.append([])
        raw = name[start : match.end()]
        previous = Token(start, match.end(), raw, plain(raw))
        runs[-1].append(previous)
    return runs


def split_run_together(token: Token, lex: Lexicon, known_only: bool = False) -> list[Token]:
    """ "rubyfrancis" -> "ruby", "francis" when the halves are a known given name and a known surname,
    else (unless `known_only`) a word no list knows ("hamzaqureshi"); in a word written with letters only
    Vietnamese uses, any first half before a known surname ("kienđoan": Kiên the lists lack, Đoàn)."""
    key = token.key
    if not key.isalpha() or not token.raw.islower() or len(token.raw) != len(key) or key in lex.given \
            or key in lex.not_surname or key in lex.rare_words:
        return [token]
    cuts = [cut for cut in range(len(key) - MIN_PART, MIN_PART - 1, -1) if key[:cut] in lex.given]
    if not cuts and vietnamese(token.raw):
        cuts = [cut for cut in range(len(key) - MIN_PART, MIN_PART - 1, -1)
                if key[cut:] in lex.surnames and not english_word(key[:cut], lex)]
    elif not cuts and not known_only:           # "ahadminhas": a given name the lists lack, a surname no word
        cuts = [cut for cut in range(len(key) - 4, 3, -1)
                if key[cut:] in lex.person_surnames and no_dictionary_word(key[:cut], lex)]
    known = [cut for cut in cuts if key[cut:] in lex.surnames and key[cut:] not in lex.not_surname
             and key[cut:] not in lex.rare_words
             and not (english_word(key[:cut], lex) and english_word(key[cut:], lex))]   # "hollybush": two words
    if key[-2:] in lex.short_surnames and key[:-2] in lex.given and not english_word(key[:-2], lex):
        known.insert(0, len(key) - 2)           # "thanhvo", "zihanwu": a two-letter surname
    # A surname the lists hold; else, after the longest given name, one no list knows ("ella" + "bakesale"
    # is no name, and neither is "ell" + "abakesale"), unless the whole is two everyday words ("readonly"
    # is not "rea" + "donly", nor "christmasfair" "chris" + "tmasfair").
    cut = known[0] if known else cuts[0] if cuts and not known_only and unknown_word(key[cuts[0]:], lex) \
        and not _word_pair(key, lex) else None
    if cut is None:
        return [token]
    middle = token.start + cut
    return [Token(token.start, middle, key[:cut], key[:cut]), Token(middle, token.end, key[cut:], key[cut:])]


def _word_pair(key: str, lex: Lexicon) -> bool:
    """Two words of everyday English run together, names that are words too ("holly", "bush") among them."""
    return any(english_word(key[:cut], lex) and english_word(key[cut:], lex)
               for cut in range(MIN_PART, len(key) - MIN_PART + 1))


def split_run(run: list[Token], lex: Lexicon) -> list[Token]:
    """A run's words, each name run together split in two: alone ("rubyfrancis"), or beside other words
    when both halves are known names and no name stands next to it ("rubyfrancis_final", not
    "oskar-lindgren" or "adebayo-ogunleye")."""
    if len(run) == 1 or all(token.key in _EDITOR_WORDS for token in run[1:]):
        return split_run_together(run[0], lex) + run[1:]     # "jochemtersteege-edited" as "jochemtersteege"
    return [part for i, token in enumerate(run) for part in (
        [token] if any(_may_be_name(other.key, lex) for other in run[max(0, i - 1) : i + 2] if other is not token)
        else split_run_together(token, lex, known_only=True))]


# What editors and CMSs append to an uploaded photo's name (WordPress "-scaled", "-edited", "-rotated",
# "-e1700000000"; TinyPNG "-min"; "-copy", "-final", "-resized"): the name before them stands alone.
_EDITOR_WORDS = frozenset(("scaled", "edited", "rotated", "cropped", "e", "min", "copy", "final", "resized",
                           "compressed", "optimised", "optimized", "web", "thumb", "thumbnail", "x"))


# Particles meaning "son/daughter of": the surname after them is a father's given name (Welsh "ap Rhys",
# Arabic and Malay "bin Yusuf").
_PATRONYMIC = frozenset(("ap", "ab", "bin", "binti", "bint", "ibn"))
MAX_PARTICLES = 3                                   # "van der", "de la", "bin": never more


def _may_be_name(key: str, lex: Lexicon) -> bool:
    return is_given(key, lex) or key in lex.surnames or unknown_word(key, lex)


def _stock(name: str, runs: list[list[Token]], lex: Lexicon) -> bool:
    """Does a file name name a stock photo library ("pexels-...", "AdobeStock_...", "...-unsplash",
    "123RF_...", "westend61_...")?"""
    if any(token.key in lex.stock_sites or i + 1 < len(run) and token.key + run[i + 1].key in lex.stock_sites
           for run in runs for i, token in enumerate(run)):
        return True
    lowered = name.lower()
    return not name.isalpha() and any(site in lowered for site in lex.stock_sites if not site.isalpha())


def stock_credit_words(name: str) -> frozenset[str]:
    """The words (`plain` keys) of a file name that credits a stock library's photographer
    ("leandro-ferraz-qL8xZ2mP1kE-unsplash": leandro, ferraz, ...), empty for any other file name. A
    caption or alt text naming the same person beside that photo is the credit the library asks for
    ("Photo by Leandro Ferraz on Unsplash", or the name alone in a credit line), not a pupil."""
    runs = filename_runs(name)
    return frozenset(token.key for run in runs for token in run) if _stock(name, runs, lexicon()) else frozenset()


def in_filename(name: str) -> list[Spotted]:
    lex = lexicon()
    if name.isascii():
        runs = filename_runs(name)
    else:
        runs = _latin_runs(filename_runs(name))
        arabic = arabic_names(name)             # "عائشہ-خان.jpg" (names/arabic_script.py)
        if arabic:
            return arabic
    if _stock(name, runs, lex):
        return []                               # "pexels-...", "AdobeStock_..."
    last = runs[-1][-1] if runs else None
    if last is not None and last.end == len(name) and name[last.start - 1 : last.start] == "." \
            and _extension(last, lex):
        runs[-1].pop()                          # the extension: "rubyfrancis.jpg" is one word run together
    while runs and len(runs[-1]) > 1 and runs[-1][-1].key in _EDITOR_WORDS:
        runs[-1].pop()                          # "amelia-min": TinyPNG's suffix, no surname Min
    found = []
    for run in device_free_runs(runs, lex):    # "CasioQVCI", "InfiRay": a camera, not a pupil
        tokens = joined_articles(split_run(run, lex))    # "nic-an-tsaoir" (names/irish.py)
        words = lex.rare_words
        compounds = {token.key for token in tokens[1:] if token.key not in lex.listed and two_words(token.key, lex)}
        names = _Run(tokens, lex, None, words | compounds if compounds else words).names()
        found.extend(_second_surname(name, _double_barrelled(
            name, _surname_first(tokens, lex, after_particles=True) or names or _surname_first(tokens, lex)
            or _camel_case(name, run, lex), tokens, lex), tokens, lex))
    return found


def _second_surname(name: str, spotted: list[Spotted], run: list[Token], lex: Lexicon) -> list[Spotted]:
    """ "maelys-dubois-laurent", "ChiamakaOkonkwoEze": a double-barrelled surname written without its hyphen
    (a file name has no other way to write one) is the name's: a known surname that is no English word
    straight after a name's surname (by a hyphen or a capital) belongs to it."""
    after = {token.start: token for token in run}
    out = []
    for found in spotted:
        gap = 1 if name[found.end : found.end + 1] == "-" else 0
        second = after.get(found.end + gap)
        if second is not None and name.startswith(found.first, found.start) \
                and second.key in lex.surnames and not english_word(second.key, lex):   # given name first
            found = Spotted(found.start, second.end, found.first, found.role)
        out.append(found)
    return out


def _extension(last: Token, lex: Lexicon) -> bool:
    """Is a component's last dotted word its file type ("jpg", "heic", "webp"), not a dotted name's surname
    ("iva.juric", "yerin.hwang": the checks pass stems, and Gravatar-style "first.last" names are common)?
    A word of five letters at most that no surname list holds and no list at all knows, or a media type."""
    key = last.key
    return len(key) <= 5 and (key in _MEDIA_TYPES or key not in lex.surnames and not unknown_word(key, lex))


# File types a photo or video is saved as (what the media readers claim, and the camera raw types), which
# unknown_word would take for a surname no list knows ("heic", "webp").
_MEDIA_TYPES = frozenset(("jpg", "jpeg", "jpe", "jfif", "png", "gif", "webp", "heic", "heif", "avif", "tif", "tiff",
                          "bmp", "svg", "mp4", "mov", "webm", "avi", "mkv", "dng", "raw", "pdf", "jxl"))


def _latin_runs(runs: list[list[Token]]) -> list[list[Token]]:
    """Runs of words in Latin script: a word of another script ("Дмитрий-Иванов", "محمد") ends the run and
    is left out. The finder reads Latin script only (pages/unread_scripts.py says why), so such a name is
    unknown, as the same words in an alt text are, never two unknown words that make a full name."""
    from ..pages.unread_scripts import unread_script

    out: list[list[Token]] = [[]]
    for run in runs:
        for token in run:
            if unread_script(token.raw):
                out.append([])
            else:
                out[-1].append(token)
        out.append([])
    return [run for run in out if run]


def _camel_case(name: str, run: list[Token], lex: Lexicon) -> list[Spotted]:
    """ "MarigoldPennington_Y8", "EllaGraceTaylor": words run together, each capitalised, are written as
    prose writes a name, so they are read as prose reads one (a rare English word is a surname there:
    "Marigold Pennington"); two given names are still two children ("HeatherPoppy"), unless the second is no
    English-speaking first name (`_surname_too`: "NehirBasaran"), and two everyday words two words
    ("HollyBush", as "hollybush")."""
    if not any(left.end == right.start for left, right in zip(run, run[1:], strict=False)) \
            or not all(token.raw[0].isupper() and not token.raw.isupper() for token in run[:2]):
        return []
    first, last = {token.start: token.key for token in run}, {token.end: token.key for token in run}
    return [spotted for spotted in _Run(run, lex, name).names()
            if (not is_given(last[spotted.end], lex) or last[spotted.end] in lex.surnames
                or _surname_too(last[spotted.end], lex))
            and not (english_word(first[spotted.start], lex) and english_word(last[spotted.end], lex))]


def _surname_too(key: str, lex: Lexicon) -> bool:
    """A given name that no English-speaking list gives as a first name and that is no English word: after a
    given name in a camelCase file name, a surname ("NehirBasaran": Turkish, Yoruba, Igbo and Arabic surnames
    are often given names too, and no surname list holds them), not a second child ("HeatherPoppy",
    "SophieEmily"). Two children whose names are both of such a tradition are reported too ("AyseElif")."""
    return key not in _english_given() and not english_word(key, lex)


@lru_cache(maxsize=1)
def _english_given() -> frozenset[str]:
    """data/given_english.txt (tools/english_given.py), read when a camelCase file name first needs it."""
    return _word_list("given_english.txt")


def _double_barrelled(name: str, spotted: list[Spotted], run: list[Token], lex: Lexicon) -> list[Spotted]:
    """ "TallulahMaeBrockhurst", "tallulah-mae-brockhurst": a name starting at a given name's second half
    ("Mae") starts at its first, when that is no common word ("sports-mae-brockhurst" is Mae's)."""
    before = {token.end: token for token in run}
    out = []
    for found in spotted:
        first = next((token for token in run if token.start == found.start), None)
        previous = before.get(found.start) or before.get(found.start - 1)
        if first is not None and first.key in lex.second_given and previous is not None \
                and previous.key not in lex.not_surname and name[previous.end : found.start] in _FILE_GAP:
            found = Spotted(previous.start, found.end, name[previous.start : first.end], found.role)
        out.append(found)
    return out


def _surname_first(tokens: list[Token], lex: Lexicon, after_particles: bool = False) -> list[Spotted]:
    """ "holloway-beatrix-y6.jpg", as some MIS photo exports name pupils: a known surname that is no given
    name and no English word, then a known given name that is no surname and no English word (else
    "park-amelia" and "jordan-ellis" would be names); or such a surname, then a word no dictionary knows
    ("grewal-jasleen"); not a word no list knows before a given name ("lowenna-bartek" may be two children).
    Surname particles before it are the surname's ("de-vries-fenna.jpg", "van-der-berg-anouk-y4.jpg"), and
    make a known surname or an unknown word one;
    `after_particles`: only such a name (read before the given-name-first reading, which would take
    "da-silva-joao" for "Silva Joao")."""
    for i, (surname, given) in enumerate(zip(tokens, tokens[1:], strict=False)):
        start = i
        while start > 0 and i - start < MAX_PARTICLES and tokens[start - 1].key in lex.particles:
            start -= 1
        if after_particles and start == i or english_word(given.key, lex) or given.key in lex.surnames and start == i:
            continue
        listed = surname.key in lex.person_surnames and not is_given(surname.key, lex) \
            or tokens[i - 1].key in _PATRONYMIC and start < i and is_given(surname.key, lex)   # "ap-rhys-heddwyn"
        if is_given(given.key, lex) and (listed or start < i and (surname.key in lex.surnames or unknown_word(
                surname.key, lex))) or start == i and surname.key in lex.name_surnames \
                and not is_given(surname.key, lex) and no_dictionary_word(given.key, lex):   # "gill-tavleen" too
            return [Spotted(tokens[start].start, given.end, given.raw, "unknown")]
    return []


@lru_cache(maxsize=4096)                        # a page repeats its names; the roster run asks per match
def given_names_only(written: str) -> bool:
    """Is every word of a name as written a known given name ("Ruby Francis", "bartek-zara",
    "yasminmateo")? With a roster loaded such a pair is left to it: the school's export names every
    pupil, so two given names it lacks are more likely two children's first names, which the guidance
    allows, than a full name; a surname that is no given name ("Ruby Okafor") is still reported. Particles
    do not count ("la-rochelle-marie": two given names)."""
    lex = lexicon()
    tokens = [part for run in filename_runs(written) for part in split_run(run, lex) if part.key not in lex.particles]
    return len(tokens) > 1 and all(is_given(token.key, lex) for token in tokens)
