"""After --fix: tell Git about the files fixes moved, deleted or rewrote to follow a move, so that
the change is committed whole.

A rename (SL301) or a HEIC conversion (SL106) moves a file; left alone, Git sees a deleted
tracked file and an untracked new one, and a commit of the staged changes would drop the photo
while its pages still point at the old name. Both paths are staged with `git add` (git-add(1): a
path that no longer exists stages its removal), so `git status` shows the rename as `R` (or `D`
and `A` when the content changed, as a conversion's does). A deleted sidecar is staged as a
removal the same way. Each page rewritten to follow a move is staged too, but only when what
Git's index held for it is what the page held before this run's first fix of it: staging it then
adds exactly this run's own edits (the rewrites, and an alt text a fix shortened before them),
never an edit of the user's that was not staged (such a page, or an untracked one, is
named in the notes for the user to review and add). A downscaled photo and the pages rewritten to
give its new size (fix/widths.py) are staged together on the same condition, or named in a note.
Outside Git the notes say which files to add and remove. Returns the note lines; raises nothing
(a Git failure is a note too).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..fsio import content_hash
from .model import Change

if TYPE_CHECKING:   # imported where Git runs: a plain folder's --fix starts none (W, issue 18)
    import subprocess


def stage_moves(root: Path, in_git: bool, changes: list[Change]) -> list[str]:
    """Stage moves, removals and the pages that follow the moves; one note line for each."""
    done = [change for change in changes if change.changed]
    moves = [(old, new) for change in done for old, new in change.renamed]
    deleted = [path for change in done for path in change.deleted]
    rewritten = sorted({path for change in done if change.renamed for path in change.written})
    resized = [[change.path, *change.written] for change in done if change.written and not change.renamed]
    if not in_git:
        # no Git: a site copied to its web server by hand keeps the old file there until it is deleted
        notes = [f"{old} is now {new}: where the site is copied to a web server, upload {new} and delete {old} "
                 "there" for old, new in moves]
        notes += [f"{path} was deleted: where the site is copied to a web server, delete it there too"
                  for path in deleted]
        if rewritten:
            notes.append(f"pages rewritten to follow the moved files (upload them too): {', '.join(rewritten)}")
        notes += [f"{files[0]} {_DESCRIBED} (upload them together): {', '.join(files[1:])}" for files in resized]
        return notes
    notes = [_stage(root, f"{old} is now {new}", [new] + ([old] if _tracked(root, old) else []))
             for old, new in moves]
    notes += [_stage(root, f"{path} was deleted", [path]) if _tracked(root, path) else f"{path} was deleted"
              for path in deleted]
    started = _as_the_run_found(done)
    ready = [path for path in rewritten if started.get(path) and _index_hash(root, path) == started[path]]
    if ready:
        notes.append(_stage(root, "pages rewritten to follow the moved files", ready))
    held = [path for path in rewritten if path not in ready]
    if held:
        notes.append("pages rewritten to follow the moved files, not staged because they are untracked or hold "
                     f"changes of yours that were not staged (review, then git add): {', '.join(held)}")
    for files in resized:     # staged whole, or not at all: a commit of the photo alone would break the pages
        if all(started.get(path) and _index_hash(root, path) == started[path] for path in files):
            notes.append(_stage(root, f"{files[0]} {_DESCRIBED}", files))
        else:
            notes.append(f"{files[0]} {_DESCRIBED}, not staged because one of them is untracked or holds changes of "
                         f"yours that were not staged (review, then git add all of them): {', '.join(files)}")
    return notes


_DESCRIBED = "was downscaled and the pages that give its size were rewritten to its new size"


def _as_the_run_found(changes: list[Change]) -> dict[str, str]:
    """The content hash of each file as this run found it, before the first of its fixes changed
    it (an alt text edited, then a reference rewritten for each of two moved photos): the hash the
    earliest change recorded, as `changes` come in the order they were made."""
    found: dict[str, str] = {}
    for change in changes:
        for path, digest in change.before.items():
            found.setdefault(path, digest)
    return found


def _stage(root: Path, what: str, paths: list[str]) -> str:
    """`git add` of `paths` in the repository each lies in: the site's, or a submodule's (or a nested
    repository's), whose own Git must stage it: the site's refuses a path inside one ("Pathspec is in
    submodule"). One note line for all."""
    by_folder: dict[str, list[str]] = {}
    for path in paths:
        folder, inside = _repository_of(root, path)
        by_folder.setdefault(folder, []).append(inside)
    said = []
    for folder, names in by_folder.items():
        command = f"git {f'-C {folder} ' if folder else ''}add -- {' '.join(names)}"
        result = _git(root / folder, "add", "--", *names)
        if result is None or result.returncode != 0:
            reason = "git not found" if result is None else result.stderr.strip().splitlines()[-1:] or ["failed"]
            said.append(f"could not stage it in Git ({''.join(reason)}): run {command}")
        elif folder:
            said.append(f"staged in the repository {folder} ({command}): commit it there, then git add {folder} "
                        "here to record its new commit")
        else:
            said.append(f"staged in Git ({command})")
    return f"{what}: {'; '.join(said)}"


def _repository_of(root: Path, path: str) -> tuple[str, str]:
    """The folder (relative to `root`, "" for the site's own) of the innermost repository holding
    `path` (a folder below `root` with a `.git` of its own: a submodule or a nested repository), and
    `path` relative to it."""
    parts = path.split("/")
    for end in range(len(parts) - 1, 0, -1):
        folder = "/".join(parts[:end])
        if (root / folder / ".git").exists():
            return folder, "/".join(parts[end:])
    return "", path


def _tracked(root: Path, path: str) -> bool:
    folder, inside = _repository_of(root, path)
    result = _git(root / folder, "ls-files", "--error-unmatch", "--", inside)
    return result is not None and result.returncode == 0


def _index_hash(root: Path, path: str) -> str | None:
    """The content hash of what Git's index holds for `path` (in the repository it lies in), None when
    it holds nothing."""
    import subprocess

    folder, inside = _repository_of(root, path)
    try:
        result = subprocess.run(["git", "cat-file", "blob", f":{inside}"], cwd=root / folder, capture_output=True,
                                timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return content_hash(result.stdout) if result.returncode == 0 else None


def _git(root: Path, *args: str) -> subprocess.CompletedProcess | None:
    import subprocess

    try:
        # paths taken literally: `[Y5]` in a name is no pattern that stages another file (gitglossary(7))
        return subprocess.run(["git", "--literal-pathspecs", *args], cwd=root, capture_output=True, text=True,
                              timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
