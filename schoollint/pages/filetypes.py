"""What a repository-relative file name says a file is: a page of some language, a data file, media.

Names only, never contents: lower-cased suffixes, and for site data files
the folder they sit in (Jekyll's `_data/`, Hugo's `data/`). Which reader
reads which page is `registry`'s table; this module imports no reader.
"""

from __future__ import annotations

from functools import lru_cache

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DATA_SUFFIXES = (".yml", ".yaml", ".json", ".toml", ".csv")     # CSV: Jekyll's _data/
DATA_FOLDERS = ("_data", "data")

# Media a page can show whose insides schoollint does not read, but whose names still matter.
UNREAD_MEDIA_SUFFIXES = (".svg", ".webm", ".avi", ".mkv", ".ogv")


@lru_cache(maxsize=1)
def media_suffixes() -> tuple[str, ...]:
    """Every media file name ending: what the media readers claim, and the rest a page can show."""
    from ..formats.registry import media_extensions

    return tuple(sorted(media_extensions() | set(UNREAD_MEDIA_SUFFIXES)))


def is_media(relpath: str) -> bool:
    return relpath.lower().endswith(media_suffixes())


def is_data_file(relpath: str) -> bool:
    """A YAML, JSON, TOML (Hugo) or CSV (Jekyll) file in a `_data/` or `data/` folder at any depth."""
    parts = relpath.lower().split("/")
    return parts[-1].endswith(DATA_SUFFIXES) and any(part in DATA_FOLDERS for part in parts[:-1])
