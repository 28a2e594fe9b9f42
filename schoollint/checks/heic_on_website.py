"""SL106: HEIC/HEIF phone originals on a website."""

from ..finding import Finding
from ..fix.model import Applicability, Fix

CODES = ("SL106",)
READS = "media"
PHONE_FORMATS = frozenset({"HEIC", "HEIF"})


def check(subject, ctx):
    facts = subject.facts
    if facts is not None and facts.format in PHONE_FORMATS:
        yield Finding(
            "SL106", subject.path,
            f"{facts.format} photo that most browsers cannot show; publish a JPEG or WebP copy instead",
            field="format",
            fix=Fix("convert-heic", (), Applicability.UNSAFE,
                    summary="replace it with a JPEG and point every page at it"),
        )
