"""`schoollint history`: the photos and pages still public in a repository's Git history.

A photo deleted from the site stays in every clone. This scans every image,
video, document and page blob reachable from the refs (or the revisions
given, `--since DATE`), each blob once, with the same readers and checks as
`check` (file-name rules per path), and places each finding as
`path @ first commit .. last commit (still at HEAD / removed in COMMIT)`.
Blobs are read through one `git cat-file --batch` process. It never
rewrites history: schoollint.report.history says how to.

Not checked, and said so: blobs a partial clone lacks, Git LFS pointers whose
object is not here; a shallow clone's scan says how deep it looked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .fsio import mapped
from .gitlog import ZERO, git, read_blobs, walk

LFS_POINTER = b"version https://git-lfs.github.com/spec/v1"
_LFS_OID = re.compile(rb"^oid sha256:([0-9a-f]{64})$", re.MULTILINE)


@dataclass
class Appearance:
    """One (path, blob) pair: where it first came in, and whether it is still at HEAD."""

    path: str
    blob: str
    first_commit: str
    last_commit: str | None = None     # the last commit that had it (None: still at HEAD)
    removed_in: str | None = None      # the commit that deleted or replaced it
    at_head: bool = False


@dataclass
class Scan:
    appearances: list[Appearance] = field(default_factory=list)
    findings: list[tuple[Appearance, object]] = field(default_factory=list)   # (where, Problem)
    not_checked: list[tuple[str, str]] = field(default_factory=list)         # (path @ blob, why)
    commits: int = 0
    blobs: int = 0
    shallow: list[str] = field(default_factory=list)   # boundary commits of a shallow clone
    head: str | None = None


def _wanted(relpath: str, config) -> bool:
    from . import pages
    from .formats import media_extensions
    from .globs import any_match

    if any_match(config.exclude, relpath):
        return False
    return Path(relpath).suffix.lower() in media_extensions() or pages.is_page(relpath)


def appearances(root: Path, revisions: list[str], since: str | None, config, scan: Scan) -> list[Appearance]:
    """Every (path, blob) a wanted path held in the commits walked, oldest first."""
    live: dict[tuple[str, str], Appearance] = {}
    found: list[Appearance] = []
    for commit in walk(root, revisions, renames=False, since=since):
        scan.commits += 1
        for change in commit.changes:
            if not _wanted(change.path, config):
                continue
            if change.old_blob != ZERO:
                ended = live.pop((change.path, change.old_blob), None)
                if ended is not None:
                    ended.removed_in = commit.sha
                    ended.last_commit = commit.parents[0] if commit.parents else None
            if change.blob != ZERO and (change.path, change.blob) not in live:
                appearance = Appearance(change.path, change.blob, commit.sha, last_commit=commit.sha)
                live[(change.path, change.blob)] = appearance
                found.append(appearance)
    at_head = _head_tree(root)
    for appearance in found:
        if (appearance.path, appearance.blob) in at_head:
            appearance.at_head, appearance.removed_in, appearance.last_commit = True, None, None
    return found


def _head_tree(root: Path) -> set[tuple[str, str]]:
    from .gitlog import has_commits

    if not has_commits(root):
        return set()
    listing = git(root, "ls-tree", "-r", "-z", "--full-tree", "HEAD")
    pairs = set()
    for entry in listing.split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob":
            pairs.add((path, parts[2]))
    return pairs


def missing_blobs(root: Path, revisions: list[str]) -> set[str]:
    """Blobs a partial clone does not have, listed without fetching them (rev-list --missing=print)."""
    promisors = git(root, "config", "--get-regexp", r"^(extensions\.partialclone|remote\..*\.promisor)$",
                    check=False)
    if not promisors.strip():
        return set()
    listing = git(root, "rev-list", "--objects", "--missing=print", *revisions, "--")
    return {line[1:].split()[0] for line in listing.splitlines() if line.startswith("?")}


def lfs_object(root: Path, pointer: bytes) -> Path | None:
    """Where a Git LFS pointer's object would be in this clone (git-lfs spec v1), or None."""
    found = _LFS_OID.search(pointer)
    if found is None:
        return None
    oid = found.group(1).decode()
    common = Path(git(root, "rev-parse", "--git-common-dir").strip())
    return (root / common / "lfs" / "objects" / oid[:2] / oid[2:4] / oid).resolve()


def worktree_copies(root: Path, at_head: list[Appearance]) -> dict[str, str]:
    """Blob -> a work-tree path holding exactly its bytes, for blobs still at HEAD.

    Read from disk (memory-mapped, like `check`) such a blob costs nothing to inflate. A
    path qualifies when the index holds that blob for it and `git diff-files` (which
    re-hashes any file whose stat data is not conclusive) finds it unchanged.
    """
    if not at_head:
        return {}
    staged = {}
    for entry in git(root, "ls-files", "-s", "-z").split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[2] == "0":
            staged[path] = parts[1]
    changed = set(git(root, "diff-files", "--name-only", "-z").split("\0"))
    return {a.blob: a.path for a in at_head
            if staged.get(a.path) == a.blob and a.path not in changed and (root / a.path).is_file()}


