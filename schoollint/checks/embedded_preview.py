"""SL103 embedded-preview: a thumbnail, second image or appended video hidden inside a file, or a
document's attached files and earlier revisions (what its message says follows what was found)."""

from ..formats.model import PREVIEW
from .metadata_kinds import metadata_finding

CODES = ("SL103",)
READS = "media"

# What a hidden item is, by the words its reader names it with: a PDF's attached files (ISO 32000-2
# 7.11.4, 14.13) and earlier revisions (7.5.6) are no pictures (trial 9 item 7: "hides another picture
# (document: attached files)"), and the fix says what it removes in the same words.
_WHAT = (("attached file", "attached files"), ("associated files", "attached files"),
         ("earlier revision", "an earlier version of itself"))
_REMOVE = {"attached files": "remove the attached files", "an earlier version of itself": "remove earlier versions",
           "another picture": "remove embedded previews and appended data"}


def _hidden(items) -> list[str]:
    return list(dict.fromkeys(next((what for words, what in _WHAT if words in item.field), "another picture")
                              for item in items))


def _opening(items) -> str:
    return "hides " + " and ".join(_hidden(items))


def _fix_summary(items) -> str:
    return "; ".join(_REMOVE[what] for what in _hidden(items))


def check(subject, ctx):
    yield from metadata_finding(subject, "SL103", (PREVIEW,), _opening, _fix_summary)
