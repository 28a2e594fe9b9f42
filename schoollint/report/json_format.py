"""Machine-readable report: one JSON document (RFC 8259), ASCII only: every text as it is, in JSON's
escapes (a newline in a file name is `\\n`, a bidirectional mark `\\u202e`); a byte of a file name that is
not UTF-8 is the lone surrogate Python's os.fsdecode gives it (`\\udce9`: os.fsencode gives the byte back)."""

from __future__ import annotations

import json

from .. import __version__, catalogue
from . import View, run_notes, shown_value, unique_fingerprints


def finding_record(finding, view: View, fingerprint: str) -> dict:
    rule = catalogue.load()[finding.code]
    record = {
        "code": finding.code,
        "name": rule.name,
        "severity": finding.severity,
        "path": finding.path,
        "line": finding.line,
        "message": finding.message,
        "field": finding.field,
        "fingerprint": fingerprint,
        "fix": None if finding.fix is None else {"summary": finding.fix.summary, "safe": finding.fix.safe},
    }
    value = shown_value(finding, view)
    if value is not None:
        record["value"] = value
    return record


def render(report, view: View) -> str:
    payload = {
        "tool": "schoollint",
        "version": __version__,
        "files_checked": report.files_checked,     # a reader judged what is inside them
        "files_not_checked": report.not_checked,   # by type, {".psd": 12}: a reader should have, and could not
        "files_not_read": report.not_read,         # by type, {".woff2": 3}: no reader for them, names alone looked at
        "findings": [finding_record(f, view, digest)
                     for f, digest in zip(report.findings, unique_fingerprints(report.findings), strict=True)],
        "fixed": [{"path": c.path, "summaries": c.summaries,
                   "renamed": [[old, new] for old, new in c.renamed],
                   "rewrote": c.written,
                   "created": c.created} for c in report.changes if c.changed],
        "not_fixed": [{"path": c.path, "error": c.error} for c in report.changes if c.error],
        "errors": report.errors,
        # What the user should know that no finding says; "not_checked": true when a note says
        # something was not checked or a rule judged no one (a clean report is not a clean site then).
        "notes": [{"text": text, "not_checked": unjudged} for text, unjudged in run_notes(report)],
        "stale_baseline": report.stale_baseline,
        # What the baseline, inline suppressions and per-path ignores kept out of "findings".
        "held_back": {"baseline": report.baselined, "suppressed": report.suppressed, "ignored": report.ignored},
    }
    return json.dumps(payload, indent=2) + "\n"
