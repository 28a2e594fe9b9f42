"""The findings a `--fix` run tried to fix and could not (trial 9 item 7): after
`schoollint check --fix` on read-only photos, the text report still advised "run `schoollint check
--fix`" under each finding and counted them "11 fixable with --fix", the command just run. Such a
finding's fix line says it was tried (the file's "not fixed" line above says why, once), and the
summary counts them apart from the fixable ones.
"""

from __future__ import annotations


def failed_paths(report) -> frozenset[str]:
    """The files whose fixes this run tried and refused or failed (a Change with an error)."""
    return frozenset(change.path for change in report.changes if change.error)


def tried(finding, failed: frozenset[str]) -> bool:
    """Whether the run tried `finding`'s fix and its file is one it could not fix. Only safe fixes are
    counted: an unsafe one (a rename) was not tried unless --unsafe-fixes was given."""
    return finding.path in failed and finding.fix is not None and finding.fix.safe


def tried_hint(fix) -> str:
    return f"{fix.summary}: tried by this run and not made (the `not fixed` line above says why)"


def not_fixed_error(change) -> str:
    """The change's error without its own path in front ("x.jpg: not fixed: x.jpg: read-only" said it
    twice); an error about another file (a page a rename rewrites) keeps that file's name."""
    return change.error.removeprefix(f"{change.path}: ")
