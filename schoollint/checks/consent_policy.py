"""What SL601-SL603 share: which roster people are named with each photo, and how findings say so.

Not a check module itself (it is not in checks.MODULES). A person is "named
with a photo" when the photo's alt text, title, aria-label, caption or the
text beside it (the page model's labels and captions), or the photo's own
file or folder name, holds their full name (a roster match, or "Mrs Jones"
for a member of staff) or their first name alone; or when the photo's own
metadata names them (the people SL104 reports: XMP PersonInImage, MWG and
Microsoft face regions, Takeout people), which the site stage judges on
every run (`PhotoPeople`, site_consent.py), as it judges every photo's
own file and folder names, whether or not a page shows it. A first name alone is the
safe default of the Names-No-Images policy, but not for a child whose parents
said no: so here it counts. When several roster people share that first name,
a surname or registration group written in the same text settles which one;
otherwise the finding says how many it may be and is a warning.
Messages never hold the name (it goes in the finding's `value`).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from ..finding import Finding
from ..names.consent import Person, group_words, no_website_consent
from ..names.filenames import filename_runs
from ..names.roster_csv import name_words
from .name_policy import all_names, finder

# "Year 5", "Y5", "Yr R": a registration year, not a name word (groups such as "5B" hold a digit).
_YEAR = re.compile(r"(?i)\b(?:year|yr|y)\s?(?:\d{1,2}|r)\b|\breception\b")
PATH_FIELDS = ("folder name", "file name")
# A rule's judgement of one person: the words of its reason ("refused"), or None.
Judge = Callable[[Person], "str | None"]


@dataclass(frozen=True)
class Named:
    """One place where a page names roster people with one of its photos."""

    src: str                        # the photo as the page writes it
    field: str                      # "alt text", "figcaption", "file name", "folder name"...
    line: int
    written: str                    # the name as written: the finding's value, never its message
    people: tuple[Person, ...]      # whom it may be
    first_only: bool                # named by first name alone
    settled: bool                   # the words say which of `people` it is
    targets: tuple[str, ...] = ()   # repository paths the page may show in its place (src, srcset)


@dataclass(frozen=True)
class PhotoPeople:
    """What SL601-SL603 judge at a photo: the roster people its own metadata names (no page)."""

    path: str
    named: tuple[Named, ...]


def today(ctx) -> dt.date:
    """The day consent is judged on: the run's (so cached findings are keyed by it), else today in UTC."""
    day = ctx.settings.get("consent-day")
    return dt.date.fromisoformat(day) if day else dt.datetime.now(dt.timezone.utc).date()


def required(ctx) -> bool:
    return ctx.settings.get("consent") == "required"


def run_settings(roster: str | None, policy: str) -> dict:
    """Settings the consent rules add to a run: the policy, and the day when the roster holds dates
    (a date changes findings from one day to the next, so it keys the cache only then)."""
    settings: dict = {"consent": policy}
    if roster:
        from ..names import load_roster

        if any(person.dated for person in load_roster(Path(roster)).people):
            settings["consent-day"] = dt.datetime.now(dt.timezone.utc).date().isoformat()
    return settings


def without_consent(named: Named, ctx) -> bool:
    """Whether a pupil that `named` may be has no website consent today (SL601's judgement): then
    a first name alone makes the photo one of pupils for SL501 and SL502 too."""
    day, policy = today(ctx), required(ctx)
    return any(person.role == "pupil" and no_website_consent(person, day, policy) for person in named.people)


def judged(ctx) -> bool:
    """Whether consent can be judged: a roster that records consent or leaving, or `consent: required`."""
    roster = finder(ctx).roster
    return roster is not None and (roster.recorded or required(ctx))


_last: list = [None, None, []]  # the last page and roster read, and their Named list: three rules read each page


def named_on_page(subject, ctx) -> list[Named]:
    """Every place the page names roster people with a photo (nothing without a roster that
    records consent or leaving dates, unless `consent: required`)."""
    roster = finder(ctx).roster
    if subject.page is None or not judged(ctx):
        return []
    if _last[0] is not subject.page or _last[1] is not roster:
        _last[:] = [subject.page, roster, list(_named_on_page(subject, ctx, roster))]
    return _last[2]


def _named_on_page(subject, ctx, roster) -> Iterator[Named]:
    for image in subject.page.images:
        seen: set[tuple[str, int]] = set()
        for span in [*image.labels(), *image.captions]:
            matches = all_names(span, ctx, subject.path, image.lang)
            for start, written, people, first_only in _people_in(roster, span.text, matches, name_words(span.text),
                                                                 capitalised=True):
                line = span.line_of(start)
                if (written.casefold(), line) not in seen:
                    seen.add((written.casefold(), line))
                    yield _narrowed(roster, image, span.label, line, written, people, first_only, span.text)
        yield from named_in_path(roster, ctx, image.target or urlsplit(image.src).path, image)


def named_in_path(roster, ctx, path: str, image=None) -> Iterator[Named]:
    """The roster people a photo's file or folder names name (full name, or a first name alone),
    at a page's image, or (image None) at the photo itself: a file in the site is published
    whether or not a page shows it."""
    parts = path.split("/")
    parts[-1] = posixpath.splitext(parts[-1])[0]
    for index, part in enumerate(parts):
        field = PATH_FIELDS[index == len(parts) - 1]
        tokens = [token for run in filename_runs(part) for token in run]
        for _start, written, people, first_only in _people_in(roster, part, finder(ctx).in_filename(part),
                                                              tokens, capitalised=False):
            yield _narrowed(roster, image, field, image.line if image else 0, written, people, first_only, part)


