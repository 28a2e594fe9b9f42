"""The container walks of the floor's prototypes (floor_prototypes.py): JPEG and PNG, the least a
sound reader does.

JPEG (ITU-T T.81 B.1.1): every marker segment walked, each APPn classified by signature, the EXIF
IFDs read (CIPA DC-008 4.6: IFD0, Exif, GPS, Interop, IFD1), IPTC IIM datasets inside Photoshop 8BIM
0x0404, XMP property names (no XML parse); every entropy-coded segment scanned to its end (B.1.1.5:
0xFF not followed by 0x00 or RSTn) so the walk reaches EOI; non-zero bytes after EOI reported. The
strip drops what holds metadata, copies every other byte, and is verified at header level.
PNG (3rd edition 5.3): the chunk list to IEND, text/eXIf/tIME chunks noted, bytes after IEND.
ValueError for a damaged file.
"""

from __future__ import annotations

import re
import struct

SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7]")
IN_SCAN = frozenset({0x00, *range(0xD0, 0xD8)})         # after 0xFF, still inside the scan
NOT_ZERO = re.compile(rb"[^\x00]")
STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})       # TEM and RSTn carry no length
FRAMES = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
# EXIF tags by what they reveal (CIPA DC-008 tables 4, 7, 9): the check's categories, roughly.
IDENTIFYING = frozenset({0x010E, 0x010F, 0x0110, 0x0131, 0x013B, 0x8298, 0x9286, 0xA420, 0xA430, 0xA431,
                         0xA434, 0xA435})
DATES = frozenset({0x0132, 0x9003, 0x9004})
POINTERS = {0x8769: "exif", 0x8825: "gps", 0xA005: "interop"}
XMP_PROPERTY = re.compile(rb"[\w.-]+:(GPS\w+|City|State|Country|Location\w*|PersonInImage\w*|creator|"
                          rb"description|title|subject|CreatorTool|Artist|Owner\w*|SerialNumber|ImageUniqueID)\b")


# --- JPEG ------------------------------------------------------------------------------------------

def walk_jpeg(data, whole: bool = True):
    """(kinds, segments [(start, end, role)], first SOS offset, EOI end, frame, orientation, trailer).
    `whole` False stops at the first SOS (a header-level walk). ValueError for a damaged file."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("no SOI")
    kinds, segments, size = set(), [], len(data)
    position, scan, frame, orientation = 2, None, None, None
    while True:
        if position + 2 > size:
            raise ValueError("cut short before EOI")
        if data[position] != 0xFF:                  # stray bytes between segments
            found = data.find(b"\xff", position)
            position = found if found >= 0 else size
            continue
        marker = data[position + 1]
        if marker == 0xFF:
            position += 1
            continue
        if marker == 0xD9:
            end = position + 2
            break
        if marker in STANDALONE:
            position += 2
            continue
        if marker == 0xDA and not whole:
            return kinds, segments, position, size, frame, orientation, False
        if position + 4 > size:
            raise ValueError("marker cut short")
        end = position + 2 + (data[position + 2] << 8 | data[position + 3])
        if end < position + 4 or end > size:
            raise ValueError("segment past the end")
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            role, found_orientation = _application(marker, data[position + 4:end], kinds)
            orientation = orientation or found_orientation
            segments.append((position, end, role))
        elif marker in FRAMES and frame is None:
            frame = bytes(data[position + 5:position + 9])
        elif marker == 0xDA:
            scan = position if scan is None else scan
            end = scan_end(data, end)
        position = end
    return kinds, segments, scan, end, frame, orientation, NOT_ZERO.search(data, end) is not None


def scan_end(data, position: int) -> int:
    """The first 0xFF from `position` not followed by 0x00 or RSTn: memchr jumps where 0xFF bytes are
    sparse, the regex's byte loop over the next 16 KB where 32 of them came within 16 KB, as
    schoollint's jpeg_walk.scan_end does. ValueError when the scan never ends."""
    begun, hops, size = position, 0, len(data)
    while True:
        position = data.find(b"\xff", position, size - 1)
        if position < 0:
            raise ValueError("scan without end")
        if data[position + 1] not in IN_SCAN:
            return position
        position, hops = position + 2, hops + 1
        if hops == 32:
            if position - begun < 16384:
                found = SCAN_END.search(data, position, min(size, position + 16384))
                if found is not None:
                    return found.start()
                position = min(size, position + 16384) - 1
            begun, hops = position, 0


def _application(marker: int, payload, kinds: set) -> tuple[str, int | None]:
    """What one APPn/COM segment holds (added to `kinds`) and what a fix does with it."""
    if marker == 0xE0 and payload[:5] == b"JFIF\0":
        if len(payload) >= 14 and payload[12] and payload[13]:
            kinds.add("preview")
            return "jfif thumbnail", None
        return "keep", None
    if marker == 0xE2 and payload[:12] == b"ICC_PROFILE\0" or marker == 0xEE and payload[:5] == b"Adobe":
        return "keep", None
    if marker == 0xE1 and payload[:6] == b"Exif\0\0":
        return "exif", exif_kinds(payload[6:], kinds)
    if marker == 0xE1 and payload[:29] == b"http://ns.adobe.com/xap/1.0/\0":
        kinds.update("location" if name.startswith(b"GPS") else "identifying"
                     for name in XMP_PROPERTY.findall(payload))
    elif marker == 0xED and payload[:14] == b"Photoshop 3.0\0":
        iptc_kinds(payload, kinds)
    else:
        kinds.add("comment" if marker == 0xFE else "other application data")
    return "drop", None


