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

from dataclasses import dataclass, field, replace
from pathlib import Path

from .finding import Finding


@dataclass
class History:
    """The history scan's versions no longer at HEAD with findings, for the audit's lead."""

    versions: list[tuple[object, list[Finding]]] = field(default_factory=list)   # (history.Appearance, findings)
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


def earlier_consent(root: Path, in_git: bool, config, settings: dict, photos: list) -> list[Finding]:
    """SL601-SL603 for the roster people a live photo's earlier names named, on the live photo: "its
    earlier file name images/maisie-carter.jpg (renamed in ed26bdb7b5) names a pupil whose website
    consent is withdrawn". The people are added to the photo's `named` (its card's consent state)."""
    from . import catalogue
    from .site_consent import CODES, people_findings, roster_judging

    codes = CODES & config.selected_codes()
    judging = roster_judging(root, settings) if in_git and codes else None
    names = earlier_names(root) if judging is not None else {}
    if judging is None or not names:
        return []
    from .checks.consent_policy import PATH_FIELDS, PhotoPeople, named_in_path

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


def in_history(root: Path, in_git: bool, config, settings: dict, jobs: int) -> History | None:
    """The versions of photos, documents and pages no longer at HEAD (removed, replaced, renamed, or only
    in another ref) with a finding a purge is for, most urgent first; None outside Git. Vision does not
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
    kept: dict[tuple[str, str], tuple[object, list[Finding]]] = {}
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
