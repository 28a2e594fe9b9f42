"""GitLab Code Quality (a subset of the Code Climate issue format), one JSON array.

GitLab's severities come from each rule's security-severity, in the same bands
GitHub code scanning uses, so both sites rank a finding alike.
"""

from __future__ import annotations

import json

from .. import catalogue
from . import View, run_notes, shown_value, unique_fingerprints

# (lowest security-severity, GitLab severity), highest band first.
BANDS = ((9.0, "critical"), (7.0, "major"), (4.0, "minor"), (0.0, "info"))


def gitlab_severity(security_severity: float) -> str:
    return next(name for lowest, name in BANDS if security_severity >= lowest)


def render(report, view: View) -> str:
    rules = catalogue.load()
    issues = []
    for finding, digest in zip(report.findings, unique_fingerprints(report.findings), strict=True):
        rule = rules[finding.code]
        value = shown_value(finding, view)
        issues.append({
            "type": "issue",
            "check_name": finding.code,
            "description": f"{finding.code} {rule.name}: {finding.message}" + (f" [{value}]" if value else ""),
            "content": {"body": f"{rule.why}\n\nHow to fix: {rule.fix}"},
            "categories": ["Security"],
            "fingerprint": digest,
            "severity": gitlab_severity(rule.security_severity),
            "location": {
                "path": finding.path,    # as it is: JSON escapes it
                "lines": {"begin": finding.line or 1},
            },
        })
    return json.dumps(issues + note_issues(report), indent=2) + "\n"


def note_issues(report) -> list[dict]:
    """The files not read and the run's notes as issues of severity "info": the format has no other place for
    a run's words, and GitLab requires every issue's description, check_name, fingerprint, severity and
    location (path, lines.begin). A note is about the run, so its location is the site's root folder, line 1."""
    import hashlib

    # (check_name, description, what the fingerprint is of: a note's own text, as before the count)
    said = [("schoollint-not-read", f"schoollint did not read: {report.not_read_text()}",
             f"schoollint-not-read\0{report.not_read_text()}")] if report.not_read else []
    said += [("schoollint-not-checked" if unjudged else "schoollint-note",
              f"schoollint {'did not check' if unjudged else 'note'}: {text}", f"schoollint-note\0{text}")
             for text, unjudged in run_notes(report)]
    return [{
        "type": "issue",
        "check_name": check,
        "description": description,
        "categories": ["Security"],
        "fingerprint": hashlib.sha256(seed.encode("utf-8", "surrogateescape")).hexdigest(),
        "severity": "info",
        "location": {"path": ".", "lines": {"begin": 1}},
    } for check, description, seed in said]
