"""The line each key of a TOML configuration is written on, so that an error in `[tool.schoollint]` in
pyproject.toml (or a `--config x.toml`) names its line as a YAML configuration's does (trial 10 item
10h: `pyproject.toml: unknown key 'selcet'` named no line).

tomllib gives values, not places, so the lines are read from the text as TOML 1.0 writes keys: a
table header (`[tool.schoollint.SL201]`, `[[...]]`), a key or dotted key before `=`, and the keys of an
inline table (`SL201 = { max-edge = 2400 }`) on its line. Quoted keys (`"staff/**"`) are unquoted.
A key not found has no line; the error is then said without one, as before.
"""

from __future__ import annotations

import re

_KEY = r'(?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_-]+)'
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER = re.compile(rf"\s*\[\[?\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(rf"\s*({_DOTTED})\s*=")
_INLINE = re.compile(rf"[{{,]\s*({_DOTTED})\s*=")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip()[1:-1] if part.strip()[:1] in "\"'" else part.strip()
                 for part in re.findall(_KEY, dotted))


def toml_key_lines(text: str, table: tuple[str, ...] = ()) -> dict[tuple, int]:
    """Key path (below `table`, such as ("tool", "schoollint") in pyproject.toml) -> its 1-based line:
    the first place it is written, as a header, an assignment or a key of an inline table."""
    lines: dict[tuple, int] = {}
    current: tuple[str, ...] = ()
    depth = len(table)
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            current = _parts(header.group(1))
            found = [current]
        else:
            assigned = _ASSIGN.match(line)
            if not assigned:
                continue
            key = current + _parts(assigned.group(1))
            found = [key] + [key + _parts(inner) for inner in _INLINE.findall(line, assigned.end())]
        for path in found:
            if path[:depth] == table and len(path) > depth:
                lines.setdefault(path[depth:], number)
    return lines
