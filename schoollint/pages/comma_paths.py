"""A comma inside a path written without quotes: `![Sports day](a,b.jpg)`, `url(a,b.jpg)`, `src=a,b.jpg`.

Only a `srcset` (and `imagesrcset`) is a list of candidates split on commas (WHATWG HTML section 4.8.4.3.1);
elsewhere a comma is a character of the path: a CommonMark link destination (0.31, section 6.3) is any
run of characters but spaces, controls and unbalanced parentheses; a CSS url() token (CSS Syntax 3,
section 4.3.6) and an unquoted HTML attribute value (section 13.1.2.3) stop at none of `,`. The reference
scanner (references.token_around) ends a path at a comma, since one ends it in JSON, YAML and JavaScript
lists and in srcset; trial 9 item 8 found `![...](a,b.jpg)` read as `b.jpg`, a false SL304.
"""

from __future__ import annotations

import re

# Attributes whose value is a list of candidates: a comma there parts two paths.
_CANDIDATE_LIST = re.compile(r"\b(?:image)?srcset\s*=\s*$", re.IGNORECASE)
_MAX_PATH = 1024


def comma_joined(text: str, start: int, end: int, boundary: frozenset[str]) -> tuple[int, int]:
    """The token text[start:end] (references.token_around, which ends it at any of `boundary`) widened
    back over commas to the `(` or `=` that opens an unquoted path (a Markdown destination, a CSS url(),
    an unquoted attribute other than a srcset); the token itself when no comma stands before it, or the
    run opens with anything else (a YAML or JSON list's `[`, a space: prose)."""
    if text[start - 1: start] != ",":
        return start, end
    ends = boundary - {","}         # what ends an unquoted path other than a comma
    at = start - 1
    floor = max(0, start - _MAX_PATH)
    while at > floor and text[at - 1] not in ends:
        at -= 1
    opener = text[at - 1: at]
    if opener == "(" or opener == "=" and not _CANDIDATE_LIST.search(text[max(0, at - 64): at]):
        return at, end
    return start, end
