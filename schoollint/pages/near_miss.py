"""Why a reference leads to no file when a file of nearly its name is there (SL304's message).

Web servers on Linux, and the hosts school sites are published on, compare a URL's path with file
names byte for byte, while the computers pages are written on often do not: Windows and macOS
folders ignore upper and lower case, and macOS keeps accented letters decomposed (Unicode
normalisation form NFD: "e" followed by U+0301) where Windows and most editors write them
composed (NFC: U+00E9), so "Chloé.jpg" in a page and "Chloé.jpg" on disk can differ in their
bytes (Unicode Standard Annex #15). Such a reference works on the computer it was written on and
breaks once published; the message says which difference it is, never the name (it may be a
pupil's: that is SL304's value, shown on request).
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import PurePath

CASE = ("a file is there whose name differs only in upper and lower case; the web server tells them "
        "apart: write the name exactly as the file is named")
FORM = ("a file of the same name is there with its accented letters stored another way (Unicode NFC "
        "against NFD: macOS writes names decomposed); the web server tells them apart: rename the "
        "file or retype the name in the page so that both use one form")


def why_missing(root, target: str) -> str | None:
    """CASE or FORM when each part of repository path `target` that is not there has a sibling
    that differs from it only in case or only in Unicode normalisation (the first difference met
    decides); None when some part has neither, or `root` is not a folder on disk."""
    if not isinstance(root, PurePath):
        return None
    folder, found = os.fspath(root), None
    for part in target.split("/"):
        try:
            names = os.listdir(folder)
        except OSError:
            return None
        if part not in names:
            match = _nearly(part, names)
            if match is None:
                return None
            part, why = match
            found = found or why
        folder = os.path.join(folder, part)
    return found


def _nearly(part: str, names: list[str]) -> tuple[str, str] | None:
    """(the sibling's name, CASE or FORM) for the first sibling nearly named `part`."""
    composed = unicodedata.normalize("NFC", part)
    for name in names:
        if unicodedata.normalize("NFC", name) == composed:
            return name, FORM
    folded = composed.casefold()
    for name in names:
        if unicodedata.normalize("NFC", name).casefold() == folded:
            return name, CASE
    return None
