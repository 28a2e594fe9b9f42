"""SL105: media files that cannot be parsed."""

from ..finding import Finding

CODES = ("SL105",)
READS = "media"


def check(subject, ctx):
    if subject.error is not None:
        yield Finding("SL105", subject.path, f"cannot read this file: {subject.error}", field="file structure")
