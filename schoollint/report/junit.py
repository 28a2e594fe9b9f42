"""JUnit XML, for CI systems other than GitHub (GitLab, Jenkins, Azure Pipelines...).

One test suite per file with findings, one failed test case per finding; a
clean run is one passing test case, so the CI shows a green test, not none.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from .. import catalogue
from . import View, fix_hint, plural, run_notes, shown_value

# Characters XML 1.0 cannot hold at all, not even as references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _shown(found: re.Match) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        code -= 0xDC00
    return f"\\x{code:02x}" if code < 0x100 else "\ufffd"


def xml_text(text: str) -> str:
    return _NOT_XML.sub(_shown, text)


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {key: xml_text(value) for key, value in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _failure(testcase: ET.Element, finding, view: View) -> None:
    rule = catalogue.load()[finding.code]
    value = shown_value(finding, view)
    message = finding.message + (f" [{value}]" if value else "")
    where = f"{finding.path}:{finding.line}" if finding.line else finding.path
    body = f"{finding.severity} {finding.code} {rule.name} at {where}\n{message}\nFix: {fix_hint(finding, rule)}"
    _element(testcase, "failure", body, type=finding.code, message=message)


def _notes(suites: ET.Element, report) -> None:
    """The files not read and the run's notes in the first test suite's <system-out> (JUnit XML has no place
    for a run's words on <testsuites>; Jenkins, GitLab and Azure show a suite's standard output), what was not
    read or checked first."""
    lines = [f"schoollint: not read: {report.not_read_text()}"] if report.not_read else []
    lines += [f"schoollint: {'not checked' if unjudged else 'note'}: {text}" for text, unjudged in run_notes(report)]
    if lines:
        _element(suites[0], "system-out", "\n".join(lines))


def render(report, view: View) -> str:
    rules = catalogue.load()
    suites = ET.Element("testsuites", name="schoollint", tests="0", failures="0", errors="0")
    total = failures = 0
    for path, group in groupby(report.findings, key=lambda f: f.path):
        findings = list(group)
        suite = _element(suites, "testsuite", name=path, tests=str(len(findings)),
                         failures=str(len(findings)), errors="0")
        for finding in findings:
            name = f"{finding.code} {rules[finding.code].name}" + (f" line {finding.line}" if finding.line else "")
            _failure(_element(suite, "testcase", name=name, classname=path, file=path,
                              **({"line": str(finding.line)} if finding.line else {})), finding, view)
        total += len(findings)
        failures += len(findings)
    if report.errors:
        suite = _element(suites, "testsuite", name="schoollint errors", tests=str(len(report.errors)),
                         failures="0", errors=str(len(report.errors)))
        for error in report.errors:
            _element(_element(suite, "testcase", name=error, classname="schoollint"), "error", error,
                     message=error)
        total += len(report.errors)
    if total == 0:
        suite = _element(suites, "testsuite", name="schoollint", tests="1", failures="0", errors="0")
        unchecked = f"; not checked: {report.not_checked_text()}" if report.not_checked else ""
        unchecked += f"; {report.not_read_text()}" if report.not_read else ""
        _element(suite, "testcase", name=f"no findings in {plural(report.files_checked, 'file')} checked{unchecked}",
                 classname="schoollint")
        total = 1
    _notes(suites, report)
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("errors", str(len(report.errors)))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
