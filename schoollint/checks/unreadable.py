"""SL105: media files that cannot be parsed."""

from ..finding import Problem

CODES = ("SL105",)
TARGET = "media"


def check(subject, ctx):
    if subject.error is not None:
        yield Problem("SL105", f"cannot read this file: {subject.error}", field="file structure")
