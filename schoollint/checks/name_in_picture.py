"""SL401 name-in-picture: a full name written in the pixels (certificate, badge, banner, slide).

Reads the text lines vision found (schoollint.vision.text) and puts them through the same name
finder as SL302 (roster, then heuristic). The message says where the name is, as a box in
fractions of the picture; the name itself goes only in the finding's value.
"""

from __future__ import annotations

from ..finding import Finding
from .name_policy import describe, finder, path_language, reportable, severity, site_language

CODES = ("SL401",)
READS = "media"


def check(subject, ctx):
    lines = subject.picture.text if subject.picture is not None else None
    if not lines:    # no text seen (no vision run: every picture): no import statement run either
        return
    from ..vision.model import union  # plain data; the detectors are not imported by checks

    # One text, a line a row: a name broken over two lines is still one name.
    text = " ".join(line.text for line in lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line.text) + 1)
    language = path_language(subject.path) or site_language(getattr(ctx, "root", None))
    for match in reportable(finder(ctx).in_text(text, language), ctx, "SL401"):
        covered = [line.box for line, start in zip(lines, starts, strict=True)
                   if start < match.end and match.start < start + len(line.text)]
        box = union(covered)
        yield Finding("SL401", subject.path,
                      f"the text in the picture contains {describe([match])} {box.described()}",
                      field="text in the picture", value=match.text, severity=severity([match], ctx, "SL401"))

