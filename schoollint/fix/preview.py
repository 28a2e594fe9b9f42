"""`check --diff`: what `--fix` would leave, each file once, as all its fixes together leave it.

`--fix` commits the fixes that change one file each before the fixes that also rewrite other files
(renames rewrite the pages that show a photo), and each of those reads the pages as the ones before
left them on disk. A preview writes nothing, so `Pending` holds the bytes each fix would write and
every fix reads the files through it (FixContext.read); at the end each file is described once, as
a unified diff (POSIX diff -u, with GNU's "\\ No newline at end of file"; `git apply` and `patch`
read it) of the file on disk against its final bytes, under the first change that writes it.

The diff's lines are the file's own bytes (its encoding, Windows-1252 or UTF-16 as much as UTF-8,
and its carriage returns), held in a str by surrogateescape, split at line feed bytes as diff and
patch split them: so it applies byte for byte (trial 7 item 8). diff_output.py prints them; the
lines schoollint writes around them (headers, renames, refusals) are escaped here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..pages.filetypes import is_media
from .model import Change, Delete, Rename, Write


class Pending:
    """The files as the fixes so far would leave them (repository-relative path -> bytes), and each
    change with the operations it would carry out, in the order the fixes ran."""

    def __init__(self, root: Path):
        self.root = root
        self.files: dict[str, bytes] = {}
        self.shown_by: dict[str, Change] = {}     # the change whose diff shows a file
        self.changes: list[tuple[Change, list]] = []

    def read(self, relpath: str) -> bytes:
        """The file's bytes as the fixes so far leave them (OSError as reading it from disk raises)."""
        data = self.files.get(relpath)
        return (self.root / relpath).read_bytes() if data is None else data

    def add(self, change: Change, operations: list) -> None:
        """Hold what `change` would write. A photo's new bytes are described at once and not kept
        (no later fix reads a photo; a preview of 1,000 renamed photos holds none of them)."""
        held: list = []
        for operation in operations:
            if isinstance(operation, Write) and is_media(operation.path):
                held.append(describe(self.root, [operation]))
                continue
            if isinstance(operation, Write):
                self.files[operation.path] = operation.data
                self.shown_by.setdefault(operation.path, change)
            held.append(operation)
        self.changes.append((change, held))

    def finish(self) -> None:
        """Set every change's `diff`: its renames and deletions, each file it is the first to
        write as all the fixes leave it, then what was refused."""
        for change, operations in self.changes:
            shown, seen = [], set()
            for operation in operations:
                if isinstance(operation, Write):
                    if self.shown_by[operation.path] is not change or operation.path in seen:
                        continue
                    seen.add(operation.path)
                    operation = Write(operation.path, self.files[operation.path])
                shown.append(operation)
            change.diff = with_refusals(change, describe(self.root, shown))


def with_refusals(change: Change, diff: str) -> str:
    """`diff` followed by a "path: cannot fix: why" line for each fix of the change refused."""
    from ..report import escaped

    return diff + "".join(f"\n{escaped(change.path)}: cannot fix: {escaped(why)}" for why in change.refused)


def describe(root: Path, operations) -> str:
    """A diff for text files (pages in their own encoding), a byte count for binary ones, for --diff.
    `operations`: Write, Rename, Delete, or a line already written."""
    from ..diff_output import git_deletion, git_rename
    from ..report import escaped

    lines: list[str] = []
    for operation in operations:
        if isinstance(operation, str):      # a photo's change, described when Pending held it
            lines.append(operation)
            continue
        if isinstance(operation, Rename):   # Git's rename headers, which git apply carries out (diff_output)
            lines.extend(git_rename(operation.old, operation.new))
            continue
        if isinstance(operation, Delete):   # Git's deletion, which git apply carries out (diff_output)
            gone = (root / operation.path).read_bytes()
            lines += git_deletion(operation.path, unified(gone, b"", escaped(operation.path))
                                  if _is_text(operation.path, gone) else None)
            continue
        before = (root / operation.path).read_bytes() if (root / operation.path).exists() else b""
        path = operation.path
        if is_media(path) or not (_is_text(path, before) and _is_text(path, operation.data)):   # a photo, or binary
            lines.append(f"{escaped(path)}: {what_changes(path, before, operation.data)}, "
                         f"{len(before):,} -> {len(operation.data):,} bytes (not in the patch: --fix writes it)")
            continue
        # Git's header before each page too: after a rename's, git apply reads ---/+++ without one as the rename's
        header = [f"diff --git a/{escaped(path)} b/{escaped(path)}"] if before else []
        lines += header + unified(before, operation.data, escaped(path))
    return "\n".join(lines)


_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def unified(old: bytes, new: bytes, path: str) -> list[str]:
    """The lines of a unified diff of `old` -> `new`, each the file's bytes (surrogateescape), split
    at line feed bytes only (str.splitlines also splits at form feeds and U+2028, which diff and
    patch do not; a UTF-16 page's line feed is one byte of its two, as `diff -a` splits it), a
    carriage return before one kept; a last line without a line feed is followed by
    "\\ No newline at end of file"."""
    import difflib   # here: a --fix run shows no diff (W, issue 18: 15 M instructions of a 3-photo run)

    lines = []
    for line in difflib.unified_diff(_LINE.findall(old.decode("utf-8", "surrogateescape")),
                                     _LINE.findall(new.decode("utf-8", "surrogateescape")), f"a/{path}", f"b/{path}"):
        if line.endswith("\n"):
            lines.append(line[:-1])
        else:
            lines += [line, "\\ No newline at end of file"]
    return lines


def _is_text(path: str, data: bytes) -> bool:
    """Whether `data` is text in the encoding its page reader reads it in (references.decode_text:
    HTML by its byte-order mark, UTF-16/32 zero bytes, declared charset, else UTF-8, then
    Windows-1252; other text files UTF-8, else Windows-1252): shown as a diff, else as a size."""
    from ..pages.references import decode_text

    try:
        decode_text(path, data, errors="strict")
    except UnicodeDecodeError:
        return False
    return True


def what_changes(path: str, before: bytes, after: bytes) -> str:
    """A photo's change in words: what metadata goes, what stays that matters, any new size.

    "remove: GPS position (EXIF GPS position), camera make (EXIF Make); keep: orientation,
    colour profile; downscale 4000x3000 -> 1600x1200". Read with the same readers that found
    the problems; a file they cannot read is "binary file".
    """
    from ..formats.fields import plain
    from ..formats.model import MediaError
    from ..formats.registry import read_media

    extension = os.path.splitext(path)[1].lower()
    try:
        old = read_media(before, extension) if before else None
        new = read_media(after, extension)
    except MediaError:
        return "binary file"
    if old is None:
        return f"new {new.format} file, {new.width}x{new.height}"
    left = {item.field for item in new.items}
    removed = dict.fromkeys(plain(item.field) for item in old.items if item.field not in left)
    kept = [word for word, stays in (("orientation", new.orientation not in (None, 1)),
                                     ("colour profile", any("ICC" in note for note in new.notes))) if stays]
    parts = [f"remove: {', '.join(removed)}"] if removed else []
    if kept:
        parts.append(f"keep: {', '.join(kept)}")
    if old.shown_size != new.shown_size:
        parts.append("downscale {}x{} -> {}x{}".format(*old.shown_size, *new.shown_size))
    if old.format != new.format:
        parts.append(f"{old.format} -> {new.format}")
    return "; ".join(parts) or "rewrite"
