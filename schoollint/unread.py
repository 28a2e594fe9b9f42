"""What listing the site could not open, said as not checked with why (the team's no-silent-pass
standard): a folder that cannot be opened (permissions, an I/O error), what Git warned about while
listing, and symlinks that lead out of the repository (never followed).

A folder no one can list may hold any number of photos: the run says which folder and why in an
error line, as it does for a file it cannot open (analysis.py: "cannot read", exit 2), and counts
it among the files not checked ("not checked: 1 folder"); a symlink out of the repository is a
note and a count ("1 symlink out of the repository"), as a special file is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

FOLDER = "folder"                                   # not_checked key: a folder that could not be listed
OUTSIDE_LINK = "symlink out of the repository"      # not_checked key: a link never followed

# git dir.c, warning_errno(_("could not open directory '%s'"), path): the path from the work tree's
# top with a trailing slash, then strerror; Git cuts a message over 4 KiB short (a path too long for
# the file system), quote and strerror included. Git's other warnings while listing are notes.
_GIT_UNOPENED = re.compile(r"^warning: could not open directory '(.*?)(?:': (.*))?$")


def outside_link_note(relpath: str) -> str:
    """The note for a symlink that leads out of the repository (discover.py never follows one)."""
    return (f"{relpath}: skipped, a symlink that points outside the repository (not checked: "
            "schoollint never follows a link out of the repository; check the file it points to where it is)")


def unopened(root: Path, errors: list[OSError], git_said: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """The folders listing could not open, as (repository-relative path ending in "/", why), from
    os.walk's errors (`errors`, each with its absolute `filename`) and Git's stderr lines
    (`git_said`, os.fsdecode'd); and Git's other warnings, as notes. Each folder once, sorted."""
    folders: dict[str, str] = {}
    notes: list[str] = []
    for error in errors:
        where = Path(os.path.abspath(error.filename)).relative_to(root).as_posix()
        folders.setdefault(where.rstrip("/") + "/", error.strerror or str(error))
    for line in git_said:
        match = _GIT_UNOPENED.match(line)
        if match:
            folders.setdefault(match[1].rstrip("/") + "/", match[2] or "Git could not open it")
        elif line.strip():
            notes.append(f"git ls-files said: {line.strip()}")
    return sorted(folders.items()), notes


def account(found, outcome) -> None:
    """Add what discovery (`found`, a discover.Discovery) could not open or follow to `outcome`
    (an outcome.Outcome): an error line and a "folder" count per folder not listed, a count of
    symlinks out of the repository and of what else it did not list (submodules not checked out; their
    notes are discovery's), Git's other warnings as notes."""
    folders, notes = unopened(found.root, found.unopened, found.git_said)
    outcome.errors += [f"{folder}: cannot read the folder: {why}; nothing in it was checked"
                       for folder, why in folders]
    outcome.notes += notes
    for kind, count in ((FOLDER, len(folders)), (OUTSIDE_LINK, found.outside), *found.not_checked.items()):
        if count:
            outcome.not_checked[kind] = outcome.not_checked.get(kind, 0) + count
