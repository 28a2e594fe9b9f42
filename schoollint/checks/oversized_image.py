"""SL201: raster images larger than a web page needs."""

from ..finding import Finding
from ..fix.model import Applicability, Fix

CODES = ("SL201",)
READS = "media"
VIDEO_FORMATS = frozenset({"MP4", "MOV"})


def check(subject, ctx):
    facts = subject.facts
    if facts is None or facts.format in VIDEO_FORMATS or facts.longer_edge is None:
        return
    limit = ctx.options("SL201")["max-edge"]
    if facts.longer_edge > limit:
        yield Finding(
            "SL201", subject.path,
            "{}x{} pixels, larger than the {} px limit for the longer edge".format(*facts.shown_size, limit),
            field="dimensions",
            fix=Fix("downscale", (limit,), Applicability.SAFE, summary=f"downscale to at most {limit} px"),
        )
