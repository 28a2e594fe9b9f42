"""SL106: HEIC/HEIF phone originals on a website."""

from ..finding import Fix, Problem

CODES = ("SL106",)
TARGET = "media"
PHONE_FORMATS = frozenset({"HEIC", "HEIF"})


def check(subject, ctx):
    facts = subject.facts
    if facts is not None and facts.format in PHONE_FORMATS:
        yield Problem(
            "SL106",
            f"{facts.format} photo that most browsers cannot show; publish a JPEG or WebP copy instead",
            field="format",
            fix=Fix("convert-heic", (), safe=False, summary="write a JPEG copy beside it"),
        )
