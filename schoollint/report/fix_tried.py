"""The findings a `--fix` run tried to fix and could not (trial 9 item 7): after
`schoollint check --fix` on read-only photos, the text report still advised "run `schoollint check
--fix`" under each finding and counted them "11 fixable with --fix", the command just run. Such a
finding's fix line says it was tried (the file's "not fixed" line above says why, once), and the
summary counts them apart from the fixable ones. Advice several refusals share is said once
(`shared_advice`), and a file whose findings say --fix leaves them (a photo inside a ZIP or EPUB, a
damaged PDF: checks/metadata_kinds.py) is listed with the files not fixed (`left_by_fix`).
"""

from __future__ import annotations

import re
from collections import Counter

from ..kind_counts import plural

# A refusal's advice, in brackets at its end: "read-only, so not changed (make it writable, or use --force
# ...)" (may_replace.refusal). Said once for all the files refused alike, not on each file's line.
_ADVICE = re.compile(r"(?P<why>.+) \((?P<advice>[^()]+)\)$", re.DOTALL)
# How a finding that --fix cannot fix ends (checks/metadata_kinds.py: "...; --fix leaves it: schoollint
# does not rebuild archives: ..."; "; the file is damaged, so --fix leaves it: ...").
LEFT = re.compile(r"--fix leaves it: (?P<why>.+)$", re.DOTALL)


def failed_paths(report) -> frozenset[str]:
    """The files whose fixes this run tried and refused or failed (a Change with an error)."""
    return frozenset(change.path for change in report.changes if change.error)


def tried(finding, failed: frozenset[str]) -> bool:
    """Whether the run tried `finding`'s fix and its file is one it could not fix. Only safe fixes are
    counted: an unsafe one (a rename) was not tried unless --unsafe-fixes was given."""
    return finding.path in failed and finding.fix is not None and finding.fix.safe


def tried_hint(fix) -> str:
    return f"{fix.summary}: tried by this run and not made (the `not fixed` line above says why)"


def not_fixed_error(change, shared: Counter | None = None) -> str:
    """The change's error without its own path in front ("x.jpg: not fixed: x.jpg: read-only" said it
    twice); an error about another file (a page a rename rewrites) keeps that file's name. Without its
    advice when that is among `shared` (`shared_advice`): said once for all of them."""
    error = change.error.removeprefix(f"{change.path}: ")
    found = _ADVICE.fullmatch(error)
    return found["why"] if found and shared and (found["why"], found["advice"]) in shared else error


def shared_advice(changes) -> Counter:
    """(why, advice) of the refusals two or more files share ("read-only, so not changed", "make it
    writable, or use --force ..."), with how many: a report says the advice once (`advice_lines`)."""
    said = Counter(found.group("why", "advice") for change in changes if change.error
                   for found in [_ADVICE.fullmatch(change.error.removeprefix(f"{change.path}: "))] if found)
    return Counter({pair: count for pair, count in said.items() if count > 1})


def advice_lines(shared: Counter) -> list[str]:
    """Each shared advice once: "3 files read-only, so not changed: make it writable, or use --force ..."."""
    return [f"{plural(count, 'file')} {why}: {advice}" for (why, advice), count in shared.items()]


def left_by_fix(findings, changes) -> list:
    """A "not fixed" fix.model.Change for each file, not among `changes`, whose findings (with no fix)
    say --fix leaves them, with why: after `check --fix` a photo inside a ZIP is listed with the files not
    fixed, as a read-only one is, instead of only under its findings."""
    from ..fix.model import Change

    listed = {change.path for change in changes}
    left: dict[str, str] = {}
    for finding in findings:
        found = finding.fix is None and finding.path not in listed and LEFT.search(finding.message)
        if found:
            left.setdefault(finding.path, found["why"])
    return [Change(path, [], error=why) for path, why in left.items()]
