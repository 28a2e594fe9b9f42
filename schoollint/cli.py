"""Command line: `schoollint check|rules|rule|config|roster`: arguments only, then the stage that does the work.

Exit codes: 0 clean, 1 findings (or files changed by --fix), 2 usage,
configuration or internal error. No traceback reaches a user unless --debug.
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .errors import EXIT_CLEAN, EXIT_ERROR, UsageError, describe


def build_parser() -> argparse.ArgumentParser:
    from .report import FORMATS

    parser = argparse.ArgumentParser(
        prog="schoollint",
        description="Keep pupils' photos safe on a school website: metadata, names, alt text, resolution.",
    )
    parser.add_argument("--version", action="version", version=f"schoollint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check files (default: the current folder)")
    check.add_argument("paths", nargs="*", help="files or folders to check")
    selection = check.add_argument_group("rule selection")
    selection.add_argument("--select", type=_codes, help="only these rules (codes, prefixes like SL1, or names)")
    selection.add_argument("--extend-select", type=_codes, default=[], help="add rules to the selection")
    selection.add_argument("--ignore", type=_codes, default=[], help="leave these rules out")
    selection.add_argument("--fail-level", choices=("error", "warning"), help="lowest severity that fails")
    selection.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    output = check.add_argument_group("output")
    output.add_argument("--output-format", choices=sorted(FORMATS), default="text")
    output.add_argument("-o", "--output-file", help="write the report to this file")
    output.add_argument("--report", action="append", default=[], type=_report_spec, metavar="FORMAT=FILE",
                        help="also write the report in another format to a file (repeatable)")
    output.add_argument("--show-values", action="store_true",
                        help="include the personal values found (names, coordinates) in the report")
    output.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    output.add_argument("-q", "--quiet", action="count", default=0,
                        help="findings only, no summary or fix hints (notes saying what was not checked are "
                             "kept); -qq prints nothing (the exit code tells)")
    fixing = check.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="also apply fixes that rewrite pages or rename files")
    fixing.add_argument("--diff", action="store_true", help="show what --fix would change, change nothing")
    fixing.add_argument("--force", action="store_true",
                        help="fix read-only files too, and write a report with --show-values inside the site "
                             "where Git does not ignore it (both are refused otherwise)")
    files = check.add_argument_group("files")
    files.add_argument("--config", help="configuration file (default: .schoollint.yml at the repository root)")
    files.add_argument("--exclude", action="append", default=[], help="glob of files to skip (repeatable)")
    files.add_argument("--force-exclude", action="store_true",
                       help="apply excludes even to files named on the command line (for pre-commit)")
    files.add_argument("--diff-base", metavar="REF", help="only files changed since this Git revision")
    files.add_argument("--roster", help="private roster of names (CSV or list; never commit it)")
    baseline = check.add_argument_group("baseline")
    baseline.add_argument("--write-baseline", nargs="?", const=True, metavar="FILE",
                          help="record current findings so later runs report only new ones "
                               "(default: .schoollint-baseline.json at the repository root)")
    baseline.add_argument("--baseline", metavar="FILE",
                          help="baseline to compare against (default: .schoollint-baseline.json if present)")
    baseline.add_argument("--no-baseline", action="store_true", help="ignore any baseline file")
    running = check.add_argument_group("running")
    running.add_argument("--no-cache", action="store_true",
                         help="neither read nor write results in .schoollint_cache/ (--fix still keeps its lock there)")
    running.add_argument("--jobs", type=_positive, default=0, help="worker processes (default: one per core)")
    running.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    running.add_argument("--no-vision", action="store_true", help=NO_VISION_HELP)

    _audit_parser(commands)
    _history_parser(commands)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--output-format", choices=("text", "json", "markdown"), default="text")
    rule = commands.add_parser("rule", help="explain one rule")
    rule.add_argument("code", help="rule code or name, e.g. SL201 or oversized-image")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")

    config = commands.add_parser("config", help="print the effective configuration (with the options given)")
    config.add_argument("--config", help="configuration file")
    _selection_options(config)
    config.add_argument("--fail-level", choices=("error", "warning"), help="lowest severity that fails")

    roster = commands.add_parser("roster", help="work with a private roster of names")
    roster_commands = roster.add_subparsers(dest="roster_command", required=True, metavar="ACTION")
    hashed = roster_commands.add_parser("hash", help="write a keyed-hash roster safe to commit")
    hashed.add_argument("source", help="the private roster (CSV or list)")
    hashed.add_argument("-o", "--output", default=".schoollint-roster",
                        help="where to write the hashed roster (default: .schoollint-roster, which `check` "
                             "reads at the repository root when SCHOOLLINT_ROSTER_KEY is set)")
    return parser


NO_VISION_HELP = "do not look for faces and text in pictures (SL401-SL403), even with schoollint[vision]"


def _audit_parser(commands) -> None:
    audit = commands.add_parser("audit", help="write one HTML report for a periodic review of the site's photos")
    audit.add_argument("path", nargs="?", help="the site (default: the current folder)")
    audit.add_argument("-o", "--output-file",
                       help="write the report to this file, private to you; outside the site, or where Git "
                            "ignores it (without it, standard output when that is a file or a pipe)")
    audit.add_argument("--format", choices=("html", "json"), default="html", help="HTML page or the same as JSON")
    audit.add_argument("--show-values", action="store_true",
                       help="include the personal values found (names, coordinates): keep the report private")
    audit.add_argument("--no-thumbnails", action="store_true", help="leave the photos' thumbnails out")
    audit.add_argument("--force", action="store_true",
                       help="write the report inside the site even where Git does not ignore it (refused otherwise: "
                            "the site would publish it)")
    audit.add_argument("--record-review", metavar="INITIALS",
                       help="record today's review (date, initials, commit) in .schoollint-review.yml")
    audit.add_argument("--no-vision", action="store_true", help=NO_VISION_HELP)
    _common_run_options(audit)


def _history_parser(commands) -> None:
    history = commands.add_parser("history", help="find problems in photos and pages still in Git history")
    history.add_argument("revisions", nargs="*", help="revisions to scan (default: every ref)")
    history.add_argument("--since", metavar="DATE", help="only commits made after this date")
    history.add_argument("--output-format", choices=("text", "json"), default="text")
    history.add_argument("-o", "--output-file", help="write the report to this file")
    history.add_argument("--show-values", action="store_true",
                         help="include the personal values found (names, coordinates) in the report")
    history.add_argument("--force", action="store_true",
                         help="write a report with --show-values inside the site even where Git does not ignore it")
    history.add_argument("--purge-list", metavar="FILE",
                         help="write the ids of the blobs with findings to FILE, for git filter-repo or BFG")
    history.add_argument("--no-vision", action="store_true", help=NO_VISION_HELP)
    _common_run_options(history)


def _selection_options(parser) -> None:
    """The options that change the configuration (`pipeline._apply_arguments`), as `check` has them."""
    parser.add_argument("--select", type=_codes, help="only these rules (codes, prefixes like SL1, or names)")
    parser.add_argument("--extend-select", type=_codes, default=[], help="add rules to the selection")
    parser.add_argument("--ignore", type=_codes, default=[], help="leave these rules out")
    parser.add_argument("--exclude", action="append", default=[], help="glob of files to skip (repeatable)")


def _common_run_options(parser) -> None:
    """What `audit` and `history` share with `check`, so that one set of options serves each command."""
    _selection_options(parser)
    parser.add_argument("--config", help="configuration file (default: .schoollint.yml at the repository root)")
    parser.add_argument("--roster", help="private roster of names (CSV or list; never commit it)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write .schoollint_cache/")
    parser.add_argument("--jobs", type=_positive, default=0, help="worker processes (default: one per core)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    parser.add_argument("-q", "--quiet", action="count", default=0,
                        help="no summary or notes (but those saying what was not checked); -qq: errors only")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar (this command shows none)")
    parser.set_defaults(fail_level=None)


def _parse(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """Parse `argv`; an option no command knows is reported with the usage of the command it was
    given to (`schoollint check --bogus` shows check's usage, not the list of commands). Exits 2."""
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        _command_parser(parser, args).error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def _command_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The innermost (sub)command parser `args` went through: `roster hash` within `roster` within the top."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen = action.choices.get(getattr(args, action.dest, None) or "")
            if chosen is not None:
                return _command_parser(chosen, args)
    return parser


def _report_spec(text: str) -> tuple[str, str]:
    from .report import FORMATS

    name, _, path = text.partition("=")
    if name not in FORMATS or not path:
        raise argparse.ArgumentTypeError(f"expected FORMAT=FILE with FORMAT one of {', '.join(sorted(FORMATS))}")
    return name, path


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return number


def _hook_file_names(argv: list[str]) -> list[str]:
    """Under pre-commit (PRE_COMMIT=1), which appends the staged file names to the hook's own
    arguments with no `--` between them, a name that starts with "-" and is a file here is
    passed as "./name": a committed file named `--exclude=*.jpg` must be checked, not obeyed."""
    if os.environ.get("PRE_COMMIT") != "1":
        return argv
    return [f"./{word}" if word.startswith("-") and os.path.lexists(word) else word for word in argv]


def _codes(text: str) -> list[str]:
    return [part for part in text.replace(" ", ",").split(",") if part]


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = _parse(build_parser(), _hook_file_names(sys.argv[1:] if argv is None else argv))
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
        message = describe(exc)
        if message is None:  # a bug, not a user mistake: one line, and where to look
            message = f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)"
        from .report import escaped

        print(f"schoollint: error: {escaped(message)}", file=sys.stderr)
        return EXIT_ERROR


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

    return run_check(args)


def _audit(args) -> int:
    from .audit import run_audit

    return run_audit(args)


def _history(args) -> int:
    from .history_check import run_history

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

    from .pipeline import _apply_arguments, load_effective_config

    config, _root, _in_git = load_effective_config(args.config)
    _apply_arguments(config, args)
    print(yaml.safe_dump(config.as_dict(), sort_keys=False), end="")
    return EXIT_CLEAN


def _roster(args) -> int:
    from .names.roster_find import hash_roster

    key = os.environ.get("SCHOOLLINT_ROSTER_KEY")
    if not key:
        raise UsageError("set SCHOOLLINT_ROSTER_KEY to the secret key (keep it as a CI secret, not in the repo)")
    print(hash_roster(Path(args.source), Path(args.output), key.encode("utf-8")))
    return EXIT_CLEAN
