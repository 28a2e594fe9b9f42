"""Which findings stand: severities stamped, inline suppressions and per-path ignores
applied, SL001 run on what silenced nothing, and the baseline subtracted.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import catalogue, checks
from .analysis import FileResult
from .baseline import apply_baseline
from .checks import Context, SuppressionSubject
from .file_result import kind_of
from .kind_counts import by_count
from .finding import Finding, Suppression
from .outcome import Outcome


def settle(root: Path, results: list[FileResult], config, selected: set[str],
           baseline: dict[str, str] | None, outcome: Outcome) -> None:
    """Fill `outcome.findings` (sorted by path, line, code), the held-back counts, and the honest
    counts from the file results: files checked (a reader judged what is inside), those a reader should
    have judged and could not, by type (`not_checked`), and those no reader reads, by type (`not_read`)."""
    from collections import Counter

    rules = catalogue.load()
    unjudged = Counter(result.unchecked for result in results if result.unchecked)
    unread = Counter(kind_of(result.path) for result in results if result.not_read and not result.unchecked)
    outcome.not_checked, outcome.not_read = dict(unjudged), dict(sorted(unread.items(), key=by_count))
    outcome.files_checked = len(results) - unjudged.total() - unread.total()
    # only the suppression rules' modules (a module's READS is its rules' `reads`: test_catalogue)
    suppression_checks = checks.modules({code for code in selected if rules[code].reads == "suppressions"})
    outcome.findings = []
    outcome.ignored = outcome.suppressed = outcome.baselined = 0
    by_name = {rule.name.upper(): code for code, rule in rules.items()}
    for result in results:
        stamped = [f.stamped(result.content_hash, rules[f.code].severity) for f in result.findings]
        unknown: tuple = ()
        found, unused = stamped, list[Suppression]()    # most files hold no suppression (every photo)
        if result.suppressions:
            suppressions = [_by_code(s, by_name) for s in result.suppressions]
            unknown = tuple((s, s.codes - rules.keys()) for s in suppressions if s.codes - rules.keys())
            found, unused = _apply_suppressions(suppressions, stamped)
            outcome.suppressed += len(stamped) - len(found)
        ignored = config.ignored_for(result.path)
        kept = [finding for finding in found if finding.code not in ignored] if ignored else found
        outcome.ignored += len(found) - len(kept)
        outcome.findings.extend(kept)
        if suppression_checks and (unused or unknown):
            subject = SuppressionSubject(result.path, tuple(unused), frozenset(selected - ignored.keys()), unknown)
            context = Context(root=root, rule_options=config.options_for(result.path))
            for module in suppression_checks:
                outcome.findings.extend(
                    f.stamped(result.content_hash, rules[f.code].severity)
                    for f in module.check(subject, context) if f.code in subject.active
                )
    if baseline is not None:
        checked = {result.path for result in results}
        before = len(outcome.findings)
        outcome.findings, outcome.stale_baseline = apply_baseline(outcome.findings, baseline, checked)
        outcome.baselined = before - len(outcome.findings)
    outcome.findings.sort(key=lambda f: (f.path, f.line or 0, f.code))


def _by_code(suppression: Suppression, by_name: dict[str, str]) -> Suppression:
    """The suppression with each rule name it gives (`ignore name-in-alt-text`, as --select
    takes them) turned into the rule's code."""
    codes = frozenset(by_name.get(code, code) for code in suppression.codes)
    return suppression if codes == suppression.codes else replace(suppression, codes=codes)


def _apply_suppressions(suppressions: list[Suppression],
                        findings: list[Finding]) -> tuple[list[Finding], list[Suppression]]:
    """Findings no inline suppression silences, and the suppressions that silenced nothing."""
    kept = []
    used = set()
    for finding in findings:
        silenced_by = next((s for s in suppressions
                            if finding.line in s.covers and (not s.codes or finding.code in s.codes)), None)
        if silenced_by is None:
            kept.append(finding)
        else:
            used.add(silenced_by)
    return kept, [s for s in suppressions if s not in used]


def unknown_alts_note(results: list[FileResult]) -> list[str]:
    """The run's note about alt texts and captions no reader could judge: a caption's expression, a text
    prop or a spread's props it could not resolve, an alt key of front matter tied to no picture
    (pages/alt_keys.py), text in a script the name finder cannot read (pages/unread_scripts.py).
    Unknown is never clean."""
    count = sum(result.unknown_alts for result in results)
    pages = sum(1 for result in results if result.unknown_alts)
    if not count:
        return []
    return [f"{count} alt text{'s' if count != 1 else ''} or caption{'s' if count != 1 else ''} in {pages} "
            f"page{'s' if pages != 1 else ''} {'are' if count != 1 else 'is'} filled in by a template or an "
            f"expression schoollint cannot resolve, tied to no picture, or written in a script it cannot read: "
            f"{'those were' if count != 1 else 'that was'} not checked for names (check the values they are "
            "built from, and read the others yourself)"]
