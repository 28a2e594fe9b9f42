"""`schoollint history`: the photos and pages still public in a repository's Git history.

A photo deleted from the site stays in every clone. This scans every image,
video, document and page blob reachable from the refs (or the revisions
given, `--since DATE`), each blob once, with the same readers and checks as
`check` (file-name rules per path), and places each finding as
`path @ first commit .. last commit (still at HEAD / removed in COMMIT)`.
This module reads: which (path, blob) pairs the history holds, and each
blob's bytes once (one `git cat-file --batch` process); schoollint.history_check
runs the checks on them, schoollint.report.history says how to purge (it
never rewrites history).

Not checked, and said so: blobs a partial clone lacks, Git LFS pointers whose
object is not here; a shallow clone's scan says how deep it looked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .finding import Finding
from .fsio import mapped
from .gitlog import MAX_BLOB, ZERO, git, read_blobs, walk
from .gitobjects import Place
from .lfs import is_pointer, object_path

@dataclass
class Appearance:
    """One (path, blob) pair: where it first came in, and whether it is still at HEAD."""

    path: str
    blob: str
    first_commit: str
    last_commit: str | None = None     # the last commit that had it (None: still at HEAD)
    removed_in: str | None = None      # the commit that deleted or replaced it
    ended: str | None = None           # how removed_in ended it: "removed", "replaced" (a new version at
                                       # the path: a fix commit's) or "renamed" (the same bytes, a new path)
    renamed_to: str | None = None      # the new path, when "renamed"
    at_head: bool = False
    mode: str = "100644"               # the tree entry's mode (gitlog.Change.mode)

    @property
    def regular(self) -> bool:
        """A file's bytes (100644, 100755; 100664 in some old trees): not a symlink (its blob is only
        the path it points to), a submodule (a commit of another repository) or any other tree entry."""
        return self.mode.startswith("100")

    @property
    def tree_commit(self) -> str:
        """The commit whose tree this version is judged against: the last that had it (HEAD when still there)."""
        return (self.last_commit or self.first_commit) if not self.at_head else "HEAD"


@dataclass
class Scan:
    appearances: list[Appearance] = field(default_factory=list)
    findings: list[tuple[Appearance, Finding]] = field(default_factory=list)  # (where, as the check said it)
    not_checked: list[tuple[str, str]] = field(default_factory=list)         # (path @ blob, why)
    unjudged: list[str] = field(default_factory=list)   # path @ blob read but not judged in full (SL105...)
    held_back: int = 0      # findings inline suppressions and per-path ignores silenced, per file version
    commits: int = 0
    blobs: int = 0
    shallow: list[str] = field(default_factory=list)   # boundary commits of a shallow clone
    bare: bool = False      # a bare repository (bare_repo.py): no work tree to fix at HEAD in
    head: str | None = None
    notes: list[str] = field(default_factory=list)     # said once each, like check's notes (stderr)
    ran: set[str] = field(default_factory=set)          # the selected rules applied (history_rules.applied)
    not_run: list[tuple[list[str], str]] = field(default_factory=list)   # (selected rules not applied, why)


def _wanted(relpath: str, config) -> bool:
    """A path `check` would judge by its name: a page, or what formats.registry.recognised takes
    without reading a byte (media, document and unsupported extensions, folder files such as
    Thumbs.db). A picture under a name no reader claims (`photo.bak`) is left out: telling it
    by its magic bytes would mean inflating every blob of the history."""
    from .formats.registry import recognised
    from .globs import any_match
    from .pages import registry as pages

    if any_match(config.exclude, relpath):
        return False
    path = Path(relpath)
    return recognised(b"", path.suffix.lower(), path.name) or pages.is_page(relpath)


def appearances(root: Path, revisions: list[str], since: str | None, config, scan: Scan) -> list[Appearance]:
    """Every (path, blob) a wanted path held in the commits walked, oldest first."""
    live: dict[tuple[str, str], Appearance] = {}
    found: list[Appearance] = []
    for commit in walk(root, revisions, renames=False, since=since):
        scan.commits += 1
        # without rename detection a rename is a deletion and an addition of the same blob
        added = {change.blob: change.path for change in commit.changes if change.old_blob == ZERO}
        for change in commit.changes:
            if not _wanted(change.path, config):
                continue
            if change.old_blob != ZERO:
                ended = live.pop((change.path, change.old_blob), None)
                if ended is not None:
                    ended.removed_in = commit.sha
                    ended.last_commit = commit.parents[0] if commit.parents else None
                    ended.renamed_to = added.get(change.old_blob) if change.blob == ZERO else None
                    ended.ended = ("replaced" if change.blob != ZERO else "renamed" if ended.renamed_to
                                   else "removed")
            if change.blob != ZERO and (change.path, change.blob) not in live:
                appearance = Appearance(change.path, change.blob, commit.sha, last_commit=commit.sha,
                                        mode=change.mode)
                live[(change.path, change.blob)] = appearance
                found.append(appearance)
    at_head = _head_tree(root)
    for appearance in found:
        if (appearance.path, appearance.blob) in at_head:
            appearance.at_head, appearance.removed_in, appearance.last_commit = True, None, None
            appearance.ended = appearance.renamed_to = None
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
    if not partial_clone(root):
        return set()
    listing = git(root, "rev-list", "--objects", "--missing=print", *revisions, "--")
    return {line[1:].split()[0] for line in listing.splitlines() if line.startswith("?")}


def partial_clone(root: Path) -> bool:
    """Whether objects may be missing here and fetched on demand from a promisor remote."""
    return bool(git(root, "config", "--get-regexp", r"^(extensions\.partialclone|remote\..*\.promisor)$",
                    check=False).strip())


def worktree_copies(root: Path, at_head: list[Appearance]) -> dict[str, str]:
    """Blob -> a work-tree path holding exactly its bytes, for blobs still at HEAD.

    Read from disk (memory-mapped, like `check`) such a blob costs nothing to inflate. A
    path qualifies when the index holds that blob for it and `git diff-files` (which
    re-hashes any file whose stat data is not conclusive) finds it unchanged.
    """
    if not at_head:
        return {}
    staged = {}
    # check=False: a bare repository (bare_repo.py) has no index or work tree; its blobs are read from Git
    for entry in git(root, "ls-files", "-s", "-z", check=False).split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[2] == "0":
            staged[path] = parts[1]
    changed = set(git(root, "diff-files", "--name-only", "-z", check=False).split("\0"))
    return {a.blob: a.path for a in at_head
            if staged.get(a.path) == a.blob and a.path not in changed and _plain_file(root, a.path)}


def _plain_file(root: Path, relpath: str) -> bool:
    """A regular file inside the repository: not a symlink, nor under a folder that links out of it."""
    import os
    import stat

    try:
        if not stat.S_ISREG(os.lstat(root / relpath).st_mode):
            return False
    except OSError:
        return False
    real = os.path.realpath(root / relpath)
    return real.startswith(os.path.join(os.path.realpath(root), ""))


def _unpointed(root: Path, data, why: str | None) -> tuple[object, str | None]:
    """A Git LFS pointer's object when this clone has it (else None and why); other bytes as they are."""
    if data is not None and is_pointer(data):
        stored = object_path(root, bytes(data))
        if stored is None or not stored.is_file():
            return None, "Git LFS pointer: LFS object not present here"
        return stored.read_bytes(), None
    return data, why


