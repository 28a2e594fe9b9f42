"""Astro content collections: `src/content/<collection>/**/*.{json,yaml,yml}` read as site data.

Astro (docs "Content collections"; `src/content/config.*` or `content.config.*` defines them)
keeps a collection's entries as Markdown/MDX, which the Markdown reader reads by its suffix, or
as data files (JSON, YAML), which no `_data/` or `data/` folder marks as site data. A staff
collection (`name: ...`, `photo: ./head.jpg`) is the same list of names with photos as Jekyll's
`_data/staff.yml`, so it is read by `data.read`; only its paths differ: Astro's `image()` schema
helper resolves a relative path from the entry's own folder and a `/` path from `public/`, never
from the site root as a Jekyll template does, so each image is resolved again that way.
An entry that cannot be read raises PageError, so the run counts it as not checked, with why.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import data as site_data
from .model import Page
from .urls import resolve

SUFFIXES = (".json", ".yaml", ".yml")


def claims(relpath: str) -> bool:
    """A JSON or YAML file inside a collection folder of `src/content/` (at any depth of the repository)."""
    parts = relpath.lower().split("/")
    if not parts[-1].endswith(SUFFIXES):
        return False
    return any(parts[at:at + 2] == ["src", "content"] for at in range(len(parts) - 3))


def read(relpath: str, data: bytes, root: Path | None = None) -> Page:
    """The entry read as a site data file, its images resolved from the entry's folder.

    Raises PageError (from `data.read`) for an entry that is not valid JSON or YAML."""
    page = site_data.read(relpath, data, root)
    images = []
    for image in page.images:
        resolved = resolve(image.src, relpath, root)
        images.append(replace(image, target=resolved.target if resolved else None))
    return replace(page, images=tuple(images),
                   references=frozenset(image.target for image in images if image.target))
