"""ISO base media test files: boxes (ISO/IEC 14496-12), QuickTime movie metadata (Apple's
QuickTime File Format: keys/ilst, udta) and 3GPP asset boxes (3GPP TS 26.244), and HEIF items
(ISO/IEC 23008-12: iinf, iloc, iprp) in layouts the real encoders never write (idat, iloc version 2,
split extents), assembled box by box here by code that shares nothing with the reader.

HEIC and AVIF from the real encoders come from `tests.kit.images.encode`.
"""

from __future__ import annotations

import struct

# A position written the way iPhones write it: ISO 6709, decimal degrees.
ISO6709 = "+51.5010-000.1419+012.000/"
ISO6709_VALUE = "51.501, -0.1419"
XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
ENGLISH = 0x15C7          # "eng" packed as three 5-bit letters
MAC_ENGLISH = 0           # an old Macintosh language code: Mac Roman text
IMAGE_DATA = bytes(range(256)) * 4      # stands in for coded HEVC: the reader never decodes it


def box(kind: bytes, *parts: bytes) -> bytes:
    payload = b"".join(parts)
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def large_box(kind: bytes, *parts: bytes) -> bytes:
    payload = b"".join(parts)
    return struct.pack(">I4sQ", 1, kind, 16 + len(payload)) + payload


def full_box(kind: bytes, version: int, flags: int, *parts: bytes) -> bytes:
    return box(kind, bytes([version]) + flags.to_bytes(3, "big"), *parts)


def ftyp(major: bytes, *compatible: bytes) -> bytes:
    return box(b"ftyp", major, b"\0\0\0\0", *compatible)


def boxes_of(data: bytes, start: int = 0, end: int | None = None) -> list[tuple[bytes, int, int]]:
    """(type, offset, size) of the plain 32-bit boxes laid end to end: a test's own walker."""
    found, end = [], len(data) if end is None else end
    while start < end:
        size, kind = struct.unpack_from(">I4s", data, start)
        found.append((kind, start, size))
        start += size
    return found


# --- movies ---------------------------------------------------------------------

