"""SL104 people-named-in-metadata: people named in a file's metadata (XMP face regions, PersonInImage)."""

from ..formats.model import PERSON_NAME
from .metadata_kinds import metadata_finding

CODES = ("SL104",)
READS = "media"


def _opening(items) -> str:
    # a document sums up its pictures' items (formats.picture_items): their names are in the value
    people = len({name for item in items for name in (item.value or "").split("; ") if name}) or len(items)
    return f"names {people} {'person' if people == 1 else 'people'} in its metadata"


def check(subject, ctx):
    yield from metadata_finding(subject, "SL104", (PERSON_NAME,), _opening,
                                "remove people's names and face regions")
