"""`schoollint check`: from command-line arguments to a report and an exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from . import catalogue
from .baseline import DEFAULT_BASELINE, read_baseline, write_baseline
from .cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageError
from .config import find_config, load_config
from .discover import discover, find_root, relative
from .engine import Engine, Report, RunOptions
from .report import PUBLIC_FORMATS, View, render


def load_effective_config(config_path: str | None, start: Path | None = None):
    """The configuration of the repository that holds `start` (default: the current folder)."""
    root, in_git = find_root(start or Path.cwd())
    path = Path(config_path) if config_path else find_config(root)
    if config_path and not path.is_file():
        raise UsageError(f"{config_path}: no such configuration file")
    display = relative(root, path) if path and _is_inside(root, path) else (str(path) if path else None)
    return load_config(path, display), root, in_git


def _start(paths: list[str]) -> Path | None:
    """Where to look for the repository: the current folder, unless the first path named lies
    elsewhere (`check ../other-site`). Judged on the path as written, so a link is not followed."""
    if not paths or not os.path.lexists(paths[0]):
        return None
    first = Path(os.path.abspath(paths[0]))
    if first.is_relative_to(Path.cwd()):
        return None
    return first if first.is_dir() and not first.is_symlink() else first.parent


def _is_inside(root: Path, path: Path) -> bool:
    return Path(os.path.abspath(path)).is_relative_to(root)


def _apply_arguments(config, args) -> None:
    if args.select is not None:
        config.select = args.select
    config.extend_select = config.extend_select + args.extend_select
    config.ignore = config.ignore + args.ignore
    config.exclude = config.exclude + args.exclude
    if args.fail_level:
        config.fail_level = args.fail_level
    config.selected_codes()  # raises a CatalogueError naming an unknown code


def _roster_setting(root: Path, in_git: bool, args, config) -> str | None:
    given = args.roster or os.environ.get("SCHOOLLINT_ROSTER")  # beats the configuration, like ruff
    chosen = given or config.roster
    if not chosen:
        return None
    path = (Path.cwd() / chosen) if given else (root / chosen)
    if not path.is_file():
        raise UsageError(f"{chosen}: roster file not found")
    from .names.roster import load_roster

    roster = load_roster(path)  # a broken roster or a missing key: one clear error now, not one per file
    if not roster.hashed and in_git and _is_inside(root, path) and _tracked(root, path):
        raise UsageError(
            f"{relative(root, path)}: the roster of names is tracked by Git. A roster must never be "
            "committed: `git rm --cached` it, add it to .gitignore, and use "
            "`schoollint roster hash` to make a form that is safe to commit"
        )
    return str(path.resolve())


def _key_fingerprint() -> str | None:
    """Identifies the roster key in the cache without storing anything that reveals it."""
    import hashlib

    from .names.roster import KEY_VARIABLE

    key = os.environ.get(KEY_VARIABLE)
    return hashlib.sha256(b"schoollint cache key\0" + key.encode()).hexdigest()[:16] if key else None


def _digest(path: Path) -> str:
    from .fsio import content_hash

    return content_hash(path.read_bytes())


def _tracked(root: Path, path: Path) -> bool:
    result = subprocess.run(["git", "ls-files", "--error-unmatch", "--", relative(root, path)],
                            cwd=root, capture_output=True)
    return result.returncode == 0


def _baseline(root: Path, args):
    if args.no_baseline or args.write_baseline:
        return None
    if args.baseline:
        return read_baseline(Path(args.baseline))
    default = root / DEFAULT_BASELINE
    return read_baseline(default) if default.is_file() else None


def run_check(args) -> int:
    if args.diff and args.fix:
        raise UsageError("--diff shows what --fix would do; use one or the other")
    if args.diff and (args.output_format != "text" or args.output_file or args.report):
        raise UsageError("--diff prints a diff, not a report: leave out --output-format, -o and --report")
    config, root, in_git = load_effective_config(args.config, _start(args.paths))
    _apply_arguments(config, args)
    paths = [relative(root, Path(p)) for p in args.paths] or [relative(root, Path.cwd())]
    if args.diff_base and not in_git:
        raise UsageError("--diff-base needs a Git repository")
    found = discover(root, in_git, paths, config.exclude, args.force_exclude, args.diff_base)
    roster = _roster_setting(root, in_git, args, config)
    # What the roster says, and which key hashes names, change findings: so they key the cache.
    settings = {"roster": roster, "roster-digest": _digest(Path(roster)) if roster else None,
                "roster-key": _key_fingerprint()}
    from .vision import run_setting

    # Which vision parts run is in the settings, so the cache tells a run without the extra apart.
    settings["vision"], vision_note = run_setting(config.selected_codes(), args.no_vision)
    options = RunOptions(
        fix=args.fix, unsafe_fixes=args.unsafe_fixes, diff=args.diff, use_cache=not args.no_cache,
        jobs=args.jobs, debug=args.debug, baseline=_baseline(root, args),
        progress=sys.stderr.isatty() and not args.no_progress,
    )
    engine = Engine(root, config, settings, options)
    report = Report(files_checked=len(found.files), notes=found.notes + ([vision_note] if vision_note else []))
    results = engine.analyse(found.files)
    engine.findings(results, report)
    if args.fix or args.diff:
        touched = engine.fix(report)
        if touched:  # check what the fixes wrote, so the report says what is left
            fresh = {r.path: r for r in results}
            for change in report.changes:
                for old, _new in change.renamed:
                    fresh.pop(old, None)
            fresh.update((r.path, r) for r in engine.analyse([p for p in touched if (root / p).is_file()]))
            results = list(fresh.values())
            engine.findings(results, report)
    engine.save_cache()
    report.errors = [error for result in results for error in result.errors]
    report.errors += [f"{c.path}: internal error while fixing: {c.error}" for c in report.changes if c.internal]

    if args.write_baseline:
        default = args.write_baseline is True
        target = root / DEFAULT_BASELINE if default else Path(args.write_baseline)
        count = write_baseline(target, report.findings)
        shown = DEFAULT_BASELINE if default else args.write_baseline
        print(f"wrote {count} baseline entries to {shown}; later runs report only new findings")
        return EXIT_ERROR if report.errors else EXIT_CLEAN
    if args.diff:
        return _show_diff(report)
    _emit(args, root, report)
    return _exit_code(args, config, report)


def _emit(args, root: Path, report: Report) -> None:
    to_terminal = not args.output_file and sys.stdout.isatty()
    view = View(
        root=root,
        show_values=args.show_values or (args.output_format not in PUBLIC_FORMATS and to_terminal
                                         and not os.environ.get("CI")),
        colour=to_terminal and not os.environ.get("NO_COLOR"),
    )
    text = render(args.output_format, report, view)
    if args.output_file:
        Path(args.output_file).write_text(text, encoding="utf-8", errors="surrogateescape")
    else:
        sys.stdout.write(text)
    for name, path in args.report:  # further reports are files, so never coloured or valued by the terminal
        extra = View(root=root, show_values=args.show_values)
        Path(path).write_text(render(name, report, extra), encoding="utf-8", errors="surrogateescape")
    _notes_and_errors(report)


def _notes_and_errors(report: Report) -> None:
    for note in report.notes:
        print(f"schoollint: note: {note}", file=sys.stderr)
    for error in report.errors:
        print(f"schoollint: error: {error}", file=sys.stderr)


def _show_diff(report: Report) -> int:
    """--diff: what --fix would change, as a diff; exit 1 when it would change anything."""
    for change in report.changes:
        print(f"{change.path}: cannot fix: {change.error}" if change.error else change.diff)
    would = [change for change in report.changes if change.changed]
    print(f"{len(would)} file{'s' if len(would) != 1 else ''} would be fixed "
          f"({len(report.changes) - len(would)} could not be)", file=sys.stderr)
    _notes_and_errors(report)
    return EXIT_ERROR if report.errors else (EXIT_FINDINGS if would else EXIT_CLEAN)


def _exit_code(args, config, report: Report) -> int:
    if report.errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    changed = args.fix and any(change.changed for change in report.changes)
    failing = [f for f in report.findings
               if config.fail_level == "warning" or catalogue.severity_of(f) == "error"]
    return EXIT_FINDINGS if failing or changed else EXIT_CLEAN
