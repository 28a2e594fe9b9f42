"""JUMBF boxes and the C2PA content credentials they carry, in whatever container holds them.

ISO/IEC 19566-5 (JUMBF): a 'jumb' superbox starts with a 'jumd' description box (content
type UUID, toggles, then a NUL-terminated label when toggle 0x02 is set) and holds content
boxes ('json', 'cbor', 'bfdb' + 'bidb' for an embedded file, 'uuid', nested 'jumb').
C2PA 2.1 (sections 11-13): the manifest store 'c2pa' holds manifests, each an assertion store
('c2pa.assertions'), a claim and a claim signature (the signer's certificate). Assertions that
matter here: 'stds.exif' / 'c2pa.metadata' / 'stds.iptc' (JSON-LD: GPS and place names),
'stds.schema-org.CreativeWork' (the author), 'c2pa.thumbnail.*' (a picture of the original),
'c2pa.ingredient*' (the photos it was made from, with their own thumbnails). Assertions may
be Brotli-compressed ('brob', brob.py).

Where it lives: JPEG APP11, PNG 'caBX', WebP 'C2PA', ISO BMFF (HEIF/AVIF/MP4) a top-level 'uuid'
box with user type D8FEC3D6-1B0E-483C-9297-5828877EC481, JPEG XL a 'jumb' box. Every reader
turns a manifest into the same items: the signer and claim generator (identity), a place when
an assertion states one, the author, and thumbnails and ingredients (previews).
"""

from __future__ import annotations

from .model import IDENTITY, LOCATION, PREVIEW, MediaError, MetaItem

C2PA_UUID = bytes.fromhex("D8FEC3D61B0E483C92975828877EC481")
_MAX_DEPTH = 12
# Text in an assertion that states a place (JSON-LD names, or CBOR's UTF-8 keys), lower-cased.
_PLACE_HINTS = (b"gpslatitude", b"gpslongitude", b"latitude", b"longitude", b"locationcreated",
                b"locationshown", b"exif:gps", b"iptc4xmpcore:location", b"photoshop:city")


def c2pa_items(data: bytes, where: str) -> tuple[MetaItem, ...]:
    """Items in a JUMBF block (a run of boxes starting with 'jumb'). A block that will not
    parse is still content credentials: identity, and a place it may name (never clean)."""
    data = bytes(data)
    # A manifest always names the software that signed it and, in its certificate, the signer.
    found: dict[tuple[str, str], None] = {(IDENTITY, "C2PA content credentials"): None}
    try:
        _walk(data, 0, len(data), where, "", found, 0)
    except MediaError:
        found[(IDENTITY, "C2PA content credentials (damaged)")] = None
        if any(hint in data.lower() for hint in _PLACE_HINTS):
            found[(LOCATION, "C2PA location assertion")] = None
    return tuple(MetaItem(kind, field, where) for kind, field in found)


def _walk(data: bytes, start: int, end: int, where: str, label: str, found: dict, depth: int) -> None:
    from .brob import inflate
    from .isobmff.boxes import boxes

    if depth > _MAX_DEPTH:
        raise MediaError(f"{where}: JUMBF boxes nest more than {_MAX_DEPTH} deep")
    for box in boxes(data, start, end, where, "the JUMBF block"):
        payload = data[box.body:box.end]
        if box.type == b"jumb":
            _walk(data, box.body, box.end, where, _label(data, box, where), found, depth + 1)
        elif box.type == b"brob":
            kind, inner = inflate(payload, where)
            if kind == b"jumb":
                _walk(inner, 0, len(inner), where, label, found, depth + 1)
            else:
                _content(label, kind, inner, found)
        elif box.type != b"jumd":
            _content(label, box.type, payload, found)


def _label(data: bytes, superbox, where: str) -> str:
    """The label of a 'jumb' superbox's description box: type UUID (16), toggles (1), label."""
    from .isobmff.boxes import boxes

    first = next(boxes(data, superbox.body, superbox.end, where, "a JUMBF superbox"), None)
    if first is None or first.type != b"jumd" or first.end - first.body < 17:
        raise MediaError(f"{where}: a JUMBF superbox does not start with its description box")
    if not data[first.body + 16] & 0x02:
        return ""
    text = data[first.body + 17:first.end]
    return text[:text.find(b"\0")].decode("utf-8", "replace") if b"\0" in text else ""


def _content(label: str, kind: bytes, payload: bytes, found: dict) -> None:
    """What one content box of the assertion `label` holds."""
    if label.startswith("c2pa.thumbnail") or kind == b"bidb":
        found[(PREVIEW, "C2PA thumbnail of the original")] = None
    elif label.startswith("c2pa.ingredient"):
        found[(PREVIEW, "C2PA ingredient (the photos it was made from)")] = None
    elif label.startswith("c2pa.signature"):
        found[(IDENTITY, "C2PA signer's certificate")] = None
    elif label.startswith("c2pa.claim"):
        found[(IDENTITY, "C2PA claim generator")] = None
    if any(hint in payload.lower() for hint in _PLACE_HINTS):
        found[(LOCATION, "C2PA location assertion")] = None
    if label.startswith("stds.schema-org") and b"author" in payload.lower():
        found[(IDENTITY, "C2PA author assertion")] = None
