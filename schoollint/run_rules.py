"""The rules that read the run as a whole (READS "run": SL604, SL605), judged after the file checks.

`schoollint audit` runs them with every photo's first-published date; `check`
over the whole site runs SL605 alone (no photo dates needed), so CI reminds
the school when a review is due.
"""

from __future__ import annotations

from pathlib import Path

from .finding import Finding


def run_findings(root: Path, config, subject) -> list[Finding]:
    """The findings of the rules that read the run (SL604, SL605) for a checks.RunSubject.

    Selection and per-path ignores apply as for every rule; severities are stamped here,
    as the pipeline stamps those of the file checks.
    """
    from . import catalogue, checks

    selected = config.selected_codes()
    rules = catalogue.load()
    context = checks.Context(root=root, rule_options=config.options_for(""))
    found = []
    # only the run rules' modules are imported (a check module's READS is its rules' `reads`: test_catalogue)
    for module in checks.modules({code for code in selected if rules[code].reads == "run"}):
        found += [finding.stamped("", rules[finding.code].severity) for finding in module.check(subject, context)
                  if finding.code in selected and finding.code not in config.ignored_for(finding.path)]
    return found


def review_due(root: Path, config) -> list[Finding]:
    """SL605 alone (no photo dates needed), for `check` runs over the whole site: CI's reminder."""
    from .checks import RunSubject
    from .review import reviews, today

    log = reviews(root)
    subject = RunSubject(first_published={}, last_review=log[-1]["date"] if log else None, today=today(),
                         options_for=config.options_for)
    return run_findings(root, config, subject)
