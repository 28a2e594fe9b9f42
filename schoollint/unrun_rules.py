"""Rules a `check` run selects but cannot judge, said rather than passed as clean (the team's
no-silent-pass standard; trial 8 items 6 and 12).

- SL604 stale-pupil-photo needs each photo's first-published date from Git's history, which
  `schoollint audit` reads (audit.add_dates) and `check` does not; SL605 review-overdue reads the
  whole site's review log, so `check` judges it only over the whole site (pipeline: no paths, no
  --diff-base). A selection of nothing else is a usage error (exit 2, as an empty selection is:
  selection.py); one that names them beside others gets a note.
- SL601-SL603 (consent, leavers) judge no one without the school's roster: a check run that selects
  them and finds people named with photos (SL104, SL301-SL303) says so once, as the README promises
  ("consent with no roster"), unless the roster reader has said it already (names.roster_find, when
  they are selected by name).
"""

from __future__ import annotations

from .errors import UsageError

CONSENT_RULES = ("SL601", "SL602", "SL603")   # names.roster_find.CONSENT_RULES, without importing names
AUDIT_ONLY = {"SL604": "it dates each photo from Git's history, which `schoollint audit` reads "
                       "(`schoollint audit -o ~/audit.html`)"}
WHOLE_SITE_ONLY = {"SL605": "it reads the review log of the whole site, so `schoollint check` judges it only "
                            "when run over the whole site (no paths, no --diff-base)"}


def unrun(config, args, whole_site: bool) -> list[str]:
    """Notes on the rules `config` (the command line applied) selects that this check run does not
    judge, when the selection names them; UsageError when it selects nothing else."""
    from . import catalogue
    from .selection import _chose

    selected = config.selected_codes()
    cannot = {**AUDIT_ONLY, **({} if whole_site else WHOLE_SITE_ONLY)}
    skipped = sorted(code for code in selected if code in cannot)
    if not skipped:
        return []
    rules = catalogue.load()
    said = [f"{code} {rules[code].name} is not judged by this run: {cannot[code]}" for code in skipped]
    if set(skipped) == selected:
        raise UsageError(f"nothing to check: {_chose(config, args)} selects only rules this run does not judge: "
                         + "; ".join(f"{code} {rules[code].name}: {cannot[code]}" for code in skipped))
    named = catalogue.expand([item for item in (config.select or []) + config.extend_select
                              if item.upper() != "ALL"])
    return [note for code, note in zip(skipped, said, strict=True) if code in named]


def needs_roster(codes) -> str:
    """The note that the consent rules `codes` judged no one, having no roster (names.roster_find says it
    too, for rules selected by name)."""
    one = len(codes) == 1
    return (f"{', '.join(sorted(codes))} {'needs' if one else 'need'} the school's roster, so "
            f"{'it' if one else 'they'} judged no one: give --roster FILE, `roster:` in .schoollint.yml, or commit "
            "a hashed .schoollint-roster")


NAMING = ("SL104", "SL301", "SL302", "SL303")   # a photo named with people: its metadata, file name, alt, text


def no_roster(config, roster: str | None, notes: list[str], findings) -> list[str]:
    """The note that the consent rules judged no one, for a run without a roster that selects them,
    found people named with photos (`findings`: NAMING's), and whose `notes` do not say so already.
    A run that found no one named says nothing: most sites without a roster would hear it every run."""
    from .report import plural

    selected = set(CONSENT_RULES) & config.selected_codes()
    if roster is not None or not selected or any("judge no one" in note or "judged no one" in note for note in notes):
        return []
    named = {finding.path for finding in findings if finding.code in NAMING}
    verb = "names" if len(named) == 1 else "name"
    return [f"{needs_roster(selected)} ({plural(len(named), 'file')} here {verb} people with their photos: "
            "whether each may be shown was not judged)"] if named else []
