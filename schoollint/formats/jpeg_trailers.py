"""What the trailers photo-library programs append after a JPEG's EOI hold: AFCP and FotoStation.

jpeg.py reports any bytes after EOI as a hidden payload (SL103); these two hold IPTC IIM records
(a city, the photographer's By-line, a caption naming pupils), read here so that their location
is SL101 and their names SL102 as the same fields are in an APP13 block (trial 9 item 3), and a
--fix that removes those kinds removes the trailer that holds them.

- AFCP (Axel Springer's AXS File Concatenation Protocol; ExifTool's AFCP.pm): the trailer ends
  with a 12-byte record, "AXS!" (big-endian) or "AXS*" (little-endian), the trailer's start
  offset and a checksum; at that start, the same four bytes, a version, the number of entries and
  a checksum, then 12-byte entries (a tag, the data's size, its offset from the start of the
  file). Tags read: "IPTC" (IIM), "TEXT" (free text), "Nail" and "PrVw" (a thumbnail and a
  preview, each a JPEG with metadata of its own, read by jpeg.read).
- FotoStation (FotoWare; ExifTool's FotoStation.pm): records laid back to back, each followed by
  a 10-byte footer: a tag (2 bytes), the record's size with its footer (4), and 0xA1B2C3D4,
  read from the end backwards. Tags: 1 IPTC (IIM), 3 a thumbnail, 4 a preview; 2 (the crop
  FotoStation shows) names no one.
Offsets that point outside the bytes after EOI, and sizes past them, end the read: what was read
before is kept (the trailer as a whole is still SL103). At most MAX_RECORDS records a file.
"""

from __future__ import annotations

import struct

from collections.abc import Callable

from . import magic
from .iptc import parse_iim
from .model import FREE_TEXT, PREVIEW, MediaError, MediaFacts, MetaItem, clip

# jpeg.read, handed in by jpeg.py (this module cannot import it, nor pictures.py, which imports jpeg):
# the thumbnails and previews these trailers hold are JPEGs.
Reader = Callable[[bytes], MediaFacts]

MAX_RECORDS = 256
_FOTOSTATION = b"\xa1\xb2\xc3\xd4"
_FOTOSTATION_PICTURES = {3: "thumbnail", 4: "preview"}
_AFCP_PICTURES = {b"Nail": "thumbnail", b"PrVw": "preview"}


def items(data, gaps: list[tuple[int, int]], read: Reader) -> list[MetaItem]:
    """The items of every AFCP and FotoStation trailer in the bytes after EOI (`gaps`: the
    (start, end) ranges after EOI that belong to no MPO image; `read`: jpeg.read)."""
    return [item for start, end in gaps for item in _read(data, start, end, read)]


def holds(data, start: int, end: int, kinds: frozenset[str], read: Reader) -> bool:
    """Whether the trailer bytes data[start:end] hold an item of `kinds` (jpeg._strip then drops them)."""
    return any(item.kind in kinds for item in _read(data, start, end, read))


# The trailers of the `bytes` read last, per range: [(those bytes, {(start, end): their items})]. The
# analysis reads them (items) and a strip of the same bytes asks again what they hold (holds), in the
# same worker (pool.analyse_and_fix): read once. Bytes cannot change, and the ones kept are held, so
# their identity is never another's; a thumbnail's own trailers, read in between, only replace them.
_READ: list = []


def _read(data, start: int, end: int, read: Reader) -> list[MetaItem]:
    if _READ and _READ[0][0] is data and (start, end) in _READ[0][1]:
        return _READ[0][1][start, end]
    found = _trailers(data, start, end, read)
    if type(data) is bytes:
        if not (_READ and _READ[0][0] is data):     # checked after: a thumbnail read may have taken the place
            _READ[:] = [(data, {})]
        _READ[0][1][start, end] = found
    return found


def _trailers(data, start: int, end: int, read: Reader) -> list[MetaItem]:
    """Trailers are read from the end of the bytes backwards, as they are chained (ExifTool's order)."""
    found: list[MetaItem] = []
    position, records = end, 0
    while position - start >= 10 and records < MAX_RECORDS:
        tail = bytes(data[position - 12:position]) if position - start >= 12 else b""
        if bytes(data[position - 4:position]) == _FOTOSTATION:
            tag, size = struct.unpack(">HI", bytes(data[position - 10:position - 4]))
            if size < 10 or position - size < start:
                break
            found += _fotostation(tag, bytes(data[position - size:position - 10]), read)
            position, records = position - size, records + 1
        elif tail[:3] == b"AXS" and tail[3:4] in (b"!", b"*"):
            order = ">" if tail[3:4] == b"!" else "<"
            header = struct.unpack(order + "I", tail[4:8])[0]
            if not start <= header <= position - 24 or bytes(data[header:header + 4]) != tail[:4]:
                break
            found += _afcp(data, header, position, order, read)
            position, records = header, records + 1
        else:
            break
    return found


def _afcp(data, header: int, end: int, order: str, read: Reader) -> list[MetaItem]:
    count = struct.unpack(order + "H", bytes(data[header + 6:header + 8]))[0]
    found: list[MetaItem] = []
    for entry in range(header + 12, min(header + 12 + 12 * min(count, MAX_RECORDS), end - 12), 12):
        tag, size, offset = struct.unpack(order + "4sII", bytes(data[entry:entry + 12]))
        if offset < header or offset + size > end:
            break
        body = bytes(data[offset:offset + size])
        if tag == b"IPTC":
            found += _iim(body, "AFCP trailer")
        elif tag == b"TEXT" and body.strip(b"\0 "):
            found.append(MetaItem(FREE_TEXT, "AFCP trailer: text", "AFCP trailer",
                                  clip(body.decode("latin-1").strip("\0 "))))
        elif tag in _AFCP_PICTURES:
            found += _picture(body, f"AFCP trailer {_AFCP_PICTURES[tag]}", read)
    return found


def _fotostation(tag: int, body: bytes, read: Reader) -> list[MetaItem]:
    if tag == 1:
        return _iim(body, "FotoStation trailer")
    if tag in _FOTOSTATION_PICTURES:
        return _picture(body, f"FotoStation trailer {_FOTOSTATION_PICTURES[tag]}", read)
    return []


def _iim(body: bytes, where: str) -> list[MetaItem]:
    try:
        found = parse_iim(body, where)
    except MediaError:
        return [MetaItem(FREE_TEXT, f"{where}: IPTC that cannot be read", where)]
    return [MetaItem(item.kind, f"{where}: {item.field}", item.where, item.value) for item in found]


def _picture(body: bytes, where: str, read: Reader) -> list[MetaItem]:
    """The picture as a preview, and its own items (a JPEG's) named after it; one that cannot be
    read is the trailer's SL103 still."""
    found: tuple[MetaItem, ...] = ()
    if magic.jpeg(body):   # SOI and a marker (formats/magic.py)
        try:
            found = read(body).items
        except MediaError:
            pass
    return [MetaItem(PREVIEW, where, where),
            *(MetaItem(item.kind, f"{where}: {item.field}", f"{where}, {item.where}", item.value) for item in found)]
