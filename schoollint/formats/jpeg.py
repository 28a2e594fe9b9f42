"""JPEG and MPO: a walk over marker segments, read and rewritten losslessly.

A JPEG is SOI, then segments (marker, 2-byte length, payload), then after each
SOS the entropy-coded scan, which ends at the first 0xFF not followed by 0x00
or a restart marker; EOI closes the image. An MPO lists further JPEGs, stored
after the first one's EOI, in an APP2 "MPF" index of offsets.

Stripping copies every kept byte as it was, so scans (the pixels) never
change; removed segments are left out, EXIF is replaced by one holding only
Orientation, and MPF offsets are rewritten to where each image now starts.
"""

from __future__ import annotations

import re
import struct

from .embedded import parse_exif
from .exif import minimal_exif
from .ifd import read_ifd
from .model import FREE_TEXT, IDENTITY, LOCATION, PERSON_NAME, PREVIEW, MediaError, MediaFacts, MetaItem, clip

FORMAT = "JPEG"
EXTENSIONS = (".jpg", ".jpeg", ".jpe", ".jfif", ".mpo")

EOI, SOS, COM, APP0, APP1 = 0xD9, 0xDA, 0xFE, 0xE0, 0xE1
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})   # TEM and RSTn carry no length
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
# The end of a scan: 0xFF followed by anything but a stuffed 0x00 or RSTn (0xFF is a fill
# byte, which the walk skips). A literal first byte lets the regex engine jump from one
# 0xFF to the next at memchr speed: one C call per scan, no Python loop over the bytes.
_SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7]")
_NOT_ZERO = re.compile(rb"[^\x00]")
XMP_SIGNATURE = b"http://ns.adobe.com/xap/1.0/\0"
EXTENDED_XMP_SIGNATURE = b"http://ns.adobe.com/xmp/extension/\0"
_MPF_ENTRIES = 0xB002


def accept(prefix: bytes) -> bool:
    return prefix[:3] == b"\xff\xd8\xff"


class _Image:
    """One JPEG inside the file: its segments, and which of them hold items."""

    def __init__(self, data, start: int, where: str, bound: str = "the end of the file"):
        self.data, self.start, self.where = data, start, where
        self.bound = bound        # what the walk's limit is, for errors
        self.end = start          # after EOI (for an MPO secondary image, after its MPF size)
        self.marker = 0           # the segment being read
        self.parts: list[tuple[list[tuple[int, int]], tuple[MetaItem, ...]]] = []  # (byte ranges, items)
        self.replacements: dict[int, bytes] = {}   # segment start -> what to write when it is removed
        self.extended: dict[bytes, list[tuple[int, int, int, bytes]]] = {}   # Extended XMP pieces by GUID
        self.vendor_blocks: dict[tuple, list[tuple[int, int, bytes]]] = {}   # segments by APPn, signature, kinds
        self.width = self.height = self.orientation = None
        self.notes: list[str] = []
        self.mpf: tuple[int, int, str, int, list[tuple[int, int]]] | None = None
        # ^ (segment start, end, byte order, entry table offset from the MPF header, [(size, offset)] per image)

    def item(self, kind: str, field: str, part: str, value: str | None = None) -> MetaItem:
        return MetaItem(kind, field, f"{self.where}{part}", value)


# --- segment handlers: (image, segment start, segment end, payload) -> items ---------

def _frame(image, start, end, payload):
    if image.width is None and len(payload) >= 5:
        height, width = struct.unpack_from(">HH", payload, 1)
        image.width, image.height = width, height or None   # height 0: given later by a DNL segment
    return ()


def _comment(image, start, end, payload):
    text = payload.rstrip(b"\0").decode("utf-8", "replace").strip()
    return (image.item(FREE_TEXT, "JPEG comment", "COM", clip(text)),) if text else ()


def _jfif(image, start, end, payload):
    if len(payload) >= 14 and payload[12] and payload[13]:   # an uncompressed thumbnail follows
        image.replacements[start] = _segment(APP0, payload[:12] + b"\0\0")
        return (image.item(PREVIEW, "JFIF thumbnail", "APP0 JFIF", f"{payload[12]}x{payload[13]}"),)
    return ()


def _jfxx(image, start, end, payload):
    return (image.item(PREVIEW, "JFXX thumbnail", "APP0 JFXX", f"{len(payload)} bytes"),)


