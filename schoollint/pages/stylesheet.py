"""Stylesheets (CSS, and SCSS, Sass, Less sources): the media files they use.

A stylesheet shows images through `url()` (CSS Values and Units Level 4,
section 4.5) in `background-image`, `content`, `list-style-image`, `@import`
and the like; none carries alt text, so a stylesheet's page has no labelled
images, only references, which SL304 and the fixes follow.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Page
from .urls import links_to_media, resolve

SUFFIXES = (".css", ".scss", ".sass", ".less")
CSS_URL = re.compile(r"""url\(\s*["']?([^"'()\s]+)["']?\s*\)""", re.IGNORECASE)
_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)


def read(relpath: str, data: bytes, root: Path | None = None) -> Page:
    text = _COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)),
                        data.decode("utf-8-sig", errors="replace"))
    targets = set()
    for written in CSS_URL.findall(text):
        resolved = resolve(written, relpath, root) if links_to_media(written) else None
        if resolved is not None:
            targets.add(resolved.target)
    return Page(relpath, (), (), frozenset(targets))
