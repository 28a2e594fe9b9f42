"""SL105: media files that cannot be parsed, or whose pixels vision could not decode."""

from ..finding import Finding

CODES = ("SL105",)
READS = "media"


def check(subject, ctx):
    if subject.error is not None:
        yield Finding("SL105", subject.path, f"cannot read this file: {subject.error}", field="file structure")
    elif subject.picture is not None and subject.picture.error is not None:
        yield Finding("SL105", subject.path, "cannot decode the picture, so faces and text in it were not checked: "
                      f"{subject.picture.error}", field="pixels")
