"""SL303 name-beside-photo: a full name in the text that goes with a photo."""

from __future__ import annotations

from ..finding import Finding
from ..pages.html_captions import BETWEEN_PHOTOS
from .name_policy import describe, grouped, names_in, not_credits, severity, values

CODES = ("SL303",)
READS = "page"


def check(subject, ctx):
    if subject.page is None:  # unreadable: SL002 says so
        return
    names_by_span: dict = {}            # a gallery's photos share one paragraph: read it once
    for image in subject.page.images:
        reported: set[tuple[str, int]] = set()     # a figcaption inside a card is read twice
        for span in image.captions:
            if span.label == BETWEEN_PHOTOS:
                continue                        # reported with the photo before it; the consent rules read both
            if span not in names_by_span:
                names_by_span[span] = list(names_in(span, ctx, "SL303", subject.path, image.lang))
            fresh = [(match, line) for match, line in not_credits(names_by_span[span], image.src)
                     if (match.text, line) not in reported]
            reported.update((match.text, line) for match, line in fresh)
            for line, matches in grouped(fresh):
                yield Finding(
                    "SL303", subject.path,
                    f"photo {image.src}: its {span.label} gives {describe(matches)}; "
                    "use first names only, or remove the photo",
                    line=line, field=span.label, value=values(matches),
                    severity=severity(matches, ctx, "SL303"),
                )
