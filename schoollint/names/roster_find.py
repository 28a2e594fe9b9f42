"""Which roster a run uses, and what it can judge with it: said in the run, never a silent pass.

The roster is, first found first: --roster or SCHOOLLINT_ROSTER (relative to the
current folder), `roster:` in the configuration (relative to the repository root),
or the hashed roster `schoollint roster hash` writes, `.schoollint-roster` at the
repository root. That last one needs SCHOOLLINT_ROSTER_KEY: without it the run goes
on without a roster and says so (a contributor without the CI secret can still
run the other rules); a wrong key, or a roster named outright, is an error.

The consent rules (SL601-SL603, issue 13) can only judge what the roster records.
When a selected rule has nothing to judge (no website consent column, no leaving
date, no roster while SL6 was selected by name) the run says so in a note, as it
says what the vision extra did not check: the run goes on, since a roster of names
alone is a normal way to run the name rules. A column that looks like consent but
does not say to what ("Consent", "Consent status"), when no column gives website
consent, is a RosterError (exit 2) naming the roster and the column: it may be the
website consent under a name schoollint cannot be sure of, and reading it either way
would be a guess; the school renames the column or leaves the consent rules out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .consent_headers import UNSCOPED
from .roster import KEY_VARIABLE, Roster, load_roster, write_hashed_roster
from .roster_csv import RosterError

DEFAULT_HASHED = ".schoollint-roster"
CONSENT_RULES = ("SL601", "SL602", "SL603")
# What each consent rule needs the roster to record (any of), besides `consent: required` for SL601.
NEEDS = {"SL601": {"website", "date:given_on", "date:withdrawn_on"},
         "SL602": {"website", "date:given_on"},
         "SL603": {"date:leaving"}}
EXAMPLE_HEADER = "'Photo consent (website)'"


@dataclass
class Chosen:
    path: Path | None = None
    roster: Roster | None = None
    shown: str = ""                         # the roster as the user wrote it (or DEFAULT_HASHED), for messages
    notes: list[str] = field(default_factory=list)


def choose_roster(root: Path, given: str | None, configured: str | None) -> Chosen:
    """The run's roster (see the module docstring); RosterError when a named one is missing or broken."""
    if given or configured:
        path = (Path.cwd() / os.path.expanduser(given)) if given else (root / str(configured))   # ~: home
        shown = os.path.normpath(str(given or configured))     # "private/x.csv", not "site/../private/x.csv"
        if not path.is_file():
            raise RosterError(f"{shown}: roster file not found (looked for {os.path.normpath(path)})")
        roster = load_roster(path)
        return Chosen(path, roster, shown, notes=list(roster.notes))
    path = root / DEFAULT_HASHED
    if not path.is_file():
        return Chosen()
    if not os.environ.get(KEY_VARIABLE) and _is_hashed(path):
        return Chosen(shown=DEFAULT_HASHED, notes=[
            f"{DEFAULT_HASHED} is here but {KEY_VARIABLE} is not set: names are checked without the school's "
            "roster and SL601-SL603 judge no one (set the key, as in CI)"])
    roster = load_roster(path)
    return Chosen(path, roster, DEFAULT_HASHED, notes=list(roster.notes))


def for_run(root: Path, given: str | None, config) -> Chosen:
    """The roster of a run of `config` (a config.Config, after the command line's selection), with the
    notes the run should print; RosterError (exit 2) as described in the module docstring."""
    from .. import catalogue

    chosen = choose_roster(root, given, config.roster)
    by_name = [item for item in (config.select or []) + config.extend_select if item.upper() != "ALL"]
    named = catalogue.expand(by_name) & set(CONSENT_RULES) & config.selected_codes()
    chosen.notes += consent_coverage(chosen, config.selected_codes(), named, config.consent == "required")
    return chosen


def _is_hashed(path: Path) -> bool:
    with open(path, "rb") as stream:
        return stream.read(64).lstrip().startswith(b"{")


