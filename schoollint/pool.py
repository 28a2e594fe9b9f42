"""Running per-file work in worker processes, with a progress bar on a terminal.

Each worker holds one Analyser, set up once by `init_worker`; the functions
below are what the pool maps over jobs. Fork on Linux (cheap, shares the
loaded catalogue), spawn elsewhere (the Analyser pickles without its modules).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable

from .analysis import Analyser, FileResult
from .fix.model import Change, Fix, FixContext

# Below this many jobs, starting worker processes costs more than it saves.
POOL_THRESHOLD = 24

_worker: Analyser | None = None


def init_worker(analyser: Analyser) -> None:
    global _worker
    _worker = analyser


def _analyser() -> Analyser:
    if _worker is None:
        raise RuntimeError("init_worker was not called in this process")
    return _worker


def analyse_in_worker(job: tuple[str, str | None]) -> FileResult:
    return _analyser().analyse(*job)


def fix_in_worker(job: tuple[str, list[Fix], bool]) -> Change:
    """Fix one file whose fixes touch only itself (so no list of the site's files is needed)."""
    from .fix.apply import apply_fixes

    analyser = _analyser()
    relpath, fixes, write = job
    return apply_fixes(FixContext(analyser.root), relpath, fixes, write, debug=analyser.debug)


def run_jobs(analyser: Analyser, function: Callable, jobs: list, jobs_wanted: int, doing: str,
             progress: bool) -> list:
    """function(job) for every job, in order: in worker processes when there are enough jobs and cores."""
    workers = jobs_wanted or os.cpu_count() or 1
    if workers == 1 or len(jobs) < POOL_THRESHOLD:
        init_worker(analyser)
        return _with_progress(map(function, jobs), len(jobs), doing, progress)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    chunk = max(1, min(32, len(jobs) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker,
                             initargs=(analyser,)) as pool:
        return _with_progress(pool.map(function, jobs, chunksize=chunk), len(jobs), doing, progress)


def _with_progress(outcomes: Iterable, total: int, doing: str, progress: bool) -> list:
    """Collect outcomes, drawing a bar on stderr once the work has taken more than a second."""
    started = time.monotonic()
    collected = []
    for outcome in outcomes:
        collected.append(outcome)
        if progress and time.monotonic() - started > 1.0:
            done = len(collected)
            filled = 30 * done // total
            end = "\n" if done == total else ""
            sys.stderr.write(f"\r{doing} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} files{end}")
            sys.stderr.flush()
    return collected
