"""The Markdown job summary for GitHub Actions ($GITHUB_STEP_SUMMARY).

Totals, what each rule found and why it matters, then every finding grouped
by file with its fix. GitHub refuses a summary over 1 MiB, so the findings
table stops before that with a note. Never shows personal values: a job
summary is public on a public repository.
"""

from __future__ import annotations

import string
from collections import Counter
from itertools import groupby

from .. import catalogue
from . import View, fix_hint, held_back, plural, run_notes
from .files import MARKER_COMMENT
from .fix_tried import advice_lines, not_fixed_error, shared_advice

LIMIT = 1024 * 1024 - 4096      # bytes; GitHub's limit, less room for the closing note
# Escaped so that text from file names and pages can neither format nor link;
# / , - ' " % = are harmless inside a table cell and keep paths readable.
_ESCAPED = set(string.punctuation) - set("/,-'\"%=<>&")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def cell(text: str) -> str:
    """Text made inert for a Markdown table cell; control bytes shown as \\xNN."""
    out = []
    for char in text:
        code = ord(char)
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _ESCAPED:
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        elif 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _totals(report) -> list[str]:
    severities = Counter(f.severity for f in report.findings)
    files = len({f.path for f in report.findings})
    fixable = report.fixable(False)
    lines = ["## schoollint", MARKER_COMMENT, ""]   # the marker: a summary left in a site is not one of its pages
    held = [f"{part[0].upper()}{part[1:]}." for part in held_back(report)]
    if not report.findings and not report.errors:
        new = "new " if report.baselined else ""
        lines.append(f"No {new}findings in {plural(report.files_checked, 'file')} checked.")
        return lines + ([""] + held if held else []) + _not_checked(report)
    lines += [
        "| Findings | Errors | Warnings | Files with findings | Files checked "
        "| Fixable with `schoollint check --fix` |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {len(report.findings)} | {severities['error']} | {severities['warning']} | {files} "
        f"| {report.files_checked} | {fixable} |",
    ]
    return lines + ([""] + held if held else []) + _not_checked(report)


def _not_checked(report) -> list[str]:
    """Files no reader judged, then the run's notes: what was not checked or judged, in a section of its
    own (a "No findings" line above it would otherwise read as a clean site), then the other notes."""
    # Files no reader judged, folders that could not be opened, symlinks out of the repository: the
    # findings and notes below say why for each, so the count names no single cause.
    lines = ["", f"Not checked: {report.not_checked_text()} (the findings and notes say why)."] \
        if report.not_checked else []
    if report.not_read:    # names alone looked at: never part of a "No findings" line's files checked
        lines += ["", f"{cell(report.not_read_text()[0].upper() + report.not_read_text()[1:])}."]
    notes = run_notes(report)
    unjudged = [f"- {cell(text)}" for text, flag in notes if flag]
    if unjudged:
        lines += ["", "### Not checked / not judged", ""] + unjudged
    others = [f"- {cell(text)}" for text, flag in notes if not flag]
    if others:
        lines += ["", "### Notes", ""] + others
    return lines


def _rule_link(rule) -> str:
    """The rule's code and name, linked to its documentation when the package says where that is."""
    words = f"{rule.code} {cell(rule.name)}"
    return f"[{words}]({rule.help_uri})" if rule.help_uri else words


def _by_rule(report) -> list[str]:
    rules = catalogue.load()
    counts = Counter(f.code for f in report.findings)
    if not counts:
        return []
    lines = ["", "### What was found and why it matters", "",
             "| Rule | Severity | Findings | Why it matters |", "|---|---|---:|---|"]
    for code in sorted(counts):
        rule = rules[code]
        lines.append(f"| {_rule_link(rule)} | {rule.severity} | {counts[code]} "
                     f"| {cell(' '.join(rule.why.split()))} |")
    return lines


def _changes_and_errors(report) -> list[str]:
    lines = []
    fixed = [c for c in report.changes if c.changed]
    if fixed:
        lines += ["", f"### Fixed ({plural(len(fixed), 'file')})", ""]
        lines += [f"- {cell(c.path)}: {cell('; '.join(c.summaries))}" for c in fixed]
    not_fixed = [c for c in report.changes if c.error]
    if not_fixed:
        shared = shared_advice(not_fixed)   # a refusal's advice once, after the files it is for
        lines += ["", "### Not fixed", ""]
        lines += [f"- {cell(c.path)}: {cell(not_fixed_error(c, shared))}" for c in not_fixed]
        lines += ["", *(cell(advice) + "." for advice in advice_lines(shared))] if shared else []
    if report.errors:
        lines += ["", "### Errors", ""] + [f"- {cell(error)}" for error in report.errors]
    if report.stale_baseline:
        stale = len(report.stale_baseline)
        lines += ["", f"{plural(stale, 'baseline entry')} no longer {'matches' if stale == 1 else 'match'} anything: "
                  "run `schoollint check --write-baseline` to shrink the baseline."]
    return lines


def _findings_table(report, view: View):
    rules = catalogue.load()
    if not report.findings:
        return
    for line in ("", "### Findings by file", "", "| File | Line | Severity | Rule | Finding | Fix |",
                 "|---|---:|---|---|---|---|"):
        yield line, 0
    for path, findings in groupby(report.findings, key=lambda f: f.path):
        shown_path = f"**{cell(path)}**"
        for finding in findings:
            rule = rules[finding.code]
            yield (f"| {shown_path} | {finding.line or ''} | {finding.severity} "
                   f"| {_rule_link(rule)} | {cell(finding.message)} "
                   f"| {cell(fix_hint(finding, rule))} |"), 1
            shown_path = ""  # one path per group: long paths are not repeated


def render(report, view: View) -> str:
    lines = _totals(report) + _by_rule(report)   # bounded by the number of rules
    used = sum(_size(line) + 1 for line in lines)
    listed = 0
    body = [(line, 0) for line in _changes_and_errors(report)] + list(_findings_table(report, view))
    for line, findings in body:
        if used + _size(line) + 1 > LIMIT:
            total = len(report.findings)
            lines += ["", f"_The summary stops here: GitHub limits a job summary to 1 MiB. {listed} of "
                      f"{plural(total, 'finding')} {'is' if listed == 1 else 'are'} listed above; the SARIF "
                      "results and `schoollint check` show them all._"]
            break
        lines.append(line)
        used += _size(line) + 1
        listed += findings
    return "\n".join(lines) + "\n"
