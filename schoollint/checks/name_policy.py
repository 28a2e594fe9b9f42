"""What SL301-SL303 share: one name finder per roster, the staff policy, and public wording.

Not a check module itself (it is not in checks.MODULES).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from ..names import NameFinder, NameMatch
from ..names.filenames import filename_runs, stock_credit_words

# One finder per roster (path and content) for the life of the process: loading a roster
# (and hashing a keyed one) once, not once per file.
_finders: dict[tuple, NameFinder] = {}
# Newlines and tabs are spaces to a reader; same length, so offsets still hold.
_AS_SPACE = str.maketrans("\n\r\t", "   ")


def finder(ctx) -> NameFinder:
    roster = ctx.settings.get("roster")
    key = (roster, ctx.settings.get("roster-digest"))  # an edited roster is a new roster
    if key not in _finders:
        if roster:     # a run with no roster imports none of its modules (issue 18)
            from ..names.roster import load_roster
        _finders[key] = NameFinder(load_roster(Path(roster)) if roster else None)
    return _finders[key]


def reportable(matches: list[NameMatch], ctx, code: str) -> list[NameMatch]:
    """Staff names ("Mrs Jones", or staff on the roster) count only when the rule's `staff` is warn or error."""
    staff_policy = ctx.options(code).get("staff", "allow")
    return [match for match in matches if match.role != "staff" or staff_policy != "allow"]


def severity(matches: Sequence[NameMatch], ctx, code: str) -> str | None:
    """Staff names are as severe as the `staff` option says; any other keeps the rule's severity.

    `matches` come from `grouped`, so they are all staff or all not.
    """
    if matches[0].role != "staff":
        return None
    return {"warn": "warning", "error": "error"}.get(ctx.options(code).get("staff"))


def names_in(span, ctx, code: str, path: str = "", image_lang: str = "") -> Iterator[tuple[NameMatch, int]]:
    """Reportable names in a TextSpan of the page at `path`, each with the line it is written on.

    The words are read in the span's language, else the image's (front matter), the path's, the site's.
    """
    for match in reportable(all_names(span, ctx, path, image_lang), ctx, code):
        yield match, span.line_of(match.start)


def not_credits(found: list[tuple[NameMatch, int]], src: str) -> list[tuple[NameMatch, int]]:
    """`found` (names and their lines) less a stock library's photographer credited beside the photo at
    `src`: a name each of whose words is a word of the photo's file name, when that file name names a stock
    library ("leandro-ferraz-qL8xZ2mP1kE-unsplash.jpg" captioned "Leandro Ferraz")."""
    if not found:
        return found
    credit = _credit_words(posixpath.basename(src.split("?", 1)[0].split("#", 1)[0]))
    if not credit:
        return found
    return [(match, line) for match, line in found
            if not all(token.key in credit for run in filename_runs(match.text) for token in run)]


@lru_cache(maxsize=1024)
def _credit_words(name: str) -> frozenset[str]:
    return stock_credit_words(name)


def all_names(span, ctx, path: str = "", image_lang: str = "") -> list[NameMatch]:
    """Every full name in a TextSpan (staff too), read in its language as `names_in` says."""
    language = span.lang or image_lang or path_language(path) or site_language(getattr(ctx, "root", None))
    return _names_in_text(finder(ctx), span.text.translate(_AS_SPACE), language)


@lru_cache(maxsize=256)
def _names_in_text(names: NameFinder, text: str, language: str) -> list[NameMatch]:
    """SL302, SL303 and SL601-SL603 read the same texts of a page: each text is searched once.
    Callers must not change the list."""
    return names.in_text(text, language)


# Hugo's translations by file name ("index.de.md") or content folder ("content/de/...").
# A translation's file name (Hugo's index.cy.md) says more than its folder (content/en/ holds
# every language's files of a bundle), so the file name is asked first.
_FILE_LANGUAGE = re.compile(r"\.([a-z]{2}(?:-[A-Za-z]{2})?)\.[a-z]+$")
_FOLDER_LANGUAGE = re.compile(r"^(?:content/)?([a-z]{2}(?:-[A-Za-z]{2})?)/")
# Site configuration files and the key that holds the site's default language.
_SITE_LANGUAGE = (("hugo.toml", "defaultContentLanguage"), ("config.toml", "defaultContentLanguage"),
                  ("hugo.toml", "languageCode"), ("config.toml", "languageCode"),
                  ("hugo.yaml", "defaultContentLanguage"), ("config.yaml", "defaultContentLanguage"),
                  ("hugo.yaml", "languageCode"), ("config.yaml", "languageCode"),
                  ("_config.yml", "lang"), ("_config.yml", "locale"))
_LANGUAGE_TAG = r"[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)"


def path_language(path: str) -> str:
    """A page's language from its path, "" when the path does not say (BCP 47 primary subtag kept)."""
    for pattern in (_FILE_LANGUAGE, _FOLDER_LANGUAGE):
        match = pattern.search(path)
        if match is not None and match.group(1).partition("-")[0] in _LANGUAGE_CODES:
            return match.group(1)
    return ""


_LANGUAGE_CODES = frozenset(("en", "de", "fr", "es", "it", "nl", "pl", "pt", "tr", "sv", "da", "nb", "nn", "no",
                             "fi", "cs", "ro", "hu", "cy", "ga", "gd"))


@lru_cache(maxsize=8)
def site_language(root) -> str:
    """The site's default language from its generator's configuration (Hugo, Jekyll), "" when not set."""
    if root is None:
        return ""
    for name, key in _SITE_LANGUAGE:
        try:
            text = (root / name).read_text(encoding="utf-8", errors="replace")[:65536]   # a Path or gittree.TreeRoot
        except OSError:
            continue
        match = re.search(rf"(?m)^{key}\s*[:=]\s*{_LANGUAGE_TAG}", text)
        if match:
            return match.group(1)
    return ""


def grouped(found: Iterable[tuple[NameMatch, int]]) -> list[tuple[int, list[NameMatch]]]:
    """Matches that would print the same line, together: by line, and staff apart from pupils
    (they differ in severity). Each name once per line; groups in the order first found."""
    groups: dict[tuple[int, bool], dict[str, NameMatch]] = {}
    for match, line in found:
        groups.setdefault((line, match.role == "staff"), {}).setdefault(match.text, match)
    return [(line, list(matches.values())) for (line, _staff), matches in groups.items()]


def describe(matches: Sequence[NameMatch]) -> str:
    """Public wording: how many names and how they were recognised, never the names."""
    count = len(matches)
    from_roster = all(match.source == "roster" for match in matches)
    if count == 1:
        kind = "a full name (roster match)" if from_roster else "what looks like a full name"
    else:
        kind = f"{count} full names (roster matches)" if from_roster else f"what look like {count} full names"
    return f"{kind} (staff)" if matches[0].role == "staff" else kind


def values(matches: Sequence[NameMatch]) -> str:
    """The names themselves, for --show-values only, each as a browser shows it: a name written over two
    lines ("Kwame<br>Oduro-Boakye", names/line_joins.py) with one space between its words."""
    return "; ".join(" ".join(match.text.split()) for match in matches)
