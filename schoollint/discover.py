"""Which files to look at, as repository-relative paths with forward slashes.

Inside a Git work tree: tracked files plus untracked files that are not
ignored. Outside one: every file below the folder, but for folders of other
sites and tools (plain_site.py says where a plain folder's site starts). Symlinks are never
followed: one that points outside the repository is reported and skipped.
schoollint's own temporary files (`*.schoollint-tmp`, fsio.py) are never
checked: they are listed apart, for the run to remove stale ones.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .cache import CACHE_DIR
from .diff_base_ref import require_commit
from .fsio import TEMP_SUFFIX
from .globs import any_match
from .submodules import with_submodules
from .unread import outside_link_note
from .errors import UserError
from .repo_root import _in_git, find_root, start_of   # noqa: F401  (where callers have found them)

SKIPPED_FOLDERS = {".git", CACHE_DIR}
# Folders that hold no published page or photo of the site's own, skipped (with a note) when a
# folder above them is checked; named on the command line, they are checked like any other.
NOT_SITE_FOLDERS = {
    "archetypes": "Hugo's templates for new content",
    "node_modules": "installed JavaScript packages",
    "vendor": "third-party code",
}


# lstat's file types that are neither files, folders nor links (POSIX <sys/stat.h>), in words.
SPECIAL_FILES = {
    "fifo": "a named pipe (FIFO)",
    "socket": "a socket",
    "device": "a device",
}


class DiscoverError(UserError):
    pass


def __getattr__(name: str):
    """`discover.subprocess`, as before it was imported where Git is run (tests patch its `run`)."""
    if name == "subprocess":
        import subprocess

        return subprocess
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass
class Discovery:
    """The files a run checks, and what the listing found beside them."""

    root: Path
    in_git: bool
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    temporary: list[str] = field(default_factory=list)   # schoollint's own temporary files, never checked
    special: int = 0     # FIFOs, sockets and devices where the site's files are: never opened, not checked
    outside: int = 0     # symlinks out of the repository: never followed, not checked
    unopened: list[OSError] = field(default_factory=list)   # folders the walk could not open (unread.py)
    git_said: list[str] = field(default_factory=list)       # what Git warned while listing (unread.py)
    not_checked: dict[str, int] = field(default_factory=dict)   # other kinds not listed, the notes say why
    # The lstat of each listed file: a regular file's, whose path holds no link in its last part, is
    # its stat too (warm_replay keys a run with it, not a second stat of every file).
    stats: dict[str, os.stat_result] = field(default_factory=dict, repr=False)


def _git(root: Path, *args: str, said: list[str] | None = None) -> bytes:
    import subprocess   # here: a plain folder's run starts no Git (about 20 M instructions of imports)

    result = subprocess.run(["git", *args], cwd=root, capture_output=True)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise DiscoverError(f"git {' '.join(args)}: {message}")
    if said is not None:   # its warnings ("could not open directory"): unread.py says them
        said += os.fsdecode(result.stderr).splitlines()
    return result.stdout


def relative(root: Path, path: Path) -> str:
    """`path` relative to `root`, forward slashes; DiscoverError when it is outside."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        raise DiscoverError(f"{path}: is outside the repository {root}") from None


def _split_z(output: bytes) -> list[str]:
    return [os.fsdecode(item) for item in output.split(b"\0") if item]


def _walk(root: Path, folder: Path, notes: list[str], unopened: list[OSError]) -> list[str]:
    """The files below `folder` of a plain folder's site; folders that are another site's or no
    site's (plain_site.OTHERS_FOLDERS) are not entered, each said in `notes`; a folder that cannot
    be opened is added to `unopened`."""
    from .plain_site import others

    found: list[str] = []
    top = relative(root, folder)
    for current, dirs, names in os.walk(folder, onerror=unopened.append):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS and not others(root, current, d, notes))
        # os.walk joins each folder's name to `folder`: the relative path is built by joining too
        below = os.path.relpath(current, folder).replace(os.sep, "/")
        prefix = "" if below == "." else below + "/"
        if top != ".":
            prefix = f"{top}/{prefix}"
        found.extend(prefix + name for name in sorted(names))
    return found


