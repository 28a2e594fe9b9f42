"""SL109 folder-metadata-file: a file the operating system writes into folders (Thumbs.db,
.DS_Store, ._name AppleDouble, desktop.ini) published with the site (formats/folder_files.py)."""

from ..finding import Finding
from ..fix.model import Applicability, Fix
from ..formats.folder_files import FORMATS, describe, kind

CODES = ("SL109",)
READS = "media"
# The existing unsafe delete (formats/sidecar.apply_delete): only a file Git holds in a commit.
DELETE = Fix("delete-file", (), Applicability.UNSAFE, summary="delete it (staged in Git as a removal)")


def check(subject, ctx):
    what, facts = kind(subject.path), subject.facts
    if what is None:
        return
    if facts is not None and facts.format in FORMATS:
        message, fix = describe(facts), DELETE
    else:   # so named, but a picture or video the readers judged (or could not read): no delete offered
        content = f"a {facts.format}, checked as one" if facts is not None else "a file that could not be read"
        message, fix = (f"named as a {what}, which the operating system writes into folders, but it is {content}: "
                        "rename it"), None
    yield Finding("SL109", subject.path, message, field="file format", fix=fix)