def _analysers(root: Path, config, settings: dict):
    """One analyser for the blobs' contents (media, page) and one for their paths (file names)."""
    from .analyse import Analyser

    selected = config.selected_codes()
    content, names = Analyser(root, config, selected, settings), Analyser(root, config, selected, settings)
    content.by_target = {t: m for t, m in content.by_target.items() if t != "path"}
    names.by_target = {t: m for t, m in names.by_target.items() if t == "path"}
    return content, names


def _problems(analyser, relpath: str, data: bytes) -> tuple[list, list[str]]:
    from .analyse import FileResult

    result = FileResult(path=relpath)
    analyser._run_checks(relpath, data, result)
    return result.problems, result.errors


def _check_blob(root: Path, scan: Scan, content, where: list[Appearance], data, why: str | None) -> list[str]:
    """Check one blob's bytes once, as the first path it had; its findings go to every path.

    A Git LFS pointer is replaced by its object when this clone has it; a blob that cannot be
    read (`data` None, `why` says why) is listed as not checked. Returns internal errors.
    """
    if data is not None and len(data) < 1024 and data[:len(LFS_POINTER)] == LFS_POINTER:
        stored = lfs_object(root, bytes(data))
        data, why = ((stored.read_bytes(), None) if stored is not None and stored.is_file()
                     else (None, "Git LFS pointer: LFS object not present here"))
    if data is None:
        scan.not_checked += [(f"{a.path} @ {a.blob[:10]}", why or "not read") for a in where]
        return []
    scan.blobs += 1
    problems, failed = _problems(content, where[0].path, data)
    scan.findings += [(a, p) for a in where for p in problems]
    return failed


def scan_history(root: Path, config, settings: dict, revisions: list[str], since: str | None) -> Scan:
    scan = Scan()
    revisions = revisions or ["--all"]
    shallow_file = Path(git(root, "rev-parse", "--git-path", "shallow").strip())
    shallow_file = shallow_file if shallow_file.is_absolute() else root / shallow_file
    if shallow_file.is_file():
        scan.shallow = shallow_file.read_text().split()
    scan.appearances = appearances(root, revisions, since, config, scan)
    by_blob: dict[str, list[Appearance]] = {}
    by_path: dict[str, list[Appearance]] = {}
    for appearance in scan.appearances:
        by_blob.setdefault(appearance.blob, []).append(appearance)
        by_path.setdefault(appearance.path, []).append(appearance)
    content, names = _analysers(root, config, settings)
    errors: list[str] = []
    for path, where in by_path.items():  # file-name rules: once per path
        problems, failed = _problems(names, path, b"")
        errors += failed
        scan.findings += [(a, p) for a in where for p in problems]
    missing = missing_blobs(root, revisions) & set(by_blob)
    for blob in missing:
        errors += _check_blob(root, scan, content, by_blob[blob], None, "blob not present in this partial clone")
    on_disk = worktree_copies(root, [a for a in scan.appearances if a.at_head])
    for blob, path in on_disk.items():
        with mapped(root / path) as data:
            errors += _check_blob(root, scan, content, by_blob[blob], data, None)
    wanted = [blob for blob in by_blob if blob not in missing and blob not in on_disk]
    for blob, data, why in read_blobs(root, wanted):
        errors += _check_blob(root, scan, content, by_blob[blob], data, why)
    scan.not_checked += [(error, "internal error") for error in errors]
    scan.head = git(root, "rev-parse", "--verify", "-q", "HEAD", check=False).strip() or None
    return scan


def run_history(args) -> int:
    import sys

    from .cli import EXIT_CLEAN, EXIT_FINDINGS, UsageError
    from .report.history import render
    from .runner import (
        _apply_arguments,
        _roster_setting,
        _settings,
        load_effective_config,
    )

    config, root, in_git = load_effective_config(args.config)
    if not in_git:
        raise UsageError("schoollint history needs a Git repository")
    _apply_arguments(config, args)
    settings = _settings(_roster_setting(root, in_git, args, config))
    scan = scan_history(root, config, settings, args.revisions, args.since)
    text = render(scan, args.output_format, args.show_values or (args.output_format == "text" and not
                                                                  args.output_file and sys.stdout.isatty()))
    if args.output_file:
        Path(args.output_file).write_text(text, encoding="utf-8", errors="surrogateescape")
    else:
        sys.stdout.write(text)
    return EXIT_FINDINGS if scan.findings or scan.not_checked else EXIT_CLEAN
