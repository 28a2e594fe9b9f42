"""SL102 identifying-metadata: who made a file, with what, when, and the free text written into it."""

from ..formats.model import IDENTITY, TIMESTAMP, FREE_TEXT
from .metadata_kinds import metadata_finding

CODES = ("SL102",)
READS = "media"


def check(subject, ctx):
    yield from metadata_finding(subject, "SL102", (IDENTITY, TIMESTAMP, FREE_TEXT,), "stores identifying metadata",
                                "remove identifying metadata")
