"""Fix appliers: a literal table from a Fix.action to the function that applies it.

An applier is `apply(root: Path, path: str, data: bytes, fixes: list[Fix]) -> list[Write | Rename]`:
it gets the file's current bytes and every fix of its action for that file,
and returns what to change. It writes nothing itself: the engine turns the
changes into atomic writes (or a diff). Appliers run in table order, each one
seeing the bytes the previous one produced, so a downscale (which also strips
metadata) runs before a plain strip, which then has nothing left to do.
"""

from __future__ import annotations

import importlib
from typing import Callable

APPLIERS = {
    "downscale": "schoollint.media.resize:apply_downscale",
    "strip-metadata": "schoollint.media.fixes:apply_strip",
    "convert-heic": "schoollint.media.resize:apply_convert",
    "edit-text": "schoollint.pages.edit:apply_edits",
    "rename": "schoollint.pages.rename:apply_renames",
}


def applier(action: str) -> Callable:
    module_name, _, function = APPLIERS[action].partition(":")
    return getattr(importlib.import_module(module_name), function)