def fixed(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def tkhd(width: int, height: int, matrix=(1, 0, 0, 1)) -> bytes:
    a, b, c, d = matrix
    times = struct.pack(">IIIII", 0, 0, 1, 0, 1000)          # created, modified, track 1, reserved, duration
    layout = bytes(8) + struct.pack(">hhhH", 0, 0, 0, 0)      # reserved, layer, group, volume, reserved
    display = fixed(a) + fixed(b) + bytes(4) + fixed(c) + fixed(d) + bytes(4) + bytes(8) + struct.pack(">I", 1 << 30)
    return full_box(b"tkhd", 0, 7, times, layout, display, fixed(width), fixed(height))


def qt_text(kind: bytes, text: str, language: int = ENGLISH) -> bytes:
    encoded = text.encode("mac_roman" if language < 0x400 else "utf-8")
    return box(kind, struct.pack(">HH", len(encoded), language), encoded)


def asset_text(kind: bytes, text: str) -> bytes:
    """A 3GPP asset box: full box, packed language, NUL-terminated UTF-8."""
    return full_box(kind, 0, 0, struct.pack(">H", ENGLISH), text.encode() + b"\0")


def loci(name: str, latitude: float, longitude: float) -> bytes:
    return full_box(b"loci", 0, 0, struct.pack(">H", ENGLISH), name.encode() + b"\0", b"\0",
                    fixed(longitude), fixed(latitude), fixed(12), b"earth\0", b"\0")


def hdlr(handler: bytes) -> bytes:
    return full_box(b"hdlr", 0, 0, bytes(4), handler, bytes(12), b"\0")


def data_box(value: str | bytes, type_indicator: int = 1) -> bytes:
    raw = value.encode() if isinstance(value, str) else value
    return box(b"data", struct.pack(">II", type_indicator, 0), raw)


def apple_meta(entries: dict[str, str]) -> bytes:
    """moov/meta as iPhones write it: QuickTime meta (no version), mdta keys, ilst by key index."""
    keys = full_box(b"keys", 0, 0, struct.pack(">I", len(entries)),
                    *(box(b"mdta", name.encode()) for name in entries))
    items = box(b"ilst", *(box(index.to_bytes(4, "big"), data_box(value))
                           for index, value in enumerate(entries.values(), start=1)))
    return box(b"meta", hdlr(b"mdta"), keys, items)


def itunes_meta(items: dict[bytes, str]) -> bytes:
    """udta/meta as iTunes-style writers do it: an ISO full box, hdlr mdir, ilst by 4cc."""
    return full_box(b"meta", 0, 0, hdlr(b"mdir"),
                    box(b"ilst", *(box(kind, data_box(value)) for kind, value in items.items())))


def movie(*moov_children: bytes, brand: bytes = b"mp42", after: bytes = b"",
          mdat: bytes = b"\0\0\0\x10video frame data" * 8) -> bytes:
    """ftyp, mdat, then moov (as phones write them), then any extra top-level boxes."""
    head = ftyp(brand, brand, b"isom") if brand else b""
    return head + box(b"mdat", mdat) + box(b"moov", *moov_children) + after


def metadata_track(*sample_entries: bytes) -> bytes:
    """trak > mdia > minf > stbl > stsd listing timed metadata sample entries."""
    stsd = full_box(b"stsd", 0, 0, struct.pack(">I", len(sample_entries)), *sample_entries)
    return box(b"trak", tkhd(0, 0), box(b"mdia", hdlr(b"meta"), box(b"minf", box(b"stbl", stsd))))


def sample_entry(kind: bytes, *children: bytes) -> bytes:
    return box(kind, bytes(6), struct.pack(">H", 1), *children)     # reserved, data reference 1


def apple_timed_keys(*names: str) -> bytes:
    """The 'keys' of an Apple 'mebx' sample entry: local key ids, each with a 'keyd'."""
    return box(b"keys", *(box(index.to_bytes(4, "big"), box(b"keyd", b"mdta", name.encode()))
                          for index, name in enumerate(names, start=1)))


def xmp_uuid(packet: bytes) -> bytes:
    return box(b"uuid", XMP_UUID, packet)


# --- HEIF photos by hand --------------------------------------------------------

def infe(item_id: int, item_type: bytes, content_type: bytes = b"") -> bytes:
    tail = content_type + b"\0" if item_type == b"mime" else b""
    return full_box(b"infe", 2, 0, struct.pack(">HH", item_id, 0), item_type, b"\0", tail)


def iloc(entries: list[tuple[int, int, list[tuple[int, int]]]], version: int = 1, size: int = 4) -> bytes:
    """entries: (item id, construction method, [(offset, length)]) with `size`-byte fields."""
    code = {4: "I", 8: "Q"}[size]
    body = struct.pack(">H", (size << 12) | (size << 8))      # offset, length; no base offset or index
    body += struct.pack(">I" if version == 2 else ">H", len(entries))
    for item_id, method, extents in entries:
        body += struct.pack(">I" if version == 2 else ">H", item_id)
        if version in (1, 2):
            body += struct.pack(">H", method)
        body += struct.pack(">HH", 0, len(extents))
        body += b"".join(struct.pack(f">{code}{code}", offset, length) for offset, length in extents)
    return full_box(b"iloc", version, 0, body)


def ipma(item_id: int, indices: list[int]) -> bytes:
    return full_box(b"ipma", 0, 0, struct.pack(">IHB", 1, item_id, len(indices)),
                    bytes(0x80 | index for index in indices))


def ispe(width: int, height: int) -> bytes:
    return full_box(b"ispe", 0, 0, struct.pack(">II", width, height))


def irot(quarter_turns: int) -> bytes:
    return box(b"irot", bytes([quarter_turns]))


def imir(mode: int) -> bytes:
    return box(b"imir", bytes([mode]))


def exif_payload(tiff: bytes) -> bytes:
    """An Exif item as Apple writes it: offset 6, past a JPEG-style "Exif\\0\\0"."""
    return struct.pack(">I", 6) + b"Exif\0\0" + tiff


def heif(properties: list[bytes], exif: bytes | None = None, xmp: bytes | None = None, *,
         exif_in_idat: bool = False, split_exif: bool = False, iloc_version: int = 1,
         field_size: int = 4, brand: bytes = b"heic", exif_overlaps_image: bool = False,
         exif_method: int | None = None) -> bytes:
    """A HEIF file: item 1 the image (IMAGE_DATA in mdat), 2 Exif, 3 XMP."""
    items = [infe(1, b"hvc1")]
    if exif is not None:
        items.append(infe(2, b"Exif"))
    if xmp is not None:
        items.append(infe(3, b"mime", b"application/rdf+xml"))
    iinf = full_box(b"iinf", 0, 0, struct.pack(">H", len(items)), *items)
    iprp = box(b"iprp", box(b"ipco", *properties), ipma(1, list(range(1, len(properties) + 1))))
    head = ftyp(brand, b"mif1", brand)

    def layout(mdat_start: int) -> tuple[bytes, bytes]:
        body = IMAGE_DATA
        entries = [(1, 0, [(mdat_start, len(IMAGE_DATA))])]
        idat = b""
        if exif is not None:
            if exif_in_idat:
                idat = box(b"idat", exif)
                entries.append((2, 1, [(0, len(exif))]))
            elif exif_overlaps_image:
                entries.append((2, 0, [(mdat_start + 16, 64)]))   # inside the image's bytes
            else:
                start = mdat_start + len(body)
                half = len(exif) // 2
                extents = [(start, half), (start + half, len(exif) - half)] if split_exif else [(start, len(exif))]
                entries.append((2, 0, extents))
                body += exif
            if exif_method is not None:
                entries[-1] = (2, exif_method, entries[-1][2])
        if xmp is not None:
            entries.append((3, 0, [(mdat_start + len(body), len(xmp))]))
            body += xmp
        meta = full_box(b"meta", 0, 0, hdlr(b"pict"), full_box(b"pitm", 0, 0, struct.pack(">H", 1)),
                        iinf, iloc(entries, iloc_version, field_size), iprp, idat)
        return meta, box(b"mdat", body)

    meta, _ = layout(0)
    meta, mdat = layout(len(head) + len(meta) + 8)
    return head + meta + mdat

