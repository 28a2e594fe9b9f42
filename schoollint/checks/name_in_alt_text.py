"""SL302 name-in-alt-text: a full name in the alt, title or aria-label of an image."""

from __future__ import annotations

from ..finding import Finding
from ..fix.model import Applicability, Fix
from ..names import first_names_only
from .name_policy import describe, grouped, names_in, not_credits, severity, values

CODES = ("SL302",)
READS = "page"


def check(subject, ctx):
    if subject.page is None:  # unreadable: SL002 says so
        return
    for image in subject.page.images:
        for span in image.labels():
            found = not_credits(list(names_in(span, ctx, "SL302", subject.path, image.lang)), image.src)
            fix = _first_names_fix(span, [match for match, _line in found])
            for line, matches in grouped(found):
                fixable = all(match.role != "staff" and match.first for match in matches)
                yield Finding(
                    "SL302", subject.path, f"the {span.label} of image {image.src} contains {describe(matches)}",
                    line=line, field=span.label, value=values(matches),
                    fix=fix if fixable and subject.page.editable else None,
                    severity=severity(matches, ctx, "SL302"),
                )


def _first_names_fix(span, matches) -> Fix | None:
    """One edit for the whole label, so that only the label changes (not a file name or a caption
    on the same line that happens to hold the same words). A label written over several lines is
    left to a person."""
    reduced = first_names_only(span.text, matches)
    if reduced == span.text or "\n" in span.text:
        return None
    return Fix("edit-text", (span.line, span.text, reduced), Applicability.UNSAFE,
               summary=f"reduce the names in the {span.label} to first names")
