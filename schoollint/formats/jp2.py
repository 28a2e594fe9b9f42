"""JPEG 2000 (JP2/JPX) files: the box structure of ISO/IEC 15444-1 Annex I and 15444-2 Annex M.

Boxes are laid out like ISO BMFF boxes: the signature box 'jP  ', 'ftyp', the header 'jp2h'
('ihdr': height and width), the codestream 'jp2c', and metadata boxes: 'xml ' (XMP, or GML
that places the picture on a map), and 'uuid' boxes: EXIF ("JpgTiffExif->JP2", as ExifTool and
cameras write it), XMP (Adobe XMP Part 3) and GeoJP2 (a GeoTIFF: where on Earth the picture is).
A bare codestream (SOC + SIZ) has no metadata; the generic plugin reads it.

The strip drops a metadata box whole and copies every other box byte for byte; a file with a
fragment table ('ftbl', which points at absolute offsets) is refused (MediaError).
"""

from __future__ import annotations

import struct

from . import magic
from .model import FREE_TEXT, LOCATION, MediaError, MediaFacts, MetaItem

FORMAT = "JPEG 2000"
EXTENSIONS = (".jp2", ".jpx", ".jpf", ".jph")
EXIF_UUID = b"JpgTiffExif->JP2"
XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
GEOJP2_UUID = bytes.fromhex("B14BF8BD083D4B43A5AE8CD7D5A6CE03")
_LABEL = "JPEG 2000"
accept = magic.jp2    # in formats/magic.py: the registry asks it without importing this module


def _boxes(data):
    from .isobmff.boxes import boxes

    return list(boxes(data, 0, len(data), _LABEL))


def _items(data, box) -> tuple[MetaItem, ...]:
    payload = bytes(data[box.body:box.end])
    if box.type == b"xml ":
        from .xmp import parse_xmp

        if b"xmpmeta" in payload[:4096] or b"rdf:RDF" in payload[:4096]:
            return parse_xmp(payload, "'xml ' box")
        kind = LOCATION if b"gml" in payload[:4096].lower() else FREE_TEXT
        return (MetaItem(kind, "JPEG 2000 XML box", "'xml ' box", f"{len(payload)} bytes"),)
    if box.type != b"uuid":
        return ()
    user_type = bytes(data[box.start + box.header:box.body])
    if user_type == EXIF_UUID:
        from .embedded import parse_exif_block

        tiff = payload[6:] if payload.startswith(b"Exif\0\0") else payload
        return tuple(parse_exif_block(tiff, "EXIF uuid box").items)
    if user_type == XMP_UUID:
        from .xmp import parse_xmp

        return parse_xmp(payload, "XMP uuid box")
    if user_type == GEOJP2_UUID:
        return (MetaItem(LOCATION, "GeoJP2 map position", "GeoJP2 uuid box"),)
    return ()


def read(data) -> MediaFacts:
    width = height = None
    items: list[MetaItem] = []
    for box in _boxes(data):
        if box.type == b"jp2h":
            from .isobmff.boxes import boxes

            ihdr = next((child for child in boxes(data, box.body, box.end, _LABEL, "box 'jp2h'")
                         if child.type == b"ihdr"), None)
            if ihdr is None or ihdr.end - ihdr.body < 8:
                raise MediaError(f"{_LABEL}: the header box has no image header ('ihdr')")
            height, width = struct.unpack_from(">II", data, ihdr.body)
        items += _items(data, box)
    if width is None:
        raise MediaError(f"{_LABEL}: no header box ('jp2h'): the file may be cut short")
    return MediaFacts(format=FORMAT, width=width, height=height, items=tuple(items))


def strip(data, kinds: frozenset[str]) -> bytes:
    """The file without every metadata box holding an item of `kinds`."""
    boxes = _boxes(data)
    if any(box.type == b"ftbl" for box in boxes):
        raise MediaError(f"{_LABEL}: a fragment table points at absolute offsets; boxes cannot be removed")
    return b"".join(bytes(data[box.start:box.end]) for box in boxes
                    if not any(item.kind in kinds for item in _items(data, box)))
