"""SL201: raster images larger than a web page needs."""

from ..finding import Fix, Problem

CODES = ("SL201",)
TARGET = "media"
VIDEO_FORMATS = frozenset({"MP4", "MOV"})


def check(subject, ctx):
    facts = subject.facts
    if facts is None or facts.format in VIDEO_FORMATS or facts.longer_edge is None:
        return
    limit = ctx.options("SL201")["max-edge"]
    if facts.longer_edge > limit:
        yield Problem(
            "SL201",
            f"{facts.width}x{facts.height} pixels, larger than the {limit} px limit for the longer edge",
            field="dimensions",
            fix=Fix("downscale", (limit,), safe=True, summary=f"downscale to at most {limit} px"),
        )
