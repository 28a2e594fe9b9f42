"""Problems, fixes and suppressions to and from JSON, for the cache and the worker pool."""

from __future__ import annotations

from .finding import Fix, Problem, Suppression


def _tuples(value):
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value


def problem_to_dict(problem: Problem) -> dict:
    record = {"code": problem.code, "message": problem.message, "line": problem.line, "field": problem.field,
              "value": problem.value, "severity": problem.severity}
    if problem.fix is not None:
        fix = problem.fix
        record["fix"] = {"action": fix.action, "args": list(fix.args), "safe": fix.safe, "summary": fix.summary}
    return record


def problem_from_dict(record: dict) -> Problem:
    fix = record.get("fix")
    if fix is not None:
        fix = Fix(action=fix["action"], args=_tuples(fix["args"]), safe=fix["safe"], summary=fix["summary"])
    return Problem(code=record["code"], message=record["message"], line=record["line"],
                   field=record["field"], value=record["value"], fix=fix, severity=record["severity"])


def suppression_to_dict(suppression: Suppression) -> dict:
    return {"line": suppression.line, "covers": sorted(suppression.covers), "codes": sorted(suppression.codes)}


def suppression_from_dict(record: dict) -> Suppression:
    return Suppression(line=record["line"], covers=frozenset(record["covers"]), codes=frozenset(record["codes"]))
