"""Fixes made ahead of the run's decision, while the analysis held each file's bytes (issue 18).

In a `--fix` run each worker fixes the file it has just judged, when every fix on offer for it
touches only that file (pool.analyse_and_fix): the new bytes are verified, judged and staged
beside the original, exactly as a fix job would (fix.apply.apply_fixes), but nothing is renamed.
Which fixes the run applies is settled only later (suppressions, the baseline, the site rules,
--unsafe-fixes): `taken` keeps what was made ahead where that is exactly what the run applies and
the file has not changed since it was read, and removes every other staged file, whose fixes are
then made from the file as it is now. Until the batch is committed no original has changed, so a
kill at any instant leaves each file the original (and a temporary file the next run removes).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..cache import Signature, signature_of
from .model import Change, Fix
from .outputs import Stamp

Staged = list[tuple[str, str, Stamp]]
# Per path: ((the fixes made, the change, the file staged), the file's signature when it was read).
Made = dict[str, tuple[tuple[list[Fix], Change, Staged], Signature | None]]


def taken(root: Path, made: Made, jobs: list[tuple[str, list[Fix], bool, bool]]
          ) -> tuple[dict[str, tuple[Change, Staged]], list[tuple[str, list[Fix], bool, bool]]]:
    """({path: (change, staged)} for the jobs whose fixes were made ahead as the run now wants them,
    the jobs left to do). Everything else made ahead is removed, and `made` emptied."""
    kept, left, folder = {}, [], os.fspath(root)
    for job in jobs:
        entry = made.pop(job[0], None)
        if entry and set(entry[0][0]) == set(job[1]) and _unchanged(os.path.join(folder, job[0]), entry[1]):
            kept[job[0]] = entry[0][1:]
        else:
            left.append(job)
            if entry:
                discard(entry[0][2])
    for entry in made.values():
        discard(entry[0][2])
    made.clear()
    return kept, left


def _unchanged(path: str, signature: Signature | None) -> bool:
    try:
        return signature is not None and signature_of(os.stat(path)) == signature
    except OSError:
        return False


def discard(staged: Staged) -> None:
    """Remove files staged and not to be committed (a file already gone is no error)."""
    for temporary, _, _ in staged:
        try:
            os.unlink(temporary)
        except OSError:
            pass