def records(roster: Roster) -> set[str]:
    """What the roster records: its header's consent meanings, and (a hashed roster) what its people hold."""
    found = set(roster.columns)
    for person in roster.people:
        found.update(("website",) if person.website else ())
        found.update(f"date:{name}" for name in ("given_on", "withdrawn_on", "leaving") if getattr(person, name))
    return found


def consent_coverage(chosen: Chosen, selected: set[str], named: set[str], required: bool) -> list[str]:
    """Notes on what the selected consent rules cannot judge with this roster. `named`: the consent rules
    selected by name rather than by ALL (without a roster, only those are worth a note). RosterError for
    a column that looks like consent but says not to what, when no column gives website consent."""
    rules = [code for code in CONSENT_RULES if code in selected]
    if not rules:
        return []
    where = chosen.shown
    if chosen.roster is None:                  # selected by name, they judged no one: say so (the key's note says why)
        from ..unrun_rules import needs_roster

        return [needs_roster(named)] if named and not chosen.shown else []
    roster, found = chosen.roster, records(chosen.roster)
    website = bool(found & NEEDS["SL601"]) or required
    unscoped = [header for header, kind in roster.unread.items() if kind == UNSCOPED]
    if unscoped and not website and "SL601" in rules:
        raise RosterError(f"{where}: column {unscoped[0]!r} looks like consent but does not say to what, and no "
                          f"column gives consent to photos on the website: if it is that, rename it "
                          f"{EXAMPLE_HEADER}; if not, leave the consent rules out (--ignore SL601,SL602,SL603)")
    blind = [code for code in rules if not (found & NEEDS[code] or (code == "SL601" and required))]
    notes = [f"{where}: {', '.join(blind)} judged no one: the roster has no column they read "
             f"({_wanted(blind)}){_unread(roster)}"] if blind else []
    if roster.unread and not blind:
        notes.append(f"{where}: not read as a consent schoollint checks: "
                     f"{', '.join(repr(header) for header in roster.unread)}")
    return notes


def _wanted(codes) -> str:
    wanted = []
    if {"SL601", "SL602"} & set(codes):
        wanted.append(f"website consent, as {EXAMPLE_HEADER}")
    if "SL603" in codes:
        wanted.append("a leaving date, as 'Leaving date'")
    return "; or ".join(wanted)


def _unread(roster: Roster) -> str:
    return f"; not read: {', '.join(repr(header) for header in roster.unread)}" if roster.unread else ""


def hash_roster(source: Path, dest: Path, key: bytes) -> str:
    """`schoollint roster hash`: write the hashed roster and say what it holds (counts, never a name),
    what the consent rules can judge with it, and how a run finds it."""
    written = write_hashed_roster(source, dest, key)
    records = sorted(meaning.replace("date:", "").replace("_on", "") for meaning in written.columns)
    people = f"{written.people} {'person' if written.people == 1 else 'people'}"
    names = f"{written.names} hashed name{'' if written.names == 1 else 's'}"
    lines = [f"wrote {dest}: {people} ({names}); consent columns read: {', '.join(records) or 'none'}"]
    if written.unread:
        lines.append(f"not read (no consent scope schoollint checks): "
                     f"{', '.join(repr(header) for header in written.unread)}")
    if "website" not in written.columns:
        lines.append(f"no website consent column (such as {EXAMPLE_HEADER}): SL601 and SL602 will judge no one")
    if dest.name == DEFAULT_HASHED:
        lines.append(f"commit {DEFAULT_HASHED} at the repository root: `schoollint check` reads it there when "
                     f"{KEY_VARIABLE} holds this key (a CI secret); keep {source.name} out of the repository")
    else:
        lines.append(f"use it with `schoollint check --roster {dest}` or `roster: {dest}` in .schoollint.yml, "
                     f"with {KEY_VARIABLE} set to this key; keep {source.name} out of the repository")
    return "\n".join(lines)
