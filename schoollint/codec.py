"""Findings and suppressions to and from JSON-ready dicts, for the result cache."""

from __future__ import annotations

from .finding import Finding, Suppression
from .fix.model import Applicability, Fix


def _tuples(value):
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value


def finding_to_dict(finding: Finding) -> dict:
    record: dict[str, object] = {"code": finding.code, "message": finding.message, "line": finding.line,
                                 "field": finding.field, "value": finding.value, "severity": finding.severity}
    if finding.fix is not None:
        fix = finding.fix
        record["fix"] = {"action": fix.action, "args": list(fix.args), "applicability": fix.applicability.value,
                         "summary": fix.summary}
    return record


def finding_from_dict(path: str, record: dict) -> Finding:
    fix = record.get("fix")
    if fix is not None:
        fix = Fix(action=fix["action"], args=_tuples(fix["args"]), applicability=Applicability(fix["applicability"]),
                  summary=fix["summary"])
    return Finding(code=record["code"], path=path, message=record["message"], line=record["line"],
                   field=record["field"], value=record["value"], fix=fix, severity=record["severity"])


def suppression_to_dict(suppression: Suppression) -> dict:
    return {"line": suppression.line, "covers": sorted(suppression.covers), "codes": sorted(suppression.codes)}


def suppression_from_dict(record: dict) -> Suppression:
    return Suppression(line=record["line"], covers=frozenset(record["covers"]), codes=frozenset(record["codes"]))
