"""A commit's tree standing in for the repository root: what `schoollint history` judges an old
page version against (the files that existed then), never today's work tree.

Page readers and checks look at other files through `root / path`, then `.is_file()`,
`.is_symlink()`, `.stat().st_size`, `.read_bytes()` or `.read_text()` (SL304's references, the
source folder a site-root path is in, linked style sheets, the site generator's configuration).
`TreeRoot(trees, commit)` answers those from the commit's tree objects, read through one
`git cat-file --batch` per `Trees` (git-cat-file(1) BATCH OUTPUT; a tree object is entries of
`<octal mode> SP <name> NUL <binary object id>`, git's "tree object" format). A look-up reads
tree objects only, which every clone has, so a partial clone is never made to fetch; a blob's
bytes are read only when `Trees` is told the clone is not partial. A symlink (mode 120000) is a
file that exists but is never read (its blob is only the path it points to); a submodule
(160000) is not a file. Reads fail with OSError, as they would on disk.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from .gitlog import QUIET_GIT, batch_reply

REGULAR = "100"          # a file's mode: 100644, 100755 (100664 in some old trees)
SYMLINK = "120000"
DIRECTORY = "40000"
MAX_READ = 4 << 20       # bytes; a larger blob (a style sheet, a configuration) is not read
MAX_TREES = 50_000       # tree objects kept parsed; past this the cache starts again


class Trees:
    """Tree look-ups for many commits through one `git cat-file --batch` (started on first use);
    parsed tree objects are shared between commits (most folders do not change between them)."""

    def __init__(self, root: Path, read_blobs: bool):
        self.root = root
        self.read_blobs = read_blobs
        self._process: subprocess.Popen | None = None
        self._tops: dict[str, str | None] = {}
        self._trees: dict[str, dict[str, tuple[str, str]]] = {}

    def __enter__(self) -> Trees:
        return self

    def __exit__(self, *_exc) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            for pipe in (self._process.stdin, self._process.stdout):
                if pipe is not None:
                    pipe.close()
            self._process = None

    def _object(self, name: str, limit: int | None = None) -> tuple[str, str, bytes | None] | None:
        """(id, type, contents) of an object named by id or `<commit>^{tree}`; None when git has no
        such object; contents None when longer than `limit` bytes (read past, not kept)."""
        if self._process is None:
            self._process = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.root, stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                             env={**os.environ, **QUIET_GIT})
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(f"{name}\n".encode())
        self._process.stdin.flush()
        reply = batch_reply(self._process.stdout, name, limit)
        return None if reply is None else reply[:3]

    def _parse(self, oid: str, data: bytes | None) -> dict[str, tuple[str, str]]:
        """A tree object's entries: name -> (mode, object id), kept for the next look-up."""
        entries, position, width = {}, 0, len(oid) // 2
        while data and position < len(data):
            space = data.index(b" ", position)
            end = data.index(b"\0", space)
            name = data[space + 1:end].decode("utf-8", "surrogateescape")
            entries[name] = (data[position:space].decode("ascii"), data[end + 1:end + 1 + width].hex())
            position = end + 1 + width
        if len(self._trees) >= MAX_TREES:
            self._trees.clear()
        self._trees[oid] = entries
        return entries

    def _tree(self, name: str) -> dict[str, tuple[str, str]] | None:
        """The entries of the tree object `name` (an id, or `<commit>^{tree}`); None when it is not a tree."""
        entries = self._trees.get(name)
        if entries is not None:
            return entries
        found = self._object(name)
        if found is None or found[1] != "tree":
            return None
        return self._parse(found[0], found[2])

    def entry(self, commit: str, path: str) -> tuple[str, str] | None:
        """(mode, object id) of `path` in `commit`'s tree, or None when the commit has nothing there."""
        if commit not in self._tops:
            top = self._object(f"{commit}^{{tree}}")
            self._tops[commit] = top[0] if top and top[1] == "tree" else None
            if top and top[1] == "tree" and top[0] not in self._trees:
                self._parse(top[0], top[2])
        tree = self._tops[commit]
        parts = [part for part in path.split("/") if part not in ("", ".")]
        if tree is None or not parts or ".." in parts:
            return None
        found: tuple[str, str] | None = (DIRECTORY, tree)
        for part in parts:
            entries = self._tree(found[1]) if found is not None and found[0] == DIRECTORY else None
            if entries is None:
                return None
            found = entries.get(part)
        return found

    def blob(self, oid: str) -> bytes:
        """A blob's bytes (at most MAX_READ); OSError when it is not read."""
        if not self.read_blobs:
            raise OSError("not read: a partial clone would fetch it")
        found = self._object(oid, MAX_READ)
        if found is None or found[1] != "blob" or found[2] is None:
            raise OSError("not in the repository, or too large to read")
        return found[2]


@dataclass(frozen=True)
class TreeRoot:
    """`root / path` for one commit's tree (hashable: a cache keyed on the root keys on the commit)."""

    trees: Trees = field(compare=False, hash=False, repr=False)
    commit: str

    def __truediv__(self, path) -> TreeFile:
        return TreeFile(self, str(path))

    def __str__(self) -> str:
        """The folder of the repository this is a commit of: what pages.site_layout keys the user's
        `site-roots` by (today's configuration, applied to every commit's pages as check applies it)."""
        return str(self.trees.root)


@dataclass(frozen=True)
class TreeFile:
    """A path in a commit's tree, answering what page readers ask of a file on disk."""

    root: TreeRoot
    path: str

    def _entry(self) -> tuple[str, str] | None:
        return self.root.trees.entry(self.root.commit, self.path)

    def is_file(self) -> bool:
        entry = self._entry()
        return entry is not None and (entry[0].startswith(REGULAR) or entry[0] == SYMLINK)

    def is_symlink(self) -> bool:
        entry = self._entry()
        return entry is not None and entry[0] == SYMLINK

    def exists(self) -> bool:
        return self._entry() is not None

    def read_bytes(self) -> bytes:
        entry = self._entry()
        if entry is None or not entry[0].startswith(REGULAR):    # a symlink's target is never opened
            raise FileNotFoundError(f"{self.path}: no file here in commit {self.root.commit[:10]}")
        return self.root.trees.blob(entry[1])

    def read_text(self, encoding: str = "utf-8", errors: str = "strict") -> str:
        return self.read_bytes().decode(encoding, errors)

    def stat(self) -> SimpleNamespace:
        return SimpleNamespace(st_size=len(self.read_bytes()))
