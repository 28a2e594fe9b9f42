"""The command line's options: one argparse parser per command (`schoollint check|audit|history|rules|rule|
config|roster`), built for the command a run names (cli.main). Types and values are checked here;
what they mean, in the stages (pipeline.py, run_settings.py).
"""

from __future__ import annotations

import argparse

from . import __version__
from .cli_repeats import guard_repeats


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, asking the terminal's width only when help or usage is written. argparse
    makes one for every option added (to check it), and its width comes from shutil, which imports bz2,
    lzma and zlib: about 8 M instructions of a run that writes no help."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, 80 if width is None else width)
        self._asked_width, self._asked_position = width, max_help_position

    def format_help(self) -> str:
        if self._asked_width is None:   # as HelpFormatter.__init__ sets them from the terminal (CPython 3.11)
            import shutil

            self._width = shutil.get_terminal_size().columns - 2
            self._max_help_position = min(self._asked_position, max(self._width - 20, self._indent_increment * 2))
        return super().format_help()


class _Parser(argparse.ArgumentParser):
    """argparse's parser without prefix abbreviations (trial 10 item 7: `--show` acted as --show-values
    and printed pupils' names; `--exit` as --exit-zero), and with "did you mean" for a mistyped command,
    choice or option (suggest.py). Every (sub)command parser is one: add_parser makes its parsers with
    the class of the parser it belongs to."""

    def __init__(self, *args, **kwargs):
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def _check_value(self, action, value):
        from .suggest import did_you_mean

        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            raise argparse.ArgumentError(
                action, f"invalid choice: {value!r}{did_you_mean(str(value), map(str, action.choices))} "
                        f"(choose from {choices})")

    def error(self, message: str):
        from .suggest import closest

        if message.startswith("unrecognized arguments: "):
            known = [name for name in self._option_string_actions if name.startswith("--")]
            for option in (word.partition("=")[0] for word in message.split()[2:] if word.startswith("--")):
                match = closest(option, known)
                message += f"; {option}: did you mean {match}?" if match else ""
        super().error(message)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command, each with its options; given the `command` a run
    names, only that one (argparse makes a parser for each command and formats each option as it is
    added: building every command's cost a start-up about 20 M instructions the run cannot use). With
    no command, or one that is none, every command is built, so that help and errors list them all."""
    parser = _Parser(
        prog="schoollint", formatter_class=_Formatter,
        description="Keep pupils' photos safe on a school website: metadata, names, alt text, resolution.",
    )
    parser.add_argument("--version", action="version", version=f"schoollint {__version__}")
    # prog given: what argparse would format it as (no positional before the command), without a formatter
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", prog=parser.prog)
    for name, (help_text, options) in COMMANDS.items():
        if command in (None, name) or command not in COMMANDS:
            options(commands.add_parser(name, help=help_text, formatter_class=_Formatter))
    return guard_repeats(parser)    # an option given twice: rule lists add up, the rest is refused (cli_repeats)


def _check_parser(check: argparse.ArgumentParser) -> None:
    from .report import FORMATS

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


def _rules_parser(rules: argparse.ArgumentParser) -> None:
    rules.add_argument("--output-format", choices=("text", "json", "markdown"), default="text")


def _rule_parser(rule: argparse.ArgumentParser) -> None:
    rule.add_argument("code", help="rule code or name, e.g. SL201 or oversized-image")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")


def _config_parser(config: argparse.ArgumentParser) -> None:
    config.add_argument("--config", help="configuration file")
    _selection_options(config)
    config.add_argument("--fail-level", choices=("error", "warning"), help="lowest severity that fails")


def _roster_parser(roster: argparse.ArgumentParser) -> None:
    roster_commands = roster.add_subparsers(dest="roster_command", required=True, metavar="ACTION", prog=roster.prog)
    hashed = roster_commands.add_parser("hash", help="write a keyed-hash roster safe to commit",
                                        formatter_class=_Formatter)
    hashed.add_argument("source", help="the private roster (CSV or list)")
    hashed.add_argument("-o", "--output", default=".schoollint-roster",
                        help="where to write the hashed roster (default: .schoollint-roster, which `check` "
                             "reads at the repository root when SCHOOLLINT_ROSTER_KEY is set)")


NO_VISION_HELP = "do not look for faces and text in pictures (SL401-SL403), even with schoollint[vision]"


def _audit_parser(audit: argparse.ArgumentParser) -> None:
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


def _history_parser(history: argparse.ArgumentParser) -> None:
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


# Each command: its help line, and what adds its options.
COMMANDS = {
    "check": ("check files (default: the current folder)", _check_parser),
    "audit": ("write one HTML report for a periodic review of the site's photos", _audit_parser),
    "history": ("find problems in photos and pages still in Git history", _history_parser),
    "rules": ("list every rule", _rules_parser),
    "rule": ("explain one rule", _rule_parser),
    "config": ("print the effective configuration (with the options given)", _config_parser),
    "roster": ("work with a private roster of names", _roster_parser),
}


def _selection_options(parser) -> None:
    """The options that change the configuration (`pipeline.apply_arguments`), as `check` has them."""
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


def _codes(text: str) -> list[str]:
    return [part for part in text.replace(" ", ",").split(",") if part]


def parse(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
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
