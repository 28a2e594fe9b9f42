"""Did you mean" for a word the user mistyped (trial 10 item 10b): a subcommand (`chek`), an option
(`--selec`), a configuration key (`selcet`), a rule code (`SL3O2`) or name (`name-in-alt-txt`).

ruff and git are the models: an unknown word gets the closest known one, if any is close enough, by
difflib's ratio (Python's standard library; the cutoff is difflib's own default, 0.6). Never a
guess among several: one suggestion, or none.
"""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, known: Iterable[str]) -> str | None:
    """The one word of `known` most like `word` (compared without case), or None when none is close."""
    import difflib     # only a run that has an error to say needs it

    spelled = {candidate.lower(): candidate for candidate in known}
    found = difflib.get_close_matches(word.lower(), list(spelled), n=1)
    return spelled[found[0]] if found else None


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """`; did you mean 'select'?` to append to an error naming `word`, or "" when nothing is close."""
    match = closest(word, known)
    return f"; did you mean {match!r}?" if match is not None and match.lower() != word.lower() else ""
