"""SL101 location-metadata: a GPS position or a place name in a photo's or video's metadata."""

from ..formats.model import LOCATION
from .metadata_kinds import metadata_finding

CODES = ("SL101",)
READS = "media"


def check(subject, ctx):
    yield from metadata_finding(subject, "SL101", (LOCATION,), "stores where it was taken",
                                "remove location metadata")
