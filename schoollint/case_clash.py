"""Files whose paths differ only in case (`images/Team.jpg` and `images/team.JPG`; trial 8 item 13).
Both are checked, but on Windows and macOS, whose file systems ignore case, a checkout holds only
one of them, and a web server that ignores case serves one for both: a page may show the photo no
one meant. Said in a note naming both, so that one is renamed."""

from __future__ import annotations


def case_clashes(files: list[str]) -> list[str]:
    """A note for each group of `files` (repository-relative paths) that differ only in case."""
    if len(set(map(str.lower, files))) == len(files):   # the usual answer, at a set's cost (20,000 paths: ~2 ms)
        return []
    seen: dict[str, list[str]] = {}
    for path in files:
        seen.setdefault(path.lower(), []).append(path)
    return [f"{' and '.join(sorted(group))} differ only in case: on Windows and macOS, and on a web server that "
            "ignores case, one hides the other (a checkout there holds only one); rename one of them"
            for group in sorted(seen.values()) if len(group) > 1]
