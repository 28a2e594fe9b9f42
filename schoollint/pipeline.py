"""The one driver of `schoollint check`: configuration, discovery, analysis in the worker
pool through the cache, suppressions and baseline, fixes, reports, exit code.

Stages below it never import it: cli -> pipeline -> discover, analysis (formats,
pages, checks), suppress, fix, outcome.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from . import pool, usercache, warm_replay
from .analysis import Analyser, FileResult, identity, kind_of
from .baseline import DEFAULT_BASELINE, read_baseline, write_baseline
from .cache import Cache, signature_of, stat_key
from .codec import cacheable, needs_reading
from .config import load_config
from .config_files import find_config, unread_lookalikes
from .discover import committed_files, discover, find_root, relative, start_of
from .durable import EarlySync, wait_released
from .errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageError
from .fix.guard import remove_stale, take_over
from .fix.ahead import Made
from .fix.model import FixContext, fixes_on_offer, new_run_tag_key
from .fsio import MAP_THRESHOLD
from .outcome import Outcome
from .report import escaped, plural
from .report.emit import emit, show_diff, show_values
from .run_settings import apply_arguments, is_inside, roster_setting, settings_for, vision_setting
from .case_clash import case_clashes
from .unmatched_globs import unmatched_per_path
from .unrun_rules import no_roster, unrun   # rules selected but not judged: said (trial 8 items 6, 12)
from .suppress import settle, unknown_alts_note
from .unread import account as account_unread


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
    force: bool = False                 # --force: read-only files may be fixed too
    show_values: bool = False           # values are shown, so files are read again, not taken from the cache
    identify: bool = True               # findings carry their file's SHA-256 (baselines, fingerprints)


def load_effective_config(config_path: str | None, start: Path | None = None, warn: bool = True):
    """The configuration of the repository that holds `start` (default: the current folder). Unless
    `warn` is false (-qq), a file at its root named like a configuration that is not read is said on stderr."""
    root, in_git = find_root(start or Path.cwd())
    path = Path(config_path) if config_path else find_config(root)
    for warning in unread_lookalikes(root) if warn and not config_path else ():
        print(f"schoollint: warning: {escaped(warning)}", file=sys.stderr)
    if config_path and not (path and path.is_file()):
        raise UsageError(f"{config_path}: no such configuration file")
    display = relative(root, path) if path and is_inside(root, path) else (str(path) if path else None)
    config = load_config(path, display)
    if config.site_roots:   # where "/img/x.jpg" leads, for every stage that resolves a page's references
        from .pages.site_layout import use_site_roots

        use_site_roots(root, config.site_roots)
    return config, root, in_git


def _baseline(root: Path, args):
    if args.no_baseline or args.write_baseline:
        return None
    if args.baseline:
        return read_baseline(Path(args.baseline), root)
    default = root / DEFAULT_BASELINE
    return read_baseline(default, root) if os.path.lexists(default) else None


def run_check(args) -> int:
    if args.diff and args.fix:
        raise UsageError("--diff shows what --fix would do; use one or the other")
    if args.diff and (args.output_format != "text" or args.output_file or args.report):
        raise UsageError("--diff prints a diff, not a report: leave out --output-format, -o and --report")
    started = time.time()
    usercache.writable = not args.no_cache   # --no-cache: nothing written to this user's cache folder either
    config, root, in_git = load_effective_config(args.config, start_of(args.paths), warn=args.quiet < 2)
    apply_arguments(config, args)
    with ExitStack() as held:
        notes = take_over(root, args.fix, held)
        if args.fix:   # the replaced originals are freed while the run reports (durable.release)
            held.callback(wait_released)
        return _check(args, config, root, in_git, started, notes)


def _check(args, config, root: Path, in_git: bool, started: float, notes: list[str]) -> int:
    for path in args.paths:  # said before "outside the repository", which would mislead
        if not os.path.lexists(path):
            raise UsageError(f"{path}: no such file or folder")
    paths = [relative(root, Path(p)) for p in args.paths] or [relative(root, Path.cwd())]
    if args.diff_base and not in_git:
        raise UsageError("--diff-base needs a Git repository")
    found = discover(root, in_git, paths, config.exclude, args.force_exclude, args.diff_base)
    notes += remove_stale(root, found.temporary, started)
    settings = settings_for(roster_setting(root, in_git, args, config, notes), config.consent)
    notes += unrun(config, args, "." in paths and not args.diff_base)
    notes += case_clashes(found.files) + unmatched_per_path(config, found.files, paths == ["."] and not args.diff_base)
    # Which vision parts run is in the settings, so the cache tells a run without the extra apart.
    settings["vision"], vision_note = vision_setting(config, args.no_vision)
    settings["site-layout"], layout_notes = _site_layout(root, config)
    baseline = _baseline(root, args)
    replayed = warm_replay.replayed(args, root, in_git, config, settings, baseline, found, notes)
    if replayed is not None:    # nothing it depends on changed since a run wrote this report (warm_replay.py)
        return replayed
    formats = {args.output_format, *(name for name, _ in args.report)}
    options = RunOptions(
        fix=args.fix, unsafe_fixes=args.unsafe_fixes, diff=args.diff, use_cache=not args.no_cache,
        jobs=args.jobs, debug=args.debug, baseline=baseline,
        progress=sys.stderr.isatty() and not args.no_progress, force=args.force, show_values=show_values(args),
        identify=bool(args.write_baseline) or baseline is not None or not formats <= ANONYMOUS_FORMATS,
    )
    new_run_tag_key()
    run = Run(root, in_git, config, settings, options)
    run.site_files = found.files if paths == ["."] and not args.diff_base else None   # the whole site: listed once
    notes += ([vision_note] if vision_note else []) + layout_notes
    outcome = Outcome(notes=notes + found.notes)   # settle() counts the files checked
    results = run.analyse(found.files, fix_ahead=args.fix)
    run.settle(results, outcome)
    if args.fix or args.diff:
        touched = run.fix(outcome)
        from .site_consent import follow_moves   # what a renamed photo's metadata named goes with it

        follow_moves(run.cache, outcome.changes)
        if args.fix:  # a moved photo is staged as a move, so a commit never drops it
            from .fix.staging import stage_moves

            outcome.notes += stage_moves(root, in_git, outcome.changes)
        if touched or any(change.deleted for change in outcome.changes):  # check again what the fixes wrote
            fresh = {r.path: r for r in results}
            for change in outcome.changes:
                for old in change.gone:     # moved or deleted: its findings went with it
                    fresh.pop(old, None)
            # a file fixed in a worker was judged there from the bytes it verified (fix/outputs.py)
            judged = {c.path: c.output for c in outcome.changes if c.output is not None and c.path in touched}
            fresh.update((r.path, r) for r in run.analyse([p for p in touched if p not in judged
                                                           and (root / p).is_file()]))
            fresh.update((path, run.keep(result)) for path, result in judged.items())
            results, run.site_files = list(fresh.values()), None     # files may have moved: list the site again
            run.settle(results, outcome)
    run.cache.save()
    if found.special:   # named in a note each; counted with the files no reader judged (no silent pass)
        outcome.not_checked["special file"] = found.special
    outcome.notes += unknown_alts_note(results) + no_roster(config, settings["roster"], outcome.notes, outcome.findings)
    outcome.errors = [error for result in results for error in result.errors]
    outcome.errors += [f"{c.path}: internal error while fixing: {c.error}" for c in outcome.changes if c.internal]
    account_unread(found, outcome)   # folders not listed, links out of the repository: not checked, with why

    if args.write_baseline:
        default = args.write_baseline is True
        target = root / DEFAULT_BASELINE if default else Path(args.write_baseline)
        count = write_baseline(target, outcome.findings, root)
        shown = DEFAULT_BASELINE if default else args.write_baseline
        print(f"wrote {plural(count, 'baseline entry')} to {shown}; later runs report only new findings")
        return EXIT_ERROR if outcome.errors else EXIT_CLEAN
    if "." in paths and not args.diff_base:  # the whole site: rules about the site (SL605) run too
        from .run_rules import review_due

        outcome.findings = sorted(outcome.findings + review_due(root, config), key=lambda f: (f.path, f.line or 0))
    if args.diff:
        return show_diff(outcome)
    emit(args, root, outcome)
    return _exit_code(args, config, outcome)


def _site_layout(root: Path, config) -> tuple[str, list[str]]:
    """Where the site's root URLs lead (pages.site_layout: the generator's config, `site-roots`), as text
    that keys the cache (a page's SL304 depends on it), and what reading the generator's config noted;
    a `site-roots` folder that is not there is said (a typo would otherwise change nothing, silently)."""
    from .pages.site_layout import fingerprint, layout_for

    missing = [folder for folder in config.site_roots if not (root / folder).is_dir()]
    return fingerprint(root), list(layout_for(root, "").notes) + [
        f"site-roots: {folder}: no such folder in the repository" for folder in missing]


def _exit_code(args, config, outcome: Outcome) -> int:
    if outcome.errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    changed = args.fix and any(change.changed for change in outcome.changes)
    failing = [f for f in outcome.findings if config.fail_level == "warning" or f.severity == "error"]
    return EXIT_FINDINGS if failing or changed else EXIT_CLEAN


# Report formats that show no finding's fingerprint: a run writing only these (and no baseline)
# never hashes a file's bytes.
ANONYMOUS_FORMATS = frozenset({"text", "github", "junit", "summary", "github-action"})


class Run:
    """One check run's state: the analyser, the cache, and the options that steer them."""

    def __init__(self, root: Path, in_git: bool, config, settings: dict, options: RunOptions):
        self.root = root
        self.in_git = in_git
        self.config = config
        self.options = options
        self.selected = config.selected_codes()
        self.cache = Cache(root, enabled=options.use_cache)
        self.analyser = Analyser(root, config, self.selected, settings, options.debug, options.identify)
        self.site_files: list[str] | None = None   # every file of the site, when this run listed them all
        self.made: Made = {}      # fixes made ahead by the analysis (fix/ahead.py), until `fix` takes them
        self.syncing = EarlySync([])   # their temporary files being made durable meanwhile

    def analyse(self, paths: list[str], fix_ahead: bool = False) -> list[FileResult]:
        """Each file's result: from the cache when its bytes were judged before, else from a worker;
        with `fix_ahead`, the worker also makes the file's fixes while it holds its bytes (fix/ahead.py)."""
        results: dict[str, FileResult] = {}
        seen, looked, root = [], time.time_ns(), os.fspath(self.root)
        for relpath in paths:
            try:    # a str join: a Path per file was a third of a warm run's lookups (2,400 on the large site)
                seen.append((relpath, signature_of(os.stat(os.path.join(root, relpath)))))
            except OSError as exc:  # gone or unreadable since it was listed: say so, go on
                results[relpath] = FileResult(relpath, errors=[f"{relpath}: cannot read: {exc.strerror}"],
                                              unchecked=kind_of(relpath))
        jobs: list[tuple] = []
        isolate, known = False, self.cache.content_keys(self.in_git, seen)
        fixing = (self.options.unsafe_fixes, self.options.force) if fix_ahead else ()   # pool.FixingJob
        for (relpath, signature), (content, digest) in zip(seen, known, strict=True):
            key = content and self.analyser.cache_key(content, relpath)
            record = self.cache.get(key) if key else None
            if record is not None and not needs_reading(record, self.options.fix or self.options.diff,
                                                        self.options.show_values):
                result = results[relpath] = FileResult.restore(relpath, digest, key, record)
                if self.options.identify and not digest and (result.findings or result.suppressions):
                    with open(self.root / relpath, "rb") as handle:   # judged before by a run that needed no identity
                        result.content_hash = identity(handle)
                self.cache.remember(relpath, signature, content, result.content_hash, looked)
                continue
            jobs.append((relpath, (content, signature, digest), *fixing))
            isolate = isolate or signature[0] > MAP_THRESHOLD   # mapped: a shrinking file could kill its reader
        function, crashed = (pool.analyse_and_fix, pool.fixing_crashed) if fix_ahead else \
            (pool.analyse_in_worker, pool.analysis_crashed)
        for outcome in self._map(function, jobs, "checking", crashed, isolate):
            result, made = outcome if fix_ahead else (outcome, None)
            results[result.path] = self.keep(result)
            if made:
                self.made[result.path] = (made, result.stat)
        if fix_ahead:   # the disk makes the files staged ahead durable while the run settles (durable.EarlySync)
            self.syncing = EarlySync([staged[0] for made, _ in self.made.values() for staged in made[2]])
        return [results[relpath] for relpath in paths]

    def keep(self, result: FileResult) -> FileResult:
        """`result` kept in the cache when it was judged without error from bytes whose stat signature
        is known; a fixed file's output (fix/outputs.py) gets its keys here, as Analyser.analyse sets them."""
        if result.errors or not result.stat:
            return result
        if not result.content_key:
            result.content_key = stat_key(result.stat)
            result.cache_key = self.analyser.cache_key(result.content_key, result.path)
            result.read_at = time.time_ns()
        if not self.cache.enabled:   # --no-cache: nothing kept, so no record made (2,400 on the large site, serial)
            return result
        self.cache.remember(result.path, result.stat, result.content_key, result.content_hash, result.read_at)
        record = result.to_cache()
        if cacheable(record) and result.depends is not None:
            self.cache.put(result.cache_key, record, result.depends)
        return result

    def settle(self, results: list[FileResult], outcome: Outcome) -> None:
        from .site_rules import with_site_findings   # photos across pages: SL202, SL501, SL502

        results = with_site_findings(self.root, self.in_git, self.config, self.selected, self.analyser.settings,
                                     results, self.cache, self.site_files)
        settle(self.root, results, self.config, self.selected, self.options.baseline, outcome)

    def fix(self, outcome: Outcome) -> list[str]:
        """Apply (or, with --diff, describe) every fix on offer; return the paths to check again.

        Files whose fixes change only themselves are fixed in parallel; fixes that
        touch other files (renames rewrite pages) run one after another.
        """
        from .fix.ahead import taken
        from .fix.appliers import LOCAL_ACTIONS
        from .fix.apply import apply_fixes, commit_batch
        from .fix.preview import Pending
        from .fix.widths import alone
        from .pages.filetypes import is_media

        force = self.options.force
        jobs = [(relpath, fixes, not self.options.diff, force)
                for relpath, fixes in fixes_on_offer(outcome.findings, self.options.unsafe_fixes).items()]
        local = [job for job in jobs if all(fix.action in LOCAL_ACTIONS for fix in job[1])]
        local = alone(self.root, self.in_git, local, self.site_files)   # a downscale pages describe: not alone
        # --diff: a page's own fixes are made in this process, so that a rename rewriting the page
        # after them starts from their bytes, as --fix's renames start from the pages committed first
        preview = Pending(self.root) if self.options.diff else None
        in_workers = [job for job in local if preview is None or is_media(job[0])]
        done, left = taken(self.root, self.made, in_workers)
        done.update((change.path, (change, staged)) for change, staged in self._map(pool.fix_in_worker, left, "fixing",
                                                                                    pool.fix_crashed))
        changes = commit_batch(self.root, [done[job[0]] for job in in_workers], self.syncing.durable())
        shared = [job for job in local if job not in in_workers] + [job for job in jobs if job not in local]
        if shared:
            context = FixContext(self.root, tuple(discover(self.root, self.in_git, ["."], []).files), force,
                                 committed_files(self.root) if self.in_git else None, preview)
            changes += [apply_fixes(context, *job[:3], debug=self.options.debug) for job in shared]
        if preview is not None:
            preview.finish()
        outcome.changes.extend(changes)
        return [path for change in changes if change.changed and not self.options.diff for path in change.touched]

    def _map(self, function, jobs: list, doing: str, crashed, isolate: bool = False) -> list:
        return pool.run_jobs(self.analyser, function, jobs, self.options.jobs, doing, self.options.progress,
                             crashed, isolate)
