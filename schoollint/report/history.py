"""What `schoollint history` prints: each finding placed in history, and how to purge it.

Text: one line per finding, `path @ first..last (still at HEAD | removed in
COMMIT): CODE name: message`, then what was not checked, how deep a shallow
clone let the scan look, and the exact commands that remove the blobs from
history (git filter-repo, or BFG). JSON: the same as data. Personal values only
with --show-values.
"""

from __future__ import annotations

import json

from .. import catalogue
from . import escaped, plural

SHORT = 10


def version_state(appearance) -> str:
    if appearance.at_head:
        return "still at HEAD"
    if appearance.renamed_to:
        return f"renamed to {escaped(appearance.renamed_to)} in {appearance.removed_in[:SHORT]}"
    if appearance.removed_in:   # "replaced": the path holds a later version (a fix commit's), still on the site
        return f"{appearance.ended or 'removed'} in {appearance.removed_in[:SHORT]}"
    return "not at HEAD: still in another ref"


def _range(appearance) -> str:
    last = "HEAD" if appearance.at_head else (appearance.last_commit or appearance.first_commit)[:SHORT]
    return f"{appearance.first_commit[:SHORT]}..{last}"


def _records(scan, show_values: bool) -> list[tuple[dict, object]]:
    """(record, appearance) per finding, by path, removed versions before those at HEAD."""
    records = []
    rules = catalogue.load()
    for appearance, problem in scan.findings:
        record = {
            "path": escaped(appearance.path), "blob": appearance.blob,
            "first_commit": appearance.first_commit,
            "last_commit": scan.head if appearance.at_head else appearance.last_commit,
            "still_at_head": appearance.at_head, "removed_in": appearance.removed_in,
            "ended": appearance.ended, "renamed_to": appearance.renamed_to and escaped(appearance.renamed_to),
            "code": problem.code, "name": rules[problem.code].name,
            "severity": problem.severity or rules[problem.code].severity,
            "message": escaped(problem.message), "field": problem.field and escaped(problem.field),
            "line": problem.line,
        }
        if show_values and problem.value:
            record["value"] = escaped(problem.value) if isinstance(problem.value, str) else problem.value
        records.append((record, appearance))
    return sorted(records, key=lambda pair: (pair[0]["path"], pair[0]["still_at_head"], pair[0]["code"]))


PRINTED_IDS = 8    # more blob ids than this go to a file (--purge-list), not on the command line


# Findings that hold nothing personal: a broken link or a suppression is no reason to rewrite history.
NOT_A_REASON_TO_PURGE = frozenset({"SL001", "SL304"})


def flagged_blobs(scan) -> list[str]:
    """Every blob with a finding about what it holds or shows: what a purge removes."""
    return sorted({appearance.blob for appearance, finding in scan.findings
                   if finding.code not in NOT_A_REASON_TO_PURGE})


def purge_advice(scan, purge_list: str | None = None) -> list[str]:
    """The commands that remove every flagged blob from history; schoollint never runs them.

    `purge_list` is the file --purge-list wrote the blob ids to, if it was given.
    """
    blobs = flagged_blobs(scan)
    if not blobs:
        return []
    listing = purge_list or "../schoollint-blobs.txt"
    if purge_list:
        first = (f"  1. the {plural(len(blobs), 'blob id')} {'is' if len(blobs) == 1 else 'are'} in {purge_list} "
                 "(written by --purge-list)")
    elif len(blobs) <= PRINTED_IDS:
        first = f"  1. printf '%s\\n' {' '.join(blobs)} > {listing}"
    else:
        first = f"  1. schoollint history --purge-list {listing}   (writes the {plural(len(blobs), 'blob id')})"
    at_head = sorted({escaped(a.path) for a, _ in scan.findings if a.at_head})
    lines = [("To remove these files from history (this rewrites every commit: agree it with everyone "
              "who works on the site first; schoollint never rewrites history itself):")]
    if at_head:
        # a bare repository has no work tree to fix in: the fix is made in a clone and pushed back
        where = ("in a clone (git clone <this repository> site && cd site && schoollint check --fix), commit "
                 "and push" if scan.bare else "(`schoollint check --fix`, or by hand) and commit")
        lines.append(f"  0. fix the {len(at_head)} still at HEAD first {where}, so the fixed versions are kept")
    lines += [
        first,
        f"  2. git filter-repo --strip-blobs-with-ids {listing}",
        (f"     (or with BFG: java -jar bfg.jar --strip-blobs-with-ids {listing}, then "
         "git reflog expire --expire=now --all && git gc --prune=now --aggressive)"),
        "  3. git push --force --all && git push --force --tags",
        ("Every existing clone and fork still has these files: ask their owners to delete their copies and "
         "clone again. The hosting service may keep cached views (pull requests, commit pages, forks): ask its "
         "support to purge them."),
    ]
    return lines


def _depth(scan) -> str:
    if not scan.shallow:
        return f"{plural(scan.commits, 'commit')} and {plural(scan.blobs, 'blob')} checked"
    return (f"shallow clone: only the {plural(scan.commits, 'commit')} back to "
            f"{', '.join(c[:SHORT] for c in scan.shallow)} {'was' if scan.commits == 1 else 'were'} looked at "
            f"({plural(scan.blobs, 'blob')}); "
            "older history is not here: `git fetch --unshallow` and "
            "run again to scan it all")


def render(scan, fmt: str, show_values: bool, purge_list: str | None = None) -> str:
    records = _records(scan, show_values)
    if fmt == "json":
        return json.dumps({
            "tool": "schoollint", "head": scan.head, "commits": scan.commits, "blobs_checked": scan.blobs,
            "shallow": {"boundary": scan.shallow} if scan.shallow else None,
            "findings": [record for record, _ in records],
            "not_checked": [{"where": escaped(where), "why": escaped(why)} for where, why in scan.not_checked],
            "not_judged_in_full": [escaped(where) for where in scan.unjudged],   # their SL105/SL002/SL107 say why
            "not_run": [{"rules": codes, "why": why} for codes, why in scan.not_run],
            "purge": purge_advice(scan, purge_list),
        }, indent=2) + "\n"
    lines = []
    for record, appearance in records:
        value = f" ({record['value']})" if "value" in record else ""
        lines.append(f"{record['path']} @ {_range(appearance)} ({version_state(appearance)}): {record['code']} "
                     f"{record['name']}: {record['message']}{value}")
    lines += [f"not checked: {escaped(where)}: {escaped(why)}" for where, why in scan.not_checked]
    found = len({(record["path"], record["blob"]) for record, _ in records})
    lines.append(f"{plural(len(records), 'finding')} in {plural(found, 'file version')}; "
                 f"{len(scan.not_checked) + len(scan.unjudged)} not checked; {_depth(scan)}")
    lines += purge_advice(scan, purge_list)
    return "\n".join(lines) + "\n"
