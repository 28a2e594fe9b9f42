"""GitHub annotations as the schoollint Action emits them: most important first,
within GitHub's limit of 10 error and 10 warning annotations per step, then
one notice saying how many more there are and where to find them, and what the run did not
check or judge (its notes).

Never shows personal values: annotations are public on a public repository.
"""

from __future__ import annotations

from dataclasses import replace

from .. import catalogue
from . import View, plural, run_notes
from .github import annotation, escape_data

PER_LEVEL = 10


def importance(finding) -> tuple:
    rule = catalogue.load()[finding.code]
    return (-rule.security_severity, finding.path, finding.line or 0, finding.code)


def render(report, view: View) -> str:
    public = replace(view, show_values=False)
    ranked = sorted(report.findings, key=importance)
    errors = [f"::error title=schoollint::{escape_data(error)}" for error in report.errors]
    errors += [annotation(f, public) for f in ranked if f.severity == "error"]
    warnings = [annotation(f, public) for f in ranked if f.severity == "warning"]
    lines = errors[:PER_LEVEL] + warnings[:PER_LEVEL]
    hidden = len(errors) + len(warnings) - len(lines)
    notice = ([f"{plural(hidden, 'more finding')} not shown as annotations (GitHub shows at most {PER_LEVEL} "
               f"errors and {PER_LEVEL} warnings per step): see the job summary, the code scanning results, or "
               "run `schoollint check` locally"] if hidden else [])
    # What the annotations cannot show, in one notice: the findings over the cap, then the run's notes
    # (what was not checked first), one a line, so no cap on notices can drop what was not checked.
    notice += [f"Not read: {report.not_read_text()}"] if report.not_read else []
    notice += [f"{'Not checked' if unjudged else 'Note'}: {text}" for text, unjudged in run_notes(report)]
    if notice:
        lines.append(f"::notice title=schoollint::{escape_data(chr(10).join(notice))}")
    return "\n".join(lines) + ("\n" if lines else "")
