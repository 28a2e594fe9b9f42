"""Metadata payloads, container-free: EXIF (CIPA DC-008, TIFF-structured), XMP (ISO 16684-1)
and IPTC IIM in Photoshop image resources (IPTC IIM 4.2; Adobe Photoshop file format).

piexif writes real EXIF; XMP and IIM are assembled here by code that shares nothing with the
readers under test. Each container's kit module wraps these in its own segments, chunks or items.
"""

from __future__ import annotations

import functools
import struct

import piexif
from PIL import Image

from tests.kit.images import encode

LATITUDE, LONGITUDE = 51.501, -0.1419


def rational_degrees(value: float) -> tuple:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60 * 1000)
    return ((degrees, 1), (minutes, 1), (seconds, 1000))


def gps_ifd(latitude: float = LATITUDE, longitude: float = LONGITUDE) -> dict:
    return {
        piexif.GPSIFD.GPSVersionID: (2, 3, 0, 0),
        piexif.GPSIFD.GPSLatitudeRef: b"N" if latitude >= 0 else b"S",
        piexif.GPSIFD.GPSLatitude: rational_degrees(latitude),
        piexif.GPSIFD.GPSLongitudeRef: b"E" if longitude >= 0 else b"W",
        piexif.GPSIFD.GPSLongitude: rational_degrees(longitude),
    }


def _tiff_structured(block: dict) -> bytes:
    dumped = piexif.dump(block)
    return dumped[6:] if dumped.startswith(b"Exif\0\0") else dumped


def tiff_exif(orientation: int | None = 6, gps: bool = True, thumbnail: bool = True,
              identity: bool = True) -> bytes:
    """A big-endian TIFF-structured EXIF block (no "Exif\\0\\0" prefix), as a phone writes it."""
    zeroth: dict = {piexif.ImageIFD.XResolution: (72, 1)}
    exif: dict = {piexif.ExifIFD.DateTimeOriginal: b"2024:05:01 10:11:12",
                  piexif.ExifIFD.ExposureTime: (1, 120)}
    if orientation is not None:
        zeroth[piexif.ImageIFD.Orientation] = orientation
    if identity:
        zeroth.update({piexif.ImageIFD.Make: b"Pupilcam", piexif.ImageIFD.Model: b"PC-1",
                       piexif.ImageIFD.Software: b"Pupilcam OS 4"})
        exif.update({piexif.ExifIFD.BodySerialNumber: b"SN-0042", piexif.ExifIFD.LensModel: b"Wide 4mm"})
    block = {"0th": zeroth, "Exif": exif, "GPS": gps_ifd() if gps else {}}
    if thumbnail:
        block["1st"] = {piexif.ImageIFD.Compression: 6, piexif.ImageIFD.XResolution: (72, 1)}
        block["thumbnail"] = encode(Image.new("RGB", (16, 12), "blue"), "JPEG")
    return _tiff_structured(block)


def exif_with_gps(orientation: int | None = None, make: bytes = b"Pupilcam") -> bytes:
    """A TIFF-structured EXIF block (no "Exif\\0\\0" prefix) with GPS, Make, Artist and maybe Orientation:
    the smaller block the PNG, GIF, WebP and downscale tests embed."""
    zeroth = {piexif.ImageIFD.Make: make, piexif.ImageIFD.Artist: b"Jane Teacher"}
    if orientation is not None:
        zeroth[piexif.ImageIFD.Orientation] = orientation
    exif = {piexif.ExifIFD.DateTimeOriginal: b"2024:05:01 10:11:12"}
    return _tiff_structured({"0th": zeroth, "Exif": exif, "GPS": gps_ifd()})


def to_little_endian(tiff: bytes) -> bytes:
    """piexif always writes Motorola byte order; Pillow re-saves a block as Intel."""
    exif = Image.Exif()
    exif.load(b"Exif\0\0" + tiff)
    exif.endian = "<"
    data = exif.tobytes()
    return data[6:] if data.startswith(b"Exif\0\0") else data


# --- XMP ---

NAMESPACES = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in {
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "xmpNote": "http://ns.adobe.com/xmp/note/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "tiff": "http://ns.adobe.com/tiff/1.0/",
    "aux": "http://ns.adobe.com/exif/1.0/aux/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
    "mwg-rs": "http://www.metadataworkinggroup.com/schemas/regions/",
    "stArea": "http://ns.adobe.com/xmp/sType/Area#",
    "MP": "http://ns.microsoft.com/photo/1.2/",
    "MPRI": "http://ns.microsoft.com/photo/1.2/t/RegionInfo#",
    "MPReg": "http://ns.microsoft.com/photo/1.2/t/Region#",
    "GCamera": "http://ns.google.com/photos/1.0/camera/",
}.items())


def xmp_packet(body: str, namespaces: str = "") -> bytes:
    """A complete packet (xpacket wrapper, x:xmpmeta, one rdf:Description) around `body`."""
    return (f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            f'<rdf:Description rdf:about="" {NAMESPACES} {namespaces}>{body}</rdf:Description>'
            f'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>').encode("utf-8")


def person_xmp(name: str = "Amelia Pupil", description: str = "Sports day",
               caption_in: str = "dc:description") -> bytes:
    """A packet naming one person (Iptc4xmpExt:PersonInImage) with a caption in the Dublin Core
    property `caption_in` ("dc:description", or "dc:title" as the PNG, GIF and WebP tests use)."""
    return xmp_packet(
        f'<{caption_in}><rdf:Alt><rdf:li xml:lang="x-default">{description}</rdf:li></rdf:Alt></{caption_in}>'
        f'<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>{name}</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>')


# --- IPTC IIM and Photoshop image resources ---

def iim(*datasets: tuple[int, int, bytes]) -> bytes:
    """IPTC IIM records: (record, dataset, value) each."""
    return b"".join(b"\x1c" + bytes([record, number]) + struct.pack(">H", len(value)) + value
                    for record, number, value in datasets)


@functools.cache
def iptc_records(city: str = "Bristol", byline: str = "Jane Teacher") -> bytes:
    """IPTC IIM datasets 2:90 City and 2:80 By-line."""
    return iim((2, 90, city.encode()), (2, 80, byline.encode()))


def photoshop_resource(resource: int, data: bytes, name: bytes = b"") -> bytes:
    """One Photoshop image resource block ("8BIM"), Pascal name and data each padded to even length."""
    pascal = bytes([len(name)]) + name
    pascal += b"\0" * (len(pascal) & 1)
    padding = b"\0" * (len(data) & 1)
    return b"8BIM" + struct.pack(">H", resource) + pascal + struct.pack(">I", len(data)) + data + padding


def photoshop_iptc(city: bytes = b"Leeds", byline: bytes = b"Jane Teacher") -> bytes:
    """An APP13 payload: "Photoshop 3.0" and an IPTC resource with City and By-line."""
    records = iim((1, 90, b"\x1b%G"), (2, 0, b"\0\x04"), (2, 80, byline), (2, 90, city))
    return b"Photoshop 3.0\0" + photoshop_resource(0x0404, records)
