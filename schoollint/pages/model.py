"""The page model every reader produces and every page check reads: a page's images and their words.

A reader finds every image a page shows, the text that names it (alt, title,
aria-label) and the text that goes with it (captions, the paragraph, the card
it sits in), each with the 1-based source line it is written on. Checks work
on this model only; they never parse markup themselves. Imports no reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from schoollint.finding import Suppression


class PageError(Exception):
    """A page that cannot be read or edited; the message names the page and says why."""


@dataclass(frozen=True)
class TextSpan:
    """Text from a page with the line it starts on; it keeps its source newlines."""

    text: str
    line: int           # line of the first character of `text`
    label: str          # where it came from: "alt text", "figcaption", "data-caption"...
    lang: str = ""      # BCP 47 language of the text (HTML lang attribute, front matter); "" unknown

    def line_of(self, offset: int) -> int:
        """The line holding text[offset]: spans keep their source newlines."""
        return self.line + self.text.count("\n", 0, offset)


@dataclass(frozen=True)
class PageImage:
    """One image (or video, or link to a photo) a page shows."""

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
    lang: str = ""                  # BCP 47 language of the image's alt text and title; "" unknown
    # The largest size the page displays it at, in CSS px (pages/sizes.py); None where the page
    # leaves it to a stylesheet or the file itself. Height alone gives the width through the photo's shape.
    width: int | None = None
    height: int | None = None
    # Repository paths of the files the browser may show in its place, at the same size:
    # srcset candidates and <picture> sources (the src itself may be among them).
    alternates: tuple[str, ...] = ()

    def labels(self) -> list[TextSpan]:
        """The texts that name the image: alt, title and aria-label, with their lines."""
        return [
            TextSpan(text, line or self.line, label, self.lang)
            for text, line, label in (
                (self.alt, self.alt_line, "alt text"),
                (self.title, self.title_line, "title"),
                (self.aria_label, self.aria_label_line, "aria-label"),
            )
            if text
        ]


@dataclass(frozen=True)
class Reference:
    """A local media file a page refers to, as written, with the line it is written on."""

    written: str        # the path as written ("../img/a%20b.jpg")
    line: int


@dataclass(frozen=True)
class Share:
    """An image a page hands to other sites: social cards, search engines, feed readers, app launchers."""

    src: str                # as written (often an absolute URL of the site itself)
    target: str | None      # repository-relative path, None when it is not one of the site's files
    line: int
    kind: str               # "og:image", "twitter:image", "JSON-LD image", "image sitemap", ...


@dataclass(frozen=True)
class Page:
    """What one page shows: its images, its inline suppressions and every media file it references."""

    path: str                                   # repository-relative, forward slashes
    images: tuple[PageImage, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    references: frozenset[str] = frozenset()    # repository-relative media paths (srcset, CSS url() too)
    links: tuple[Reference, ...] = ()           # every media reference written in the file (references.scan)
    unknown_alts: tuple[TextSpan, ...] = ()     # alt bound to an expression the reader could not resolve
    shares: tuple[Share, ...] = ()              # images given to sharing and search (pages/shares.py)
    editable: bool = True                       # False: a package (DOCX, PPTX) whose words no text edit can reach
    fallback_encoding: str | None = None        # "Windows-1252": the text was not UTF-8 (pages/data.decode_text)

    def with_links(self, links: tuple[Reference, ...]) -> Page:
        """This page with `links` (what registry.read_page scans): its instance dict copied at once, as
        Finding.stamped copies a finding's, not `dataclasses.replace`'s field-by-field `__init__` (2 us
        against 10 us, for every text file of a site)."""
        new = object.__new__(Page)
        new.__dict__.update(self.__dict__, links=links)
        return new
