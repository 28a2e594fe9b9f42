"""Fixing one file: run its appliers in turn, then replace every file touched atomically.

A refused or failed fix changes nothing of its own, and the file's other fixes
still stand: every target is checked before the first write, each write goes to
a temporary file beside the original that is renamed over it, and an error
leaves the original byte-identical.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..fsio import atomic_write, commit_staged, content_hash, stage
from ..may_replace import refuse
from ..pages.filetypes import is_media
from ..strip_extent import also_removed, original_facts
from .appliers import APPLIERS, COMPANIONS
from .model import Change, Delete, Fix, FixContext, PartlyDone, Rename, Write
from .outputs import Stamp, landed_as_staged, stamp_of
from .preview import describe, with_refusals


def expected_errors() -> tuple[type[Exception], ...]:
    """What a fix may fail with because of the file (the file is then left as it was)."""
    from ..formats.model import MediaError
    from ..pages.model import PageError

    return (MediaError, PageError, OSError)


def apply_fixes(context: FixContext, relpath: str, fixes: list[Fix], write: bool, debug: bool = False,
                staged: list[tuple[str, str, Stamp]] | None = None, judge: Callable | None = None,
                original: bytes | None = None) -> Change:
    """Fix one file: every applier in turn, then one atomic write per file touched. With `staged`, a
    change of this file alone is written beside it and listed there as (temporary file, path, its
    `Stamp`), for `commit_batch` to sync and rename with the rest of the batch; with `judge` too,
    `judge(path, new bytes)` is what the change's `output` holds (fix/outputs.py). `original`: the
    file's bytes when the caller read them already (read here otherwise).

    Each fix stands or falls alone: an applier that refuses (a rename whose reference cannot be
    rewritten) changes nothing of its own and the next one runs on the bytes as they were, so a
    strip is made and verified whatever the rename does (Change.error says what was refused). A
    refusal when writing (a read-only file, a symlink) leaves every file as it was."""
    root = context.root
    change = Change(path=relpath, summaries=[fix.summary for fix in fixes])
    try:
        if write and original is None:   # a large video blanked in place is streamed, never read whole
            from ..formats.fixes import strip_streamed

            streamed = strip_streamed(context, relpath, fixes)
            if streamed is not None:
                change.size_before, changed = streamed
                change.size_after = change.size_before if changed else None
                return change
        original = context.read(relpath) if original is None else original
        change.size_before = len(original)
        old = original_facts(relpath, original, fixes)    # a narrow strip's extent (strip_extent.py), read first
        current, others, refused = _run_appliers(context, relpath, original, fixes, change, write, debug)
        change.summaries += also_removed(relpath, old, original, current, fixes)
        deleted = Delete(relpath) in others       # a file removed needs no rewrite first
        operations = ([Write(relpath, current)] if current != original and not deleted else []) + others
        # a page a later move may rewrite; a photo whose pages are rewritten with it (fix/staging.py)
        if current != original and not deleted and (not is_media(relpath) or _writes_others(others)):
            change.before[relpath] = content_hash(original)
        _record(root, change, operations)
        if not write:   # --diff refuses what --fix would (a read-only file): a "cannot fix" line, not a diff
            refuse(root, operations, context.force)
        if write:
            carry_out(root, operations, staged)
        elif context.pending is not None:    # described once every fix has run (fix/preview.py)
            context.pending.add(change, operations)
        else:
            change.diff = describe(root, operations)
    except Exception as exc:  # the file stays as it was; a bug is flagged as one
        change.internal = not isinstance(exc, expected_errors())
        change.error = f"{type(exc).__name__}: {exc}" if debug or change.internal else str(exc)
        change.size_after, change.renamed, change.written, change.created, change.deleted = None, [], [], [], []
        return change
    if judge is not None and staged and staged[-1][1] == relpath:   # the bytes verified, as the file will hold them
        change.output = judge(relpath, current)
    if refused:
        change.summaries = [fix.summary for fix in fixes if fix not in refused]
        change.refused = list(dict.fromkeys(refused.values()))
        if not write and change.changed:       # --diff prints the diff or the error: the refusal joins the diff
            change.diff = with_refusals(change, change.diff)
        else:
            change.error = "; ".join(change.refused)
            if change.changed:
                change.error += f" (done: {'; '.join(dict.fromkeys(change.summaries))})"
    return change


def _run_appliers(context: FixContext, relpath: str, original: bytes, fixes: list[Fix], change: Change,
                  write: bool, debug: bool) -> tuple[bytes, list, dict[Fix, str]]:
    """(the file's new bytes, the operations on other files, {fix refused: why}). An applier's
    expected error refuses its fixes; a bug refuses them too and marks the change `internal`."""
    current, refused = original, {}
    others: list[Write | Rename | Delete] = []
    for action, applier in APPLIERS.items():
        chosen = [fix for fix in fixes if fix.action == action]
        if not chosen:
            continue
        chosen += [fix for fix in fixes if fix.action in COMPANIONS.get(action, ()) and fix not in refused]
        written = {operation.path: operation.data for operation in others if isinstance(operation, Write)}
        seen = replace(context, pending=_Written(context, written)) if written else context
        try:
            try:
                operations = list(applier(seen, relpath, current, chosen))
            except PartlyDone as partly:        # some of its fixes made, the others refused
                operations = partly.operations
                refused.update(partly.refused)
            if write:   # refused before anything is written, so the other fixes still stand
                check_targets(context.root, operations, context.force)
        except Exception as exc:
            bug = not isinstance(exc, expected_errors())
            change.internal = change.internal or bug
            refused.update((fix, f"{type(exc).__name__}: {exc}" if bug or debug else str(exc))
                           for fix in chosen if fix.action == action)
            continue
        for operation in operations:
            if isinstance(operation, Write) and operation.path == relpath:
                current = operation.data
            elif isinstance(operation, Write) and operation.path in written:   # it read the earlier bytes
                others = [operation if isinstance(other, Write) and other.path == operation.path else other
                          for other in others]
            else:
                others.append(operation)
    return current, others, refused


class _Written:
    """The files as the earlier appliers of the same file left them (a downscale's pages, which its
    rename then rewrites): what FixContext.read gives the next applier."""

    def __init__(self, context: FixContext, written: dict[str, bytes]):
        self.context, self.written = context, written

    def read(self, relpath: str) -> bytes:
        data = self.written.get(relpath)
        return self.context.read(relpath) if data is None else data


def _writes_others(operations) -> bool:
    return any(isinstance(operation, Write) for operation in operations)


def _record(root: Path, change: Change, operations) -> None:
    for operation in operations:
        if isinstance(operation, Rename):
            change.renamed.append((operation.old, operation.new))
        elif isinstance(operation, Delete):
            change.deleted.append(operation.path)
        elif operation.path == change.path:
            change.size_after = len(operation.data)
        elif os.path.lexists(root / operation.path):
            change.written.append(operation.path)
            change.before[operation.path] = content_hash((root / operation.path).read_bytes())
        else:
            change.created.append(operation.path)


def carry_out(root: Path, operations, staged: list[tuple[str, str, Stamp]] | None = None) -> None:
    """Write and rename `operations`, whose every target `_run_appliers` checked (check_targets)
    before anything was written, so a refused change changes nothing; checking them again here
    cost 0.1 ms a photo. A change of more than one file goes through the journal
    (fix/journal.py), so that a kill never leaves a page pointing at nothing.
    """
    from . import journal

    renames = [operation for operation in operations if isinstance(operation, Rename)]
    writes = [operation for operation in operations if isinstance(operation, Write)]
    deletes = [operation for operation in operations if isinstance(operation, Delete)]
    if len(operations) > 1 or renames:
        journal.carry_out(root, renames, writes, deletes)
    elif writes and staged is not None:
        temporary = stage(root / writes[0].path, writes[0].data)
        staged.append((temporary, writes[0].path, stamp_of(os.stat(temporary))))
    elif writes:
        atomic_write(root / writes[0].path, writes[0].data)
    elif deletes:
        journal.delete(root, deletes[0].path)


def check_targets(root: Path, operations, force: bool = False) -> None:
    """FileExistsError for a rename onto a file, OSError for a symlink or a path out of the
    repository, PermissionError for a read-only file unless `force`, or one whose owner or group
    a new file could not keep (may_replace.py). On strings, not Paths: it runs for every photo a run
    fixes (120 us a photo with pathlib, load 8; the system calls are the same)."""
    base = os.fspath(root)
    for operation in operations:
        if isinstance(operation, Rename) and os.path.lexists(os.path.join(base, operation.new)):
            raise FileExistsError(f"{operation.new}: already exists, not renaming {operation.old}")
    for operation in operations:
        target = operation.new if isinstance(operation, Rename) else operation.path
        full = os.path.join(base, target)
        if os.path.islink(full) or not _within(base, os.path.dirname(full)):
            raise OSError(f"{target}: a symlink or outside the repository, so not changed")
    refuse(root, operations, force)   # may_replace.py: read-only, owner and group kept, the folder


def _within(base: str, folder: str) -> bool:
    """Whether the real location of `folder` (symlinks followed) is the repository `base` or inside it,
    as discover.inside judges a path."""
    real = os.path.realpath(folder)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def commit_batch(root: Path, fixed: list[tuple[Change, list[tuple[str, str, Stamp]]]],
                 durable: frozenset[str] = frozenset()) -> list[Change]:
    """The changes, once every file they staged is synced and renamed into place (fsio.commit_staged:
    one sync for the batch, leaving out the temporary files in `durable`, synced already); a rename
    that fails makes its change an error (the file as it was).
    A change's `output` is given the stat of its file when that proves the file holds the bytes
    judged (outputs.landed_as_staged); it is dropped when the rename failed."""
    pairs = [(change, temporary, relpath, stamp) for change, staged in fixed for temporary, relpath, stamp in staged]
    landed: dict[int, os.stat_result] = {}
    failures = commit_staged([(temporary, root / relpath) for _, temporary, relpath, _ in pairs], landed, durable)
    for index, ((change, _, relpath, stamp), failure) in enumerate(zip(pairs, failures, strict=True)):
        if failure is not None:
            change.error, change.size_after, change.output = f"{change.path}: {failure.strerror or failure}", None, None
        elif change.output is not None and relpath == change.path:
            change.output.stat = landed_as_staged(stamp, landed.get(index))
    return [change for change, _ in fixed]
