"""Builders for JPEG, MPO, TIFF, EXIF, XMP and IPTC test data.

Pillow encodes the pixels and piexif writes real EXIF; segments Pillow cannot
write (XMP extensions, IPTC, MPF, trailers) are assembled from raw bytes here,
by code that shares nothing with the readers under test.
"""

from __future__ import annotations

import io
import struct

import piexif
from PIL import Image, ImageCms

LATITUDE, LONGITUDE = 51.501, -0.1419
XMP_SIGNATURE = b"http://ns.adobe.com/xap/1.0/\0"
EXTENDED_XMP_SIGNATURE = b"http://ns.adobe.com/xmp/extension/\0"


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


def small_jpeg(size=(24, 16), colour="red") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


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
        block["thumbnail"] = small_jpeg((16, 12), "blue")
    dumped = piexif.dump(block)
    return dumped[6:] if dumped.startswith(b"Exif\0\0") else dumped


def to_little_endian(tiff: bytes) -> bytes:
    """piexif always writes Motorola byte order; Pillow re-saves a block as Intel."""
    exif = Image.Exif()
    exif.load(b"Exif\0\0" + tiff)
    exif.endian = "<"
    data = exif.tobytes()
    return data[6:] if data.startswith(b"Exif\0\0") else data


def xmp_packet(body: str, namespaces: str = "") -> bytes:
    return (f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            f'<rdf:Description rdf:about="" {NAMESPACES} {namespaces}>{body}</rdf:Description>'
            f'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>').encode("utf-8")


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


def person_xmp(name: str = "Amelia Pupil", description: str = "Sports day") -> bytes:
    return xmp_packet(
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{description}</rdf:li></rdf:Alt></dc:description>'
        f'<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>{name}</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>')


def iim(*datasets: tuple[int, int, bytes]) -> bytes:
    """IPTC IIM records: (record, dataset, value) each."""
    return b"".join(b"\x1c" + bytes([record, number]) + struct.pack(">H", len(value)) + value
                    for record, number, value in datasets)


def photoshop_resource(resource: int, data: bytes, name: bytes = b"") -> bytes:
    pascal = bytes([len(name)]) + name
    pascal += b"\0" * (len(pascal) & 1)
    return b"8BIM" + struct.pack(">H", resource) + pascal + struct.pack(">I", len(data)) + data + b"\0" * (len(data) & 1)


def photoshop_iptc(city: bytes = b"Leeds", byline: bytes = b"Jane Teacher") -> bytes:
    """An APP13 payload: "Photoshop 3.0" and an IPTC resource with City and By-line."""
    records = iim((1, 90, b"\x1b%G"), (2, 0, b"\0\x04"), (2, 80, byline), (2, 90, city))
    return b"Photoshop 3.0\0" + photoshop_resource(0x0404, records)


# --- JPEG assembly ---

def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def encode(mode: str = "RGB", size=(64, 48), **options) -> bytes:
    """A real JPEG from Pillow: a gradient, so pixel comparisons mean something."""
    image = Image.linear_gradient("L").resize(size)
    if mode != "L":
        image = Image.merge("RGB", (image, image.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                                    image.transpose(Image.Transpose.FLIP_TOP_BOTTOM))).convert(mode)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, **options)
    return buffer.getvalue()


def with_segments(jpeg: bytes, *segments: bytes) -> bytes:
    """Insert segments right after SOI and any JFIF APP0, as cameras place them."""
    position = 2
    if jpeg[2:4] == b"\xff\xe0":
        position += 2 + struct.unpack(">H", jpeg[4:6])[0]
    return jpeg[:position] + b"".join(segments) + jpeg[position:]


def srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def phone_jpeg(orientation: int = 6) -> bytes:
    """Everything at once: EXIF (GPS, identity, thumbnail), XMP, IPTC, ICC and a comment."""
    jpeg = encode(icc_profile=srgb_icc())
    return with_segments(
        jpeg,
        segment(0xE1, b"Exif\0\0" + tiff_exif(orientation=orientation)),
        segment(0xE1, XMP_SIGNATURE + person_xmp()),
        segment(0xED, photoshop_iptc()),
        segment(0xFE, b"Taken by Mr Smith"),
    )


def extended_xmp_segments(packet: bytes, guid: bytes = b"0123456789ABCDEF0123456789ABCDEF",
                          chunk: int = 200) -> list[bytes]:
    return [segment(0xE1, EXTENDED_XMP_SIGNATURE + guid + struct.pack(">II", len(packet), offset)
                    + packet[offset:offset + chunk])
            for offset in range(0, len(packet), chunk)]


