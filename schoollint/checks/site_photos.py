"""What the rules about photos across the site (SL202, SL501, SL502) read: each photo with every
place a page shows it or hands it on, built after the file checks by `schoollint.site_rules`.

Not a check module itself. These rules declare READS "run" (they judge the site as a whole);
`run_rules` also hands "run" rules its own subject, which says nothing about photos, so they
look at a `SiteSubject` only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Showing:
    """One place a page shows a photo (or, with `kind`, hands it to other sites)."""

    page: str                   # repository path of the page, sitemap, feed or manifest
    line: int
    width: int | None = None    # CSS px it is displayed at, at most; None when the page does not say
    kind: str = ""              # the share ("og:image", "image sitemap"...); "" when displayed on the page
    protected: bool = False     # the page is served behind a login (`protected:` in the configuration)


@dataclass(frozen=True)
class SitePhoto:
    path: str
    width: int | None                   # upright pixels (EXIF orientation applied); None when unknown
    height: int | None
    shown: tuple[Showing, ...] = ()     # every page element that displays it or links to it
    sized: bool = False                 # every reference to it in the site displays it at a known width
    shared: tuple[Showing, ...] = ()
    pupils: str = ""                    # why it is a photo of pupils ("" when nothing says so)
    # When the only reason is pages giving the first name of a pupil without website consent:
    # those pages, where SL601 already reports the photo (SL501 does not report it there again).
    named_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class SiteSubject:
    photos: Mapping[str, SitePhoto]     # the photos the rules judge, by repository path
    in_run: frozenset[str]              # the files this run checks: findings go on these only
    protected: tuple[str, ...]          # the configuration's `protected:` globs and URL prefixes
    options_for: Callable[[str], Mapping[str, Mapping]]   # path -> its rule options (Config.options_for)


def where(showing: Showing) -> str:
    return f"{showing.page} line {showing.line}"
