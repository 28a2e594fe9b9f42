"""The engine: analyse files (in a worker pool, through the cache), turn what
checks said into findings, and apply fixes. It knows nothing about any rule.
"""

from __future__ import annotations

import difflib
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .analyse import Analyser, FileResult, analyse_in_worker, init_worker
from .baseline import apply_baseline
from .cache import Cache, stat_of
from .finding import Finding, Fix, Rename, Write
from .fixes import APPLIERS, applier
from .fsio import atomic_write

UNUSED_SUPPRESSION = "SL001"
# Below this many files to analyse, starting worker processes costs more than it saves.
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
class Change:
    path: str
    summaries: list[str]
    operations: list = field(default_factory=list)
    error: str | None = None
    size_before: int = 0


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
        self.analyser = Analyser(root, config, self.selected, settings, self.cache.results, options.debug)

    # -- analysis -----------------------------------------------------------------------------

    def analyse(self, paths: list[str]) -> list[FileResult]:
        self._started = time.monotonic()
        jobs = []
        for relpath in paths:
            size, mtime = stat_of(self.root / relpath)
            jobs.append((relpath, self.cache.known_hash(relpath, size, mtime) if self.cache.enabled else None))
        workers = self.options.jobs or os.cpu_count() or 1
        if workers > 1 and len(jobs) >= POOL_THRESHOLD:
            results = self._analyse_in_pool(jobs, workers)
        else:
            results = [self._progress(i, len(jobs), self.analyser.analyse(*job)) for i, job in enumerate(jobs)]
        for result in results:
            if not result.errors and result.content_hash:
                size, mtime = stat_of(self.root / result.path)
                self.cache.remember_hash(result.path, size, mtime, result.content_hash)
                if not result.from_cache:
                    self.cache.put(result.cache_key, result.to_cache())
        return results

    def _analyse_in_pool(self, jobs, workers: int) -> list[FileResult]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        chunk = max(1, min(32, len(jobs) // (workers * 8)))
        with ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker,
                                 initargs=(self.analyser,)) as pool:
            return [self._progress(i, len(jobs), result)
                    for i, result in enumerate(pool.map(analyse_in_worker, jobs, chunksize=chunk))]

    def _progress(self, index: int, total: int, result: FileResult) -> FileResult:
        if self.options.progress and time.monotonic() - self._started > 1.0:
            done = index + 1
            width = 30
            filled = width * done // total
            end = "\n" if done == total else ""
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files{end}")
            sys.stderr.flush()
        return result

    # -- findings -----------------------------------------------------------------------------

    def findings(self, results: list[FileResult], report: Report) -> None:
        report.findings = []
        for result in results:
            report.errors.extend(result.errors)
            ignored = self.config.ignored_for(result.path)
            kept = [self._finding(result, p) for p in result.problems if p.code not in ignored]
            report.ignored += len(result.problems) - len(kept)
            report.findings.extend(self._apply_suppressions(result, kept))
        if self.options.baseline is not None:
            checked = {result.path for result in results}
            report.findings, report.stale_baseline = apply_baseline(report.findings, self.options.baseline, checked)
        report.findings.sort(key=lambda f: (f.path, f.line or 0, f.code))

    @staticmethod
    def _finding(result: FileResult, problem) -> Finding:
        return Finding(code=problem.code, path=result.path, message=problem.message, line=problem.line,
                       field=problem.field, content_hash=result.content_hash, value=problem.value,
                       fix=problem.fix, severity=problem.severity)

    def _apply_suppressions(self, result: FileResult, findings: list[Finding]) -> list[Finding]:
        kept = []
        used = set()
        for finding in findings:
            silenced_by = next((s for s in result.suppressions
                                if finding.line in s.covers and (not s.codes or finding.code in s.codes)), None)
            if silenced_by is None:
                kept.append(finding)
            else:
                used.add(silenced_by)
        if UNUSED_SUPPRESSION in self.selected:
            for suppression in result.suppressions:
                if suppression not in used:
                    what = ", ".join(sorted(suppression.codes)) or "all rules"
                    kept.append(Finding(code=UNUSED_SUPPRESSION, path=result.path, line=suppression.line,
                                        message=f"this `schoollint: ignore` ({what}) suppresses nothing",
                                        content_hash=result.content_hash,
                                        fix=None))
        return kept

    # -- fixes --------------------------------------------------------------------------------

    def fix(self, report: Report) -> list[str]:
        """Apply (or, with --diff, describe) every fix on offer; return the paths to check again."""
        by_path: dict[str, list[Fix]] = {}
        for finding in report.findings:
            fix = finding.fix
            if fix and (fix.safe or self.options.unsafe_fixes) and fix not in by_path.setdefault(finding.path, []):
                by_path[finding.path].append(fix)
        touched: list[str] = []
        for relpath, fixes in by_path.items():
            change = self._fix_file(relpath, fixes)
            report.changes.append(change)
            if change.error is None and not self.options.diff:
                touched.extend(self._touched(change))
        return touched

    def _fix_file(self, relpath: str, fixes: list[Fix]) -> Change:
        change = Change(path=relpath, summaries=[fix.summary for fix in fixes])
        try:
            original = (self.root / relpath).read_bytes()
            change.size_before = len(original)
            current = original
            operations: list = []
            for action in APPLIERS:
                chosen = [fix for fix in fixes if fix.action == action]
                if not chosen:
                    continue
                for operation in applier(action)(self.root, relpath, current, chosen):
                    if isinstance(operation, Write) and operation.path == relpath:
                        current = operation.data
                    else:
                        operations.append(operation)
            if current != original:
                operations.insert(0, Write(relpath, current))
            change.operations = operations
            if not self.options.diff:
                self._carry_out(operations)
        except Exception as exc:  # MediaError, PageError, OSError...: the file stays as it was
            change.error = f"{type(exc).__name__}: {exc}" if self.options.debug else str(exc)
            change.operations = []
        return change

    def _carry_out(self, operations) -> None:
        renames = [operation for operation in operations if isinstance(operation, Rename)]
        for rename in renames:  # before anything is written, so a refused rename changes nothing
            if os.path.lexists(self.root / rename.new):
                raise FileExistsError(f"{rename.new}: already exists, not renaming {rename.old}")
        for operation in operations:
            if isinstance(operation, Write):
                atomic_write(self.root / operation.path, operation.data)
        for rename in renames:
            target = self.root / rename.new
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(self.root / rename.old, target)

    @staticmethod
    def _touched(change: Change) -> list[str]:
        paths = []
        for operation in change.operations:
            paths.append(operation.path if isinstance(operation, Write) else operation.new)
        return paths

    def save_cache(self) -> None:
        self.cache.save()


def describe_change(root: Path, change: Change) -> str:
    """A diff for text files, a byte count for binary ones, for --diff."""
    lines = []
    for operation in change.operations:
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
