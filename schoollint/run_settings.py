"""The settings of a check run that come from outside its files: the roster (--roster, SCHOOLLINT_ROSTER,
`roster:` or a hashed .schoollint-roster), its key, the consent policy and day, and which vision parts
run; all of them change findings, so they key the result cache (analysis.Analyser.cache_key).

Raises UsageError for a roster that Git tracks, RosterError (names.roster_find) for one that is
missing or broken. A run with no roster and --no-vision imports neither the names package nor vision.
"""

from __future__ import annotations

import os
from pathlib import Path

from .discover import relative
from .errors import UsageError
from .selection import require_rules


def is_inside(root: Path, path: Path) -> bool:
    return Path(os.path.abspath(path)).is_relative_to(root)


def apply_arguments(config, args) -> None:
    if args.select is not None:
        config.select = args.select
    config.extend_select = config.extend_select + args.extend_select
    config.ignore = config.ignore + args.ignore
    config.exclude = config.exclude + args.exclude
    if args.fail_level:
        config.fail_level = args.fail_level
    require_rules(config, args)  # selection.py: an unknown code, or no rule at all, is an error (exit 2)


# What names.roster_find and names.roster call the hashed roster a run reads at the root, and the
# variable holding its key: written here too so that a run with no roster imports no names module
# (the finder, the roster and consent readers: about 20 ms). A test holds them equal.
HASHED_ROSTER = ".schoollint-roster"
ROSTER_KEY_VARIABLE = "SCHOOLLINT_ROSTER_KEY"


def roster_setting(root: Path, in_git: bool, args, config, notes: list[str] | None = None) -> str | None:
    given = args.roster or os.environ.get("SCHOOLLINT_ROSTER")
    if not (given or config.roster or config.select or config.extend_select or os.path.lexists(root / HASHED_ROSTER)):
        return None     # no roster anywhere, no consent rule named that would need a note saying so: for_run's answer
    from .names.roster_find import for_run

    # --roster or SCHOOLLINT_ROSTER beats the configuration, like ruff; then a hashed .schoollint-roster.
    # A broken roster or a wrong key: one clear error now, not one per file; what it cannot judge: notes.
    chosen = for_run(root, given, config)
    notes = notes if notes is not None else []
    notes += chosen.notes
    roster, path = chosen.roster, chosen.path
    if roster is None or path is None:
        return None
    if not roster.hashed and in_git and is_inside(root, path) and _tracked(root, path):
        raise UsageError(
            f"{relative(root, path)}: the roster of names is tracked by Git. A roster must never be "
            "committed: `git rm --cached` it, add it to .gitignore, and use "
            "`schoollint roster hash` to make a form that is safe to commit"
        )
    if not roster.hashed and is_inside(root, path):
        _refuse_published(root, in_git, path, getattr(args, "force", False), notes)
    return str(path.resolve())


def _refuse_published(root: Path, in_git: bool, path: Path, force: bool, notes: list[str]) -> None:
    """A roster inside the site where the site would publish it (report.files.published: Git does not
    ignore it, or a plain folder, all of which is uploaded) is refused as a personal report there is:
    UsageError, unless `force` (then a note says it was used anyway)."""
    from .report.files import outside_example, published

    if not published(root, path):
        return
    shown = relative(root, path)
    where = ("inside the site and Git neither tracks nor ignores it: the next `git add .` would commit every "
             "pupil's name" if in_git else "inside the site folder, which has no Git: everything in it is "
             "uploaded with the site, the roster too")
    if force:
        notes.append(f"{shown}: the roster is {where}; used because of --force")
        return
    advice = "move it outside the site" + (", or add it to .gitignore" if in_git else "")
    raise UsageError(f"{shown}: not used: the roster of names is {where}; {advice} (for example to "
                     f"{outside_example(root, path.name)}), or pass --force")


def _key_fingerprint() -> str | None:
    """Identifies the roster key in the cache without storing anything that reveals it."""
    key = os.environ.get(ROSTER_KEY_VARIABLE)
    if not key:
        return None
    import hashlib

    return hashlib.sha256(b"schoollint cache key\0" + key.encode()).hexdigest()[:16]


def settings_for(roster: str | None, consent: str = "optional") -> dict:
    """Run-wide settings for the checks. What the roster says, and which key hashes names,
    change findings: so they key the cache (the consent policy and day too: SL601-SL603)."""
    if roster:
        from .checks.consent_policy import run_settings

        consent_settings = run_settings(roster, consent)
    else:   # run_settings' answer without a roster, without importing the names package it needs
        consent_settings = {"consent": consent}
    return {"roster": roster, "roster-digest": _digest(Path(roster)) if roster else None,
            "roster-key": _key_fingerprint(), **consent_settings}


def _digest(path: Path) -> str:
    from .fsio import content_hash

    return content_hash(path.read_bytes())


def vision_setting(config, no_vision: bool) -> tuple[dict[str, str] | None, str | None]:
    """vision.run_setting's answer; with --no-vision (no part runs, no note) without importing vision."""
    if no_vision:
        return None, None
    from .vision import run_setting

    return run_setting(config.selected_codes(), no_vision)


def _tracked(root: Path, path: Path) -> bool:
    # the name as a literal path, not a pattern: a roster named "pupils[1].csv" or "*.csv" is that file
    import subprocess

    result = subprocess.run(["git", "--literal-pathspecs", "ls-files", "--error-unmatch", "--", relative(root, path)],
                            cwd=root, capture_output=True)
    return result.returncode == 0
