"""The downscale fix (SL201, SL202, SL403) with the pages that describe the photo's size.

A page that names a photo with a width or density descriptor (`srcset="big.jpg 4000w"`) describes
its size; once the photo is made smaller the page must say so, or a browser shows the picture
smaller than before (trial 7 item 15). So a downscale that pages describe is a fix of several
files: the photo and those pages are written together through the journal (fix/journal.py: all or
none), as a rename's are, each page verified by reading it again (fix/descriptors.py), and shown
by --diff. Such photos are fixed by the run with the list of the site's files (`alone` keeps them
out of the parallel fixes of single files); every other downscale stays a fix of the photo alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote

from .model import Fix, FixContext, Write

# A descriptor as srcset and image-set() write them (fix/descriptors.py), anywhere in a page.
_ANY_DESCRIPTOR = re.compile(r"\s(?:\d+w|(?:\d+\.?\d*|\.\d+)(?:x|dppx))\b")
# The words a path is made of: a file name is one of them.
_PATH_WORD = re.compile(r"[^\s\"'`<>(){}\[\],/\\?#|=;]+")


def apply_downscale(context: FixContext, path: str, data: bytes, fixes: Sequence[Fix]) -> list[Write]:
    """The photo downscaled (formats.downscale), then every site page whose descriptors of it
    change (`descriptors.rewrite_descriptors`) when the run gave the site's files; PageError,
    nothing written, when a page cannot be set safely."""
    from ..formats.downscale import apply_downscale as downscaled

    writes = downscaled(context, path, data, fixes)
    if not writes or not context.site_files:
        return writes
    from .descriptors import rewrite_descriptors

    return writes + rewrite_descriptors(context, path, upright_size(data), upright_size(writes[0].data))


def upright_size(data: bytes) -> tuple[int, int]:
    """(width, height) of the picture as a browser shows it: EXIF orientations 5-8 turn it a quarter."""
    from ..formats.reencode import opened, orientation_of

    with opened(data) as image:
        width, height = image.size
        return (height, width) if orientation_of(image) in (5, 6, 7, 8) else (width, height)


def alone(root: Path, in_git: bool, jobs: list, site_files: Sequence[str] | None) -> list:
    """`jobs` (path, fixes, ...) less those whose downscale a page may describe: a page that holds a
    descriptor and the photo's file name however spelt (percent-encoded, a character reference),
    compared without case. These go to the fixes that read the whole site; the test errs that way."""
    resized: dict[str, list[str]] = {}
    for job in jobs:
        if any(fix.action == "downscale" for fix in job[1]):
            resized.setdefault(job[0].rsplit("/", 1)[-1].lower(), []).append(job[0])
    if not resized:
        return jobs
    from ..discover import discover
    from ..pages.references import decode_text, text_files

    files = discover(root, in_git, ["."], []).files if site_files is None else site_files
    named: set[str] = set()
    for relpath in text_files(root, files):
        try:
            text = decode_text(relpath, (root / relpath).read_bytes(), errors="replace")[0]
        except OSError:
            continue
        if "\0" in text or _ANY_DESCRIPTOR.search(text):   # UTF-16: the rewrite says it cannot set it
            words = {unquote(word).lower() for word in _PATH_WORD.findall(html.unescape(text.replace("\0", "")))}
            named.update(path for name in words.intersection(resized) for path in resized[name])
    return [job for job in jobs if job[0] not in named]
