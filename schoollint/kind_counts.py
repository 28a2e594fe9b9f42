"""Counts in words: the one place a word takes its plural ("2 files", "2 baseline entries"), kinds of
file included (outcome.Outcome.not_checked_text, not_read_text): a name ending stays as it is ("2
.psd"), a kind in words takes its plural on its head noun ("2 special files", "3 symlinks out of the
repository", "2 submodules not checked out"; trial 8 item 13: "2 special file")."""

from __future__ import annotations

import re

# Where a kind's head noun ends: before what it says about the file ("out of the repository", "not
# checked out"), else at the end.
_QUALIFIER = re.compile(r" (?=out of |not )")


# file_result.kind_of's kinds that are no name ending, in words after a count ("2 with no extension").
_NO_ENDING = {"(no extension)": "with no extension", "(other)": "with another name ending"}


def plural(count: int, word: str) -> str:
    """`count` and `word` (a noun, or a not_checked key: ".psd", "(no extension)", "special file",
    "folder", ...) in words: "1 file", "2 files", "2 entries" (a consonant and y), "2 .psd", "2 with no
    extension"."""
    if count == 1 or word.startswith((".", "(")):
        return f"{count} {_NO_ENDING.get(word, word)}"
    qualified = _QUALIFIER.search(word)
    end = qualified.start() if qualified else len(word)
    head = word[:end]
    head = f"{head[:-1]}ies" if head.endswith("y") and head[-2:-1] not in ("a", "e", "o", "u", "") else f"{head}s"
    return f"{count} {head}{word[end:]}"


def kinds_text(counts: dict[str, int]) -> str:
    """Counts of files by kind, most first, then as the words sort: "12 .psd, 3 .cr2, 3 with no extension"
    ("" when none)."""
    return ", ".join(words for _, words in sorted((-count, plural(count, kind)) for kind, count in counts.items()))


def by_count(pair: tuple[str, int]) -> tuple[int, str]:
    """The order counts by kind are given in: most first, then by kind."""
    return -pair[1], pair[0]
