"""SL108 sidecar-file: a sidecar (XMP, Google Takeout JSON) published with the site."""

from ..finding import Finding
from ..fix.model import Applicability, Fix
from ..formats.sidecar import FORMATS

CODES = ("SL108",)
READS = "media"


def check(subject, ctx):
    facts = subject.facts
    if facts is not None and facts.format in FORMATS:
        yield Finding(
            "SL108", subject.path,
            f"{facts.format}: a file that photo tools and services write beside a photo, with no place on a website",
            field="file format",
            fix=Fix("delete-file", (), Applicability.UNSAFE, summary="delete it (staged in Git as a removal)"),
        )
