"""After --fix: tell Git about the files fixes moved, so a rename is committed as one.

A rename (SL301) or a HEIC conversion (SL106) moves a file; left alone, Git
sees a deleted tracked file and an untracked new one, and a commit of the
staged changes would drop the photo. Both paths are staged with `git add`
(git-add(1): a path that no longer exists stages its removal), so `git
status` shows the rename as `R` (or `D` and `A` when the content changed, as
a conversion's does). Pages whose references were rewritten are left for the
user to review and stage, and the notes name them. Outside Git the notes say
which files to add. Returns the note lines; raises nothing (a Git failure is
a note too).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .model import Change


def stage_moves(root: Path, in_git: bool, changes: list[Change]) -> list[str]:
    """Stage each moved file's old and new path; one note line per move, and one for rewritten pages."""
    moves = [(old, new) for change in changes if change.changed for old, new in change.renamed]
    rewritten = sorted({path for change in changes if change.changed and change.renamed for path in change.written})
    if not moves:
        return []
    notes = []
    for old, new in moves:
        if not in_git:
            notes.append(f"{old} is now {new}: add {new} to version control and remove {old}")
            continue
        paths = [new] + ([old] if _tracked(root, old) else [])
        result = _git(root, "add", "--", *paths)
        if result is None or result.returncode != 0:
            reason = "git not found" if result is None else result.stderr.strip().splitlines()[-1:] or ["failed"]
            notes.append(f"{old} is now {new}; could not stage it in Git ({''.join(reason)}): "
                         f"run git add -- {' '.join(paths)}")
        else:
            notes.append(f"{old} is now {new}: staged in Git (git add -- {' '.join(paths)})")
    if rewritten:
        notes.append(f"pages rewritten to follow the moved files, not staged (review, then git add): "
                     f"{', '.join(rewritten)}" if in_git else
                     f"pages rewritten to follow the moved files: {', '.join(rewritten)}")
    return notes


def _tracked(root: Path, path: str) -> bool:
    result = _git(root, "ls-files", "--error-unmatch", "--", path)
    return result is not None and result.returncode == 0


def _git(root: Path, *args: str) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