def _special_files(root: Path, folder: Path) -> list[str]:
    """FIFOs, sockets and devices below `folder` that Git does not ignore: Git lists none of them,
    yet they sit where the site's files are. One scandir per folder, no stat per file (the entry's
    type comes with it), not into SKIPPED_FOLDERS or NOT_SITE_FOLDERS; `git check-ignore` runs only
    when there is one, which is almost never."""
    found, pending = [], [folder]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in SKIPPED_FOLDERS and entry.name not in NOT_SITE_FOLDERS:
                    pending.append(Path(entry.path))
            elif not entry.is_file(follow_symlinks=False) and not entry.is_symlink():
                found.append(relative(root, Path(entry.path)))
    if not found:
        return []
    import subprocess

    ignored = subprocess.run(["git", "check-ignore", "-z", "--stdin"], cwd=root, capture_output=True,
                             input=b"\0".join(os.fsencode(path) for path in found))
    return sorted(set(found) - set(_split_z(ignored.stdout)))


def inside(root: Path, relpath: str) -> bool:
    """True when the real location of relpath (after symlinks) is inside root."""
    real = Path(os.path.realpath(root / relpath))
    return real == root or root in real.parents


# Near the top of every HTML and Markdown report schoollint writes (report/files.py): a report
# left in the site is schoollint's own output, never linted as a page of the site (analysis.py
# looks for it in the bytes it reads anyway, so a warm run opens nothing more).
REPORT_MARKER = "generated by schoollint: a report, not a page of this site"


def discover(root: Path, in_git: bool, paths: list[str], exclude: list[str],
             force_exclude: bool = False, diff_base: str | None = None, skip: tuple[str, ...] = ()) -> Discovery:
    """Files under `paths` (repository-relative), minus excludes and unsafe symlinks. `skip`: names
    ending so (lower case) are left out before any file is looked at, and special files are not
    looked for (none is ever a file of the listing): the site rules list only what may be text."""
    from .plain_site import outside_note, skipped_others, tool_folder

    found = Discovery(root=root, in_git=in_git)
    explicit: set[str] = set()
    candidates: list[str] = []
    for path in paths:
        absolute = root / path
        if not os.path.lexists(absolute):
            raise DiscoverError(f"{path}: no such file or folder")
        if absolute.is_dir() and not absolute.is_symlink():
            if in_git:
                listed = _split_z(_git(root, "ls-files", "-z", "--cached", "--others",
                                       "--exclude-standard", "--", path, said=found.git_said))
                candidates += with_submodules(root, listed, found)   # a submodule's files are the site's too
                candidates += [] if skip else _special_files(root, absolute)   # Git lists no FIFO, socket, device
            else:
                candidates += _walk(root, absolute, found.notes, found.unopened)
        else:
            explicit.add(path)
            candidates.append(path)
    if not in_git:
        found.notes += outside_note(root)
    if diff_base is not None:
        from .diffbase import expand_with_references, page_references

        candidates = expand_with_references(root, candidates, changed_since(root, diff_base),
                                            page_references(root))
    seen = set()
    not_site: dict[str, int] = {}
    folders: dict[str, bool] = {}      # folder -> whether its real location is inside the repository
    tools: dict[str, str] = {}         # folder -> what it is, when a virtual environment or cache (plain_site)
    skipped_tools: set[tuple[str, str]] = set()
    for relpath in candidates:
        if relpath in seen or (skip and relpath.lower().endswith(skip)):
            continue
        seen.add(relpath)
        if relpath.endswith(TEMP_SUFFIX):
            found.temporary.append(relpath)
            continue
        if relpath.partition("/")[0] == CACHE_DIR:   # Git lists it when its .gitignore is gone
            continue
        if exclude and (relpath not in explicit or force_exclude) and any_match(exclude, relpath):
            continue
        folder = not_site_folder(relpath, paths)
        if folder is not None:
            not_site[folder] = not_site.get(folder, 0) + 1
            continue
        tool = tool_folder(root, relpath, paths, tools) if in_git else None   # a plain walk never enters one
        if tool is not None:
            skipped_tools.add(tool)
            continue
        kind = _kind(root, relpath, folders, found.stats)
        if kind == "outside":  # the file or a folder above it is a link out of the repository
            found.outside += 1
            found.notes.append(outside_link_note(relpath))
        elif kind == "file":   # a link within the repository is checked under its target's own name
            found.files.append(relpath)
        elif kind in SPECIAL_FILES:   # opening a FIFO would wait for a writer forever: never opened
            found.special += 1
            found.notes.append(f"{relpath}: not checked, {SPECIAL_FILES[kind]}, not a file "
                               "(special files are never opened)")
    found.notes += [f"{skipped_note(folder, count)}; name the folder to check it"
                    for folder, count in sorted(not_site.items())]
    found.notes += [skipped_others(folder, what) for folder, what in sorted(skipped_tools)]
    return found


