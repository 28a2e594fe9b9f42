"""Sidecar files: the metadata photo tools and services write beside a photo, in two forms.

- XMP sidecars (photo.xmp, photo.jpg.xmp): Adobe XMP Specification Part 3 section 2.3
  (external storage of metadata), a plain XMP packet with or without the <?xpacket?> wrapper.
- Google Takeout JSON sidecars (photo.jpg.json, photo.json, photo.jpg.supplemental-metadata.json):
  a JSON object (RFC 8259) whose first member is "title" (the original file name), then
  "description", the times ("photoTakenTime", "creationTime", as {"timestamp", "formatted"}),
  "geoData" and "geoDataExif" ({"latitude", "longitude", "altitude", ...}, all 0.0 when there is
  no position), "people" ([{"name"}]: tagged faces), "url" and "googlePhotosOrigin" (the account's
  photo, the phone or the shared album it came from).
Either may hold everything the photo held (GPS, the creator, people's names) after the photo itself
was cleaned. Told by their first bytes (a byte-order mark and white space allowed), whatever the
name; a JSON object that starts with "title" but has none of Takeout's own members is read as
plain JSON with nothing in it.

The strip (safe) empties a sidecar: an XMP packet with no properties, or a Takeout object with no
title, description, people or position, so nothing it held is left and a tool that expects the
sidecar still finds a valid one. The SL108 fix (unsafe, `apply_delete`) deletes it instead: a
sidecar has no place on a website. Errors are MediaError.
"""

from __future__ import annotations

import json

from ..fix.model import Delete
from . import magic
from .magic import TAKEOUT_START as _TAKEOUT_START, XMP_STARTS as _STARTS
from .model import FREE_TEXT, IDENTITY, LOCATION, PERSON_NAME, TIMESTAMP, MediaError, MediaFacts, MetaItem, clip

FORMAT = "XMP sidecar"
TAKEOUT = "Google Takeout sidecar"
FORMATS = (FORMAT, TAKEOUT)
EXTENSIONS = (".xmp",)
MAX_JSON = 1 << 20   # a Takeout sidecar is a few hundred bytes; larger JSON is some other file
_TAKEOUT_MEMBERS = frozenset({"photoTakenTime", "creationTime", "photoLastModifiedTime", "geoData", "geoDataExif",
                              "imageViews", "googlePhotosOrigin"})
EMPTY = (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
         b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
         b'<rdf:Description rdf:about=""/></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>\n')
_NO_POSITION = {"latitude": 0.0, "longitude": 0.0, "altitude": 0.0, "latitudeSpan": 0.0, "longitudeSpan": 0.0}
EMPTY_TAKEOUT = json.dumps({"title": "", "description": "", "imageViews": "0", "geoData": _NO_POSITION,
                            "geoDataExif": _NO_POSITION}, indent=2).encode() + b"\n"
accept = magic.sidecar    # in formats/magic.py: the registry asks it without importing this module


def _start(data) -> bytes:
    return bytes(data[:4096]).removeprefix(b"\xef\xbb\xbf").lstrip()


def read(data) -> MediaFacts:
    from .xmp import parse_xmp

    start = _start(data)
    if _TAKEOUT_START.match(start):
        return _read_takeout(data)
    if not start.startswith(_STARTS):
        raise MediaError("XMP sidecar: the file does not start with an XMP packet")
    return MediaFacts(format=FORMAT, items=tuple(parse_xmp(bytes(data), "XMP sidecar")))


def _read_takeout(data) -> MediaFacts:
    if len(data) > MAX_JSON:
        return MediaFacts(format="JSON", notes=(f"JSON of {len(data):,} bytes: too large for a Takeout sidecar",))
    try:
        document = json.loads(bytes(data))
    except (ValueError, RecursionError) as exc:
        raise MediaError(f"{TAKEOUT}: not well-formed JSON ({type(exc).__name__})") from None
    if not isinstance(document, dict) or not _TAKEOUT_MEMBERS & set(document):
        return MediaFacts(format="JSON", notes=("a JSON object that is no Google Takeout sidecar",))
    return MediaFacts(format=TAKEOUT, items=tuple(_takeout_items(document)))


def _takeout_items(document: dict):
    where = "Takeout JSON"
    for key, kind in (("title", FREE_TEXT), ("description", FREE_TEXT), ("url", IDENTITY)):
        if isinstance(document.get(key), str) and document[key].strip():
            yield MetaItem(kind, f"Google Takeout {key}", where, clip(document[key]))
    for key in ("photoTakenTime", "creationTime", "photoLastModifiedTime"):
        if document.get(key):
            yield MetaItem(TIMESTAMP, f"Google Takeout {key}", where, clip(json.dumps(document[key])))
    for key in ("geoData", "geoDataExif"):
        place = document.get(key)
        if isinstance(place, dict) and _number(place.get("latitude")) and _number(place.get("longitude")):
            yield MetaItem(LOCATION, f"Google Takeout {key}", where, f"{place['latitude']}, {place['longitude']}")
    for person in document.get("people") or []:
        name = person.get("name") if isinstance(person, dict) else None
        if isinstance(name, str) and name.strip():
            yield MetaItem(PERSON_NAME, "Google Takeout people", where, clip(name))
    for key in ("googlePhotosOrigin", "appSource"):
        if document.get(key):
            yield MetaItem(IDENTITY, f"Google Takeout {key}", where, clip(json.dumps(document[key])))


def _number(value) -> bool:
    """A coordinate that says something: a non-zero number (Takeout writes 0.0 for no position)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and value != 0


def strip(data, kinds: frozenset[str]) -> bytes:
    """An empty sidecar of the same form when it holds an item of `kinds`; the file as it was otherwise."""
    facts = read(data)
    if not any(item.kind in kinds for item in facts.items):
        return bytes(data)
    return EMPTY_TAKEOUT if facts.format == TAKEOUT else EMPTY


def apply_delete(context, path: str, data: bytes, fixes) -> list[Delete]:
    """The SL108 and SL109 fix: delete the sidecar (read again here) or folder file (folder_files,
    by its name) at `path`, only when Git holds it in a commit, so whatever it held stays in
    history; MediaError otherwise."""
    from .folder_files import kind

    if kind(path) is None and read(data).format not in FORMATS:   # SL109's folder files: by their name
        raise MediaError(f"{path}: not a sidecar any more; not deleted")
    if context.committed is None:   # a plain folder: no history could give it back
        raise MediaError(f"{path}: no Git history keeps it here, so schoollint does not delete it: delete it by "
                         "hand, or move it out of the site if you want to keep it")
    if path not in context.committed:
        raise MediaError(f"{path}: not committed to Git, so deleting it would lose it for good: commit it "
                         "first, or delete it by hand")
    return [Delete(path)]
