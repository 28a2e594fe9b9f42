"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
from urllib.parse import quote

from .. import __version__, catalogue
from . import View, run_notes, shown_value, unique_fingerprints

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def uri(path: str) -> str:
    """Relative, percent-encoded URI; bytes that are not UTF-8 survive via surrogateescape."""
    return quote(path.encode("utf-8", "surrogateescape"), safe="/")


def rule_record(rule) -> dict:
    help_text = f"{rule.why}\n\nHow to fix: {rule.fix}\n\nExample:\n{rule.example}"
    help_markdown = f"{rule.why}\n\n**How to fix:** {rule.fix}\n\n**Example:**\n\n```\n{rule.example}\n```"
    record = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": rule.severity},  # SARIF levels include ours by name
        "properties": {
            "security-severity": f"{rule.security_severity:.1f}",
            "tags": ["security", "privacy", "safeguarding"],
            "precision": "high",
        },
    }
    if rule.help_uri:  # the help text above carries the rule's words either way
        record["helpUri"] = rule.help_uri
    return record


def result_record(finding, view: View, index: dict[str, int], digest: str) -> dict:
    value = shown_value(finding, view)
    text = finding.message + (f" [{value}]" if value else "")
    return {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": finding.severity,
        "message": {"text": text},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri(finding.path), "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": finding.line or 1},
            }
        }],
        "partialFingerprints": {"schoollintFinding/v1": digest},
    }


def render(report, view: View) -> str:
    rules = list(catalogue.load().values())
    index = {rule.code: i for i, rule in enumerate(rules)}
    run = {
        "tool": {"driver": {
            "name": "schoollint",
            "version": __version__,
            "informationUri": "https://github.com/schoollint/schoollint",
            "rules": [rule_record(rule) for rule in rules],
        }},
        "results": [result_record(finding, view, index, digest)
                    for finding, digest in zip(report.findings, unique_fingerprints(report.findings), strict=True)],
        # The honest counts (issue 12): files a reader judged, those it could not judge and those no reader
        # reads (their names alone looked at), by type, as JSON's files_checked, files_not_checked, files_not_read.
        "properties": {"filesChecked": report.files_checked, "filesNotChecked": report.not_checked,
                       "filesNotRead": report.not_read},
        "invocations": [{
            "executionSuccessful": not report.errors,
            # SARIF 2.1.0 §3.20.21, §3.58: errors; then notes, as "warning" when they say something was
            # not checked or judged (a viewer must not show the run as clean), else "note".
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": error}} for error in report.errors
            ] + [{"level": "warning" if unjudged else "note", "message": {"text": text}}
                 for text, unjudged in run_notes(report)],
        }],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2) + "\n"
