"""The engine: analyse files (in a worker pool, through the cache), turn what
checks said into findings, and apply fixes. It knows nothing about any rule.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import analyse as worker
from .analyse import Analyser, FileResult
from .baseline import apply_baseline
from .cache import Cache, stat_of
from .finding import Finding, Fix
from .fixes import LOCAL_ACTIONS, Change, apply_fixes

UNUSED_SUPPRESSION = "SL001"
# Below this many files, starting worker processes costs more than it saves.
POOL_THRESHOLD = 24


@dataclass
class RunOptions:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    use_cache: bool = True
    jobs: int = 0                       # 0: one worker per core
    debug: bool = False
    progress: bool = False
    baseline: dict[str, str] | None = None


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files_checked: int = 0
    changes: list[Change] = field(default_factory=list)
    stale_baseline: list[str] = field(default_factory=list)
    ignored: int = 0

    def fixable(self, unsafe: bool) -> int:
        return sum(1 for f in self.findings if f.fix and (f.fix.safe or unsafe))


class Engine:
    def __init__(self, root: Path, config, settings: dict, options: RunOptions):
        self.root = root
        self.config = config
        self.options = options
        self.selected = config.selected_codes()
        self.cache = Cache(root, enabled=options.use_cache)
        self.analyser = Analyser(root, config, self.selected, settings, options.debug)

    # -- analysis -----------------------------------------------------------------------------

    def analyse(self, paths: list[str]) -> list[FileResult]:
        """Each file's result: from the cache when its bytes were seen before, else from a worker."""
        results: dict[str, FileResult] = {}
        jobs = []
        for relpath in paths:
            try:
                size, mtime = stat_of(self.root / relpath)
            except OSError as exc:  # gone or unreadable since it was listed: say so, go on
                results[relpath] = FileResult(relpath, errors=[f"{relpath}: cannot read: {exc.strerror}"])
                continue
            known = self.cache.known_hash(relpath, size, mtime)
            if known is not None:
                key = self.analyser.cache_key(known, relpath)
                record = self.cache.get(key)
                if record is not None:
                    results[relpath] = FileResult.restore(relpath, known, key, record)
                    continue
            jobs.append((relpath, known))
        for result in self._map(worker.analyse_in_worker, jobs, "checking"):
            results[result.path] = result
            if not result.errors and result.content_hash:
                self.cache.remember_hash(result.path, *result.stat, result.content_hash)
                if self.cache.enabled:
                    self.cache.put(result.cache_key, result.to_cache())
        return [results[relpath] for relpath in paths]

    def _map(self, function, jobs: list, doing: str) -> list:
        """function(job) for every job: in worker processes when there are enough jobs and cores."""
        workers = self.options.jobs or os.cpu_count() or 1
        if workers == 1 or len(jobs) < POOL_THRESHOLD:
            worker.init_worker(self.analyser)
            return self._with_progress(map(function, jobs), len(jobs), doing)
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Vision's models start OpenMP and onnxruntime thread pools; a worker forked from a process that
        # loaded them (a serial run earlier in the same process) inherits their locks but not their
        # threads, and hangs. So workers start fresh when vision runs.
        fresh = self.analyser.settings.get("vision") or not sys.platform.startswith("linux")
        context = multiprocessing.get_context("spawn" if fresh else "fork")
        chunk = max(1, min(32, len(jobs) // (workers * 8)))
        with ProcessPoolExecutor(workers, mp_context=context, initializer=worker.init_worker,
                                 initargs=(self.analyser,)) as pool:
            return self._with_progress(pool.map(function, jobs, chunksize=chunk), len(jobs), doing)

    def _with_progress(self, outcomes, total: int, doing: str) -> list:
        """Collect outcomes, drawing a bar on stderr once the work has taken more than a second."""
        started = time.monotonic()
        collected = []
        for outcome in outcomes:
            collected.append(outcome)
            if self.options.progress and time.monotonic() - started > 1.0:
                done = len(collected)
                filled = 30 * done // total
                end = "\n" if done == total else ""
                sys.stderr.write(f"\r{doing} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} files{end}")
                sys.stderr.flush()
        return collected

    # -- findings -----------------------------------------------------------------------------

    def findings(self, results: list[FileResult], report: Report) -> None:
        report.findings = []
        report.ignored = 0
        for result in results:
            ignored = self.config.ignored_for(result.path)
            found, unused = self._apply_suppressions(result, [self._finding(result, p) for p in result.problems])
            kept = [finding for finding in found if finding.code not in ignored]
            report.ignored += len(found) - len(kept)
            report.findings.extend(kept)
            active = self.selected - set(ignored)
            if UNUSED_SUPPRESSION in active:
                # A suppression for a rule that is not running here cannot be judged unused.
                report.findings.extend(self._unused(result, s) for s in unused if s.codes <= active)
        if self.options.baseline is not None:
            checked = {result.path for result in results}
            report.findings, report.stale_baseline = apply_baseline(report.findings, self.options.baseline, checked)
        report.findings.sort(key=lambda f: (f.path, f.line or 0, f.code))

    @staticmethod
    def _finding(result: FileResult, problem) -> Finding:
        return Finding(code=problem.code, path=result.path, message=problem.message, line=problem.line,
                       field=problem.field, content_hash=result.content_hash, value=problem.value,
                       fix=problem.fix, severity=problem.severity)

    @staticmethod
    def _apply_suppressions(result: FileResult, findings: list[Finding]):
        """Findings no inline suppression silences, and the suppressions that silenced nothing."""
        kept = []
        used = set()
        for finding in findings:
            silenced_by = next((s for s in result.suppressions
                                if finding.line in s.covers and (not s.codes or finding.code in s.codes)), None)
            if silenced_by is None:
                kept.append(finding)
            else:
                used.add(silenced_by)
        return kept, [s for s in result.suppressions if s not in used]

    @staticmethod
    def _unused(result: FileResult, suppression) -> Finding:
        what = ", ".join(sorted(suppression.codes)) or "all rules"
        return Finding(code=UNUSED_SUPPRESSION, path=result.path, line=suppression.line,
                       message=f"this `schoollint: ignore` ({what}) suppresses nothing",
                       field="inline suppression", content_hash=result.content_hash)

    # -- fixes --------------------------------------------------------------------------------

    def fix(self, report: Report) -> list[str]:
        """Apply (or, with --diff, describe) every fix on offer; return the paths to check again.

        Files whose fixes change only themselves are fixed in parallel; fixes that
        touch other files (renames rewrite pages) run one after another.
        """
        by_path: dict[str, list[Fix]] = {}
        for finding in report.findings:
            fix = finding.fix
            if fix and (fix.safe or self.options.unsafe_fixes) and fix not in by_path.setdefault(finding.path, []):
                by_path[finding.path].append(fix)
        jobs = [(relpath, fixes, not self.options.diff) for relpath, fixes in by_path.items() if fixes]
        local = [job for job in jobs if all(fix.action in LOCAL_ACTIONS for fix in job[1])]
        changes = self._map(worker.fix_in_worker, local, "fixing")
        changes += [apply_fixes(self.root, *job, debug=self.options.debug) for job in jobs if job not in local]
        report.changes.extend(changes)
        return [path for change in changes if change.changed and not self.options.diff for path in change.touched]

    def save_cache(self) -> None:
        self.cache.save()

