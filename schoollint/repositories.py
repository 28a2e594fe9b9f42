"""Several repositories in one run: `schoollint check site1 site2` (paths in different Git work
trees) and `schoollint check .` in a plain folder that holds work trees (an agency's folder of
school sites) are checked repository by repository, each with its own configuration, baseline,
.gitignore, cache and site, as `git -C` and pre-commit work one repository at a time.

`split` says which repositories the named paths (or the current folder) fall in: one `Part` per
Git work tree, plus one for the plain folder's own files when it has any (its nested work trees
are then not listed in it: plain_site.others skips those in plain_site.CHECKED_APART without a
note, since they are checked apart). A run with one part is an ordinary run. Outputs that are
one document (-o, --report, the machine formats, an explicit --baseline file) cannot hold several
repositories' results with their own roots: `refusal` says so (exit 2) and what to run instead, as
each repository's report must carry paths relative to its own root (SARIF's and GitLab's
fingerprints, baselines).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

@dataclass
class Part:
    """One repository of a run: `root` (absolute) and the paths named in it, as the user wrote them."""

    root: Path
    paths: list[str]
    in_git: bool

    def shown(self) -> str:
        """The repository's folder as the user can open it from the current folder."""
        return os.path.relpath(self.root) + "/" if self.root != Path.cwd().resolve() else "./"


def _marked_above(folder: Path, memo: dict[Path, Path | None]) -> Path | None:
    """The nearest folder at or above `folder` (absolute, resolved) that holds a `.git`: the file
    system's answer, asked of Git only when the run may span several (memo: each folder's answer)."""
    if folder not in memo:
        memo[folder] = folder if os.path.lexists(folder / ".git") else (
            None if folder.parent == folder else _marked_above(folder.parent, memo))
    return memo[folder]


def _git_top(folder: Path) -> Path | None:
    """The Git work tree that holds `folder`, or None (discover.find_root's answer)."""
    from .discover import find_root

    root, in_git = find_root(folder)
    return root if in_git else None


def _nested_trees(folder: Path) -> tuple[list[Path], bool]:
    """The Git work trees below the plain folder `folder` (not entered), and whether `folder` has
    files of its own outside them, folders of other tools (plain_site.OTHERS_FOLDERS,
    discover.NOT_SITE_FOLDERS) and its schoollint configuration, or a folder that cannot be opened."""
    from .config_files import CONFIG_FILES
    from .discover import NOT_SITE_FOLDERS, SKIPPED_FOLDERS
    from .plain_site import marked_as

    trees: list[Path] = []
    own = False
    unopened: list[OSError] = []
    for current, dirs, names in os.walk(folder, onerror=unopened.append):
        kept = []
        for name in sorted(dirs):
            path = os.path.join(current, name)
            if os.path.lexists(os.path.join(path, ".git")) and _git_top(Path(path)) == Path(path).resolve():
                trees.append(Path(path).resolve())     # Git's work tree (a bare `.git` folder is none: skipped)
            elif not (name in SKIPPED_FOLDERS or name in NOT_SITE_FOLDERS or marked_as(path)):
                kept.append(name)
        dirs[:] = kept
        own = own or any(name not in CONFIG_FILES for name in names)
    return trees, own or bool(unopened)   # a folder it cannot open: the plain folder's run says so (unread.py)


def split(paths: list[str]) -> list[Part]:
    """The repositories `paths` (none: the current folder) fall in, in the order named; [] when they
    are all in one repository or one plain folder with no work tree below it (an ordinary run, which
    costs no Git process here: a pre-commit hook names hundreds of files of one repository)."""
    if "GIT_DIR" in os.environ:     # Git is told where the repository is: one
        return []
    memo: dict[Path, Path | None] = {}
    by_folder: dict[str, Path | None] = {}      # each named folder's answer: a hook's files share a few
    marked: dict[Path, list[str]] = {}
    trees: list[Path] = []
    plain: list[str] = []
    for written in paths or ["."]:
        absolute = os.path.abspath(written)
        try:
            is_folder = stat.S_ISDIR(os.lstat(absolute).st_mode)
        except OSError:
            plain.append(written)       # the ordinary run says it is not there
            continue
        path = Path(absolute)
        folder = absolute if is_folder else os.path.dirname(absolute)
        if folder not in by_folder:
            by_folder[folder] = _marked_above(Path(folder).resolve(), memo)
        mark = by_folder[folder]
        if mark is not None:
            marked.setdefault(mark, []).append(written)
            continue
        below, own = _nested_trees(path) if is_folder else ([], True)
        trees += below
        if own or not below:
            plain.append(written)
    if not trees and len(marked) + bool(plain) <= 1:
        return []
    parts: dict[Path, Part] = {}
    for mark, named in marked.items():
        top = _git_top(mark)
        if top is None:
            plain += named
        else:
            parts.setdefault(top, Part(top, [], True)).paths.extend(named)
    for tree in trees:
        parts.setdefault(tree, Part(tree, [], True)).paths.append(os.path.relpath(tree))
    found = list(parts.values())
    if plain:   # where the ordinary run of these paths takes the site to start (discover.start_of)
        from .discover import start_of

        found.append(Part(Path(start_of(plain) or Path.cwd()).resolve(), plain, False))
    # a plain folder holding one work tree and nothing else is that tree's run, said by its header
    return found if len(found) > 1 or trees else []


ONE_DOCUMENT_FORMATS = frozenset({"json", "sarif", "junit", "gitlab", "github", "github-action", "summary"})


def refusal(args, parts: list[Part]) -> str | None:
    """Why a run over several repositories cannot write what `args` asks for (None: it can)."""
    shown = ", ".join(part.shown() for part in parts)
    asked = []
    if getattr(args, "output_file", None):
        asked.append(f"-o {args.output_file}")
    asked += [f"--report {name}={path}" for name, path in getattr(args, "report", [])]
    if getattr(args, "output_format", "text") in ONE_DOCUMENT_FORMATS:
        asked.append(f"--output-format {args.output_format}")
    if getattr(args, "baseline", None):
        asked.append(f"--baseline {args.baseline}")
    if isinstance(getattr(args, "write_baseline", None), str):
        asked.append(f"--write-baseline {args.write_baseline}")
    if not asked:
        return None
    first = next((part for part in parts if part.in_git), parts[0]).shown().rstrip("/")
    return (f"{' '.join(asked)}: one report or baseline cannot hold several repositories ({shown}), "
            f"each with its own root, configuration and baseline; run schoollint once in each "
            f"(`cd {first} && schoollint check {' '.join(asked)}`)")
