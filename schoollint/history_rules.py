"""Which of `check`'s rules `schoollint history` applies to a file version, and which it says it did not.

`check` judges each file in two steps. First the checks that read the file itself: its path, its
media facts (with vision's faces and text when the extra runs), its page (analysis.Analyser). Then,
once every file is read, the site stage (site_rules.py): SL601-SL603 for the people a photo's own
metadata (XMP PersonInImage, face regions: what SL104 reports) or its own file and folder names
name (site_consent.py), the rules about the site as a whole (SL202, SL501, SL502, and SL604, SL605,
READS "run"), and SL001 for the inline suppressions that silenced nothing.

History applies the first step to every blob, and SL601-SL603 at every photo blob with check's own
functions (`photo_consent`): the names its metadata holds, and those in each path it had (a name
that may be someone the metadata names is left to the metadata's finding, as check leaves it).
The rest it does not apply, and `not_run` lists exactly those selected rules, from the analysers'
modules that ran and the vision parts that could run, each with why.
"""

from __future__ import annotations

import os

from .finding import Finding

SITE_WIDE = ("rules about the site as a whole; `schoollint check` judges them on the site as it is now")
UNUSED = "an unused `schoollint: ignore` comment in an old version is nothing to purge"
NO_VISION = "schoollint[vision] cannot run here"
VISION_OFF = "--no-vision"
NOT_APPLIED = "not applied to old file versions"


def photo_consent(analyser, paths: tuple[str, ...], data, raw: list[Finding]) -> dict[str, list[Finding]]:
    """path -> the SL601-SL603 findings at a photo blob under each path it had (`paths[0]`: the one it
    was checked as; `raw`: its findings before suppressions, as check's site stage sees them).

    Nothing without a roster that records consent or leaving (unless `consent: required`), as in
    check. Its metadata is read again only when SL104 found names in it (or SL104 does not run)."""
    from .site_consent import CODES, people_findings, roster_judging

    codes = CODES & analyser.selected
    judging = roster_judging(analyser.root, analyser.settings) if codes else None
    if judging is None or not analyser.is_media(paths[0], data):
        return {}
    from .checks.consent_policy import PhotoPeople, named_in_metadata, named_in_path
    from .formats.model import PERSON_NAME

    context, roster = judging
    named: tuple = ()
    if "SL104" not in analyser.selected or any(finding.code == "SL104" for finding in raw):
        facts = _facts(paths[0], data)
        named = tuple(named_in_metadata(roster, facts.of_kind(PERSON_NAME))) if facts is not None else ()
    told = {person for place in named for person in place.people}
    found: dict[str, list[Finding]] = {}
    for path in paths:
        places = named + tuple(place for place in named_in_path(roster, context, path)
                               if told.isdisjoint(place.people))
        if places and (findings := people_findings(analyser.root, analyser.config, codes, analyser.settings,
                                                   PhotoPeople(path, places))):
            found[path] = findings
    return found


def _facts(path: str, data):
    """The blob's media facts (also of one read only in part), None when no reader reads it (its
    own analysis said so: SL105)."""
    from .formats.registry import read_media

    try:
        return read_media(data, os.path.splitext(path)[1].lower(), os.path.basename(path))
    except Exception as exc:  # MediaError (PartlyRead keeps its facts), or a reader bug the analysis reported
        return getattr(exc, "facts", None)


def applied(analysers, selected: set[str], settings: dict) -> set[str]:
    """The selected rules history applies: the codes of the modules its analysers run (vision's only
    for the parts that run here), and SL601-SL603 at photos (`photo_consent`)."""
    from . import vision
    from .site_consent import CODES

    codes = {code for analyser in analysers for modules in analyser.by_reads.values() for module in modules
             for code in module.CODES} | CODES
    enabled = settings.get("vision") or {}
    return (codes & selected) - {code for part, rules in vision.RULES.items() if part not in enabled for code in rules}


# Why a rule is not applied to a file version, by what it reads (checks.READS, and "run").
WHY = {"suppressions": UNUSED, "run": SITE_WIDE}


def not_run(selected: set[str], ran: set[str], no_vision: bool = False) -> list[tuple[list[str], str]]:
    """(the selected rules history did not apply, why), grouped by why, in catalogue order."""
    from . import checks, vision

    vision_codes = {code for rules in vision.RULES.values() for code in rules}
    grouped: dict[str, list[str]] = {}
    for module in checks.modules(selected - ran):
        why = ((VISION_OFF if no_vision else NO_VISION) if set(module.CODES) <= vision_codes
               else WHY.get(module.READS, NOT_APPLIED))
        grouped.setdefault(why, []).extend(code for code in module.CODES if code in selected - ran)
    return [(codes, why) for why, codes in grouped.items()]


def not_run_notes(not_applied: list[tuple[list[str], str]]) -> list[str]:
    """The one note that says which selected rules history did not apply, and why."""
    if not not_applied:
        return []
    return ["not run on history: " + "; ".join(f"{', '.join(codes)} ({why})" for codes, why in not_applied)]
