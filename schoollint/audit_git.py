"""What `schoollint audit` learns from the site's Git history beyond dates: who a renamed photo's earlier
names named, and what `schoollint history` finds in the versions no longer on the site.

A photo renamed from `maisie-carter.jpg` to `medal.jpg` still shows Maisie: the roster people its earlier
file and folder names named (consent_policy.named_in_path, as check judges a name) are judged by
SL601-SL603 again and put on the live photo's card (trial 10 item 3). A photo taken down, or a page
rewritten, stays in every clone: the audit runs history's scan (history_check.scan_history, every ref)
and keeps the versions no longer at HEAD that have a finding worth a purge (report.history's rule), so
the lead is told, and told that `schoollint history` lists them with the commands that remove them.

Shapes: `earlier_names` -> {HEAD path: [(earlier path, the commit that renamed it)], oldest first};
`in_history` -> a History, or None outside Git. Errors: none raised; a history that cannot be read
(git fails) is a History whose `why_not` says so, never a clean one.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .finding import Finding

if TYPE_CHECKING:
    from .history import Appearance


@dataclass
class History:
    """The history scan's versions no longer at HEAD with findings, for the audit's lead."""

    versions: list[tuple[Appearance, list[Finding]]] = field(default_factory=list)   # (a version, its findings)
    commits: int = 0
    not_checked: int = 0          # file versions history could not read (partial clone, LFS): not judged
    shallow: list[str] = field(default_factory=list)   # a shallow clone's boundary: older history not looked at
    why_not: str | None = None    # the scan could not run: why (then nothing above is known)
    no_vision: bool = False       # faces and text in old pictures not looked for (the audit's run had vision)


def earlier_names(root: Path) -> dict[str, list[tuple[str, str]]]:
    """Each HEAD path's earlier names, following renames (git log -M) along HEAD's history."""
    from .gitlog import has_commits, walk

    if not has_commits(root):
        return {}
    names: dict[str, list[tuple[str, str]]] = {}
    for commit in walk(root, ["HEAD"], renames=True):
        for change in commit.changes:
            if change.status == "R" and change.old_path:
                names[change.path] = names.pop(change.old_path, []) + [(change.old_path, commit.sha)]
            elif change.status in ("A", "D"):     # a new file at a path has no earlier name
                names.pop(change.path, None)
    return names


def earlier_consent(root: Path, in_git: bool, config, settings: dict, photos: list,
                    history: History | None, now: list[Finding]) -> list[Finding]:
    """SL601-SL603 for who a live photo was named with before, on its card: by its earlier names ("its
    earlier file name images/maisie-carter.jpg (renamed in ed26bdb7b5) names a pupil whose website
    consent is withdrawn"; those people are added to the photo's `named`, its card's consent state), and
    by the page versions in `history` that wrote it and the site (its findings `now`) no longer does
    (`earlier_pages`)."""
    from .site_consent import CODES, roster_judging

    codes = CODES & config.selected_codes()
    judging = roster_judging(root, settings) if in_git and codes else None
    if judging is None:
        return []
    names = earlier_names(root)
    return _by_earlier_names(root, config, settings, codes, judging, photos, names) + \
        earlier_pages(history, names, photos, {(finding.code, finding.message) for finding in now})


def _by_earlier_names(root: Path, config, settings: dict, codes, judging, photos: list, names: dict) -> list[Finding]:
    from . import catalogue
    from .checks.consent_policy import PATH_FIELDS, PhotoPeople, named_in_path
    from .site_consent import people_findings

    context, roster = judging
    found: list[Finding] = []
    for photo in photos:
        for old, renamed_in in names.get(photo.path, ()):
            places = tuple(named_in_path(roster, context, old))
            if not places:
                continue
            if photo.named is not None:
                photo.named.extend(person for place in places for person in place.people)
            for finding in people_findings(root, config, codes, settings, PhotoPeople(photo.path, places)):
                said = next((f"its {kind}" for kind in PATH_FIELDS if finding.message.startswith(f"its {kind}")), "")
                found.append(replace(finding, field=f"earlier {finding.field}", severity=finding.severity or
                                     catalogue.load()[finding.code].severity, message=(
                    f"its earlier {said[4:]} {old} (renamed in {renamed_in[:10]}){finding.message[len(said):]}; "
                    "a new name does not change who the photo shows")))
    return found


# A page's consent finding names the photo first, as the page writes it: "photo ../images/x.jpg: its alt text ..."
_PHOTO = re.compile(r"photo (\S+): ")


def earlier_pages(history: History | None, names: dict, photos: list, said: set[tuple[str, str]]) -> list[Finding]:
    """SL601-SL603 that a page version no longer at HEAD said of a photo still on the site (written by its
    path then: the same, or an earlier name), on that photo: the page's words changed, the photo did not.
    What a file or folder name says is left to the photo's own names (`_by_earlier_names`), what a page
    still `said` (code, message) to the page's own finding; one said by several versions of a page, once."""
    from .checks.consent_policy import PATH_FIELDS
    from .report.history import version_state
    from .site_consent import CODES

    live = {photo.path: photo for photo in photos}
    for photo in photos:
        live.update({old: photo for old, _ in names.get(photo.path, ()) if old not in live})
    found: dict[tuple[str, str, str], Finding] = {}
    for appearance, findings in history.versions if history is not None else ():
        for finding in findings:
            written = _PHOTO.match(finding.message)
            if finding.code not in CODES or written is None or finding.field in PATH_FIELDS or \
                    (finding.code, finding.message) in said:
                continue
            src = written.group(1).split("?")[0].split("#")[0]
            photo = live.get(posixpath.normpath(src[1:] if src.startswith("/") else
                                                posixpath.join(posixpath.dirname(appearance.path), src)))
            if photo is not None:
                found.setdefault((photo.path, finding.code, finding.message), replace(
                    finding, path=photo.path, line=None, message=(
                        f"an earlier version of {appearance.path} ({version_state(appearance)}) wrote of it: "
                        f"{finding.message}; the page no longer says so, but the photo still shows who it showed")))
    return list(found.values())


def in_history(root: Path, in_git: bool, config, settings: dict, jobs: int) -> History | None:
    """The versions of photos, documents and pages no longer at HEAD (removed, replaced, renamed, or only
    in another ref) with a finding a purge is for (report.audit_history orders them); None outside Git. Vision does not
    run on them (a face search of every old picture would cost more than the audit)."""
    if not in_git:
        return None
    from .gitlog import GitError, has_commits
    from .history_check import scan_history
    from .report.history import NOT_A_REASON_TO_PURGE

    if not has_commits(root):
        return History()
    try:
        scan = scan_history(root, config, {**settings, "vision": None}, [], None, jobs)
    except GitError as error:
        return History(why_not=f"git could not list it ({error})")
    kept: dict[tuple[str, str], tuple[Appearance, list[Finding]]] = {}
    for appearance, finding in scan.findings:
        if not appearance.at_head and finding.code not in NOT_A_REASON_TO_PURGE:
            kept.setdefault((appearance.path, appearance.blob), (appearance, []))[1].append(finding)
    return History(versions=list(kept.values()), commits=scan.commits,
                   not_checked=len(scan.not_checked) + len(scan.unjudged), shallow=scan.shallow,
                   no_vision=bool(settings.get("vision")))


def history_said(history) -> str:
    """The end of the audit's one line on standard error: what history holds ("" outside Git, or nothing)."""
    from .report import plural

    if history is None or not (history.versions or history.why_not):
        return ""
    return (f"; Git history not checked: {history.why_not}" if history.why_not else
            f"; {plural(len(history.versions), 'earlier version')} with problems still in Git history")


def shallow_note(cut: list[str], photos: int) -> str:
    """What a shallow clone left undated (`photos` shown on pages), and how to fetch the rest."""
    from .report import plural

    one = photos == 1
    return (f"shallow clone: Git's history here stops at commit {', '.join(c[:12] for c in cut)}, so "
            f"{plural(photos, 'photo')} shown on pages first committed there {'has' if one else 'have'} no "
            f"first-published date ({'it' if one else 'they'} may be older than the clone), so SL604 "
            f"stale-pupil-photo has not judged {'it' if one else 'them'}; fetch the whole history (`git fetch "
            "--unshallow`; in GitHub Actions, `fetch-depth: 0` in actions/checkout) and audit again")
