"""Fixes as plain frozen data: what to do, whether plain --fix may do it, and what it did.

Frozen dataclasses so equality and hashing agree and fixes cross process
boundaries (pickled by the worker pool, JSON in the cache).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class Applicability(str, enum.Enum):
    """Whether a fix may be applied without a person reviewing it (ruff's "fix applicability").

    SAFE fixes keep what a visitor sees (a lossless metadata strip, a downscale);
    UNSAFE ones change what pages say or where files live (renames, label edits,
    conversions) and need --unsafe-fixes. The rule's YAML declares the same value
    under `fix-safety`; a test compares the two.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Fix:
    """What to do about a finding; the applier registered for `action` carries it out.

    `args` are the applier's arguments (a tuple of plain values, so the fix can be
    cached as JSON); `summary` is what the report says the fix does.
    """

    action: str
    args: tuple = ()
    applicability: Applicability = Applicability.SAFE
    summary: str = ""

    @property
    def safe(self) -> bool:
        return self.applicability is Applicability.SAFE


@dataclass(frozen=True)
class Write:
    """Replace (or create) the file at `path` with `data`."""

    path: str
    data: bytes


@dataclass(frozen=True)
class Rename:
    """Move the file at `old` to `new` (both repository-relative)."""

    old: str
    new: str


@dataclass(frozen=True)
class Delete:
    """Remove the file at `path` (repository-relative): a file that has no place on a website."""

    path: str


@dataclass(frozen=True)
class FixContext:
    """What an applier may know besides the file it fixes.

    `root` is the repository; `site_files` every repository-relative file of the
    site as discovery sees it (Git's tracked and untracked-not-ignored files), so an
    applier that rewrites references never walks the tree again. `force`: read-only
    files may be replaced too (--force). `committed`: the files Git holds at HEAD (None
    outside Git), whose original bytes stay in history when a fix replaces them. `pending`: with
    --diff, the files as the fixes so far would leave them (fix/preview.Pending), which every fix
    reads through `read`; with --fix they are on disk, each fix written before the next runs.
    """

    root: Path
    site_files: Sequence[str] = ()
    force: bool = False
    committed: frozenset[str] | None = None
    pending: Any = None

    def read(self, relpath: str) -> bytes:
        """The file's bytes as the fixes before this one leave them (OSError when it cannot be read)."""
        return (self.root / relpath).read_bytes() if self.pending is None else self.pending.read(relpath)


def fixes_on_offer(findings, unsafe: bool) -> dict[str, list[Fix]]:
    """{path: the fixes `--fix` applies to it, each once, in the order of its findings}: every safe
    fix, and with `unsafe` (--unsafe-fixes) every other."""
    by_path: dict[str, list[Fix]] = {}
    for finding in findings:
        fix = finding.fix
        if fix and (fix.safe or unsafe) and fix not in by_path.setdefault(finding.path, []):
            by_path[finding.path].append(fix)
    return {path: fixes for path, fixes in by_path.items() if fixes}


RUN_TAG_VARIABLE = "SCHOOLLINT_RUN_TAG_KEY"


def new_run_tag_key() -> None:
    """Draw this run's fallback key for rename tags (fix/tags.py: used only when the user's secret can
    be neither read nor made). It lives in the environment so that worker processes share it however
    they are started, and is written nowhere, so a tag cannot be traced back."""
    os.environ[RUN_TAG_VARIABLE] = os.urandom(32).hex()   # secrets.token_hex(32) is this (its import: 8 M instructions)


def drawn_run_key() -> bytes:
    """This run's fallback key (a new one when no run drew one, as when a check runs alone)."""
    if not os.environ.get(RUN_TAG_VARIABLE):
        new_run_tag_key()
    return os.environ[RUN_TAG_VARIABLE].encode()


class PartlyDone(Exception):
    """Raised by an applier that made some of its fixes and refused the others: `operations` are
    what it made (apply_fixes carries them out), `refused` says why each other fix was not made."""

    def __init__(self, operations: Sequence[Write | Rename | Delete], refused: dict[Fix, str]):
        super().__init__("; ".join(dict.fromkeys(refused.values())))
        self.operations = list(operations)
        self.refused = refused


@dataclass
class Change:
    """What fixing one file did (or, with --diff, would do); never the bytes themselves.

    Each fix stands or falls alone: `error` says why a fix (or every fix) was refused, while
    `summaries` and the fields below say what the others did. With --diff a refusal beside
    changes made is a line of `diff` instead ("path: cannot fix: why"), as --diff prints either;
    `refused` lists those reasons either way, so a change made only in part is counted as such.
    """

    path: str
    summaries: list[str]
    size_before: int = 0
    size_after: int | None = None            # set when the file itself was rewritten
    renamed: list[tuple[str, str]] = field(default_factory=list)
    written: list[str] = field(default_factory=list)   # other files rewritten (references)
    before: dict[str, str] = field(default_factory=dict)   # content hashes before, this file's too (staging.py)
    created: list[str] = field(default_factory=list)   # new files (a converted copy)
    deleted: list[str] = field(default_factory=list)   # files removed (an unsafe sidecar fix)
    diff: str = ""
    error: str | None = None
    refused: list[str] = field(default_factory=list)   # why each fix not made was refused, beside others made
    internal: bool = False                   # the error is a bug, not the file's fault
    # The analysis of the file's new bytes (analysis.FileResult), made where they were verified
    # (pool.fix_in_worker), so the run need not read the file again (fix/outputs.py).
    output: Any = None

    @property
    def changed(self) -> bool:
        return bool(self.size_after is not None or self.renamed or self.written or self.created or self.deleted)

    @property
    def gone(self) -> list[str]:
        """Files no longer there under these names (moved or deleted), whose results are stale."""
        return [old for old, _new in self.renamed] + self.deleted

    @property
    def touched(self) -> list[str]:
        """Files that now hold new content, to be checked again."""
        own = [self.path] if self.size_after is not None and not self.renamed else []
        return own + self.written + self.created + [new for _old, new in self.renamed]
