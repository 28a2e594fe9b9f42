"""Where "install schoollint[vision]" fits, and the words where it does not (trial 10 item 10g).

vision.skipped_note tells a run whose selected rules SL401-SL403 cannot run to install the extra.
That advice fits a person's own `pip install`. It does not fit:

- a pre-commit hook (pre-commit sets PRE_COMMIT=1): it runs in pre-commit's own environment, which
  `pip install` does not reach, and on every commit; it says nothing there (a metadata gate for each
  commit; `schoollint check` and `schoollint audit` where the extra is installed look at the pixels);
- the schoollint GitHub Action (action.yml gives its steps SCHOOLLINT_PYTHON, and GitHub gives a
  composite action's steps GITHUB_ACTION_PATH): it installs schoollint without the extra and has no
  input to add it, so its check step says once that those rules were not checked and where they are,
  and its fix step (SCHOOLLINT_FIX set) leaves that to the check step.

Shape: the note or None in, the note for this place or None out.
"""

from __future__ import annotations

import os
import re


def in_place(note: str | None) -> str | None:
    """`note` (vision.skipped_note's) in words that fit where schoollint runs, or None to say nothing."""
    if note is None or os.environ.get("PRE_COMMIT") == "1":
        return None
    if not (os.environ.get("SCHOOLLINT_PYTHON") and os.environ.get("GITHUB_ACTION_PATH")):
        return note
    if os.environ.get("SCHOOLLINT_FIX") is not None:    # the Action's fix step: its check step says it
        return None
    codes = ", ".join(dict.fromkeys(re.findall(r"\bSL\d{3}\b", note)))
    return (f"faces and text in pictures ({codes}) are not checked in this action, which installs schoollint "
            "without its vision extra; `schoollint check` or `schoollint audit` on a computer with "
            "schoollint[vision] installed checks them")
