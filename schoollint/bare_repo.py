"""A bare Git repository (a mirror, `git clone --bare`): Git's own files and no work tree (trial 10
item 1: `schoollint check` in one listed objects/, hooks/ and refs/ as a plain folder's files and said
"no findings in 58 files checked", while its history held photos with GPS positions).

There are no site files to check there, so `check`, `audit` and `config` stop (exit 2) and say what
to run instead; `schoollint history` reads the commits, which a bare repository holds in full
(history_root.py). Found as Git finds a repository from a folder with no `.git` above it (gitrepository-
layout(5): a folder that holds HEAD, objects/ and refs/ is a Git directory), then asked of Git
(`git rev-parse --is-bare-repository`), so a plain folder that merely holds such names is no repository.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import UsageError


class BareRepositoryError(UsageError):
    """`check` (or `audit`, `config`) run in a bare repository, which has no files to check."""


def git_directory(start: Path) -> tuple[Path, bool] | None:
    """(the Git directory `start` (absolute) is in or is, whether it is a bare repository), or None. A
    work tree's own `.git` folder counts too (`cd .git && schoollint check` listed Git's hooks and refs as
    a plain folder). Costs a stat or two a folder up to the root, and a git process only where a folder
    is laid out as a Git directory."""
    for folder in (start, *start.parents):
        if laid_out_as_git_dir(folder):
            import subprocess

            try:
                said = subprocess.run(["git", "rev-parse", "--is-bare-repository", "--is-inside-git-dir"],
                                      cwd=folder, capture_output=True, text=True)
            except FileNotFoundError:   # no git on this machine: nothing can read it as a repository
                return None
            bare, inside = (said.stdout.split() + ["", ""])[:2]
            return (folder, bare == "true") if said.returncode == 0 and "true" in (bare, inside) else None
    return None


def laid_out_as_git_dir(folder: str | Path) -> bool:
    """Whether `folder` holds HEAD, objects/ and refs/, as a Git directory does (gitrepository-layout(5))."""
    return os.path.isfile(os.path.join(folder, "HEAD")) and all(
        os.path.isdir(os.path.join(folder, name)) for name in ("objects", "refs"))


def bare_repository(start: Path) -> Path | None:
    """The bare repository `start` (absolute) is in or is, or None (git_directory)."""
    found = git_directory(start)
    return found[0] if found is not None and found[1] else None


def refuse_bare(start: Path) -> None:
    """BareRepositoryError when `start` is in a bare repository, or in a work tree's Git directory: what
    it is, and what to run there."""
    found = git_directory(start)
    if found is None:
        return
    folder, bare = found
    shown = os.path.relpath(folder)
    if not bare:
        work_tree = os.path.relpath(folder.parent) if folder.name == ".git" else "its work tree"
        run = "`schoollint check` here" if work_tree == "." else f"`cd {work_tree} && schoollint check`"
        raise BareRepositoryError(f"{shown}: Git's own folder of a repository (its objects, refs and hooks), "
                                  f"not the site: check the work tree ({run})")
    name = folder.name.removesuffix(".git") if folder.name != ".git" else ""
    clone = os.path.join(os.path.relpath(folder.parent), name if name and name != folder.name else "site")
    raise BareRepositoryError(
        f"{shown}: a bare Git repository: it holds Git's own files and history but no work tree, so there "
        f"are no site files here to check. Run `{'' if shown == '.' else f'cd {shown} && '}schoollint history` "
        "to check the photos and pages "
        f"its history holds, or check a clone's files (`git clone {shown} {clone} && cd {clone} && "
        "schoollint check`)")
