"""Find people's full names in prose and file names.

Policy: a pupil's full name is never published with their photo; a first
name alone is fine. Staff are written "Mrs Jones" and reported as role
"staff". With a roster the school's own names are matched exactly (role from
the roster); without one, or for names it lacks, a heuristic spots a known
given name followed by a surname-like word (role "unknown", which rules treat
as a pupil).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import filenames, heuristic
from .initials import surname_on_roster
from .words import is_given, lexicon, plain

if TYPE_CHECKING:
    from .roster import Roster, RosterError, RosterMatch, load_roster, write_hashed_roster

__all__ = ["NameMatch", "NameFinder", "Roster", "RosterError", "first_names_only", "load_roster",
           "write_hashed_roster"]

# The roster's names, imported when first asked for (PEP 562): a run with no roster (a pre-commit run
# on three photos) never imports the roster, its CSV reader and the consent columns (issue 18).
_FROM_ROSTER = frozenset({"Roster", "RosterError", "RosterMatch", "load_roster", "write_hashed_roster"})


def __getattr__(name: str):
    if name not in _FROM_ROSTER:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import roster

    return getattr(roster, name)


@dataclass(frozen=True)
class NameMatch:
    start: int          # span in the string given
    end: int
    text: str
    first: str          # the given name as written ("" for "Mrs Jones")
    role: str           # "pupil" | "staff" | "unknown"
    source: str         # "roster" | "heuristic"
    # A roster match's stored key (Roster.people_named says who), "" otherwise; not part of what
    # the match is: a hashed and a plain roster find the same names.
    key: str = field(default="", compare=False)


class NameFinder:
    def __init__(self, roster: Roster | None = None):
        self.roster = roster
        if roster is not None:      # the roster's word splitter, imported once here, not per text
            from .roster_csv import name_words

            self._roster_words = name_words

    def in_text(self, text: str, language: str = "") -> list[NameMatch]:
        """Full names, and staff title + surname, in prose written in `language` (BCP 47; "" is English).

        The text is read as a browser shows it: invisible and formatting
        characters (soft hyphen, zero-width space and joiners, bidi marks:
        Unicode category Cf) are absent, so "Ja&shy;ne Smi&shy;th" is "Jane
        Smith", and any run of white space (spaces, tabs, newlines, no-break
        spaces) is one space (CSS Text 3, section 4.1.1), so a name split across
        indented source lines is one name. Accented letters are read composed
        (`composed`: "Chloé" typed on a Mac may be "e" and a combining accent).
        Spans, and each match's `text`, are of `text` as given.
        """
        nfc, spans = composed(text)
        if spans is not None:
            return [_recomposed(match, text, spans) for match in self.in_text(nfc, language)]
        visible, where = as_shown(text)
        if where is not None:
            return [_moved(match, text, where) for match in self.in_text(visible, language)]
        spotted = [_from_spotted(text, found) for found in heuristic.in_text(text, language)]
        if self.roster is None:
            return spotted
        return _with_roster(text, spotted, self.roster.find(text, self._roster_words(text)), self.roster)

    def in_filename(self, name: str) -> list[NameMatch]:
        """Full names in one path component: words split on - _ . digits and camelCase; a name whose
        accents macOS stored decomposed (NFD) is read composed, as in `in_text`."""
        nfc, spans = composed(name)
        if spans is not None:
            return [_recomposed(match, name, spans) for match in self.in_filename(nfc)]
        spotted = [_from_spotted(name, found) for found in filenames.in_filename(name)]
        if self.roster is None:
            return spotted
        runs = filenames.filename_runs(name)
        found = self.roster.find(name, [token for run in runs for token in run])
        found += [match for run in runs for token in run if not any(m.start <= token.start < m.end for m in found)
                  if (match := self.roster.run_together(token)) is not None]       # "rubyfrancis_final.jpg" too
        return _with_roster(name, spotted, found + _surname_first(self.roster, runs, found), self.roster)


def _surname_first(roster: Roster, runs: list, found: list[RosterMatch]) -> list[RosterMatch]:
    """Roster names written surname first in a file name ("watson-amelia-y6.jpg", as some MIS photo
    exports name them), where no roster match stands already."""
    from .roster import RosterMatch
    from .roster_csv import pair_key

    out: list[RosterMatch] = []
    for run in runs:
        for i, given in enumerate(run[1:], 1):
            for start in range(max(0, i - 1 - filenames.MAX_PARTICLES), i):     # "de-vries-fenna.jpg" too
                surname = [token.key for token in run[start:i]]
                if not any(m.start < given.end and run[start].start < m.end for m in found + out) \
                        and (role := roster.role_of([given.key], surname)) is not None:
                    key = roster.digest(pair_key([given.key], surname))
                    out.append(RosterMatch(run[start].start, given.end, given.start, given.end, role, key))
                    break
    return out


# Unicode's format characters (general category Cf, Unicode 15.1): soft hyphen, Arabic and
# Syriac marks, zero-width space/joiners, bidi controls, word joiner, BOM, tags. Written out
# rather than computed from unicodedata so importing costs nothing (a test keeps it complete).
INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


# White space a browser shows as one space between words (CSS Text 3, section 4.1.1, plus the
# no-break and typographic spaces, which separate words as a space does). Not U+2028/U+2029:
# pages.html_captions marks a block's end with U+2029, which no name crosses.
_NOT_SPACE_WHITE = "\t\n\x0b\x0c\r\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_WHITE = " " + _NOT_SPACE_WHITE
_INVISIBLE_CLASS = INVISIBLE.pattern
# A run of white space (invisible characters around and inside it are part of it), or of invisible
# characters alone.
_SQUEEZED = re.compile(f"{_INVISIBLE_CLASS}*[{_WHITE}](?:[{_WHITE}]|{_INVISIBLE_CLASS})*|{_INVISIBLE_CLASS}+")
# What as_shown changes: anything but a lone space between words.
_NOT_AS_SHOWN = re.compile(f"{_INVISIBLE_CLASS}|[{_NOT_SPACE_WHITE}]|  ")


def as_shown(text: str) -> tuple[str, list[int] | None]:
    """`text` as a browser shows it, and where each of its characters was in `text` (None: unchanged).

    Format characters (Unicode Cf) are removed; each run of white space becomes one space, which
    stands where the run's first white space character was.
    """
    if text.isprintable() and "  " not in text or _NOT_AS_SHOWN.search(text) is None:
        return text, None                       # the common case: isprintable() is false for Cc, Cf and Z* but " "
    pieces: list[str] = []
    where: list[int] = []
    position = 0
    for run in _SQUEEZED.finditer(text):
        pieces.append(text[position : run.start()])
        where.extend(range(position, run.start()))
        white = next((index for index, ch in enumerate(run.group()) if not INVISIBLE.match(ch)), None)
        if white is not None:
            pieces.append(" ")
            where.append(run.start() + white)
        position = run.end()
    pieces.append(text[position:])
    where.extend(range(position, len(text)))
    return "".join(pieces), where


def composed(text: str) -> tuple[str, list[tuple[int, int]] | None]:
    """`text` in Unicode normalisation form NFC (UAX #15), and for each of its characters the span of
    `text` it was composed from (None: `text` is NFC already, the usual case). Each character with
    the combining marks after it is composed on its own, so every span is whole: what macOS writes
    (NFD: "e" + U+0301) reads as what Windows and editors write (U+00E9), which the lists hold."""
    import unicodedata

    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end == len(text) or not unicodedata.combining(text[end]):
            piece = unicodedata.normalize("NFC", text[start:end])
            pieces.append(piece)
            spans.extend([(start, end)] * len(piece))
            start = end
    return "".join(pieces), spans


def _recomposed(match: NameMatch, text: str, spans: list[tuple[int, int]]) -> NameMatch:
    """A match in the composed text, spanning the same letters (and their marks) of `text`."""
    start, end = spans[match.start][0], spans[match.end - 1][1]
    return NameMatch(start, end, text[start:end], match.first, match.role, match.source, match.key)


def _moved(match: NameMatch, text: str, where: list[int]) -> NameMatch:
    """A match in the text as shown, spanning the same words of the original."""
    start, end = where[match.start], where[match.end - 1] + 1
    return NameMatch(start, end, text[start:end], match.first, match.role, match.source, match.key)


def _with_roster(text: str, spotted: list[NameMatch], found: list[RosterMatch], roster: Roster) -> list[NameMatch]:
    """Roster matches, which are certain, win over heuristic ones that overlap them. A name the roster
    lacks is no pupil of the school's, so it needs stronger evidence than without a roster: a title
    ("Mrs Jones") or a given name that the name lists or the roster know, before a surname ("Maisie
    Oyelowo", a staff member or parent; not "Lyme Regis" nor "Dawnsio Gwerin", which stood only because
    without a roster an unlisted pupil's name looks like that). Two given names are left to the roster."""
    known = [
        NameMatch(m.start, m.end, text[m.start : m.end], text[m.first_start : m.first_end], m.role, "roster", m.key)
        for m in found
    ]
    rest = [s for s in spotted if not any(s.start < k.end and k.start < s.end for k in known)
            and (s.role == "staff" or not filenames.given_names_only(s.text) and _known_given(s.first, roster)
                 or surname_on_roster(s.text, roster))]     # "A. Kowalski" (names/initials.py)
    return sorted(known + rest, key=lambda match: match.start)


def _known_given(first: str, roster: Roster) -> bool:
    key = plain(first)
    return is_given(key, lexicon()) or roster.knows_given(key)


def _from_spotted(text: str, found: heuristic.Spotted) -> NameMatch:
    return NameMatch(found.start, found.end, text[found.start : found.end], found.first, found.role, "heuristic")


def first_names_only(text: str, matches: list[NameMatch]) -> str:
    """Reduce each full name to its given name: "Amelia Watson won" -> "Amelia won".

    Staff matches are left as written (the school's convention, "Mrs Jones",
    is not a safeguarding problem). Matches overlapping an earlier one are ignored.
    """
    pieces = []
    position = 0
    for match in sorted(matches, key=lambda m: m.start):
        if match.start < position or match.role == "staff" or not match.first:
            continue
        pieces.append(text[position : match.start])
        pieces.append(match.first)
        position = match.end
    pieces.append(text[position:])
    return "".join(pieces)