def _exif(image, start, end, payload):
    info = parse_exif(payload[6:], f"{image.where}APP1 Exif")
    if image.orientation is None:
        image.orientation = info.orientation
    if info.orientation:
        image.replacements[start] = _segment(APP1, b"Exif\0\0" + minimal_exif(info.orientation, info.big_endian))
    return info.items


def _xmp(image, start, end, payload):
    from .xmp import parse_xmp

    return parse_xmp(payload[len(XMP_SIGNATURE):], f"{image.where}APP1 XMP")


def _extended_xmp(image, start, end, payload):
    """A piece of an XMP packet too big for one segment; pieces are joined by GUID after the walk."""
    header = len(EXTENDED_XMP_SIGNATURE)
    if len(payload) < header + 40:
        raise MediaError(f"JPEG: {image.where}Extended XMP segment at offset {start} is cut short")
    guid = payload[header:header + 32]
    (offset,) = struct.unpack_from(">I", payload, header + 36)
    image.extended.setdefault(guid, []).append((offset, start, end, payload[header + 40:]))
    return ()


def _mpf(image, start, end, payload):
    """The MPO index: every image after the first is a preview stored after EOI."""
    where = f"{image.where}APP2 MPF"
    header = payload[4:]
    order = "<" if header[:2] == b"II" else ">"
    if len(header) < 8:
        raise MediaError(f"JPEG: {where} header is cut short")
    (first,) = struct.unpack_from(order + "I", header, 4)
    entries, _ = read_ifd(header, order, first, where, "MP index IFD")
    table = next((entry for entry in entries if entry.tag == _MPF_ENTRIES and entry.offset >= 0), None)
    if table is None:
        return ()   # a secondary image's own MPF holds attributes only
    images = [struct.unpack_from(order + "II", header, table.offset + 16 * number + 4)
              for number in range(table.size // 16)]
    image.mpf = (start, end, order, table.offset, images)
    return tuple(image.item(PREVIEW, "MPO secondary image", "APP2 MPF", f"image {number}, {size} bytes")
                 for number, (size, _) in enumerate(images[1:], start=2))


def _photoshop(image, start, end, payload):
    from .embedded import parse_photoshop

    return parse_photoshop(payload, f"{image.where}APP13 Photoshop")


def _kept(image, start, end, payload):
    return ()


def _vendor(what: str, kinds):
    """A handler for a vendor block, which may be split over several segments; `kinds` is what
    the block can hold, or a function of its segments' payloads that tells."""
    def handler(image, start, end, payload):
        signature = payload[:16].split(b"\0", 1)[0].decode("ascii", "replace")
        image.vendor_blocks.setdefault((image.marker, signature, what, kinds), []).append((start, end, payload))
        return ()
    return handler


def _join_vendor_blocks(image: _Image) -> None:
    """One part per vendor block, its segments removed together."""
    for (marker, signature, what, kinds), segments in image.vendor_blocks.items():
        found = kinds([payload for _, _, payload in segments]) if callable(kinds) else kinds
        value = f"{signature!r}, {sum(len(payload) for _, _, payload in segments)} bytes"
        image.parts.append(([(start, end) for start, end, _ in segments],
                            tuple(image.item(kind, what, f"APP{marker - APP0}", value) for kind in found)))


def _flir_kinds(payloads: list[bytes]) -> tuple[str, ...]:
    """FLIR camera data always holds the camera serial and a visible-light photo; a place only
    when its GPS record says the fix is valid. A directory that cannot be read might list one,
    so it counts as a place."""
    # Each segment: "FLIR\0", 1, its number, the last number; the FFF file is their joined rest.
    fff = b"".join(payload[8:] for payload in sorted(payloads, key=lambda payload: payload[6:7]))
    return (IDENTITY, PREVIEW) if _flir_gps_valid(fff) is False else (IDENTITY, PREVIEW, LOCATION)


_FLIR_GPS_RECORD = 0x2B


def _flir_gps_valid(fff: bytes) -> bool | None:
    """Whether an FFF file holds a valid GPS fix; None when its record directory cannot be read."""
    # Header: "FFF\0", origin (16), version 100 (4, in the file's byte order), directory offset, count.
    if len(fff) < 32 or not fff.startswith(b"FFF\0"):
        return None
    order = "<" if struct.unpack_from("<I", fff, 20)[0] == 100 else ">"
    directory, count = struct.unpack_from(order + "II", fff, 24)
    if directory + 32 * count > len(fff):
        return None
    for entry in range(directory, directory + 32 * count, 32):
        # Record entry: type (2), subtype (2), version (4), id (4), offset (4), length (4), ...
        kind, offset, length = struct.unpack_from(order + "H10xII", fff, entry)
        if kind == _FLIR_GPS_RECORD:
            if length < 4 or offset + 4 > len(fff):
                return None
            return any(fff[offset:offset + 4])   # GPSValid: zero or not, whatever the byte order
    return False


_PLACE_HINTS = (b"GPSLatitude", b"GPSLongitude", b"LocationCreated", b"LocationShown")


def _jumbf_kinds(payloads: list[bytes]) -> tuple[str, ...]:
    """C2PA content credentials always name the signer and the software. A place is reported
    only when an assertion names one as text (EXIF and metadata assertions are JSON-LD);
    an assertion compressed with Brotli cannot be read here, so a place in one goes unseen
    (the block still goes with identity)."""
    # Each segment: "JP", box instance (2), sequence number (4); later ones repeat the superbox header (8).
    joined = payloads[0][8:] + b"".join(payload[16:] for payload in payloads[1:])
    return (IDENTITY, LOCATION) if any(hint in joined for hint in _PLACE_HINTS) else (IDENTITY,)


# Application segments by marker, then by the signature that starts the payload.
# Vendor blocks are classified by what they can hold (their formats are mostly not parsed):
# FLIR the camera serial, a visible-light photo larger than the thermal one, and
# sometimes a GPS record; JUMBF (C2PA content credentials) the signer and sometimes a
# place; Media Jukebox people and places; Ducky (Save for Web) a comment and
# copyright; PictureInfo camera serials; FlashPix (FPXR) a screen-nail preview;
# HDR_RI a gain map, which like an MPO gain map goes only with previews. SPIFF,
# NITF, PrintIM and GraphicConverter hold image and print parameters only. Any
# other APPn is vendor data nobody has checked (Kodak META, Ricoh RMETA, Canon CIFF,
# Qualcomm...: model, serial, owner): reported as camera identity.
APPLICATION_BLOCKS = {
    0xE0: ((b"JFIF\0", _jfif), (b"JFXX\0", _jfxx), (b"AVI1", _kept)),
    0xE1: ((b"Exif\0", _exif), (XMP_SIGNATURE, _xmp), (EXTENDED_XMP_SIGNATURE, _extended_xmp),
           (b"FLIR\0", _vendor("FLIR camera data", _flir_kinds))),
    0xE2: ((b"ICC_PROFILE\0", _kept), (b"MPF\0", _mpf), (b"urn:iso:std:iso:ts:21496", _kept),
           (b"FPXR\0", _vendor("FlashPix preview", (PREVIEW,)))),
    0xE6: ((b"NITF\0", _kept), (b"EPPIM\0", _kept)),
    0xE8: ((b"SPIFF\0", _kept),),
    0xE9: ((b"Media Jukebox", _vendor("Media Jukebox tags", (PERSON_NAME, LOCATION))),),
    0xEB: ((b"JP", _vendor("JUMBF content credentials", _jumbf_kinds)),
           (b"HDR_RI", _vendor("HDR ratio image", (PREVIEW,)))),
    0xEC: ((b"Ducky", _vendor("Ducky comment block", (FREE_TEXT,))),
           (b"[picture info]", _vendor("PictureInfo camera data", (IDENTITY,)))),
    0xED: ((b"Photoshop 3.0\0", _photoshop),),
    0xEE: ((b"Adobe", _kept),),
    0xEF: ((b"Q", _kept),),
}
_UNKNOWN_VENDOR = _vendor("unrecognised vendor block", (IDENTITY,))


def _application(image, start, end, payload):
    for signature, handler in APPLICATION_BLOCKS.get(image.marker, ()):
        if payload.startswith(signature):
            return handler(image, start, end, payload)
    return _UNKNOWN_VENDOR(image, start, end, payload)


SEGMENTS = {
    COM: _comment,
    **{marker: _frame for marker in _SOF},
    **{marker: _application for marker in range(0xE0, 0xF0)},
}


# --- the walk ------------------------------------------------------------------------

def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _walk(image: _Image, limit: int, whole: bool) -> None:
    """Read segments from SOI: through every scan to EOI when `whole`, else up to the first SOS."""
    data, position = image.data, image.start
    if data[position:position + 2] != b"\xff\xd8":
        raise MediaError(f"JPEG: {image.where}no start-of-image marker at offset {position}")
    position += 2
    while True:
        if position + 2 > limit:
            raise MediaError(f"JPEG: {image.where}no {'end-of-image marker' if whole else 'scan'} before "
                             f"{image.bound} at offset {limit} (truncated)")
        if data[position] != 0xFF:   # stray bytes between segments: readers skip them, so do we
            found = data.find(b"\xff", position, limit)
            skipped = (found if found >= 0 else limit) - position
            image.notes.append(f"{skipped} stray bytes skipped at offset {position}")
            position += skipped
            continue
        marker = image.marker = data[position + 1]
        if marker == 0xFF:        # fill byte before a marker
            position += 1
            continue
        if marker == EOI:
            image.end = position + 2
            return
        if marker in _STANDALONE:
            position += 2
            continue
        if position + 4 > limit:
            raise MediaError(f"JPEG: {image.where}marker 0x{marker:02X} at offset {position} is cut short")
        (length,) = struct.unpack_from(">H", data, position + 2)
        end = position + 2 + length
        if length < 2 or end > limit:
            raise MediaError(f"JPEG: {image.where}segment 0x{marker:02X} at offset {position} claims {length} "
                             f"bytes, past {image.bound} ({limit - position - 2} bytes left)")
        handler = SEGMENTS.get(marker)
        if handler:
            items = handler(image, position, end, bytes(data[position + 4:end]))
            if items:
                image.parts.append(([(position, end)], tuple(items)))
        if marker == SOS:
            if not whole:
                image.end = limit
                return
            found = _SCAN_END.search(data, end, limit)
            if found is None:
                raise MediaError(f"JPEG: {image.where}scan at offset {position} has no end marker "
                                 f"(the file is truncated)")
            end = found.start()
        position = end


def _join_extended_xmp(image: _Image) -> None:
    from .xmp import parse_xmp

    for pieces in image.extended.values():
        pieces.sort()
        items = parse_xmp(b"".join(piece[3] for piece in pieces), f"{image.where}APP1 Extended XMP")
        if items:   # the pieces stand or fall together
            image.parts.append(([(start, end) for _, start, end, _ in pieces], items))


def _read_image(data, start: int, limit: int, where: str, whole: bool, bound: str = "the end of the file") -> _Image:
    image = _Image(data, start, where, bound)
    _walk(image, limit, whole)
    _join_extended_xmp(image)
    _join_vendor_blocks(image)
    return image


class _Layout:
    """The first image, the MPO images after it, and any other bytes after its EOI."""

    def __init__(self, data):
        self.data = data
        self.main = _read_image(data, 0, len(data), "", whole=True)
        self.secondary = []
        for index, start, end in self._mpo_ranges():
            try:
                image = _read_image(data, start, end, f"MPO image {index + 1} ", whole=False,
                                    bound="the end of its MPF-declared size")
            except MediaError as error:   # a bad MPF entry costs that image, not the photo
                self.main.notes.append(f"{error}; skipped")
                continue
            self.secondary.append((index, image))
        self.gaps = self._gaps()

    def _mpo_ranges(self) -> list[tuple[int, int, int]]:
        """(entry index, start, end) of each secondary image, in file order."""
        if self.main.mpf is None:
            return []
        segment_start, _, _, _, images = self.main.mpf
        base = segment_start + 8   # FF E2, length, "MPF\0": offsets count from the TIFF header
        ranges = sorted((base + offset, base + offset + size, index)
                        for index, (size, offset) in enumerate(images) if index)
        found, previous_end = [], self.main.end
        for start, end, index in ranges:
            # Cut-down sample files keep an MPF that lists images no longer there: like
            # other readers, we skip such an entry rather than refuse the first image.
            if start < previous_end or end > len(self.data) or self.data[start:start + 2] != b"\xff\xd8":
                self.main.notes.append(f"MPF image {index + 1} at offset {start} ({end - start} bytes) is not "
                                       f"a JPEG inside the file after the one before it; skipped")
                continue
            found.append((index, start, end))
            previous_end = end
        return found

    def _gaps(self) -> list[tuple[int, int]]:
        """Byte ranges after EOI that belong to no MPO image."""
        gaps, position = [], self.main.end
        for _, image in self.secondary:
            gaps.append((position, image.start))
            position = image.end
        gaps.append((position, len(self.data)))
        return [(start, end) for start, end in gaps if end > start]

    def trailer_item(self) -> MetaItem | None:
        # Zero padding after EOI is common and harmless; anything else is a hidden payload.
        size = sum(end - start for start, end in self.gaps if _NOT_ZERO.search(self.data, start, end))
        return MetaItem(PREVIEW, "data after end of image", "after EOI", f"{size} bytes") if size else None

    def items(self) -> tuple[MetaItem, ...]:
        found = [item for _, items in self.main.parts for item in items]
        trailer = self.trailer_item()
        found += [trailer] if trailer else []
        found += [item for _, image in self.secondary for _, items in image.parts for item in items]
        return tuple(found)


def read(data) -> MediaFacts:
    layout = _Layout(data)
    main = layout.main
    notes = [f"MPO with {1 + len(layout.secondary)} images"] if layout.secondary else []
    notes += main.notes + [note for _, image in layout.secondary for note in image.notes]
    return MediaFacts(format=FORMAT, width=main.width, height=main.height, orientation=main.orientation,
                      items=layout.items(), notes=tuple(notes))


# --- stripping -----------------------------------------------------------------------

def _rebuild(image: _Image, kinds: frozenset[str]) -> tuple[list, int | None]:
    """The image as pieces to join, without the segments that hold items of `kinds`, and the
    index of the piece that is the kept MPF segment (its offsets are rewritten), if any."""
    removed = sorted(span for spans, items in image.parts if any(item.kind in kinds for item in items)
                     for span in spans)
    view, pieces, position, mpf_piece = memoryview(image.data), [], image.start, None
    kept_mpf = [image.mpf[:2]] if image.mpf and image.mpf[:2] not in removed else []
    mpf_start = kept_mpf[0][0] if kept_mpf else None
    for start, end in sorted(removed + kept_mpf):
        pieces.append(view[position:start])
        if start == mpf_start:
            mpf_piece = len(pieces)
            pieces.append(view[start:end])
        else:
            pieces.append(image.replacements.get(start, b""))
        position = end
    pieces.append(view[position:image.end])
    return pieces, mpf_piece


def strip(data, kinds: frozenset[str]) -> bytes:
    layout = _Layout(data)
    kinds = frozenset(kinds)
    first, mpf_piece = _rebuild(layout.main, kinds)
    if PREVIEW in kinds:
        return b"".join(first)   # MPO images, trailers and the MPF index all go
    view = memoryview(data)
    # Everything after the first image in file order: (old start, old end, pieces, whether an image).
    after = sorted([(start, end, [view[start:end]], False) for start, end in layout.gaps]
                   + [(image.start, image.end, _rebuild(image, kinds)[0], True) for _, image in layout.secondary])
    if mpf_piece is not None:
        first[mpf_piece] = _with_mpf_offsets(layout.main, first, mpf_piece, after)
    # One join: kept bytes are copied once, straight from the input (bytes or mmap).
    return b"".join(first + [piece for _, _, pieces, _ in after for piece in pieces])


def _with_mpf_offsets(main: _Image, first: list, mpf_piece: int, after: list) -> bytes:
    """The MPF segment with each entry pointing where its bytes now are; an image read anew gets
    its new size, one skipped as unreadable keeps its own and moves with the bytes around it."""
    segment_start, _, order, table, images = main.mpf
    segment = bytearray(first[mpf_piece])
    old_base, new_base = segment_start + 8, sum(len(piece) for piece in first[:mpf_piece]) + 8
    position = sum(len(piece) for piece in first)
    struct.pack_into(order + "I", segment, 8 + table + 4, position)     # the first image's size
    placed = []   # (old start, old end, new start, new size if an image)
    for old_start, old_end, pieces, is_image in after:
        size = sum(len(piece) for piece in pieces)
        placed.append((old_start, old_end, position, size if is_image else None))
        position += size
    for index, (size, offset) in enumerate(images[1:], start=1):
        old = old_base + offset
        for old_start, old_end, new_start, new_size in placed:
            if old_start <= old < old_end:
                size = new_size if old == old_start and new_size is not None else size
                struct.pack_into(order + "II", segment, 8 + table + 16 * index + 4, size,
                                 new_start + old - old_start - new_base)
    return bytes(segment)
