"""SL304 broken-image-reference: a media reference written in a page that leads to no file.

The page's references are the reference index's (`pages.references.scan`),
each resolved as RFC 3986 relative to the page and then from the site root
(`pages.references.broken`, done once with the analysis's look-ups when it
resolved them: `PageSubject.broken`); the finding is on the line the reference
is written on, and says so when a file of nearly that name is there (`pages.near_miss`:
a difference of case or of Unicode normalisation that breaks the link once published).
"""

from __future__ import annotations

from ..finding import Finding
from ..pages.near_miss import why_missing
from ..pages.references import broken

CODES = ("SL304",)
READS = "page"


def check(subject, ctx):
    if subject.page is None:  # unreadable: SL002 says so
        return
    missing = subject.broken if subject.broken is not None else broken(ctx.root, subject.path, subject.page.links)
    for reference, target in missing:
        why = why_missing(ctx.root, target)
        yield Finding(
            "SL304", subject.path,
            # The path may hold a name (that is what SL301 renames): it is the value, shown on request.
            f"a {_kind(target)} reference written here leads to no file in the site" + (f": {why}" if why else ""),
            line=reference.line, field="image reference", value=reference.written,
        )


def _kind(target: str) -> str:
    return target.rsplit(".", 1)[-1].upper() + " file" if "." in target else "media file"
