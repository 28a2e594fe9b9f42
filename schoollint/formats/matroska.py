"""Matroska and WebM: EBML elements (RFC 8794) laid out as Matroska (RFC 9559) says.

An element is a variable-length ID (its length marker kept), a variable-length data size
(all ones: unknown, to the end of the parent) and its data. Read here: Segment > Info (Title,
MuxingApp, WritingApp, DateUTC), Tracks > TrackEntry (Name; Video > PixelWidth/PixelHeight),
Tags > Tag > SimpleTag (TagName, TagString: meanings.py tells ARTIST from DURATION),
Chapters (ChapString), Attachments (attached pictures and files). Clusters (the frames)
are stepped over by their size, or, when unknown, over their children.

Stripping is in place, as mkvpropedit does it: a flagged element becomes a Void element (0xEC)
of exactly the same length, so SeekHead and Cues positions stay right and no frame moves.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import magic
from .meanings import meaning, printable, technical, unknown
from .model import FREE_TEXT, IDENTITY, PREVIEW, TIMESTAMP, Data, MediaError, MediaFacts, MetaItem, clip

FORMAT = "Matroska"
EXTENSIONS = (".mkv", ".mka", ".mk3d", ".webm")
_LABEL = "Matroska"
VOID = 0xEC
SEGMENT, CLUSTER = 0x18538067, 0x1F43B675
INFO, TRACKS, TAGS, CHAPTERS, ATTACHMENTS = 0x1549A966, 0x1654AE6B, 0x1254C367, 0x1043A770, 0x1941A469
# Info children that hold something about who or when.
_INFO = {0x7BA9: (FREE_TEXT, "Matroska title"), 0x4D80: (IDENTITY, "Matroska muxing application"),
         0x5741: (IDENTITY, "Matroska writing application"), 0x4461: (TIMESTAMP, "Matroska date"),
         # The names of the file and of the files before and after it in a linked series (RFC 9559
         # section 5.1.2): a camera or a person names them.
         0x7384: (FREE_TEXT, "Matroska segment file name"), 0x3C83AB: (FREE_TEXT, "Matroska previous file name"),
         0x3E83BB: (FREE_TEXT, "Matroska next file name")}
_MAX_DEPTH = 16
# Level-1 elements: where a Cluster of unknown size ends.
_TOP_LEVEL = {0x114D9B74, INFO, TRACKS, TAGS, CHAPTERS, ATTACHMENTS, CLUSTER, 0x1C53BB6B}
accept = magic.matroska    # in formats/magic.py: the registry asks it without importing this module


@dataclass(frozen=True)
class Element:
    id: int
    start: int      # where its ID is
    data: int       # where its data is
    end: int


@dataclass
class _Survey:
    data: Data
    width: int | None = None
    height: int | None = None

    def __post_init__(self) -> None:
        self.holders: list[tuple[tuple[MetaItem, ...], Element]] = []

    def text(self, element: Element) -> str:
        return bytes(self.data[element.data:element.end]).decode("utf-8", "replace").strip("\0 ")

    def uint(self, element: Element) -> int:
        return int.from_bytes(bytes(self.data[element.data:element.end]), "big")


def _vint(data, offset: int, end: int, keep_marker: bool) -> tuple[int, int]:
    """(value, length) of an EBML variable-size integer; the all-ones size is -1 (unknown)."""
    if offset >= end:
        raise MediaError(f"{_LABEL}: an element is cut short at offset {offset}")
    first = data[offset]
    length = 9 - first.bit_length() if first else 9
    if length > 8 or offset + length > end:
        raise MediaError(f"{_LABEL}: a bad variable-size integer at offset {offset}")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in bytes(data[offset + 1:offset + length]):
        value = value << 8 | byte
    if not keep_marker and value == (1 << (7 * length)) - 1:
        return -1, length
    return value, length


def elements(data, start: int, end: int, depth: int = 0):
    """The elements laid end to end in data[start:end]; MediaError where a size lies."""
    if depth > _MAX_DEPTH:
        raise MediaError(f"{_LABEL}: elements nest more than {_MAX_DEPTH} deep")
    offset = start
    while offset < end:
        ident, id_length = _vint(data, offset, end, keep_marker=True)
        size, size_length = _vint(data, offset + id_length, end, keep_marker=False)
        body = offset + id_length + size_length
        if size < 0:
            stop = _cluster_end(data, body, end, depth) if ident == CLUSTER else end
        else:
            stop = body + size
        if stop > end and ident in (SEGMENT, CLUSTER):
            stop = end       # a recording cut short: what it holds up to the cut is still read
        if stop > end:
            raise MediaError(f"{_LABEL}: element 0x{ident:X} at offset {offset} runs past its parent's end")
        yield Element(ident, offset, body, stop)
        offset = stop


def _cluster_end(data, start: int, end: int, depth: int) -> int:
    """Where a Cluster of unknown size ends: at the next level-1 element, or its parent's end."""
    offset = start
    while offset < end:
        ident, id_length = _vint(data, offset, end, keep_marker=True)
        if ident in _TOP_LEVEL:
            return offset
        size, size_length = _vint(data, offset + id_length, end, keep_marker=False)
        if size < 0:
            raise MediaError(f"{_LABEL}: an element of unknown size inside a Cluster at offset {offset}")
        offset += id_length + size_length + size
    return min(offset, end)


