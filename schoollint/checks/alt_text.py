"""SL302 name-in-alt-text: a full name in the alt, title or aria-label of an image."""

from __future__ import annotations

from ..finding import Fix, Problem
from .name_policy import describe, names_in, severity

CODES = ("SL302",)
TARGET = "page"


def check(subject, ctx):
    for image in subject.page.images:
        for span in image.labels():
            for match, line in names_in(span, ctx, "SL302"):
                fix = None
                if match.role != "staff" and match.first:
                    fix = Fix("edit-text", (line, match.text, match.first), safe=False,
                              summary=f"reduce the name in the {span.label} to the first name")
                yield Problem(
                    "SL302", f"the {span.label} of image {image.src} contains {describe(match)}",
                    line=line, field=span.label, value=match.text, fix=fix,
                    severity=severity(match, ctx, "SL302"),
                )
