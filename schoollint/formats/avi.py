"""AVI: RIFF 'AVI ' (and 'AVIX' extensions) as Microsoft's AVI RIFF reference and the OpenDML
extensions lay it out.

A chunk is a FourCC, a 32-bit little-endian size and its data, padded to an even length;
'RIFF' and 'LIST' chunks start their data with a form type and hold chunks. Read here: the
main header 'avih' (frame width and height), LIST 'INFO' (RIFF INFO: IART artist, ICRD date,
INAM title, ISFT software, ICMT comment...), a stream's name 'strn', '_PMX' (XMP, Adobe XMP
Part 3), 'IDIT' (the date a camera filmed it), Nikon's LIST 'ncdt' (camera data and a
thumbnail) and a stream's 'strd' when it holds EXIF (Fujifilm, Casio: 'AVIF' or a TIFF header).
Any other INFO chunk, and any other chunk outside the frames that does not say how to play them,
is reported as a field schoollint does not know. The frames (LIST 'movi') are stepped over.

Stripping is in place: a flagged chunk becomes a 'JUNK' chunk of the same size, zeroed, which
every reader skips; 'idx1' and OpenDML index offsets stay right and no frame moves.
"""

from __future__ import annotations

import struct

from . import magic
from .meanings import printable, unknown
from .model import FREE_TEXT, IDENTITY, LOCATION, PREVIEW, TIMESTAMP, MediaError, MediaFacts, MetaItem, clip

FORMAT = "AVI"
EXTENSIONS = (".avi",)
_MAX_DEPTH = 8
# RIFF INFO list chunks: (kind, name). Any other INFO chunk is a field schoollint does not know.
INFO = {b"IART": (IDENTITY, "artist"), b"ICOP": (IDENTITY, "copyright"), b"IENG": (IDENTITY, "engineer"),
        b"ISFT": (IDENTITY, "software"), b"ISRC": (IDENTITY, "source"), b"ITCH": (IDENTITY, "technician"),
        b"ICMS": (IDENTITY, "commissioned by"), b"ICRD": (TIMESTAMP, "creation date"),
        b"IARL": (LOCATION, "archival location"), b"INAM": (FREE_TEXT, "title"), b"ICMT": (FREE_TEXT, "comment"),
        b"IKEY": (FREE_TEXT, "keywords"), b"ISBJ": (FREE_TEXT, "subject"), b"IPRD": (FREE_TEXT, "product")}


# Chunks outside the frames that say how to play them (headers, formats, codec data, indexes,
# padding, timecode: SMPTE 'ISMP', Adobe's 'tc_O') or are read above; any other is a field
# schoollint does not know.
_PLAYBACK = frozenset({b"avih", b"strh", b"strf", b"strd", b"strn", b"indx", b"idx1", b"vprp", b"dmlh", b"JUNK",
                       b"JUNQ", b"PAD ", b"ISMP", b"IDIT", b"_PMX", b"tc_O", b"tc_A"})
accept = magic.avi    # in formats/magic.py: the registry asks it without importing this module


def chunks(data, start: int, end: int, depth: int = 0):
    """(fourcc, form type or b'', data start, data end, chunk start, chunk end) laid end to end."""
    if depth > _MAX_DEPTH:
        raise MediaError(f"AVI: lists nest more than {_MAX_DEPTH} deep")
    offset = start
    while offset + 8 <= end:
        fourcc, size = struct.unpack_from("<4sI", data, offset)
        body, stop = offset + 8, offset + 8 + size
        if stop > end:
            if depth == 0 and fourcc == b"RIFF":   # writers leave the size of a cut recording
                stop = end
            else:
                raise MediaError(f"AVI: chunk '{fourcc.decode('latin-1')}' at offset {offset} runs past its end")
        form = bytes(data[body:body + 4]) if fourcc in (b"RIFF", b"LIST") else b""
        yield fourcc, form, body + len(form), stop, offset, min(stop + (size & 1), end)
        offset = stop + (size & 1)


