"""The strip-metadata fix: lossless removal by the format's own plugin.

The result is read again with the reader that found the items (registry.read_media):
a result that no longer parses, changed shape (format, size, orientation, frames) or
still holds an item of a kind it was to remove is a MediaError, and the file is left
untouched (the team's "a fix is verified by re-reading" rule). A JPEG whose image data
the strip copies whole is verified by re-reading its new headers only, and comparing
the image data with the source's byte for byte (jpeg.strip_verified shows why that
sees what a whole re-read would); any other case is re-read whole.
"""

from __future__ import annotations

import os

from ..fix.model import Write
from .model import MediaError, PartlyRead
from .registry import read_media, strip


def apply_strip(context, path: str, data: bytes, fixes) -> list[Write]:
    kinds = frozenset(kind for fix in fixes for kind in fix.args)
    return [Write(path, verified_strip(data, kinds, os.path.splitext(path)[1].lower()))]


def verified_strip(data, kinds: frozenset[str], extension: str) -> bytes:
    """`data` without the items of `kinds`, verified as the module says (MediaError when refused).
    `extension` (".jpg", or "" when unknown) only helps recognise the format."""
    from . import jpeg

    stripped = jpeg.strip_verified(data, kinds) if jpeg.accept(bytes(data[:3])) else None
    if stripped is None:
        stripped = strip(data, kinds)
        _verify(data, stripped, extension, kinds)
    return stripped


def strip_streamed(context, path: str, fixes) -> tuple[int, bool] | None:
    """The strip fix of a large file in a format that blanks in place (ISO BMFF, Matroska, AVI),
    never read whole (issue 17 item 14): the blanks are computed from a memory map, a copy is
    streamed beside the original (1 MiB at a time) with them written over it, the copy is read
    again with the same reader through a memory map (_verify), and renamed over the original with
    its mode and owner. Peak memory is the blanks and one buffer, whatever the file's size.

    (size, changed), or None when this is not such a fix (the caller reads the file whole).
    MediaError, PermissionError (read-only without --force) or OSError leave the original as it was.
    """
    import mmap

    from ..fsio import MAP_THRESHOLD, replacing
    from ..may_replace import refusal
    from .registry import identify

    target = context.root / path
    if any(fix.action != "strip-metadata" for fix in fixes) or target.stat().st_size <= MAP_THRESHOLD:
        return None
    kinds = frozenset(kind for fix in fixes for kind in fix.args)
    extension = os.path.splitext(path)[1].lower()
    with open(target, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        module = identify(bytes(data[:32]))
        if module is None or not hasattr(module, "blanks"):
            return None
        size, patches = len(data), sorted(module.blanks(data, kinds))
    if not patches:
        return size, False
    refused = refusal(context.root, path, True, getattr(context, "force", False))   # may_replace.py
    if refused:
        raise PermissionError(f"{refused}; nothing was changed")
    with replacing(target) as (copy, _temporary), open(target, "rb") as source:
        while block := source.read(1 << 20):
            copy.write(block)
        copy.flush()
        for offset, text in patches:
            os.pwrite(copy.fileno(), text, offset)
        with mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ) as before, \
                mmap.mmap(copy.fileno(), 0, access=mmap.ACCESS_READ) as after:
            _verify(before, after, extension, kinds)     # an error here leaves the original as it was
    return size, True


def _verify(before, after, extension: str, kinds: frozenset[str]) -> None:
    """Refuse a result that no longer parses, changed shape, or still holds what was to go:
    never replace a good photo with a bad one, nor claim a fix that did not happen."""
    (old, old_damaged), (new, new_damaged) = _read(before, extension), _read(after, extension)
    if (old.format, old.width, old.height, old.orientation, old.frames, old_damaged) != (
        new.format, new.width, new.height, new.orientation, new.frames, new_damaged
    ):
        raise MediaError(f"{old.format}: stripping would change the image itself; left untouched")
    left = new.of_kind(*kinds)
    if left:
        fields = ", ".join(dict.fromkeys(item.field for item in left))
        raise MediaError(f"{old.format}: could not remove {fields} without re-encoding; left untouched")


def _read(data, extension: str):
    """(facts, damaged): for a damaged file (PartlyRead) the facts read before the damage, so a
    strip of a truncated photo is verified on the part that could be read (and a strip that
    damaged a whole file is refused: the flags differ)."""
    try:
        return read_media(data, extension), False
    except PartlyRead as damaged:
        return damaged.facts, True
