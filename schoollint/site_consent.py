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
"""

from __future__ import annotations

import os
from pathlib import Path

from .analysis import FileResult
from .finding import Finding

CODES = frozenset({"SL601", "SL602", "SL603"})


def consent_in_metadata(root: Path, config, selected: set[str], settings: dict,
                        results: list[FileResult]) -> dict[str, list[Finding]]:
    """path -> the SL601-SL603 findings for people its metadata names (nothing without a roster
    that records consent or leaving, unless `consent: required`)."""
    codes = CODES & selected
    if not codes or not settings.get("roster"):
        return {}
    from . import checks
    from .checks.consent_policy import PhotoPeople, judged, named_in_metadata
    from .checks.name_policy import finder
    from .formats.model import PERSON_NAME

    if not judged(checks.Context(root=root, rule_options={}, settings=settings)):
        return {}
    roster = finder(checks.Context(root=root, rule_options={}, settings=settings)).roster
    found: dict[str, list[Finding]] = {}
    for result in results:
        if "SL104" in selected and not any(finding.code == "SL104" for finding in result.findings):
            continue
        facts = photo_facts(root, result.path, media_only="SL104" not in selected)
        named = tuple(named_in_metadata(roster, facts.of_kind(PERSON_NAME))) if facts is not None else ()
        if not named:
            continue
        subject = PhotoPeople(result.path, named)
        context = checks.Context(root=root, rule_options=config.options_for(result.path), settings=settings)
        for module in checks.modules(set(codes)):
            for finding in module.check(subject, context):
                if finding.code in codes and finding.code not in config.ignored_for(result.path):
                    found.setdefault(result.path, []).append(finding)
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
