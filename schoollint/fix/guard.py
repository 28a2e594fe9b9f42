"""What a run does before anything else when it may fix: one fixer at a time, nothing left over.

`take_over` holds the repository's fix lock for the run (a second `--fix` waits, and says so)
and finishes a multi-file fix that a stopped run left part-way (fix/journal.py), also for a
run without --fix, so no run reports a half-renamed site. `remove_stale` removes the
temporary files (`*.schoollint-tmp`) that killed runs left beside the files they were fixing.
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from pathlib import Path


def take_over(root: Path, fixing: bool, held: ExitStack) -> list[str]:
    """With --fix, or when an earlier fix was stopped part-way: hold the fix lock (until `held`
    closes) and finish that fix first. Notes saying what was done; CacheError for a cache folder
    that is a symlink, OSError when it cannot be made."""
    from ..cache import fix_lock
    from .journal import pending, recover

    if not (fixing or pending(root)):
        return []
    notes: list[str] = []
    held.enter_context(fix_lock(root, notes))
    return notes + recover(root)


def remove_stale(root: Path, temporary: list[str], started: float) -> list[str]:
    """Remove the temporary files among `temporary` (repository-relative) that are older than this
    run (`started`, seconds since the epoch) and whose writer is gone; a note saying how many."""
    from ..cache import CACHE_DIR
    from ..fsio import TEMP_SUFFIX, stale_temporary

    cache = root / CACHE_DIR   # the cache and the fix journal are written atomically too
    own = [f"{CACHE_DIR}/{name}" for name in (os.listdir(cache) if cache.is_dir() else ())
           if name.endswith(TEMP_SUFFIX)]
    removed = 0
    for relpath in temporary + own:
        if stale_temporary(root / relpath, started):
            try:
                os.unlink(root / relpath)
            except OSError:
                continue
            removed += 1
    return [f"removed {removed} temporary file{'s' if removed != 1 else ''} that a stopped run left"] if removed else []