def blob_sources(root: Path, by_blob: dict[str, list[Appearance]],
                 missing: set[str]) -> tuple[list[str], dict[str, str | None]]:
    """(blobs a partial clone lacks, never asked for; {blob to read: a work-tree path holding
    exactly its bytes, or None to read it from Git}) for every blob, each once."""
    lacking = sorted(missing & set(by_blob))
    on_disk = worktree_copies(root, [a for where in by_blob.values() for a in where if a.at_head])
    return lacking, {blob: on_disk.get(blob) for blob in by_blob if blob not in missing}


def blob_contents(root: Path, sources: dict[str, str | None],
                  where: Place) -> Iterator[tuple[str, object, str | None]]:
    """(blob, its bytes, None), or (blob, None, why not read), once per blob of `sources` (as
    `blob_sources` gives them). Blobs still at HEAD and unchanged in the work tree are
    memory-mapped from disk (nothing to inflate); the rest are inflated from the object
    database at `where` (schoollint.gitobjects), and what that cannot answer exactly (deltas,
    objects it does not find) comes through one `git cat-file --batch`, which says what is missing.
    """
    from .gitobjects import Store

    asked = []
    with Store(where, MAX_BLOB) as store:
        for blob, path in sources.items():
            if path is not None:
                with mapped(root / path) as data:
                    yield (blob, *_unpointed(root, data, None))
                continue
            read = store.blob(blob)
            if read is None:
                asked.append(blob)
            else:
                yield (blob, *_unpointed(root, read, None))
    for blob, data, why in read_blobs(root, asked):
        yield (blob, *_unpointed(root, data, why))
