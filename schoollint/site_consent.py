"""SL601-SL603 at a photo whose own metadata names a roster person (issue 13), judged after the file checks.

A page is not the only place that names a pupil with a photo: a photo manager writes the people it
shows into the file (XMP PersonInImage, MWG and Microsoft face regions, Takeout people: the items of
kind PERSON_NAME that SL104 reports). Whether such a person may be shown depends on the roster's
consent and on today's date, while a photo's cached result outlives the day (its cache key holds
no date), so this step runs on every run, cold or warm, over the photos of the run that SL104
found names in (or, when SL104 does not run, every media file of the run), reading each such photo
again: a cached record keeps no name. The rules' own modules judge each name (checks/no_consent.py,
consent_expiring.py, leaver_still_shown.py, given a `consent_policy.PhotoPeople`); the findings
are on the photo, with the metadata field, and the name as the finding's value only.

`--fix` strips those names (SL104's safe fix) and the run settles again; the photo still shows the
same people, and a later run cannot know it did. So this run's report keeps what the names said,
saying the fix removed them (`named_before`, kept per run: keyed by the run's Cache, which lives
exactly as long as the run); SL501 and SL502 likewise (site_rules.py).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from weakref import WeakKeyDictionary

from .analysis import FileResult
from .finding import Finding

CODES = frozenset({"SL601", "SL602", "SL603"})
# The run's Cache -> each photo whose metadata named people when this run looked -> the findings they gave.
_BEFORE: WeakKeyDictionary = WeakKeyDictionary()
STRIPPED = "; this run's fix removed the name from the file, but the photo still shows the person"


def named_before(cache) -> dict[str, list[Finding]]:
    """Photos of this run whose metadata named people when the run first read them (SL601-SL603
    findings, [] when they gave none), for the run's settling after its fixes."""
    return _BEFORE.setdefault(cache, {})


def consent_in_metadata(root: Path, config, selected: set[str], settings: dict, results: list[FileResult],
                        cache) -> dict[str, list[Finding]]:
    """path -> the SL601-SL603 findings for people its metadata names (nothing without a roster
    that records consent or leaving, unless `consent: required`); for a photo whose names this
    run's fix removed, what they said before, with STRIPPED."""
    codes = CODES & selected
    # SL104 found the names (a cached record keeps none); without SL104, any media file may hold them
    candidates = [result.path for result in results if "SL104" not in selected
                  or any(finding.code == "SL104" for finding in result.findings)]
    found = _judged(root, config, codes, settings, candidates, "SL104" not in selected) if codes else {}
    before = named_before(cache)
    for result in results:
        if result.path in found:
            before.setdefault(result.path, found[result.path])
        elif before.get(result.path):       # named when the run began; its fix removed the names
            found[result.path] = [replace(finding, message=finding.message + STRIPPED)
                                  for finding in before[result.path]]
    return found


def _judged(root: Path, config, codes: frozenset[str], settings: dict, paths: list[str],
            media_only: bool) -> dict[str, list[Finding]]:
    """The rules' findings for the people each file's metadata names."""
    if not settings.get("roster") or not paths:
        return {}
    from . import checks
    from .checks.consent_policy import PhotoPeople, judged, named_in_metadata
    from .checks.name_policy import finder
    from .formats.model import PERSON_NAME

    context = checks.Context(root=root, rule_options={}, settings=settings)
    if not judged(context):
        return {}
    roster = finder(context).roster
    found: dict[str, list[Finding]] = {}
    for path in paths:
        facts = photo_facts(root, path, media_only)
        named = tuple(named_in_metadata(roster, facts.of_kind(PERSON_NAME))) if facts is not None else ()
        if not named:
            continue
        context = checks.Context(root=root, rule_options=config.options_for(path), settings=settings)
        for module in checks.modules(set(codes)):
            for finding in module.check(PhotoPeople(path, named), context):
                if finding.code in codes and finding.code not in config.ignored_for(path):
                    found.setdefault(path, []).append(finding)
    return found


def photo_facts(root: Path, path: str, media_only: bool = False):
    """The media facts of the file at `path` (also of one read only in part), None when no reader
    reads it (its own analysis reports that). `media_only`: None at once for a file that neither its
    name nor its first bytes call media (a page, a script), without parsing it."""
    from .formats.registry import read_media, recognised

    extension = os.path.splitext(path)[1].lower()
    try:
        with open(root / path, "rb") as handle:
            if media_only and not recognised(handle.read(32), extension):
                return None
            handle.seek(0)
            return read_media(handle.read(), extension)
    except Exception as exc:  # MediaError (PartlyRead keeps its facts), OSError, or a reader bug
        return getattr(exc, "facts", None)
