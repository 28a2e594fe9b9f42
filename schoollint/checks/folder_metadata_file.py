"""SL109 folder-metadata-file: a file the operating system writes into folders (Thumbs.db,
.DS_Store, ._name AppleDouble, desktop.ini) published with the site (formats/folder_files.py)."""

from ..finding import Finding
from ..fix.model import Applicability, Fix
from ..formats.folder_files import FORMATS, describe, kind

CODES = ("SL109",)
READS = "media"


def check(subject, ctx):
    facts = subject.facts
    if facts is not None and facts.format in FORMATS:
        yield Finding(
            "SL109", subject.path, describe(facts), field="file format",
            fix=Fix("delete-file", (), Applicability.UNSAFE, summary="delete it (staged in Git as a removal)"),
        )
    elif kind(subject.path) is not None:   # so named, but a picture or video the readers judged (or could not read)
        what = f"a {facts.format}, checked as one" if facts is not None else "a file that could not be read"
        yield Finding("SL109", subject.path, f"named as a {kind(subject.path)}, which the operating system writes "
                                             f"into folders, but it is {what}: rename it", field="file format")
