"""Findings and suppressions to and from JSON-ready dicts, for the result cache, and the shape of
every entry the result cache keeps (cache.py: `valid_record`, `valid_stat`, `valid_site`,
`valid_depends`).

A record keeps no personal value: a finding's `value` is stored only as whether
there was one, and a fix only as its action, safety and summary (its arguments
can hold a name from alt text, or a rename's tag). A record is therefore
enough to report, and `needs_reading` says when the file must be read again
instead: to show values (--show-values) or to apply a fix. A file offered a rename is not
cached at all (`cacheable`).
"""

from __future__ import annotations

import functools

from .finding import Finding, Suppression
from .fix.model import Applicability, Fix

_FINDING_KEYS: dict[str, type | tuple[type, ...]] = {
    "code": str, "message": str, "line": (int, type(None)), "field": (str, type(None)), "value": bool,
    "severity": (str, type(None))}
_FIX_KEYS: dict[str, type] = {"action": str, "applicability": str, "summary": str}


def finding_to_dict(finding: Finding) -> dict:
    record: dict[str, object] = {"code": finding.code, "message": finding.message, "line": finding.line,
                                 "field": finding.field, "value": finding.value is not None,
                                 "severity": finding.severity}
    if finding.fix is not None:
        fix = finding.fix
        record["fix"] = {"action": fix.action, "applicability": fix.applicability.value, "summary": fix.summary}
    return record


def finding_from_dict(path: str, record: dict) -> Finding:
    """The finding as reported; its value is None and its fix has no arguments (see needs_reading)."""
    fix = record.get("fix")
    if fix is not None:
        fix = _fix(fix["action"], fix["applicability"], fix["summary"])
    return Finding.restored(record["code"], path, record["message"], record["line"], record["field"], fix,
                            record["severity"])


@functools.lru_cache(maxsize=256)   # frozen and argument-free: one per kind is shared, as the checks share theirs
def _fix(action: str, applicability: str, summary: str) -> Fix:
    return Fix(action=action, applicability=Applicability(applicability), summary=summary)


def needs_reading(record: dict, fixing: bool, show_values: bool) -> bool:
    """True when a cached record cannot serve: values to show, or fixes to apply."""
    return any((show_values and finding["value"]) or (fixing and "fix" in finding)
               for finding in record["findings"])


def cacheable(record: dict) -> bool:
    """False for a file with a rename fix: its new name carries a tag drawn for this run only
    (checks/identifying_filename.py), which must be written nowhere."""
    return not any(finding.get("fix", {}).get("action") == "rename" for finding in record["findings"])


def suppression_to_dict(suppression: Suppression) -> dict:
    return {"line": suppression.line, "covers": sorted(suppression.covers), "codes": sorted(suppression.codes)}


def suppression_from_dict(record: dict) -> Suppression:
    return Suppression(line=record["line"], covers=frozenset(record["covers"]), codes=frozenset(record["codes"]))


def valid_record(record) -> bool:
    """True when `record` has exactly the shape finding_to_dict and suppression_to_dict write."""
    if not (isinstance(record, dict)
            and set(record) == {"findings", "suppressions", "unknown_alts", "unchecked", "not_read"}
            and isinstance(record["findings"], list) and isinstance(record["suppressions"], list)
            and type(record["unknown_alts"]) is int and record["unknown_alts"] >= 0
            and type(record["unchecked"]) is bool and type(record["not_read"]) is bool):
        return False
    return all(_valid_finding(item) for item in record["findings"]) and all(
        isinstance(item, dict) and set(item) == {"line", "covers", "codes"} and type(item["line"]) is int
        and isinstance(item["covers"], list) and all(type(n) is int for n in item["covers"])
        and isinstance(item["codes"], list) and all(isinstance(c, str) for c in item["codes"])
        for item in record["suppressions"])


def _valid_finding(item) -> bool:
    if not (isinstance(item, dict) and set(item) - {"fix"} == set(_FINDING_KEYS)
            and all(isinstance(item[key], kind) for key, kind in _FINDING_KEYS.items())):
        return False
    from .catalogue import load

    if isinstance(item["line"], bool) or item["severity"] not in (None, "error", "warning") \
            or item["code"] not in load():
        return False
    fix = item.get("fix")
    return fix is None and "fix" not in item or (
        isinstance(fix, dict) and set(fix) == set(_FIX_KEYS)
        and all(isinstance(fix[key], kind) for key, kind in _FIX_KEYS.items())
        and fix["applicability"] in {a.value for a in Applicability})


def valid_site_facts(facts) -> bool:
    """True when `facts` has the shape site_facts.py stores for a text file of the site:
    {"targets": [repository path, ...] (one per reference, in order), "depends": {repository path:
    whether it was a file}, "size": bool, "share": bool}. Paths only: no text of the file."""
    return (isinstance(facts, dict) and set(facts) == {"targets", "depends", "size", "share"}
            and isinstance(facts["targets"], list) and all(isinstance(path, str) for path in facts["targets"])
            and isinstance(facts["depends"], dict)
            and all(isinstance(path, str) and type(existed) is bool for path, existed in facts["depends"].items())
            and type(facts["size"]) is bool and type(facts["share"]) is bool)


def valid_stat(entry) -> bool:
    """[size, mtime_ns, inode, ctime_ns, content key, sha256 hex or "", trusted 0 or 1]."""
    return (isinstance(entry, list) and len(entry) == 7 and all(type(n) is int for n in entry[:4])
            and isinstance(entry[4], str) and entry[4][:1] in ("g", "s") and ":" not in entry[4]
            and isinstance(entry[5], str) and len(entry[5]) in (0, 64) and entry[6] in (0, 1))


def valid_site(entry) -> bool:
    """[size, mtime_ns, inode, ctime_ns, trusted 0 or 1, site facts]."""
    return (isinstance(entry, list) and len(entry) == 6 and all(type(n) is int for n in entry[:4])
            and entry[4] in (0, 1) and valid_site_facts(entry[5]))


def valid_depends(depends) -> bool:
    """{result key: {repository path: whether it was a file}}."""
    return isinstance(depends, dict) and all(
        isinstance(targets, dict) and all(isinstance(path, str) and type(existed) is bool
                                          for path, existed in targets.items())
        for targets in depends.values())
