"""SL301 identifying-filename: a full name in the path of an image or video."""

from __future__ import annotations

import hashlib
import hmac
import os
import posixpath
import re
from functools import lru_cache

from ..finding import Finding
from ..fix.model import Applicability, Fix
from ..fix.tags import run_tag_key
from ..run_settings import ROSTER_KEY_VARIABLE as KEY_VARIABLE   # the same name; no roster module imported
from ..pages.filetypes import is_media
from .name_policy import describe, finder, grouped, reportable, severity, values

CODES = ("SL301",)
READS = "path"


def check(subject, ctx):
    path = subject.path
    if not is_media(path):
        return
    parts = path.split("/")
    stem, suffix = posixpath.splitext(parts[-1])
    names = finder(ctx)
    found = []                      # (index of the path part, its reportable names)
    for index, part in enumerate(parts[:-1] + [stem]):
        matches = reportable(names.in_filename(part) if index == len(parts) - 1 else _in_folder(names, part), ctx,
                             "SL301")
        if matches:
            found.append((index, matches))
    if not found:
        return
    new_path = neutral_path(parts, stem, suffix, dict(found))
    fix = Fix("rename", (new_path,), Applicability.UNSAFE,
              summary=f"rename to {new_path} and update every reference")
    for index, matches in found:
        where = "file name" if index == len(parts) - 1 else "folder name"
        for _index, group in grouped((match, index) for match in matches):
            yield Finding("SL301", subject.path, f"the {where} contains {describe(group)}", field=where,
                          value=values(group), fix=fix, severity=severity(group, ctx, "SL301"))


@lru_cache(maxsize=1024)
def _in_folder(names, folder: str) -> tuple:
    """The names in a folder's name (`names.in_filename`), read once a process: a site's pictures share
    a few folders (the benchmark's large site: 1,500 pictures, three folder names each, 14 us a name)."""
    return tuple(names.in_filename(folder))


def neutral_path(parts: list[str], stem: str, suffix: str, names: dict[int, list]) -> str:
    """The path with the names taken out: the other words stay, a short hash keeps it unique.

    The hash is of the old path up to that part, so every file in a renamed
    folder moves to the same new folder. Anyone could hash guessed old names
    to confirm one, so the hash is keyed: with the roster key when it is set,
    else with one derived from the user's secret outside the repository (fix/tags.py).
    """
    key = os.environ.get(KEY_VARIABLE, "").encode() or run_tag_key()
    new_parts = []
    for index, part in enumerate(parts[:-1] + [stem]):
        if index in names:
            kept = _without(part, names[index])
            tag = hmac.new(key, "/".join(parts[: index + 1]).encode(), hashlib.sha256).hexdigest()[:6]
            part = "-".join(kept + [tag]) if kept else f"{'photo' if index == len(parts) - 1 else 'folder'}-{tag}"
        new_parts.append(part)
    return "/".join(new_parts) + suffix


def _without(part: str, matches) -> list[str]:
    """The words of a path part outside the name matches."""
    rest, position = [], 0
    for match in sorted(matches, key=lambda m: m.start):
        rest.append(part[position:match.start])
        position = max(position, match.end)
    rest.append(part[position:])
    # Any run of non-letters and non-digits parts words: "(Y5)" keeps "Y5", not its brackets.
    return [word for chunk in rest for word in re.split(r"[\W_]+", chunk) if word]