def _survey(data) -> tuple[list[tuple[tuple[MetaItem, ...], int, int]], int | None, int | None]:
    """(holders: items with the chunk that holds them, width, height)."""
    holders: list[tuple[tuple[MetaItem, ...], int, int]] = []
    size: list[int] = []

    def walk(start: int, end: int, depth: int) -> None:
        for fourcc, form, body, stop, first, last in chunks(data, start, end, depth):
            items: tuple[MetaItem, ...] = ()
            if fourcc == b"LIST" and form == b"INFO":
                items = tuple(_info_items(data, body, stop, depth + 1))
            elif fourcc == b"LIST" and form == b"ncdt":
                items = (MetaItem(IDENTITY, "Nikon camera data", "LIST ncdt"),
                         MetaItem(PREVIEW, "Nikon thumbnail", "LIST ncdt"))
            elif fourcc in (b"RIFF", b"LIST"):
                if form != b"movi":         # the frames: stepped over, never copied
                    walk(body, stop, depth + 1)
            else:
                items = _leaf(fourcc, bytes(data[body:stop]), size)
            if items:
                holders.append((items, first, last))

    walk(0, len(data), 0)
    width, height = size if size else (None, None)
    return holders, width, height


def _leaf(fourcc: bytes, payload: bytes, size: list[int]) -> tuple[MetaItem, ...]:
    """What a chunk outside the frames holds; `size` gets the frame size from the first 'avih'."""
    if fourcc == b"avih" and len(payload) >= 40 and not size:
        size.extend(struct.unpack_from("<II", payload, 32))
    elif fourcc == b"_PMX":
        from .xmp import parse_xmp

        return parse_xmp(payload, "_PMX chunk")
    elif fourcc == b"strn" and _text(payload):
        return (MetaItem(FREE_TEXT, "AVI stream name", "strn chunk", clip(_text(payload))),)
    elif fourcc == b"IDIT" and payload.strip(b"\0 "):
        return (MetaItem(TIMESTAMP, "AVI date filmed (IDIT)", "IDIT chunk", clip(_text(payload))),)
    elif fourcc == b"strd" and payload.startswith((b"AVIF", b"II*\0", b"MM\0*", b"Exif")):
        return (MetaItem(IDENTITY, "AVI camera EXIF (strd)", "strd chunk"),)
    elif fourcc not in _PLAYBACK and payload.strip(b"\0 "):
        # A vendor's chunk (Adobe's reel names 'rn_O', a 'DISP' text...): reported and removed (SL102).
        name = printable(fourcc.decode("latin-1"))
        return (MetaItem(*unknown(f"AVI chunk {name}"), f"{name} chunk"),)
    return ()


def _text(payload: bytes) -> str:
    return payload.split(b"\0", 1)[0].decode("latin-1").strip()


def _info_items(data, start: int, end: int, depth: int):
    for fourcc, _form, body, stop, _first, _last in chunks(data, start, end, depth):
        value = clip(_text(bytes(data[body:stop])))
        if value:
            if fourcc in INFO:
                kind, field = INFO[fourcc][0], f"AVI INFO {INFO[fourcc][1]}"
            else:       # a chunk of no known meaning is still reported and removed (SL102)
                kind, field = unknown(f"AVI INFO chunk {printable(fourcc.decode('latin-1'))}")
            yield MetaItem(kind, field, "LIST INFO", value)


def read(data) -> MediaFacts:
    if len(data) < 12:
        raise MediaError("AVI: the file is cut short")
    holders, width, height = _survey(data)
    return MediaFacts(format=FORMAT, width=width, height=height,
                      items=tuple(item for items, _, _ in holders for item in items))


def blanks(data, kinds: frozenset[str]) -> list[tuple[int, bytes]]:
    """(offset, zeroed 'JUNK' chunk of the same size) for every chunk holding an item of `kinds`."""
    return [(first, b"JUNK" + bytes(data[first + 4:first + 8]) + bytes(last - first - 8))
            for items, first, last in _survey(data)[0] if any(item.kind in kinds for item in items)]


def strip(data, kinds: frozenset[str]) -> bytes:
    """Every chunk holding an item of `kinds` becomes a zeroed 'JUNK' chunk of the same size."""
    out = bytearray(data)
    for offset, text in blanks(data, kinds):
        out[offset:offset + len(text)] = text
    return bytes(out)
