"""Which files are pages, and which reader reads each: one table entry per page language.

A reader is a module with `read(relpath, data, root) -> Page` that raises
PageError for a page it cannot read; it imports the model, never this table.
Adding a page language is one reader module and one `LANGUAGES` entry. A
reader keeps its heavy parser (lxml, markdown-it, PyYAML) inside `read`, so
importing this table stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import data as site_data
from . import html, markdown
from .filetypes import DATA_SUFFIXES, HTML_SUFFIXES, MARKDOWN_SUFFIXES, is_data_file, media_suffixes
from .model import Page, PageError

# What callers ask about a file: the page API, and the file-type tests it is built on.
__all__ = ["HTML_SUFFIXES", "LANGUAGES", "Language", "MARKDOWN_SUFFIXES", "PageError", "is_data_file",
           "is_page", "language_of", "media_suffixes", "read_page"]


@dataclass(frozen=True)
class Language:
    """A page language: the file name endings it claims, and its reader."""

    name: str
    suffixes: tuple[str, ...]                       # lower case, with the dot
    read: Callable[[str, bytes, Path | None], Page]
    data_folders_only: bool = False                 # claims only files under _data/ or data/

    def claims(self, relpath: str) -> bool:
        if self.data_folders_only:
            return is_data_file(relpath)
        return relpath.lower().endswith(self.suffixes)


LANGUAGES = (
    Language("HTML", HTML_SUFFIXES, html.read),
    Language("Markdown", MARKDOWN_SUFFIXES, markdown.read),
    Language("site data", DATA_SUFFIXES, site_data.read, data_folders_only=True),
)


def language_of(relpath: str) -> Language | None:
    """The language of the page at `relpath` (repository-relative), None when it is no page."""
    return next((language for language in LANGUAGES if language.claims(relpath)), None)


def is_page(relpath: str) -> bool:
    return language_of(relpath) is not None


def read_page(root: Path | None, relpath: str, data: bytes) -> Page:
    """Read one page; `root` (the repository, or None) lets site-root paths find their source folder.

    Raises PageError when the page cannot be read, or when `relpath` is no page.
    """
    language = language_of(relpath)
    if language is None:
        raise PageError(f"{relpath}: not a page schoollint reads")
    return language.read(relpath, data, root)
