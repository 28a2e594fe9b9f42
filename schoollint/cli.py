"""Command line: `schoollint check|rules|rule|config|roster`: arguments only, then the stage that does the work.

Exit codes: 0 clean, 1 findings (or files changed by --fix), 2 usage,
configuration or internal error. No traceback reaches a user unless --debug.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

from .errors import EXIT_CLEAN, EXIT_ERROR, UsageError, describe


def _hook_file_names(argv: list[str]) -> list[str]:
    """Under pre-commit (PRE_COMMIT=1), which appends the staged file names to the hook's own
    arguments with no `--` between them, a name that starts with "-" and is a file here is
    passed as "./name": a committed file named `--exclude=*.jpg` must be checked, not obeyed."""
    if os.environ.get("PRE_COMMIT") != "1":
        return argv
    return [f"./{word}" if word.startswith("-") and os.path.lexists(word) else word for word in argv]

def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if argv is None:    # a check that finds everything as the run before: its report, before any import
        from .warm_start import replayed

        try:
            code = replayed(sys.argv[1:])
        except Exception:   # no current folder, a bare repository, ...: the run that follows says what is wrong
            code = None
        if code is not None:
            return code
    import gc

    from . import compiled

    # A run makes many short-lived objects and almost no cycles: Python's default (a young collection
    # every 700 allocations) spends about 2% of a warm run collecting nothing. Cycles are still freed.
    gc.set_threshold(10_000, 10, 10)
    with compiled.reusing():        # dataclasses' generated methods and regexes: compiled once, not every start
        return _main(argv)


# Whether this process runs the command line it was started with (`schoollint ...`, `python -m schoollint`):
# only such a run replays the report of the run before (warm_replay.py), never a caller's main([...]).
_own_command_line = False


def _main(argv: list[str] | None) -> int:
    global _own_command_line
    _own_command_line = argv is None
    words = _hook_file_names(sys.argv[1:] if argv is None else argv)
    # The command is the first word that is no option: the top level's options (--version, -h) take no value.
    from .cli_options import build_parser, parse

    args = parse(build_parser(next((word for word in words if not word.startswith("-")), None)), words)
    handler = {"check": _check, "audit": _audit, "history": _history, "rules": _rules, "rule": _rule,
               "config": _config, "roster": _roster}[args.command]
    try:
        with _quieted(args):
            return handler(args)
    except KeyboardInterrupt:
        print("schoollint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        if getattr(args, "debug", False):
            raise
        _say_error(exc)
        return EXIT_ERROR


def _say_error(exc: Exception, where: str = "") -> None:
    """The one line an exception gives the user: its description, or for a bug (not a user
    mistake) what it was and where to look."""
    from .report import escaped

    message = describe(exc) or f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)"
    print(f"schoollint: error: {where}{escaped(message)}", file=sys.stderr)


@contextmanager
def _quieted(args):
    """-q for the commands that print their notes themselves (`audit`, `history`), as `check` prints
    them (report.emit): lines to stderr are let through as `-q` lets them. A no-op without -q."""
    quiet = getattr(args, "quiet", 0) if args.command != "check" else 0
    if not quiet:
        yield
        return
    from .cli_quiet import QuietLines

    streams = sys.stdout, sys.stderr
    sys.stderr = QuietLines(sys.stderr, quiet)
    if quiet > 1 and args.command == "history":    # -qq: the exit code tells (audit's output is the report)
        sys.stdout = QuietLines(sys.stdout, quiet)
    try:
        yield
    finally:
        sys.stderr.flush()
        sys.stdout, sys.stderr = streams


def _check(args) -> int:
    from .pipeline import run_check
    from .repositories import split

    parts = split(args.paths)
    if parts:
        return _each_repository(args, parts, run_check)
    if not _own_command_line:
        return run_check(args)
    from .warm_replay import recorded

    return recorded(run_check, args)     # the report kept, for a run that finds nothing changed to write again


def _each_repository(args, parts, run) -> int:
    """`check` over several repositories (repositories.py): one run each, under a header naming its
    folder, paths shown from the current folder; the worst exit code (2 over 1 over 0). A failure in
    one repository is said and the others still run."""
    import argparse

    from .errors import EXIT_FINDINGS
    from .plain_site import CHECKED_APART
    from .repositories import refusal

    refused = refusal(args, parts)
    if refused:
        raise UsageError(refused)
    CHECKED_APART.update(part.root for part in parts if part.in_git)
    worst = EXIT_CLEAN
    for part in parts:
        kind = "Git repository" if part.in_git else "plain folder, its own files"
        if args.quiet < 2:
            print(f"== {part.shown()} ({kind}) ==", flush=True)
        try:
            code = run(argparse.Namespace(**{**vars(args), "paths": part.paths, "shown_from": part.shown()}))
        except Exception as exc:
            if args.debug:
                raise
            _say_error(exc, f"{part.shown()}: ")
            code = EXIT_ERROR
        worst = code if code == EXIT_ERROR or (code == EXIT_FINDINGS and worst == EXIT_CLEAN) else worst
    return worst


def _one_repository(command: str, path: str | None, example: str) -> None:
    """`audit` and `history` read one repository's commits: from a folder that holds several
    (repositories.split), a UsageError saying to run the command in each, `example` the way to."""
    from .repositories import split

    parts = split([path] if path else [])
    if parts:
        shown = ", ".join(part.shown() for part in parts)
        first = next((part for part in parts if part.in_git), parts[0]).shown().rstrip("/")
        raise UsageError(f"{path or '.'} holds several repositories ({shown}): `schoollint {command}` reads one "
                         f"repository's commits and configuration; run it in each ({example.format(first)})")


def _audit(args) -> int:
    from .audit import run_audit

    _one_repository("audit", args.path, "`schoollint audit {0} -o ~/{0}-audit.html`")
    return run_audit(args)


def _history(args) -> int:
    from .history_check import run_history

    _one_repository("history", None, "`cd {0} && schoollint history`")
    return run_history(args)


def _rules(args) -> int:
    from .explain import list_rules

    print(list_rules(args.output_format), end="")
    return EXIT_CLEAN


def _rule(args) -> int:
    from .explain import explain_rule

    print(explain_rule(args.code, args.output_format), end="")
    return EXIT_CLEAN


def _config(args) -> int:
    import yaml

    from .pipeline import load_effective_config
    from .run_settings import apply_arguments

    config, _root, _in_git = load_effective_config(args.config)
    apply_arguments(config, args)
    print(yaml.safe_dump(config.as_dict(), sort_keys=False), end="")
    return EXIT_CLEAN


def _roster(args) -> int:
    from pathlib import Path

    from .names.roster_find import hash_roster

    key = os.environ.get("SCHOOLLINT_ROSTER_KEY")
    if not key:
        raise UsageError("set SCHOOLLINT_ROSTER_KEY to the secret key (keep it as a CI secret, not in the repo)")
    print(hash_roster(Path(args.source), Path(args.output), key.encode("utf-8")))
    return EXIT_CLEAN
