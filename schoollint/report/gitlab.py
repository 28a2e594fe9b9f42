"""GitLab Code Quality (a subset of the Code Climate issue format), one JSON array.

GitLab's severities come from each rule's security-severity, in the same bands
GitHub code scanning uses, so both sites rank a finding alike.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from .. import catalogue
from . import View, shown_value

# (lowest security-severity, GitLab severity), highest band first.
BANDS = ((9.0, "critical"), (7.0, "major"), (4.0, "minor"), (0.0, "info"))


def gitlab_severity(security_severity: float) -> str:
    return next(name for lowest, name in BANDS if security_severity >= lowest)


def render(report, view: View) -> str:
    rules = catalogue.load()
    seen: Counter[str] = Counter()
    issues = []
    for finding in report.findings:
        rule = rules[finding.code]
        # GitLab drops issues whose fingerprints repeat: number the repeats, which
        # stays stable when lines move (unlike the line number itself).
        occurrence = seen[finding.fingerprint]
        seen[finding.fingerprint] += 1
        identity = f"{finding.fingerprint}#{occurrence}".encode("utf-8", "surrogateescape")
        value = shown_value(finding, view)
        issues.append({
            "type": "issue",
            "check_name": finding.code,
            "description": f"{finding.code} {rule.name}: {finding.message}" + (f" [{value}]" if value else ""),
            "content": {"body": f"{rule.why}\n\nHow to fix: {rule.fix}"},
            "categories": ["Security"],
            "fingerprint": hashlib.sha256(identity).hexdigest(),
            "severity": gitlab_severity(rule.security_severity),
            "location": {
                "path": finding.path.encode("utf-8", "surrogateescape").decode("utf-8", "replace"),
                "lines": {"begin": finding.line or 1},
            },
        })
    return json.dumps(issues, indent=2) + "\n"
