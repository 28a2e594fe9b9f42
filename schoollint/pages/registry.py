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
from functools import lru_cache
from pathlib import Path

from . import components, html, mdx, sfc, stylesheet, templates
from . import data as site_data
from . import captions_track, content_collections, documents, feeds, pdf_text, wxr
from .filetypes import DATA_SUFFIXES, HTML_SUFFIXES, MARKDOWN_SUFFIXES, is_data_file, media_suffixes
from .model import Page, PageError
from .references import decode_text, scan
from .unread_scripts import with_unread_scripts

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
    document: bool = False                          # a binary document (PDF, Word, PowerPoint): no text to
                                                    # scan for references, and its size is the document reader's
    claimed: Callable[[str], bool] | None = None    # claims by the whole name (wxr: "*wordpress*.xml")

    def claims(self, relpath: str) -> bool:
        if self.claimed is not None:
            return self.claimed(relpath)
        if self.data_folders_only:
            return is_data_file(relpath)
        return relpath.lower().endswith(self.suffixes)


LANGUAGES = (
    Language("HTML", HTML_SUFFIXES, html.read),
    Language("Markdown", MARKDOWN_SUFFIXES, mdx.read_markdown),    # as MDX when it imports (mdx.py)
    Language("MDX", mdx.SUFFIXES, mdx.read),
    Language("Astro content collection entry", content_collections.SUFFIXES, content_collections.read,
             claimed=content_collections.claims),
    Language("site data", DATA_SUFFIXES, site_data.read, data_folders_only=True),
    Language("JavaScript/TypeScript component", components.SUFFIXES, components.read),
    Language("Astro", components.ASTRO_SUFFIXES, components.read_astro),
    Language("Svelte/Vue component", sfc.SUFFIXES, sfc.read),
    Language("HTML template", templates.SUFFIXES, html.read),
    Language("Razor page", templates.RAZOR_SUFFIXES, html.read_razor),
    Language("template language schoollint does not read", tuple(templates.UNREAD_SUFFIXES),
             html.read_unread_template),
    Language("stylesheet", stylesheet.SUFFIXES, stylesheet.read),
    Language("Office, OpenDocument or SVG document", documents.SUFFIXES, documents.read, document=True),
    Language("PDF", pdf_text.SUFFIXES, pdf_text.read, document=True),
    Language("WordPress export", ("wordpress.xml",), wxr.read, document=True, claimed=wxr.claims),
    Language("sitemap", feeds.SITEMAP_SUFFIXES, feeds.read_sitemap),
    Language("RSS or Atom feed", feeds.FEED_SUFFIXES, feeds.read_feed),
    Language("web app manifest", feeds.MANIFEST_SUFFIXES, feeds.read_manifest),
    Language("WebVTT or SubRip captions track", captions_track.SUFFIXES, captions_track.read),
    Language("feed or sitemap by its root element", (".xml",), feeds.read_xml),
)
# Beyond these sizes a file is not read (SL002 says so): parse time and memory grow with size, and
# no hand-written page or data file comes near them (a 42 MB generated page took 45 s and 2 GB).
MAX_PAGE_BYTES = 16 * 1024 * 1024
MAX_DATA_BYTES = 16 * 1024 * 1024


@lru_cache(maxsize=1024)
def language_of(relpath: str) -> Language | None:
    """The language of the page at `relpath` (repository-relative), None when it is no page. Kept for
    the last 1,024 names: a file's analysis asks about it five times (the subject, the reader, the
    site facts, the data: URI pass), 17 languages' tests each time for a stylesheet (10 us)."""
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
    if language.document:
        return language.read(relpath, data, root)
    limit = MAX_DATA_BYTES if language.data_folders_only else MAX_PAGE_BYTES
    if len(data) > limit:
        raise PageError(f"{relpath}: {len(data) / 2**20:.1f} MB, more than the {limit // 2**20} MB schoollint "
                        f"reads in a {language.name} file; not checked")
    page = with_unread_scripts(language.read(relpath, data, root))    # Arabic, CJK...: unknown, not clean
    return page.with_links(tuple(scan(decode_text(relpath, data, errors="replace")[0], relpath, True)))