def mpo(first: bytes, *others: bytes) -> bytes:
    """An MPO: an MPF index (APP2) in the first image listing every image by offset."""
    count = 1 + len(others)
    # MPF payload: "MPF\0", TIFF header, IFD with version, count and entries, then the entries.
    ifd_size = 2 + 3 * 12 + 4
    entries_at = 8 + ifd_size

    def payload(sizes, offsets):
        ifd = struct.pack(">H", 3)
        ifd += struct.pack(">HHI4s", 0xB000, 7, 4, b"0100")
        ifd += struct.pack(">HHII", 0xB001, 4, 1, count)
        ifd += struct.pack(">HHII", 0xB002, 7, 16 * count, entries_at)
        ifd += struct.pack(">I", 0)
        entries = b"".join(struct.pack(">IIIHH", 0x20030000 if i == 0 else 0x00020002, size, offset, 0, 0)
                           for i, (size, offset) in enumerate(zip(sizes, offsets)))
        return b"MPF\0" + b"MM\0*" + struct.pack(">I", 8) + ifd + entries

    placeholder = segment(0xE2, payload([0] * count, [0] * count))
    head = with_segments(first, placeholder)
    mpf_base = head.index(b"MPF\0") + 4
    sizes, offsets, position = [len(head)], [0], len(head)
    for other in others:
        sizes.append(len(other))
        offsets.append(position - mpf_base)
        position += len(other)
    head = head.replace(placeholder, segment(0xE2, payload(sizes, offsets)))
    return head + b"".join(others)


def pixels(data: bytes, frame: int = 0) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        image.seek(frame)
        return image.tobytes()


def segment_markers(jpeg: bytes) -> list[tuple[int, bytes]]:
    """(marker, first bytes of payload) up to SOS: a plain walker for assertions."""
    found, position = [], 2
    while jpeg[position + 1] != 0xDA:
        marker = jpeg[position + 1]
        length = struct.unpack(">H", jpeg[position + 2:position + 4])[0]
        found.append((marker, jpeg[position + 4:position + 4 + min(length - 2, 16)]))
        position += 2 + length
    return found


def tiff_file(size=(40, 30), artist: bytes = b"Jane Teacher", orientation: int = 6, mode: str = "RGB") -> bytes:
    """A real TIFF from Pillow with GPS, Artist, Make and Orientation in IFD0.

    mode "I;16B" gives a big-endian file.
    """
    image = Image.open(io.BytesIO(encode(size=size))).convert("RGB" if mode == "RGB" else "L")
    if mode != "RGB":
        image = image.convert("I").point(lambda value: value * 200).convert(mode)
    zeroth = {piexif.ImageIFD.Artist: artist, piexif.ImageIFD.Make: b"Pupilcam",
              piexif.ImageIFD.Orientation: orientation}
    buffer = io.BytesIO()
    image.save(buffer, "TIFF", exif=piexif.dump({"0th": zeroth, "GPS": gps_ifd()}))
    return buffer.getvalue()


def flir_segments(gps_valid: int | None, chunk: int = 120) -> list[bytes]:
    """FLIR APP1 segments carrying an FFF file: a camera record with a serial and, unless
    `gps_valid` is None, a GPS record whose GPSValid is that number (FFF header big-endian,
    records little-endian, as FLIR cameras write them)."""
    camera = struct.pack("<H", 2) + bytes(0x102) + b"SN-FLIR-1234".ljust(16, b"\0")
    records = [(0x20, camera)]
    if gps_valid is not None:
        gps = struct.pack("<I4s", gps_valid, b"\2\2\0\0") + b"N\0\0\0W\0\0\0" + struct.pack("<ddd", 51.5, 0.14, 20.0)
        records.append((0x2B, gps))
    directory = 0x40
    body_at = directory + 32 * len(records)
    entries, bodies = b"", b""
    for kind, body in records:
        entries += struct.pack(">HHIIIIIII", kind, 1, 0x64, 1, body_at + len(bodies), len(body), 0, 0, 0)
        bodies += body
    header = b"FFF\0" + b"Camera\0".ljust(16, b"\0") + struct.pack(">III", 100, directory, len(records))
    fff = header.ljust(directory, b"\0") + entries + bodies
    pieces = [fff[offset:offset + chunk] for offset in range(0, len(fff), chunk)]
    return [segment(0xE1, b"FLIR\0\x01" + bytes([number, len(pieces) - 1]) + piece)
            for number, piece in enumerate(pieces)]


def jumbf_segments(assertion: bytes, chunk: int = 60) -> list[bytes]:
    """APP11 JUMBF segments holding a C2PA-style superbox with one JSON assertion; every
    segment after the first repeats the superbox header, as the JPEG binding requires."""
    def box(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", 8 + len(payload)) + kind + payload

    description = box(b"jumd", bytes(16) + b"\x03" + b"c2pa\0")
    superbox = box(b"jumb", description + box(b"json", assertion))
    header, content = superbox[:8], superbox[8:]
    pieces = [content[offset:offset + chunk] for offset in range(0, len(content), chunk)]
    return [segment(0xEB, b"JP" + struct.pack(">HI", 1, number + 1) + header + piece)
            for number, piece in enumerate(pieces)]


def only_media_errors(plugin, mutants) -> None:
    """Reading and stripping each damaged file gives facts, bytes or a MediaError: nothing else."""
    from schoollint.formats.model import KINDS, MediaError

    for data in mutants:
        for attempt in (plugin.read, lambda d: plugin.strip(d, KINDS)):
            try:
                attempt(data)
            except MediaError:
                pass


def same_from_an_mmap(plugin, data: bytes, path) -> None:
    """Reading and stripping an mmap of the file give what reading its bytes gives."""
    import mmap

    from schoollint.formats.model import KINDS

    path.write_bytes(data)
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        assert plugin.read(mapped) == plugin.read(data)
        assert plugin.strip(mapped, KINDS) == plugin.strip(data, KINDS)
