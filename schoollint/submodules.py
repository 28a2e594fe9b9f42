"""Git repositories inside the site's repository: a submodule (a gitlink, mode 160000, gitmodules(5))
and a nested repository Git does not track. A site generator publishes their files as the site's own
(a gallery or a theme kept as a submodule), so their files are checked like any other, named from the
run's repository (`gallery/photos/trip.jpg`), each listed by its own Git (its own `.gitignore`).

A submodule that is not checked out (`git clone` without `--recurse-submodules`, actions/checkout
without `submodules: true`) is an empty folder: nothing of it can be read, so it is a note saying why
and a count among the things not checked (the team's no-silent-pass standard), never a clean run.

`git ls-files` lists a submodule as one entry, its path, and a nested repository it does not track as
its path with a "/" after it; both are folders, which discover.py would pass over as not files.
"""

from __future__ import annotations

import os
from pathlib import Path

NOT_CHECKED_OUT = "submodule not checked out"   # an outcome's not_checked key (unread.account)


def gitlinks(root: Path) -> frozenset[str]:
    """The submodule paths `.gitmodules` at `root` names (empty without one: no process is started)."""
    if not os.path.isfile(root / ".gitmodules"):
        return frozenset()
    import subprocess   # here: a run in a repository without submodules starts no more processes

    listed = subprocess.run(["git", "config", "--file", ".gitmodules", "-z", "--get-regexp", r"^submodule\..*\.path$"],
                            cwd=root, capture_output=True).stdout
    return frozenset(os.fsdecode(item.partition(b"\n")[2]).rstrip("/") for item in listed.split(b"\0") if item)


def with_submodules(root: Path, listed: list[str], found, below: str = "") -> list[str]:
    """`listed` (what `git ls-files` gave in the repository at `root`/`below`, relative to it) with each
    submodule or nested repository replaced by its files, listed by its own Git, all relative to `root`;
    one not checked out is noted in `found.notes` and counted in `found.not_checked` (a discover.Discovery)."""
    links = gitlinks(root / below)
    if not links and not any(path.endswith("/") for path in listed):
        return [below + path for path in listed]
    files: list[str] = []
    for path in listed:
        if path.endswith("/") or path in links:
            files += _inside(root, below + path.rstrip("/"), found)
        else:
            files.append(below + path)
    return files


def _inside(root: Path, folder: str, found) -> list[str]:
    """The files of the repository at `folder` (relative to `root`), its own submodules' too."""
    where = root / folder
    if not os.path.lexists(where / ".git"):
        found.not_checked[NOT_CHECKED_OUT] = found.not_checked.get(NOT_CHECKED_OUT, 0) + 1
        found.notes.append(f"{folder}/: not checked, a Git submodule that is not checked out (its folder is empty): "
                           "its files are published with the site but none was read; run `git submodule update "
                           "--init --recursive` (in GitHub Actions, `submodules: recursive` in actions/checkout)")
        return []
    import subprocess

    result = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=where, capture_output=True)
    if result.returncode != 0:   # Git cannot read it (a broken .git file): said as a folder not listed
        found.git_said.append(f"warning: could not open directory '{folder}/': "
                              f"{os.fsdecode(result.stderr).strip() or 'Git could not list it'}")
        return []
    return with_submodules(root, [os.fsdecode(item) for item in result.stdout.split(b"\0") if item], found,
                           folder + "/")


def is_submodule(folder: Path) -> bool:
    """Whether `folder` is a submodule's checkout: its `.git` is a file pointing into the `modules/`
    folder of the repository above (gitrepository-layout(5)); a clone of its own has a `.git` folder,
    and a linked work tree points into `worktrees/`."""
    try:
        with open(folder / ".git", "rb") as pointer:
            line = pointer.read(4096)
    except OSError:   # none, or a folder: a repository of its own
        return False
    return line.startswith(b"gitdir: ") and b"/modules/" in line.replace(b"\\", b"/")