def _kind(root: Path, relpath: str, folders: dict[str, bool], stats: dict[str, os.stat_result]) -> str:
    """"file" (a regular file, no link on the way, or one lstat cannot look at), "outside" (it or
    a folder above it is a link out of the repository), a key of SPECIAL_FILES (FIFO, socket,
    device), or "other" (a link within it, a folder, gone). The
    real location of each folder is looked up once (`folders`), not once per file in it; a regular
    file's lstat is kept in `stats`."""
    folder = relpath.rpartition("/")[0]
    if folder not in folders:
        folders[folder] = inside(root, folder) if folder else True
    if not folders[folder]:
        return "outside"
    try:
        info = os.lstat(f"{root}/{relpath}")    # not os.path.join: a warm run's lookups are most of its listing
    except OSError as exc:   # gone: nothing to check; else listed, for the analysis to say why it cannot be read
        return "other" if exc.errno in (errno.ENOENT, errno.ENOTDIR) else "file"
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        return "other" if inside(root, relpath) else "outside"
    if stat.S_ISREG(mode):
        stats[relpath] = info
        return "file"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "other"


def skipped_note(folder: str, count: int) -> str:
    """How a run says it skipped `count` files under a not-the-site folder (check and history alike)."""
    return (f"skipped {count} file{'s' if count != 1 else ''} under {folder}/ "
            f"({NOT_SITE_FOLDERS[folder.rpartition('/')[2]]})")


def not_site_folder(relpath: str, asked: list[str]) -> str | None:
    """The not-the-site folder (archetypes/, node_modules/, ...) this file lies under, unless the
    user named that folder or something inside it."""
    parts = relpath.split("/")[:-1]
    for index, part in enumerate(parts):
        if part in NOT_SITE_FOLDERS:
            folder = "/".join(parts[: index + 1])
            if not any(path == folder or path.startswith(folder + "/") for path in asked):
                return folder
    return None


def committed_files(root: Path) -> frozenset[str]:
    """Files Git holds at HEAD (empty in a repository with no commit yet)."""
    try:
        return frozenset(_split_z(_git(root, "ls-tree", "-r", "-z", "--name-only", "--full-tree", "HEAD")))
    except DiscoverError:
        return frozenset()


def changed_since(root: Path, base: str) -> list[str]:
    """Files added, copied, modified or renamed since `base`, plus untracked ones."""
    require_commit(root, base)   # a base Git cannot find: said in words, with how to fetch more (diff_base_ref.py)
    committed = _git(root, "diff", "-z", "--name-only", "--diff-filter=ACMR", base)
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard")
    return _split_z(committed) + _split_z(untracked)
