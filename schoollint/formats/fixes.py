"""The strip-metadata fix: lossless removal by the format's own plugin.

The result is read again with the reader that found the items (registry.read_media):
a result that no longer parses, changed shape (format, size, orientation, frames) or
still holds an item of a kind it was to remove is a MediaError, and the file is left
untouched (the team's "a fix is verified by re-reading" rule).
"""

from __future__ import annotations

import os

from ..fix.model import Write
from .model import MediaError
from .registry import read_media, strip


def apply_strip(context, path: str, data: bytes, fixes) -> list[Write]:
    kinds = frozenset(kind for fix in fixes for kind in fix.args)
    stripped = strip(data, kinds)
    _verify(data, stripped, os.path.splitext(path)[1].lower(), kinds)
    return [Write(path, stripped)]


def _verify(before: bytes, after: bytes, extension: str, kinds: frozenset[str]) -> None:
    """Refuse a result that no longer parses, changed shape, or still holds what was to go:
    never replace a good photo with a bad one, nor claim a fix that did not happen."""
    old, new = read_media(before, extension), read_media(after, extension)
    if (old.format, old.width, old.height, old.orientation, old.frames) != (
        new.format, new.width, new.height, new.orientation, new.frames
    ):
        raise MediaError(f"{old.format}: stripping would change the image itself; left untouched")
    left = new.of_kind(*kinds)
    if left:
        fields = ", ".join(dict.fromkeys(item.field for item in left))
        raise MediaError(f"{old.format}: could not remove {fields} without re-encoding; left untouched")
