"""SL303 name-beside-photo: a full name in the text that goes with a photo."""

from __future__ import annotations

from ..finding import Finding
from .name_policy import describe, names_in, severity

CODES = ("SL303",)
READS = "page"


def check(subject, ctx):
    if subject.page is None:  # unreadable: SL002 says so
        return
    names_by_span: dict = {}            # a gallery's photos share one paragraph: read it once
    for image in subject.page.images:
        reported: set[tuple[str, int]] = set()     # a figcaption inside a card is read twice
        for span in image.captions:
            if span not in names_by_span:
                names_by_span[span] = list(names_in(span, ctx, "SL303"))
            for match, line in names_by_span[span]:
                if (match.text, line) in reported:
                    continue
                reported.add((match.text, line))
                yield Finding(
                    "SL303", subject.path,
                    f"photo {image.src}: its {span.label} gives {describe(match)}; "
                    "use first names only, or remove the photo",
                    line=line, field=span.label, value=match.text,
                    severity=severity(match, ctx, "SL303"),
                )
