"""Inline suppressions written in pages: `schoollint: ignore [CODE, ...]` in a comment or an attribute.

The comment syntax is the page language's (an HTML comment, `<!-- -->`, in
HTML and Markdown; `#` in YAML front matter and data files; components:
component_suppressions.py); the reader passes a regular expression for one
comment. Lines are 1-based.

A reason may follow the rules after ` -- ` (`schoollint: ignore SL302 -- consent form 2025-09`), as
ESLint's disable comments take one; none is required (trial 10 item 10c), as neither ruff's `noqa` nor
ESLint requires one: the comment sits beside the photo it concerns, where a per-path ignore, which
covers many files no one is looking at, needs a written reason (config.py). Words after the rules
without ` -- ` are read as rules, so a reason written without it is SL001 rather than a silent ignore.
"""

from __future__ import annotations

import re

from schoollint.finding import Suppression

# Codes or rule names (`name-in-alt-text`), separated by spaces or commas; a name's hyphens are
# part of it, the "-->" that closes an HTML comment is not.
_IGNORE = re.compile(r"schoollint:\s*ignore\b((?:[ ,]+\w+(?:-\w+)*)*)", re.IGNORECASE)


# A reason written after the rules, as ESLint writes one (`-- reason`); a rule name's own hyphens are single.
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")


def ignore_codes(text: str) -> frozenset[str] | None:
    """The codes named in a `schoollint: ignore SL302, SL303` comment; empty for all, None if none."""
    found = _IGNORE.search(text)
    if found is None:
        return None
    return parse_codes(found.group(1))


def parse_codes(text: str) -> frozenset[str]:
    """Upper-cased codes or rule names from a list separated by commas or spaces
    (`data-schoollint-ignore="sl302"`), up to a reason after ` -- `; suppress.py turns names into codes."""
    return frozenset(code.upper() for code in re.split(r"[\s,]+", _REASON.split(text, 1)[0]) if code)


def comment_suppressions(text: str, comment: str) -> list[Suppression]:
    """`schoollint: ignore` comments in `text`; `comment` is a regex for one comment.

    A comment alone on its line covers the next line; after other text it
    covers its own line.
    """
    suppressions = []
    line, counted_to = 1, 0
    for found in re.finditer(comment, text):
        codes = ignore_codes(found.group(0))
        if codes is None:
            continue
        line += text.count("\n", counted_to, found.start())
        counted_to = found.start()
        line_start = text.rfind("\n", 0, found.start()) + 1
        alone = not text[line_start:found.start()].strip()
        end_line = line + found.group(0).count("\n")
        covers = end_line + 1 if alone else line
        suppressions.append(Suppression(line=line, covers=frozenset({covers}), codes=codes))
    return suppressions


def shifted(suppressions: list[Suppression], by: int) -> list[Suppression]:
    """The same suppressions `by` lines further down (for a fragment read on its own)."""
    return [Suppression(s.line + by, frozenset(line + by for line in s.covers), s.codes) for s in suppressions]
