"""WAV: a RIFF 'WAVE' file (Microsoft's RIFF multimedia reference; EBU Tech 3285 Broadcast Wave),
its chunks walked as avi.chunks walks an AVI's.

Read here: LIST 'INFO' (IART artist, ICMT comment, ISFT software...: avi.INFO), an 'id3 ' chunk
(an ID3v2 tag, as ffmpeg and taggers write it: audio_tags), 'bext' (Broadcast Wave: description,
originator, its reference, the date and time), '_PMX' (XMP), 'iXML' and 'cart' (production notes),
LIST 'adtl' (cue labels and notes). The chunks that say how to play the samples ('fmt ', 'data',
'fact', 'cue ', 'smpl'...) are not metadata; any other chunk is a field schoollint does not know.

Stripping is in place, as in an AVI: a chunk holding an item of the kinds asked becomes a zeroed
'JUNK' chunk of the same size, which every reader skips; no sample moves.
"""

from __future__ import annotations

import io

from .avi import INFO, chunks
from .meanings import printable, unknown
from .model import FREE_TEXT, IDENTITY, TIMESTAMP, MediaError, MediaFacts, MetaItem, clip

FORMAT = "WAV"
_PLAYBACK = frozenset({b"fmt ", b"data", b"fact", b"cue ", b"smpl", b"inst", b"JUNK", b"junk", b"PAD ", b"FLLR",
                       b"ds64", b"plst", b"acid", b"wavl", b"slnt", b"levl", b"chna"})
# EBU Tech 3285, 2.3: the text fields of 'bext' at their offsets, (offset, length, kind, word).
_BEXT = ((0, 256, FREE_TEXT, "description"), (256, 32, IDENTITY, "originator"),
         (288, 32, IDENTITY, "originator reference"), (320, 10, TIMESTAMP, "origination date"))


def _text(payload: bytes) -> str:
    return payload.split(b"\0", 1)[0].decode("latin-1").strip()


def _items(fourcc: bytes, form: bytes, payload: bytes) -> tuple[tuple[MetaItem, ...], list[str]]:
    """(items, notes) of one top-level chunk."""
    name = printable(fourcc.decode("latin-1"))
    if fourcc == b"LIST" and form == b"INFO":
        return tuple(_info(payload[4:])), []
    if fourcc == b"LIST" and form == b"adtl":
        return (MetaItem(FREE_TEXT, "WAV cue labels and notes (LIST adtl)", "LIST adtl"),), []
    if fourcc in (b"id3 ", b"ID3 "):
        from mutagen.id3 import ID3

        from .audio_tags import id3_items, tag_errors

        try:
            found, notes = id3_items(ID3(io.BytesIO(payload)), f"{name} chunk")
        except tag_errors() as exc:
            damaged = unknown(f"WAV chunk {name} (an ID3 tag that cannot be read: {exc})")
            return (MetaItem(*damaged, f"{name} chunk"),), []
        return tuple(found), notes
    if fourcc == b"bext":
        return tuple(MetaItem(kind, f"Broadcast WAV {word} (bext)", "bext chunk", clip(_text(payload[at:at + size])))
                     for at, size, kind, word in _BEXT if _text(payload[at:at + size])), []
    if fourcc == b"_PMX":
        from .xmp import parse_xmp

        return parse_xmp(payload, "_PMX chunk"), []
    if fourcc in (b"iXML", b"cart"):
        return (MetaItem(FREE_TEXT, f"WAV production notes ({name})", f"{name} chunk"),), []
    if fourcc in _PLAYBACK or not payload.strip(b"\0 "):
        return (), []
    return (MetaItem(*unknown(f"WAV chunk {name}"), f"{name} chunk"),), []


def _info(payload: bytes):
    for fourcc, _form, body, stop, _first, _last in chunks(payload, 0, len(payload), 1):
        value = clip(_text(payload[body:stop]))
        if value:
            name = printable(fourcc.decode("latin-1"))
            kind, field = (INFO[fourcc][0], f"RIFF INFO {INFO[fourcc][1]} ({name})") if fourcc in INFO \
                else unknown(f"RIFF INFO chunk {name}")
            yield MetaItem(kind, field, "LIST INFO", value)


def _survey(data) -> tuple[list[tuple[tuple[MetaItem, ...], int, int]], list[str]]:
    """(holders: the items of each top-level chunk with where it starts and ends, notes)."""
    if len(data) < 12:
        raise MediaError("WAV: the file is cut short")
    holders, notes = [], []
    for fourcc, form, body, stop, first, last in chunks(data, 12, len(data)):
        if fourcc == b"data":
            continue           # the samples: never copied
        items, found = _items(fourcc, form, bytes(data[body - len(form):stop]))
        notes += found
        if items:
            holders.append((items, first, last))
    return holders, notes


def read(data) -> MediaFacts:
    holders, notes = _survey(data)
    return MediaFacts(format=FORMAT, items=tuple(item for items, _, _ in holders for item in items),
                      unchecked="; ".join(notes) or None)


def strip(data, kinds: frozenset[str]) -> bytes:
    """Every chunk holding an item of `kinds` becomes a zeroed 'JUNK' chunk of the same size."""
    out = bytearray(data)
    for items, first, last in _survey(data)[0]:
        if any(item.kind in kinds for item in items):
            out[first:last] = b"JUNK" + bytes(data[first + 4:first + 8]) + bytes(last - first - 8)
    return bytes(out)
