"""Baselines: adopt schoollint on a site with years of old photos.

A baseline records today's findings by path, rule, field and the file's
content hash (never line numbers, so edits elsewhere in a page keep it valid).
Later runs report only findings not in it, and list entries that no longer
match anything, so the baseline shrinks as the site is cleaned.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .finding import Finding
from .errors import UserError

DEFAULT_BASELINE = ".schoollint-baseline.json"
VERSION = 1


class BaselineError(UserError):
    pass


def _entry(finding: Finding) -> dict:
    return {"path": finding.path, "rule": finding.code, "field": finding.field or "", "hash": finding.content_hash}


def _fingerprint(entry: dict) -> str:
    return f"{entry['path']}:{entry['rule']}:{entry['field']}:{entry['hash']}"


def _not_a_link_out(path: Path, root: Path) -> Path:
    """`path`, or BaselineError when it is a symlink whose target lies outside the repository `root`."""
    if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(root):
        raise BaselineError(f"{path}: is a symlink to a file outside the repository; schoollint reads and "
                            "writes a baseline only inside it: name the file itself")
    return path


def write_baseline(path: Path, findings: list[Finding], root: Path) -> int:
    """Write the baseline atomically (a symlink inside the repository is written through); the number
    of entries. BaselineError naming the file when it cannot be written (a folder that is missing or
    not yours, a full disk)."""
    from .fsio import atomic_write

    target = Path(os.path.realpath(_not_a_link_out(path, root)))
    unique = {f.fingerprint: _entry(f) for f in findings}
    entries = [unique[key] for key in sorted(unique)]
    payload = {"version": VERSION, "tool": "schoollint", "entries": entries}
    try:
        atomic_write(target, (json.dumps(payload, indent=1) + "\n").encode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
    return len(entries)


def read_baseline(path: Path, root: Path) -> dict[str, str]:
    """Baseline fingerprints, each with the path it belongs to."""
    _not_a_link_out(path, root)
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror}") from None
    except ValueError as exc:
        raise BaselineError(f"{path}: not a schoollint baseline (invalid JSON: {exc})") from None
    if not isinstance(payload, dict) or payload.get("version") != VERSION or not isinstance(
        payload.get("entries"), list
    ):
        raise BaselineError(f"{path}: not a schoollint baseline (version {VERSION} expected)")
    try:
        return {_fingerprint(entry): entry["path"] for entry in payload["entries"]}
    except (KeyError, TypeError):
        raise BaselineError(f"{path}: a baseline entry lacks path, rule, field or hash") from None


def apply_baseline(findings: list[Finding], entries: dict[str, str],
                   checked: set[str]) -> tuple[list[Finding], list[str]]:
    """Findings not in the baseline, and entries for checked files that matched nothing."""
    fresh = [f for f in findings if f.fingerprint not in entries]
    used = {f.fingerprint for f in findings}
    stale = sorted(key for key, path in entries.items() if path in checked and key not in used)
    return fresh, stale
