"""The audit's "Still in the site's Git history": what `schoollint history` finds in versions no longer on
the site (schoollint.audit_git.History), as plain data for the JSON and the page.

A photo taken down because consent was refused is still in every clone of the site's repository; the
lead is told which versions, how each left the site (removed, replaced, renamed, or only in another
branch: report.history's words), what is wrong with each in the act-now order (report.urgency), and
that `schoollint history` lists them with the commands that remove them. When the history was not
read, the record says so and why, never nothing.

Shape of `model`'s answer: {"checked": bool, "why_not", "commits", "not_checked", "shallow", "versions":
[{"path", "blob", "state", "step", "findings": [as report.audit's findings]}], "how": the command}.
"""

from __future__ import annotations

from dataclasses import replace

from . import escaped, escaped_finding
from .urgency import described, finding_key

HOW = "schoollint history"


def model(history, as_record) -> dict:
    """The history's record; `as_record(finding)` is the audit's own record of a finding."""
    from .history import version_state

    if history is None:
        return {"checked": False, "how": None,
                "why_not": "the site is not kept in Git, so there is no history to check"}
    if history.why_not:
        return {"checked": False, "why_not": history.why_not, "how": HOW}
    versions = []
    for appearance, findings in history.versions:
        records = sorted((as_record(finding) for finding in findings), key=finding_key)
        # history's "not at HEAD: still in another ref", in the lead's words
        state = version_state(appearance) if appearance.removed_in else "only on another branch or tag"
        versions.append({"path": appearance.path, "blob": appearance.blob, "state": state,
                         "step": described(records[0]["code"]), "findings": records})
    versions.sort(key=lambda version: (finding_key(version["findings"][0]), version["path"]))
    return {"checked": True, "commits": history.commits, "not_checked": history.not_checked,
            "shallow": history.shallow, "no_vision": history.no_vision, "versions": versions, "how": HOW}


def shown(history):
    """The history with every path and finding escaped as text output shows them (report.escaped)."""
    if history is None or not history.versions:
        return history
    return replace(history, versions=[(replace(appearance, path=escaped(appearance.path)),
                                       [escaped_finding(finding) for finding in findings])
                                      for appearance, findings in history.versions])
