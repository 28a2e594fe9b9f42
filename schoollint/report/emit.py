"""Where the report goes: stdout or files, notes and errors on stderr, or --diff's diff.

Everything written here passes through `escaped` (report/__init__.py) first, so a
file name or page text can never start a CI workflow command or a terminal sequence.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from ..errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from . import PUBLIC_FORMATS, View, escaped, plural, render, says_unjudged
from .files import check_place, write_report
from .fix_tried import advice_lines, left_by_fix, not_fixed_error, shared_advice
from .redirected import judge_stdout


def show_values(args) -> bool:
    """--show-values, or the text report on the user's own terminal (not under CI)."""
    to_terminal = not args.output_file and sys.stdout.isatty()
    return args.show_values or (args.output_format not in PUBLIC_FORMATS and to_terminal
                                and not os.environ.get("CI"))


# Fixes that act only where Git's history keeps what they replace or delete (formats/heic_to_jpeg.py,
# formats/sidecar.py): a run in a plain folder offers none of them, so no hint promises what --fix refuses.
NEEDS_HISTORY = frozenset({"convert-heic", "delete-file"})


def _offered(root: Path, outcome) -> None:
    """Without Git, findings whose fix needs Git's history are reported with no fix (the rule's own advice)."""
    from ..discover import _in_git

    if any(f.fix and f.fix.action in NEEDS_HISTORY for f in outcome.findings) and not _in_git(root):
        outcome.findings = [replace(f, fix=None) if f.fix and f.fix.action in NEEDS_HISTORY else f
                            for f in outcome.findings]


def emit(args, root: Path, outcome) -> None:
    _offered(root, outcome)
    if args.fix:    # files whose findings --fix leaves (an archive's photos): listed as not fixed, with why
        outcome.changes += left_by_fix(outcome.findings, outcome.changes)
    to_terminal = not args.output_file and sys.stdout.isatty()
    view = View(
        root=root,
        show_values=show_values(args),
        colour=to_terminal and not os.environ.get("NO_COLOR"),
        quiet=args.quiet,
        pre_commit=os.environ.get("PRE_COMMIT") == "1",
        prefix=getattr(args, "shown_from", "./").removeprefix("./"),
    )
    text = render(args.output_format, outcome, view)
    files = [(args.output_file, text, view.show_values)] if args.output_file else []
    for name, path in args.report:  # further reports are files, so never coloured or valued by the terminal
        files.append((path, render(name, outcome, View(root=root, show_values=args.show_values)), args.show_values))
    # report/files.py: every place is judged before anything is written, standard output included,
    # so a refusal writes nothing (the Action's annotations and its summary never disagree)
    force = getattr(args, "force", False)
    warnings = [check_place(path, root, personal=personal, force=force) for path, _, personal in files]
    if not args.output_file and args.quiet < 2:     # `> file`: judged as -o's is (report/redirected.py)
        warnings.append(judge_stdout(root, personal=view.show_values, force=force))
    if not args.output_file and args.quiet < 2:
        sys.stdout.write(text)
    for path, report, personal in files:
        write_report(path, report, personal=personal)
    for warning in warnings if args.quiet < 2 else ():
        if warning:
            print(f"schoollint: warning: {escaped(warning)}", file=sys.stderr)
    notes_and_errors(outcome, args.quiet)


def notes_and_errors(outcome, quiet: int = 0) -> None:
    """Notes unless -q, but a note saying something was not checked or judged even under -q (a quiet
    run must not look like a clean one); errors unless -qq (then only the exit code tells)."""
    for note in outcome.notes if quiet < 2 else ():
        if quiet and not says_unjudged(note):
            continue
        print(f"schoollint: note: {escaped(note)}", file=sys.stderr)
    for error in outcome.errors if quiet < 2 else ():
        print(f"schoollint: error: {escaped(error)}", file=sys.stderr)


def show_diff(outcome) -> int:
    """--diff: what --fix would change, as a diff; exit 1 when it would change anything."""
    from ..diff_output import print_diff

    outcome.changes += left_by_fix(outcome.findings, outcome.changes)    # as --fix lists them: "cannot fix"
    shared = shared_advice(outcome.changes)   # a refusal's advice once, not on each file's line
    for change in outcome.changes:
        if not change.error:   # the pages' own bytes, so that it applies (diff_output.py)
            print_diff(change.diff)
            continue
        text = f"{change.path}: cannot fix: {not_fixed_error(change, shared)}"
        print("\n".join(escaped(line) for line in text.split("\n")))
    for advice in advice_lines(shared):
        print(escaped(advice))
    would = [change for change in outcome.changes if change.changed]
    failed = len(outcome.changes) - len(would)
    # a fix refused beside fixes made (its "cannot fix" line above) leaves the file fixed in part:
    # counted with the files fixed, as ruff counts each fix made as fixed, and said to be in part
    partly = sum(1 for change in would if change.refused)
    shown = f", {partly} of them only in part ({failed} could not be fixed at all)" if partly else \
        f" ({failed} could not be)"
    print(f"{plural(len(would), 'file')} would be fixed{shown}", file=sys.stderr)
    notes_and_errors(outcome)
    return EXIT_ERROR if outcome.errors else (EXIT_FINDINGS if would else EXIT_CLEAN)
