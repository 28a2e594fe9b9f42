"""Pages: HTML, Markdown with front matter, and site data files, read into one model.

A page reader finds every image a page shows, the text that names it (alt,
title, aria-label) and the text that goes with it (captions, the paragraph,
the card it sits in), each with the line it is written on. Checks work on
this model only; they never parse markup themselves.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from schoollint.finding import Suppression

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DATA_SUFFIXES = (".yml", ".yaml", ".json")
DATA_FOLDERS = ("_data", "data")
PAGE_SUFFIXES = HTML_SUFFIXES + MARKDOWN_SUFFIXES + DATA_SUFFIXES

# Media a page can show whose insides schoollint does not read, but whose names still matter.
UNREAD_MEDIA_SUFFIXES = (".svg", ".webm", ".avi", ".mkv", ".ogv")

# Where static site generators keep files that are served from the site root.
SOURCE_ROOTS = ("", "static/", "assets/", "public/")


class PageError(Exception):
    """A page that cannot be read or edited; the message says why."""


@dataclass(frozen=True)
class TextSpan:
    text: str
    line: int           # line of the first character of `text`
    label: str          # where it came from: "alt text", "figcaption", "data-caption"...

    def line_of(self, offset: int) -> int:
        """The line holding text[offset]: spans keep their source newlines."""
        return self.line + self.text.count("\n", 0, offset)


@dataclass(frozen=True)
class PageImage:
    src: str                        # as written in the page
    target: str | None              # repository-relative path, None when remote
    line: int
    alt: str | None = None
    title: str | None = None
    aria_label: str | None = None
    alt_line: int | None = None     # None: the same line as the image
    title_line: int | None = None
    aria_label_line: int | None = None
    captions: tuple[TextSpan, ...] = ()

    def labels(self) -> list[TextSpan]:
        """The texts that name the image: alt, title and aria-label, with their lines."""
        return [
            TextSpan(text, line or self.line, label)
            for text, line, label in (
                (self.alt, self.alt_line, "alt text"),
                (self.title, self.title_line, "title"),
                (self.aria_label, self.aria_label_line, "aria-label"),
            )
            if text
        ]


@dataclass(frozen=True)
class Page:
    path: str
    images: tuple[PageImage, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    references: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def media_suffixes() -> tuple[str, ...]:
    """Every media file name ending: what the media readers claim, and the rest a page can show."""
    from ..formats.registry import media_extensions

    return tuple(sorted(media_extensions() | set(UNREAD_MEDIA_SUFFIXES)))


def is_media(relpath: str) -> bool:
    return relpath.lower().endswith(media_suffixes())


def is_data_file(relpath: str) -> bool:
    parts = relpath.lower().split("/")
    return parts[-1].endswith(DATA_SUFFIXES) and any(part in DATA_FOLDERS for part in parts[:-1])


def is_page(relpath: str) -> bool:
    lower = relpath.lower()
    return lower.endswith(HTML_SUFFIXES + MARKDOWN_SUFFIXES) or is_data_file(relpath)


def read_page(root: Path | None, relpath: str, data: bytes) -> Page:
    """Read one page; `root` (the repository, or None) lets site-root paths find their source folder."""
    lower = relpath.lower()
    if lower.endswith(HTML_SUFFIXES):
        from .html import read
    elif lower.endswith(MARKDOWN_SUFFIXES):
        from .markdown import read
    elif is_data_file(relpath):
        from .data import read
    else:
        raise PageError(f"{relpath}: not a page schoollint reads")
    return read(relpath, data, root)


# --- references -------------------------------------------------------------

_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
# Jekyll and Hugo idioms that put the site root in front of a path.
_SITE_PREFIX = re.compile(
    r"^\{\{-?\s*(?:site\.(?:url|baseurl)|\.Site\.BaseURL)\s*-?\}\}"
    r"(?:\{\{-?\s*site\.baseurl\s*-?\}\})?"
)
_URL_FILTER = re.compile(
    r"""^\{\{-?\s*["']([^"'{}]+)["']\s*\|\s*(?:relative_url|absolute_url|relURL|absURL|url)\s*-?\}\}$"""
)


@dataclass(frozen=True)
class Resolved:
    """Where a reference points and how it was written, so a rename can write it back alike."""

    target: str        # repository-relative path
    base: str          # folder the written path is relative to ("" for the repository)
    rooted: bool       # written from the site root ("/images/x.jpg")


def plain_url(src: str) -> str | None:
    """The local path part of a reference, template idioms undone; None when remote or templated."""
    src = src.strip()
    filtered = _URL_FILTER.match(src)
    if filtered:                    # these filters take a path from the site root
        src = "/" + filtered.group(1).lstrip("/")
    src = _SITE_PREFIX.sub("", src)
    if not src or _REMOTE.match(src) or "{{" in src or "{%" in src:
        return None
    path = re.split(r"[?#]", src, maxsplit=1)[0]
    return unquote(path) if path else None


def resolve(src: str, page_path: str, root: Path | None = None, *,
            site_relative: bool = False) -> Resolved | None:
    """Resolve a reference written in `page_path` to a repository path.

    Site-root paths try the repository root and then common source folders
    (static/, assets/, public/), taking the first that exists when `root` is
    given. Relative paths are relative to the page's folder, except with
    `site_relative` (data files, which templates prefix with the site root).
    """
    path = plain_url(src)
    if path is None:
        return None
    page_folder = posixpath.dirname(page_path)
    if path.startswith("/"):
        candidates = [(prefix.rstrip("/"), True) for prefix in SOURCE_ROOTS]
        path = path.lstrip("/")
    elif site_relative:
        candidates = [(prefix.rstrip("/"), False) for prefix in SOURCE_ROOTS] + [(page_folder, False)]
    else:
        candidates = [(page_folder, False)]
    first = None
    for base, rooted in candidates:
        target = _normalise(f"{base}/{path}")
        if target is None:
            continue
        candidate = Resolved(target, base, rooted)
        if root is None:
            return candidate
        if (root / target).is_file():
            return candidate
        first = first or candidate
    return first


def _normalise(path: str) -> str | None:
    """A clean repository-relative path, or None when it climbs out of the repository."""
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts) or None


# --- inline suppressions ----------------------------------------------------

_IGNORE = re.compile(r"schoollint:\s*ignore\b([\w ,]*)", re.IGNORECASE)


def ignore_codes(text: str) -> frozenset[str] | None:
    """The codes named in a `schoollint: ignore SL302, SL303` comment; empty for all, None if none."""
    found = _IGNORE.search(text)
    if found is None:
        return None
    return parse_codes(found.group(1))


def parse_codes(text: str) -> frozenset[str]:
    return frozenset(code.upper() for code in re.split(r"[\s,]+", text) if code)


def comment_suppressions(text: str, comment: str) -> list[Suppression]:
    """`schoollint: ignore` comments in `text`; `comment` is a regex for one comment.

    A comment alone on its line covers the next line; after other text it
    covers its own line.
    """
    suppressions = []
    line, counted_to = 1, 0
    for found in re.finditer(comment, text):
        codes = ignore_codes(found.group(0))
        if codes is None:
            continue
        line += text.count("\n", counted_to, found.start())
        counted_to = found.start()
        line_start = text.rfind("\n", 0, found.start()) + 1
        alone = not text[line_start:found.start()].strip()
        end_line = line + found.group(0).count("\n")
        covers = end_line + 1 if alone else line
        suppressions.append(Suppression(line=line, covers=frozenset({covers}), codes=codes))
    return suppressions