def _people_in(roster, text: str, matches, tokens, capitalised: bool):
    """(offset, name as written, people, by first name alone) for each roster person in text.

    Full names come from the name finder (roster matches; "Mrs Jones" for staff by surname);
    any other word that is a roster first name, outside those full names, is a first name
    alone (in prose only when capitalised, as names are written).
    """
    for match in matches:
        if match.source == "roster":
            yield match.start, match.text, roster.people_named(match.key), False
        elif match.role == "staff" and not match.first and (words := name_words(match.text)):
            staff = tuple(p for p in roster.people_with("surnames", words[-1].key) if p.role == "staff")
            if staff:
                yield match.start, match.text, staff, False
    for token in tokens:
        if capitalised and not token.raw[:1].isupper():
            continue
        if any(match.start <= token.start < match.end for match in matches):
            continue
        people = roster.people_with("firsts", token.key)
        if people:
            yield token.start, token.raw, people, True


def _narrowed(roster, image, field: str, line: int, written: str, people: tuple[Person, ...],
              first_only: bool, text: str) -> Named:
    """The Named place (at a page's image, or None: at the photo itself), with `people`
    narrowed by a surname or registration group in the same text."""
    if len(people) > 1:
        stored, groups = _settling_words(roster, text)
        by_surname = tuple(p for p in people if stored.intersection(p.surnames)) or people
        people = tuple(p for p in by_surname if groups.intersection(p.groups)) or by_surname
    if image is None:
        return Named("", field, line, written, people, first_only, len(people) == 1)
    return Named(image.src, field, line, written, people, first_only, len(people) == 1,
                 tuple(dict.fromkeys(path for path in (image.target, *image.alternates) if path)))


def named_in_metadata(roster, items) -> Iterator[Named]:
    """The roster people that the photo's metadata items (MetaItem of kind PERSON_NAME) name.

    Each value names one person (several, "; "-joined, for a document's pictures): a roster full
    name (also "Hughes, Rowan"), or a roster first name followed by nothing that is not that
    person's surname, a registration group or an initial ("Rowan", "Rowan (5B)", "Rowan H");
    "Rowan Atkinson" is someone else. Group words settle a shared first name as on a page.
    """
    fields: dict[str, list[str]] = {}       # each name once, with every field that holds it
    for item in items:
        for part in (item.value or "").split("; "):
            if part.strip():
                fields.setdefault(part.strip(), []).append(item.field)
    for value, where in fields.items():
        field = ", ".join(dict.fromkeys(where))
        words = name_words(value)
        found = roster.find(value, words) if words else []
        for match in found:
            written = value[match.start:match.end]
            yield _narrowed(roster, None, field, 0, written, roster.people_named(match.key), False, value)
        if found:
            continue
        if not words or not (people := roster.people_with("firsts", words[0].key)):
            continue
        rest = [word.key for word in name_words(_YEAR.sub(" ", value))[1:]
                if len(word.key) > 1 and not any(c.isdigit() for c in word.key)]
        if rest:            # more than a first name: only that person's surname keeps it theirs
            surnames = {roster.digest(key) for key in (*rest, "".join(rest))}
            people = tuple(person for person in people if surnames.intersection(person.surnames))
        if people:
            yield _narrowed(roster, None, field, 0, value, people, not rest, value)


@lru_cache(maxsize=64)
def _settling_words(roster, text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The stored forms of the words of `text` that may be a surname (one word, or two run
    together: "Smith Jones") and of those that may be a registration group or year; read once
    per text, however many shared first names it holds."""
    words = name_words(text)
    stored = {roster.digest(word.key) for word in words}
    stored |= {roster.digest(a.key + b.key) for a, b in zip(words, words[1:], strict=False)}
    return frozenset(stored), frozenset(roster.digest(word) for word in group_words(text))


def consent_findings(subject, ctx, code: str, judge: Judge, single: str, several: str) -> Iterator[Finding]:
    """The rule's findings for the page: one per place that names someone `judge` finds a reason
    against. `single` reads after "names a pupil" ("whose website consent is {reason}"); `several`
    after "one of them" or "all of them" ("{has} no website consent ({reason})")."""
    places = subject.named if isinstance(subject, PhotoPeople) else named_on_page(subject, ctx)
    for named in places:
        judged = [reason for person in named.people if (reason := judge(person)) is not None]
        if not judged:
            continue
        reason = ", ".join(dict.fromkeys(judged))
        kind = _kind(named.people)
        severity = None
        # at a page, which photo; at the photo, which of its metadata fields
        where = (f"photo {named.src}: its {named.field}" if named.src else f"its {named.field}"
                 if named.field in PATH_FIELDS else f"its metadata ({named.field})")
        if named.settled:
            how = "gives the first name of" if named.first_only else "names"
            message = f"{where} {how} a {kind} {single.format(reason=reason)}"
        else:
            count, has = ("one", "has") if len(judged) == 1 else ("all" if len(judged) == len(named.people)
                                                                   else str(len(judged)), "have")
            what = "first name" if named.first_only else "name"
            message = (f"{where} gives a {what} that {len(named.people)} {kind} "
                       f"on the roster share: {count} of them {several.format(reason=reason, has=has)}")
            if len(judged) < len(named.people):     # it may be one of the others
                severity = "warning"
        yield Finding(code, subject.path, message, line=named.line or None, field=named.field, value=named.written,
                      severity=severity)


def _kind(people: tuple[Person, ...]) -> str:
    roles = {person.role for person in people}
    plural = len(people) > 1
    if roles == {"staff"}:
        return "members of staff" if plural else "member of staff"
    if roles == {"pupil"}:
        return "pupils" if plural else "pupil"
    return "people"
