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
exactly as long as the run; `follow_moves` carries it to a photo's new path when the fix renamed it);
SL501 and SL502 likewise (site_rules.py).
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
_FIXED: WeakKeyDictionary = WeakKeyDictionary()       # the run's Cache -> what its fixes changed
STRIPPED = "; this run's fix removed the name from the file, but the photo still shows the person"


def named_before(cache) -> dict[str, list[Finding]]:
    """Photos of this run whose metadata named people when the run first read them (SL601-SL603
    findings, [] when they gave none), for the run's settling after its fixes."""
    return _BEFORE.setdefault(cache, {})


def follow_moves(cache, changes) -> None:
    """This run's fixes moved photos (SL301's rename): what their metadata named goes with them, so
    a fix that renames a photo and strips its names still reports them at its new path. The changes
    are kept for the run's settling again (`fixed`)."""
    _FIXED.setdefault(cache, []).extend(change for change in changes if change.changed)
    before = named_before(cache)
    for change in changes:
        for old, new in change.renamed:
            if old in before:
                before[new] = [replace(finding, path=new) for finding in before.pop(old)]


def fixed(cache) -> list:
    """The changes this run's fixes made (fix.model.Change, each one that changed something), as
    `follow_moves` was given them: the site rules (site_rules.py) list and read the site again only
    where they may have changed it."""
    return _FIXED.get(cache, [])


def consent_in_metadata(root: Path, config, selected: set[str], settings: dict, results: list[FileResult],
                        cache) -> dict[str, list[Finding]]:
    """path -> the SL601-SL603 findings for people its metadata names (nothing without a roster
    that records consent or leaving, unless `consent: required`); for a photo whose names this
    run's fix removed, what they said before, with STRIPPED."""
    codes = CODES & selected
    # SL104 found the names (a cached record keeps none); without SL104, any media file may hold them
    candidates = [result.path for result in results if "SL104" not in selected
                  or any(finding.code == "SL104" for finding in result.findings)]
    in_metadata: dict[str, set] = {}         # path -> the roster people its metadata names
    found = _judged(root, config, codes, settings, candidates, "SL104" not in selected, in_metadata) if codes else {}
    before = named_before(cache)
    for result in results:
        if result.path in found:
            before.setdefault(result.path, found[result.path])
        elif before.get(result.path):       # named when the run began; its fix removed the names
            found[result.path] = [replace(finding, message=finding.message + STRIPPED)
                                  for finding in before[result.path]]
    paths = [result.path for result in results]
    told = _told_by_pages(results, cache)
    for path, findings in _in_path(root, config, codes, settings, paths, in_metadata).items():
        if kept := [f for f in findings if (path, f.code, f.field) not in told]:
            found.setdefault(path, []).extend(kept)
    return found


def _told_by_pages(results: list[FileResult], cache) -> set[tuple[str, str, str | None]]:
    """(photo path, code, "file name" or "folder name") a page of this run already reports for the
    photo: said once, at the page that shows the photo (which says where). The page reads the same
    path with the same finder (consent_policy.named_in_path), so it says what the photo would; a
    cached finding keeps no value, so the field stands for it, and a cached page's targets are the cache's."""
    told: set[tuple[str, str, str | None]] = set()
    consent = [(result, finding) for result in results for finding in result.findings if finding.code in CODES]
    if not consent:     # nothing to look at: the consent rules' module (and the names package) stay unimported
        return told
    import posixpath
    from urllib.parse import urlsplit

    from .checks.consent_policy import PATH_FIELDS

    for result, finding in consent:
        if finding.field in PATH_FIELDS and finding.message.startswith("photo "):
            src = finding.message[6:].split(": its ", 1)[0]
            name = posixpath.basename(urlsplit(src).path)
            targets = result.depends or cache.depends.get(result.cache_key, {})
            told.update((path, finding.code, finding.field) for path in targets if posixpath.basename(path) == name)
    return told


def _judged(root: Path, config, codes: frozenset[str], settings: dict, paths: list[str],
            media_only: bool, people: dict[str, set]) -> dict[str, list[Finding]]:
    """The rules' findings for the people each file's metadata names (kept in `people`, by path)."""
    judging = roster_judging(root, settings) if paths else None
    if judging is None:
        return {}
    from .checks.consent_policy import PhotoPeople, named_in_metadata
    from .formats.model import PERSON_NAME

    roster = judging[1]
    found: dict[str, list[Finding]] = {}
    for path in paths:
        facts = photo_facts(root, path, media_only)
        named = tuple(named_in_metadata(roster, facts.of_kind(PERSON_NAME))) if facts is not None else ()
        if named:
            people[path] = {person for place in named for person in place.people}
            found[path] = people_findings(root, config, codes, settings, PhotoPeople(path, named))
    return found


def _in_path(root: Path, config, codes: frozenset[str], settings: dict, paths: list[str],
             in_metadata: dict[str, set]) -> dict[str, list[Finding]]:
    """The rules' findings for the people each photo's or video's own file and folder names name (a
    full name, or a first name alone: consent_policy.named_in_path), shown on a page or not; a name
    that may be someone the photo's metadata names is left to the metadata's finding, which says who."""
    from .pages.filetypes import is_media

    media = [path for path in paths if is_media(path)]
    judging = roster_judging(root, settings) if codes and media else None
    if judging is None:
        return {}
    from .checks.consent_policy import PhotoPeople, named_in_path

    context, roster = judging
    found: dict[str, list[Finding]] = {}
    for path in media:
        told = in_metadata.get(path, set())
        if named := tuple(place for place in named_in_path(roster, context, path) if told.isdisjoint(place.people)):
            found[path] = people_findings(root, config, codes, settings, PhotoPeople(path, named))
    return found


def roster_judging(root: Path, settings: dict):
    """(a checks.Context, the roster) when consent can be judged (consent_policy.judged), else None."""
    if not settings.get("roster"):
        return None
    from . import checks
    from .checks.consent_policy import judged
    from .checks.name_policy import finder

    context = checks.Context(root=root, rule_options={}, settings=settings)
    return (context, finder(context).roster) if judged(context) else None


def people_findings(root: Path, config, codes: frozenset[str], settings: dict, subject) -> list[Finding]:
    """What SL601-SL603 (those selected and not ignored for the file) say of the people named at one photo."""
    from . import checks

    context = checks.Context(root=root, rule_options=config.options_for(subject.path), settings=settings)
    return [finding for module in checks.modules(set(codes)) for finding in module.check(subject, context)
            if finding.code in codes and finding.code not in config.ignored_for(subject.path)]


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