def survey(data) -> _Survey:
    found = _Survey(data)
    top = list(elements(data, 0, len(data)))
    if not top or top[0].id != 0x1A45DFA3:
        raise MediaError(f"{_LABEL}: the file does not start with an EBML header")
    segments = [element for element in top if element.id == SEGMENT]
    if not segments:
        raise MediaError(f"{_LABEL}: no Segment element (the file may be cut short)")
    for segment in segments:
        for element in elements(data, segment.data, segment.end, 1):
            _LEVEL1.get(element.id, _skip)(found, element)
    return found


def _skip(found: _Survey, element: Element) -> None:
    return None


def _info(found: _Survey, info: Element) -> None:
    for child in elements(found.data, info.data, info.end, 2):
        if child.id in _INFO:
            kind, field = _INFO[child.id]
            value = None if child.id == 0x4461 else clip(found.text(child))
            if value != "":
                found.holders.append(((MetaItem(kind, field, "Info", value),), child))


def _tracks(found: _Survey, tracks: Element) -> None:
    for entry in (e for e in elements(found.data, tracks.data, tracks.end, 2) if e.id == 0xAE):
        for child in elements(found.data, entry.data, entry.end, 3):
            if child.id == 0x536E and found.text(child):      # Name
                found.holders.append(((MetaItem(FREE_TEXT, "Matroska track name", "Tracks", clip(found.text(child))),),
                                      child))
            elif child.id == 0xE0 and found.width is None:    # Video
                sizes = {v.id: found.uint(v) for v in elements(found.data, child.data, child.end, 4)}
                found.width, found.height = sizes.get(0xB0), sizes.get(0xBA)


def _tags(found: _Survey, tags: Element) -> None:
    for tag in (e for e in elements(found.data, tags.data, tags.end, 2) if e.id == 0x7373):
        for simple in (e for e in elements(found.data, tag.data, tag.end, 3) if e.id == 0x67C8):
            _simple_tag(found, simple, 4)


def _simple_tag(found: _Survey, simple: Element, depth: int) -> None:
    """One SimpleTag (TagName 0x45A3, TagString 0x4487 or TagBinary 0x4485, nested SimpleTags)."""
    children = list(elements(found.data, simple.data, simple.end, depth))
    name = next((found.text(c) for c in children if c.id == 0x45A3), "")
    value = next((clip(found.text(c)) for c in children if c.id == 0x4487), None)
    binary = any(c.id == 0x4485 for c in children)
    if not technical(name) and (value or binary):
        known = meaning(name)
        # A schema word is named as written ('ARTIST', 'TITLE-fra'); any other name as a field
        # schoollint does not know, still reported and removed (SL102).
        kind, field = (known[0], f"Matroska {printable(name).upper()} tag") if known else \
            unknown(f"Matroska tag {printable(name)}")
        found.holders.append(((MetaItem(kind, field, "Tags", value),), simple))
    for nested in (c for c in children if c.id == 0x67C8):
        _simple_tag(found, nested, depth + 1)


def _chapters(found: _Survey, chapters: Element) -> None:
    found.holders.append(((MetaItem(FREE_TEXT, "Matroska chapter titles", "Chapters"),), chapters))


def _attachments(found: _Survey, attachments: Element) -> None:
    for attached in (e for e in elements(found.data, attachments.data, attachments.end, 2) if e.id == 0x61A7):
        mime = next((found.text(c) for c in elements(found.data, attached.data, attached.end, 3) if c.id == 0x4660), "")
        kind = PREVIEW if mime.startswith(("image/", "video/")) else FREE_TEXT
        found.holders.append(((MetaItem(kind, "Matroska attached file", "Attachments", mime or None),), attached))


_LEVEL1 = {INFO: _info, TRACKS: _tracks, TAGS: _tags, CHAPTERS: _chapters, ATTACHMENTS: _attachments}


def read(data) -> MediaFacts:
    found = survey(data)
    return MediaFacts(format="WebM" if b"webm" in bytes(data[:64]) else FORMAT, width=found.width,
                      height=found.height, items=tuple(item for items, _ in found.holders for item in items))


def void(length: int) -> bytes:
    """A Void element of exactly `length` bytes (2 or more): ID, a 1- or 8-byte size, zeros."""
    if length < 9:
        return bytes([VOID, 0x80 | (length - 2)]) + bytes(length - 2)
    return bytes([VOID, 0x01]) + (length - 9).to_bytes(7, "big") + bytes(length - 9)


def blanks(data, kinds: frozenset[str]) -> list[tuple[int, bytes]]:
    """(offset, Void element) for every element holding an item of `kinds`."""
    return [(element.start, void(element.end - element.start)) for items, element in survey(data).holders
            if any(item.kind in kinds for item in items)]


def strip(data, kinds: frozenset[str]) -> bytes:
    """Every element holding an item of `kinds` becomes a Void of the same length; no other byte changes."""
    out = bytearray(data)
    for offset, text in blanks(data, kinds):
        out[offset:offset + len(text)] = text
    return bytes(out)
