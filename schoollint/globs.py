"""Gitignore-flavoured globs for `exclude` and `per-path`.

`*` and `?` stay within one folder, `**` crosses folders, a pattern without a
slash matches a name at any depth, and a pattern that matches a folder
matches everything inside it.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=512)
def _compile(pattern: str) -> re.Pattern:
    anchored = "/" in pattern.rstrip("/")
    body = pattern.strip("/")
    out = []
    i = 0
    while i < len(body):
        if body.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif body.startswith("**", i):
            out.append(".*")
            i += 2
        elif body[i] == "*":
            out.append("[^/]*")
            i += 1
        elif body[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(body[i]))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"{prefix}{''.join(out)}(?:/.*)?", re.DOTALL)


def matches(pattern: str, path: str) -> bool:
    return _compile(pattern).fullmatch(path) is not None


def any_match(patterns, path: str) -> bool:
    return any(matches(pattern, path) for pattern in patterns)
