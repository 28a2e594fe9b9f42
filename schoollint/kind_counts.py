"""How many files of a kind a run did not check, in words (outcome.Outcome.not_checked_text): a
name ending stays as it is ("2 .psd"), a kind in words takes its plural on its head noun ("2
special files", "3 symlinks out of the repository", "2 submodules not checked out"; trial 8 item
13: "2 special file")."""

from __future__ import annotations

import re

# Where a kind's head noun ends: before what it says about the file ("out of the repository", "not
# checked out"), else at the end.
_QUALIFIER = re.compile(r" (?=out of |not )")


def kind_count(count: int, kind: str) -> str:
    """`count` files of `kind` (a not_checked key: ".psd", "special file", "folder", ...) in words."""
    if count == 1 or kind.startswith("."):
        return f"{count} {kind}"
    qualified = _QUALIFIER.search(kind)
    end = qualified.start() if qualified else len(kind)
    return f"{count} {kind[:end]}s{kind[end:]}"
