"""Applying fixes: a literal table from a Fix.action to the function that applies it.

An applier is `apply(root: Path, path: str, data: bytes, fixes: list[Fix]) -> list[Write | Rename]`:
it gets the file's current bytes and every fix of its action for that file,
and returns what to change. It writes nothing itself: `apply_fixes` turns the
changes into atomic writes (or a diff). Appliers run in table order, each one
seeing the bytes the previous one produced, so a downscale (which also strips
metadata) runs before a plain strip, which then has nothing left to do.
"""

from __future__ import annotations

import difflib
import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .finding import Fix, Rename, Write
from .fsio import atomic_write

APPLIERS = {
    "blur-faces": "schoollint.vision.blur:apply_blur",   # first, at full size: boxes are fractions
    "downscale": "schoollint.formats.resize:apply_downscale",
    "strip-metadata": "schoollint.formats.fixes:apply_strip",
    "convert-heic": "schoollint.formats.resize:apply_convert",
    "edit-text": "schoollint.pages.edit:apply_edits",
    "rename": "schoollint.pages.rename:apply_renames",
}
# Appliers that change only the file they are given: such files can be fixed in parallel.
LOCAL_ACTIONS = frozenset({"blur-faces", "downscale", "strip-metadata", "edit-text"})


def applier(action: str) -> Callable:
    module_name, _, function = APPLIERS[action].partition(":")
    return getattr(importlib.import_module(module_name), function)


def expected_errors() -> tuple[type[Exception], ...]:
    """What a fix may fail with because of the file (the file is then left as it was)."""
    from .formats import MediaError
    from .pages import PageError

    return (MediaError, PageError, OSError)


@dataclass
class Change:
    """What fixing one file did (or, with --diff, would do); never the bytes themselves."""

    path: str
    summaries: list[str]
    size_before: int = 0
    size_after: int | None = None            # set when the file itself was rewritten
    renamed: list[tuple[str, str]] = field(default_factory=list)
    written: list[str] = field(default_factory=list)   # other files rewritten (references)
    created: list[str] = field(default_factory=list)   # new files (a converted copy)
    diff: str = ""
    error: str | None = None
    internal: bool = False                   # the error is a bug, not the file's fault

    @property
    def changed(self) -> bool:
        return self.error is None and bool(self.size_after is not None or self.renamed or self.written
                                           or self.created)

    @property
    def touched(self) -> list[str]:
        """Files that now hold new content, to be checked again."""
        own = [self.path] if self.size_after is not None and not self.renamed else []
        return own + self.written + self.created + [new for _old, new in self.renamed]


def apply_fixes(root: Path, relpath: str, fixes: list[Fix], write: bool, debug: bool = False) -> Change:
    """Fix one file: every applier in turn, then one atomic write per file touched."""
    change = Change(path=relpath, summaries=[fix.summary for fix in fixes])
    try:
        original = (root / relpath).read_bytes()
        change.size_before = len(original)
        current = original
        others: list = []
        for action in APPLIERS:
            chosen = [fix for fix in fixes if fix.action == action]
            if not chosen:
                continue
            for operation in applier(action)(root, relpath, current, chosen):
                if isinstance(operation, Write) and operation.path == relpath:
                    current = operation.data
                else:
                    others.append(operation)
        operations = ([Write(relpath, current)] if current != original else []) + others
        _record(root, change, operations)
        if write:
            carry_out(root, operations)
        else:
            change.diff = describe(root, operations)
    except Exception as exc:  # the file stays as it was; a bug is flagged as one
        change.internal = not isinstance(exc, expected_errors())
        change.error = f"{type(exc).__name__}: {exc}" if debug or change.internal else str(exc)
        change.size_after, change.renamed, change.written, change.created = None, [], [], []
    return change


def _record(root: Path, change: Change, operations) -> None:
    for operation in operations:
        if isinstance(operation, Rename):
            change.renamed.append((operation.old, operation.new))
        elif operation.path == change.path:
            change.size_after = len(operation.data)
        elif os.path.lexists(root / operation.path):
            change.written.append(operation.path)
        else:
            change.created.append(operation.path)


def carry_out(root: Path, operations) -> None:
    """Write and rename, after checking every target first: a refused change changes nothing."""
    from .discover import inside

    renames = [operation for operation in operations if isinstance(operation, Rename)]
    for rename in renames:
        if os.path.lexists(root / rename.new):
            raise FileExistsError(f"{rename.new}: already exists, not renaming {rename.old}")
    for operation in operations:
        target = operation.new if isinstance(operation, Rename) else operation.path
        if (root / target).is_symlink() or not inside(root, str(Path(target).parent)):
            raise OSError(f"{target}: a symlink or outside the repository; nothing was changed")
    for operation in operations:
        if isinstance(operation, Write):
            atomic_write(root / operation.path, operation.data)
    for rename in renames:
        target = root / rename.new
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(root / rename.old, target)


def describe(root: Path, operations) -> str:
    """A diff for text files, a byte count for binary ones, for --diff."""
    lines = []
    for operation in operations:
        if isinstance(operation, Rename):
            lines.append(f"rename {operation.old} -> {operation.new}")
            continue
        before = (root / operation.path).read_bytes() if (root / operation.path).exists() else b""
        try:
            old_text, new_text = before.decode("utf-8"), operation.data.decode("utf-8")
        except UnicodeDecodeError:
            lines.append(f"{operation.path}: binary file, {len(before):,} -> {len(operation.data):,} bytes")
            continue
        lines.extend(difflib.unified_diff(old_text.splitlines(), new_text.splitlines(),
                                          f"a/{operation.path}", f"b/{operation.path}", lineterm=""))
    return "\n".join(lines)
