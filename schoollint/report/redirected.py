"""Standard output redirected to a file (`schoollint check --show-values > news/r.json`) is a report
file like `-o`'s, and judged as one (trial 10 item 2: check wrote pupils' names and GPS positions,
mode 0644, into a plain site's folder, where `-o news/r.json` was refused; `schoollint audit >
file` already judged its file so, README "Periodic review").

Only a regular file counts: a pipe or a terminal has a reader who decides where the text goes. The
shell has created the file before schoollint starts, so a refusal leaves it empty, never written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .files import check_place


def redirected_file() -> str | None:
    """The regular file standard output was redirected to, as a path from the current folder, or None
    (a terminal, a pipe, captured output with no descriptor, or no /proc to name the file by)."""
    from ..warm_start import stdout_file

    found = stdout_file()
    return None if found is None else os.path.relpath(found)


def judge_stdout(root: Path, *, personal: bool, force: bool) -> str | None:
    """`check_place` for the file standard output goes to, if it is one: the warning to print, or None;
    ReportPlaceError (exit 2) for a `personal` report the site `root` would publish, unless `force`.
    A personal report that may be written there is made private to its owner (0600), as -o's is."""
    place = redirected_file()
    if place is None:
        return None
    warning = check_place(place, root, personal=personal, force=force)
    if personal:
        os.fchmod(sys.stdout.fileno(), 0o600)
    return warning