def exif_kinds(block, kinds: set) -> int | None:
    """Walk IFD0, the Exif, GPS and interoperability IFDs and IFD1 of a TIFF-structured block;
    add what they hold to `kinds`; the Orientation, if any. ValueError for an offset outside it."""
    order = {b"II": "<", b"MM": ">"}.get(bytes(block[:2]))
    if order is None or len(block) < 8:
        raise ValueError("EXIF without a TIFF header")
    queue, seen, orientation = [(struct.unpack_from(order + "I", block, 4)[0], "0")], set(), None
    while queue:
        offset, ifd = queue.pop()
        if offset in seen or offset + 2 > len(block):
            raise ValueError("EXIF IFD outside the block")
        seen.add(offset)
        (count,) = struct.unpack_from(order + "H", block, offset)
        entries = block[offset + 2:offset + 2 + 12 * count]
        if len(entries) != 12 * count:
            raise ValueError("EXIF IFD cut short")
        for tag, _type, _count, value in struct.iter_unpack(order + "HHI4s", entries):
            if tag in POINTERS:
                queue.append((struct.unpack(order + "I", value)[0], POINTERS[tag]))
            elif ifd == "gps":
                kinds.add("location")
            elif tag in IDENTIFYING:
                kinds.add("identifying")
            elif tag in DATES:
                kinds.add("timestamp")
            elif tag == 0x0112 and ifd == "0":
                orientation = struct.unpack(order + "H", value[:2])[0]
        following = offset + 2 + 12 * count
        if ifd == "0" and following + 4 <= len(block) and struct.unpack_from(order + "I", block, following)[0]:
            kinds.add("preview")     # IFD1: the thumbnail
    return orientation


def iptc_kinds(payload, kinds: set) -> None:
    """Photoshop image resources (8BIM); in 0x0404 the IPTC IIM datasets of record 2."""
    position, size = 14, len(payload)
    while position + 12 <= size and payload[position:position + 4] == b"8BIM":
        resource = payload[position + 4] << 8 | payload[position + 5]
        name = payload[position + 6]
        position += 6 + (name + 2 & ~1)
        (length,) = struct.unpack_from(">I", payload, position)
        start, position = position + 4, position + 4 + length + (length & 1)
        if resource != 0x0404:
            continue
        at = start
        while at + 5 <= start + length and payload[at] == 0x1C:
            if payload[at + 1] == 2 and payload[at + 2]:
                kinds.add("identifying")
            at += 5 + (payload[at + 3] << 8 | payload[at + 4])


def minimal_exif(orientation: int) -> bytes:
    """APP1 Exif holding IFD0 with Orientation alone (big-endian TIFF)."""
    tiff = b"MM\0\x2a\0\0\0\x08" + struct.pack(">HHHIHH", 1, 0x0112, 3, 1, orientation, 0) + b"\0\0\0\0"
    return b"\xff\xe1" + struct.pack(">H", len(tiff) + 8) + b"Exif\0\0" + tiff


def strip_jpeg(data) -> list:
    """The photo without its metadata, as pieces to write in order (os.writev: the image data is
    never copied in memory), verified at header level (module docstring)."""
    kinds, segments, scan, end, frame, orientation, _ = walk_jpeg(data)
    view, pieces, position, late = memoryview(data), [], 0, False
    for start, stop, role in segments:
        if role == "keep":
            continue
        late = late or start > scan
        pieces.append(view[position:start])
        position = stop
        if role == "exif" and orientation:
            pieces.append(minimal_exif(orientation))
        elif role == "jfif thumbnail":
            pieces.append(b"\xff\xe0\x00\x10" + bytes(view[start + 4:start + 16]) + b"\0\0")
    if late:    # a segment dropped after the first scan: the whole new file is walked again
        pieces = [b"".join(pieces + [view[position:end]])]
        left, _, _, _, new_frame, new_orientation, trailer = walk_jpeg(pieces[0])
    else:       # new headers, then the source's bytes from its first SOS to EOI, as they were
        head = b"".join(pieces + [view[position:scan]])
        left, _, new_scan, _, new_frame, new_orientation, trailer = walk_jpeg(head + b"\xff\xda", whole=False)
        pieces = [head, view[scan:end]]
        if new_scan != len(head):
            raise ValueError("the stripped photo's headers do not end where its image data starts")
    if left or trailer or (new_frame, new_orientation) != (frame, orientation):
        raise ValueError("the stripped photo still holds metadata")
    return pieces


# --- PNG and pages ---------------------------------------------------------------------------------

def walk_png(data) -> tuple[set, bool]:
    """The kinds of metadata chunk up to IEND, and whether non-zero bytes follow it."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("no PNG signature")
    kinds, position, size = set(), 8, len(data)
    while True:
        if position + 12 > size:
            raise ValueError("cut short before IEND")
        length, kind = struct.unpack_from(">I4s", data, position)
        end = position + 12 + length
        if end > size:
            raise ValueError("chunk past the end")
        if kind in (b"tEXt", b"zTXt", b"iTXt"):
            kinds.add(b"text " + bytes(data[position + 8:position + 8 + min(length, 80)]).split(b"\0")[0])
        elif kind in (b"eXIf", b"tIME"):
            kinds.add(kind)
        elif kind == b"IEND":
            return kinds, NOT_ZERO.search(data, end) is not None
        position = end
