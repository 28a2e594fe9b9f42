"""SL103 embedded-preview: a thumbnail, second image or appended video hidden inside a file."""

from ..formats.model import PREVIEW
from .metadata_kinds import metadata_finding

CODES = ("SL103",)
READS = "media"


def check(subject, ctx):
    yield from metadata_finding(subject, "SL103", (PREVIEW,), "hides another picture",
                                "remove embedded previews and appended data")
