"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from .. import catalogue
from . import View, escaped, fix_hint, run_notes, shown_value


def escape_data(text: str) -> str:
    """`text` as a workflow command's message (GitHub's toolkit, core/command.ts escapeData): %, CR and LF
    percent-encoded, which the runner decodes, so a file named `new<LF>line.jpg` is named as it is. A tab
    stays a tab; other controls (ESC, bidirectional marks) and bytes that are not UTF-8 have no escape the
    runner decodes, and are shown as `\x1b`, `\xe9` (report.escaped) so they cannot act on the log."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return "\t".join(escaped(part) for part in text.split("\t"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding, view: View) -> str:
    rule = catalogue.load()[finding.code]
    properties = [f"file={escape_property(finding.path)}"]
    if finding.line:
        properties.append(f"line={finding.line}")
    properties.append(f"title={escape_property(f'{finding.code} {rule.name}')}")
    value = shown_value(finding, view)
    message = finding.message + (f" [{value}]" if value else "") + f"\nFix: {fix_hint(finding, rule)}"
    # schoollint's severities are GitHub's annotation levels, word for word
    return f"::{finding.severity} {','.join(properties)}::{escape_data(message)}"


def note_commands(report) -> list[str]:
    """The run's notes as `::notice` workflow commands, those saying what was not checked first."""
    return [f"::notice title=schoollint {'not checked' if unjudged else 'note'}::{escape_data(text)}"
            for text, unjudged in run_notes(report)]


def render(report, view: View) -> str:
    lines = [annotation(finding, view) for finding in report.findings]
    lines.extend(f"::error::{escape_data(error)}" for error in report.errors)
    if report.not_checked:
        # a reader could not judge them (damaged, a format it cannot read, a folder it could not open): not
        # "no reader", which is what files not read are (below)
        said = f"schoollint did not check {report.not_checked_text()} (the findings and notes say why)"
        lines.append(f"::warning::{escape_data(said)}")
    if report.not_read:
        lines.append(f"::notice title=schoollint not read::{escape_data(report.not_read_text())}")
    lines += note_commands(report)
    return "\n".join(lines) + ("\n" if lines else "")
