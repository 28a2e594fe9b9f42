"""XMP: RDF/XML packets in JPEG APP1, PNG iTXt, WebP, GIF, HEIC and TIFF.

Adobe XMP Specification Part 1 (data model, RDF serialisation, packet
wrapper), Part 2 (standard schemas: dc, xmp, xmpRights, photoshop, tiff,
exif) and Part 3 (storage in files); IPTC Photo Metadata (Iptc4xmpCore,
Iptc4xmpExt), MWG regions, CIPA DC-010 (Exif in XMP).

The packet is parsed with the standard library's expat-based ElementTree,
but only after refusing any DOCTYPE: XMP never has one, and without it there
are no entities to expand and nothing to fetch from the network.

Every property is walked down to its literal values, whatever RDF shorthand
wrote it (attribute, element, rdf:Bag/Seq/Alt, parseType="Resource", nested
rdf:Description), and each value is reported with the top-level property
that holds it and the innermost property that names it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .position import format_position
from .model import FREE_TEXT, IDENTITY, LOCATION, PERSON_NAME, PREVIEW, TIMESTAMP, MetaItem, clip

_NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "tiff": "http://ns.adobe.com/tiff/1.0/",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "exifEX": "http://cipa.jp/exif/1.0/",
    "aux": "http://ns.adobe.com/exif/1.0/aux/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
    "mwg-rs": "http://www.metadataworkinggroup.com/schemas/regions/",
    "MPReg": "http://ns.microsoft.com/photo/1.2/t/Region#",
    "MicrosoftPhoto": "http://ns.microsoft.com/photo/1.0/",
    "lr": "http://ns.adobe.com/lightroom/1.0/",
    "digiKam": "http://www.digikam.org/ns/1.0/",
    "GCamera": "http://ns.google.com/photos/1.0/camera/",
    "Container": "http://ns.google.com/photos/1.0/container/",
    "Item": "http://ns.google.com/photos/1.0/container/item/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}


_PREFIXES = {uri: prefix for prefix, uri in _NAMESPACES.items()}


def _clark(qname: str) -> str:
    prefix, _, local = qname.partition(":")
    return f"{{{_NAMESPACES[prefix]}}}{local}"


_PROPERTY_KINDS = {
    LOCATION: ("photoshop:City photoshop:State photoshop:Country Iptc4xmpCore:Location "
               "Iptc4xmpCore:CountryCode Iptc4xmpExt:LocationShown Iptc4xmpExt:LocationCreated"),
    IDENTITY: ("tiff:Make tiff:Model tiff:Software tiff:Artist tiff:Copyright xmp:CreatorTool dc:creator "
               "dc:rights dc:contributor dc:publisher xmpRights:Owner photoshop:Credit photoshop:AuthorsPosition "
               "photoshop:CaptionWriter photoshop:Source Iptc4xmpCore:CreatorContactInfo aux:SerialNumber "
               "aux:Lens aux:LensSerialNumber aux:OwnerName exif:ImageUniqueID exif:CameraOwnerName "
               "exifEX:CameraOwnerName exifEX:BodySerialNumber exifEX:LensMake exifEX:LensModel "
               "exifEX:LensSerialNumber exifEX:ImageUniqueID pdf:Author pdf:Creator pdf:Producer"),
    TIMESTAMP: ("xmp:CreateDate xmp:ModifyDate xmp:MetadataDate photoshop:DateCreated tiff:DateTime "
                "exif:DateTimeOriginal exif:DateTimeDigitized pdf:CreationDate pdf:ModDate"),
    FREE_TEXT: ("dc:description dc:title dc:subject photoshop:Headline photoshop:Instructions "
                "photoshop:SupplementalCategories photoshop:TextLayers tiff:ImageDescription exif:UserComment "
                "lr:hierarchicalSubject digiKam:TagsList MicrosoftPhoto:LastKeywordXMP "
                "MicrosoftPhoto:LastKeywordIPTC pdf:Title pdf:Subject pdf:Keywords"),
}
PROPERTIES = {_clark(qname): kind for kind, names in _PROPERTY_KINDS.items() for qname in names.split()}
# Innermost property names that hold a person's name, wherever they are nested.
_PERSON_FIELDS = {
    _clark("Iptc4xmpExt:PersonInImage"): "XMP PersonInImage",
    _clark("mwg-rs:Name"): "XMP face region name",
    _clark("MPReg:PersonDisplayName"): "XMP Microsoft face region name",
}
_EXIF_NAMESPACE = "{" + _NAMESPACES["exif"] + "}"
_GPS_NOT_A_PLACE = {_EXIF_NAMESPACE + "GPSVersionID", _EXIF_NAMESPACE + "GPSMapDatum"}
# A placeholder, as copied from an all-zero EXIF GPS IFD: zeros, separators, at most a direction.
_GPS_PLACEHOLDER = re.compile(r"[\s0.,/:+-]*[NSEW]?")
_MOTION_FLAGS = {_clark("GCamera:MicroVideo"), _clark("GCamera:MotionPhoto")}
_CONTAINER_SEMANTIC = _clark("Item:Semantic")
_FALSE = ("0", "False", "false")
_RDF = "{" + _NAMESPACES["rdf"] + "}"
_XML = "{http://www.w3.org/XML/1998/namespace}"
_ARRAYS = {_RDF + "Bag", _RDF + "Seq", _RDF + "Alt"}
_TRANSPARENT = {_RDF + "Description", _RDF + "value"}  # nodes that add no property name of their own
_MAX_DEPTH = 40

# When the XML is broken, still tell which kinds the raw text mentions.
_BROKEN_HINTS = ((b"GPSLatitude", LOCATION, "XMP GPS position"),
                 (b"PersonInImage", PERSON_NAME, "XMP PersonInImage"),
                 (b"mwg-rs:Name", PERSON_NAME, "XMP face region name"),
                 (b"PersonDisplayName", PERSON_NAME, "XMP Microsoft face region name"))


def _short(qname: str) -> str:
    """'{http://purl.org/dc/elements/1.1/}title' -> 'dc:title' (or the local name)."""
    uri, _, local = qname[1:].partition("}")
    prefix = _PREFIXES.get(uri)
    return f"{prefix}:{local}" if prefix else local


def _walk(node, name: str, depth: int = 0):
    """(innermost property name, literal) for every value under a property element."""
    if depth > _MAX_DEPTH:  # real XMP nests a few levels; a hostile packet thousands
        return
    for key, value in node.attrib.items():
        if not key.startswith((_RDF, _XML)):
            yield key, value
    children = list(node)
    if not children:
        if node.text and node.text.strip():
            yield name, node.text.strip()
        return
    for child in children:
        if child.tag in _ARRAYS:
            for element in child:
                yield from _walk(element, name, depth + 1)
        else:
            yield from _walk(child, name if child.tag in _TRANSPARENT else child.tag, depth + 1)


def _properties(root):
    """(top-level property, innermost property, literal) over every rdf:Description."""
    for rdf in root.iter(_RDF + "RDF"):
        for description in rdf.findall(_RDF + "Description"):
            for key, value in description.attrib.items():
                if not key.startswith((_RDF, _XML)):
                    yield key, key, value
            for child in description:
                for inner, value in _walk(child, child.tag):
                    yield child.tag, inner, value


def _xmp_degrees(text: str) -> float | None:
    """XMP GPS coordinate 'DDD,MM.mmk' or 'DDD,MM,SSk' (k = N/S/E/W) to signed degrees."""
    text = text.strip()
    if not text or text[-1] not in "NSEW":
        return None
    try:
        parts = [float(part) for part in text[:-1].split(",")]
    except ValueError:
        return None
    degrees = sum(part / 60 ** i for i, part in enumerate(parts[:3]))
    return -degrees if text[-1] in "SW" else degrees


def _broken(packet: bytes, where: str) -> tuple[MetaItem, ...]:
    hints = [MetaItem(kind, field, where) for marker, kind, field in _BROKEN_HINTS if marker in packet]
    return (MetaItem(FREE_TEXT, "unparseable XMP", where, f"{len(packet)} bytes"), *hints)


_UTF16 = ((b"\xfe\xff", "utf-16"), (b"\xff\xfe", "utf-16"), (b"\0<", "utf-16-be"), (b"<\0", "utf-16-le"))


def _utf8(packet: bytes) -> bytes:
    """The packet as UTF-8 without padding; XMP may also be written in UTF-16."""
    codec = next((codec for start, codec in _UTF16 if packet.startswith(start)), None)
    if codec is None:
        return packet.strip(b"\0 \t\r\n")
    text = packet.decode(codec, "replace").strip("\0 \t\r\n\ufeff")
    if text.startswith("<?xml"):   # its encoding="UTF-16" would now be wrong
        text = text[text.find("?>") + 2:]
    return text.encode("utf-8")


_PARSER: list = []   # [xml.etree.ElementTree], imported on first use (4.5 ms), then looked up, not imported


def parse_xmp(packet: bytes, where: str) -> tuple[MetaItem, ...]:
    """Metadata items in one XMP packet; broken XML gives an 'unparseable XMP' item."""
    if not _PARSER:
        from xml.etree import ElementTree

        _PARSER.append(ElementTree)
    ElementTree = _PARSER[0]
    packet = _utf8(bytes(packet))
    if not packet:
        return ()
    if b"<!DOCTYPE" in packet or b"<!ENTITY" in packet:
        return _broken(packet, where)
    try:
        root = ElementTree.fromstring(packet)
    except (ElementTree.ParseError, ValueError, LookupError):
        return _broken(packet, where)
    items: list[MetaItem] = []
    grouped: dict[tuple[str, str], list[str]] = {}
    gps: dict[str, str] = {}
    places: dict[str, str] = {}   # by meaning, in any other namespace: drones, action cameras, apps
    for top, inner, value in _properties(root):
        value = clip(value.strip())
        if not value:
            continue
        person = _PERSON_FIELDS.get(inner) or _PERSON_FIELDS.get(top)
        if person:
            items.append(MetaItem(PERSON_NAME, person, where, value))
        elif top.startswith(_EXIF_NAMESPACE + "GPS") and top not in _GPS_NOT_A_PLACE:
            if not _GPS_PLACEHOLDER.fullmatch(value):
                gps[_short(inner)] = value
        elif _place_word(inner) and top not in PROPERTIES:
            if not _GPS_PLACEHOLDER.fullmatch(value):
                places[_local(inner)] = value
        elif top in PROPERTIES:
            values = grouped.setdefault((PROPERTIES[top], f"XMP {_short(top)}"), [])
            if value not in values:
                values.append(value)
        elif (top in _MOTION_FLAGS and value not in _FALSE) or (inner == _CONTAINER_SEMANTIC and value != "Primary"):
            values = grouped.setdefault((PREVIEW, "XMP embedded image or video"), [])
            values.append(f"{_short(inner)}={value}")
    items.extend(MetaItem(kind, field, where, "; ".join(values)) for (kind, field), values in grouped.items())
    if gps:
        items.append(_gps_item(gps, where))
    if places:
        items.append(_place_item(places, where))
    return tuple(items)


def _gps_item(gps: dict[str, str], where: str) -> MetaItem:
    latitude = _xmp_degrees(gps.get("exif:GPSLatitude", ""))
    longitude = _xmp_degrees(gps.get("exif:GPSLongitude", ""))
    if latitude is not None and longitude is not None:
        return MetaItem(LOCATION, "XMP GPS position", where, format_position(latitude, longitude))
    return MetaItem(LOCATION, "XMP GPS data", where, ", ".join(sorted(gps)))


# Property names that say where, in any namespace (DJI's drone-dji:GpsLatitude and its misspelt
# GpsLongtitude, action cameras' and phone apps' Latitude/Longitude/Location/Coordinates...),
# matched on the local name with any "gps"/"geo" prefix and "ref" suffix taken off.
_PLACE_WORD = re.compile(r"(?:gps|geo)?_?(latitude|longitude|longtitude|lat|lon|lng|long|coordinates?|position|"
                         r"location|geolocation|geotag|altitude|alt|absolutealtitude|relativealtitude)(?:ref)?")
_LATITUDE, _LONGITUDE = ("latitude", "lat"), ("longitude", "longtitude", "lon", "lng", "long")


def _local(qname: str) -> str:
    return qname.rpartition("}")[2]


@lru_cache(maxsize=1024)   # the same few property names recur in every photo; bounded for hostile packets
def _place_word(qname: str) -> str | None:
    """The meaning of a property name that says where ('latitude', 'altitude'...), or None."""
    match = _PLACE_WORD.fullmatch(_local(qname).lower())
    return match[1] if match else None


def _place_item(places: dict[str, str], where: str) -> MetaItem:
    """One item for the place properties of other namespaces: a position when a latitude and
    a longitude read as numbers (decimal degrees, or XMP's 'DDD,MM.mmk'), else the names."""
    def number(words):
        for name, value in places.items():
            if _place_word(name) in words:
                try:
                    return float(value)
                except ValueError:
                    return _xmp_degrees(value)
        return None

    latitude, longitude = number(_LATITUDE), number(_LONGITUDE)
    names = ", ".join(sorted(places))
    if latitude is not None and longitude is not None and (latitude, longitude) != (0, 0):
        return MetaItem(LOCATION, "XMP GPS position", where, f"{format_position(latitude, longitude)} ({names})")
    if all((_place_word(name) or "").startswith(("alt", "absolute", "relative")) for name in places):
        return MetaItem(TIMESTAMP, "XMP GPS data without a position", where, names)
    return MetaItem(LOCATION, "XMP location data", where, names)
