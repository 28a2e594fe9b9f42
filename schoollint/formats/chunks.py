"""What the chunked formats share (PNG and WebP; GIF's trailer too).

PNG 3rd edition (W3C) section 5.3 and the WebP RIFF container (RFC 9649)
both lay a file out as chunks.

A PNG and a WebP are both a list of chunks: a four-character code, a length and
a payload, framed a little differently (PNG adds a CRC, RIFF a pad byte to an
even length). Metadata always fills whole chunks, so reading it is a table of
readers keyed by code, and stripping it is dropping the chunks that hold it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import NamedTuple

from .model import PREVIEW, MetaItem


class Chunk(NamedTuple):
    fourcc: bytes      # PNG's chunk type, RIFF's FourCC
    offset: int        # where its header (8 bytes in both formats) starts
    length: int        # of the payload, without CRC or pad byte
    end: int           # just past the chunk, CRC or pad byte included

    @property
    def name(self) -> str:
        return self.fourcc.decode("latin-1").strip()

    @property
    def payload_start(self) -> int:
        return self.offset + 8

    def payload(self, data, limit: int | None = None) -> bytes:
        """The payload, or only its first `limit` bytes (a bitstream header)."""
        length = self.length if limit is None else min(limit, self.length)
        return bytes(data[self.payload_start:self.payload_start + length])

    def whole(self, data) -> bytes:
        # A RIFF writer may leave out the pad byte of the last chunk: a copy puts it back.
        return bytes(data[self.offset:self.end]).ljust(self.end - self.offset, b"\0")


class Contents(NamedTuple):
    """What one metadata chunk holds."""

    items: tuple[MetaItem, ...] = ()
    orientation: int | None = None
    big_endian: bool = False     # of its EXIF, so a replacement keeps the byte order

    def flagged(self, kinds: frozenset[str]) -> bool:
        return any(item.kind in kinds for item in self.items)


# A format's metadata readers, keyed by chunk code: payload and chunk (for messages) in.
Readers = Mapping[bytes, Callable[[bytes, Chunk], Contents]]


def contents(data, chunk: Chunk, readers: Readers) -> Contents | None:
    """What a metadata chunk holds; None for chunks that cannot hold any."""
    reader = readers.get(chunk.fourcc)
    return None if reader is None else reader(chunk.payload(data), chunk)


def metadata(data, chunks: Iterable[Chunk], readers: Readers) -> tuple[list[MetaItem], int | None]:
    """Every item the chunks hold, and the first orientation among them."""
    items: list[MetaItem] = []
    orientation = None
    for chunk in chunks:
        found = contents(data, chunk, readers)
        if found is not None:
            items.extend(found.items)
            orientation = found.orientation if orientation is None else orientation
    return items, orientation


def kept_chunks(data, chunks: Iterable[Chunk], readers: Readers, kinds: frozenset[str],
                exif_fourcc: bytes, make_chunk: Callable[[bytes, bytes], bytes]) -> Iterator[tuple[Chunk, bytes]]:
    """Each chunk to keep, with the bytes to write for it: every chunk holding no
    item of `kinds` as it was, and an EXIF chunk that carried an orientation as a
    minimal EXIF in its place, so the photo still displays upright."""
    from .exif import minimal_exif

    for chunk in chunks:
        found = contents(data, chunk, readers)
        if found is None or not found.flagged(kinds):
            yield chunk, chunk.whole(data)
        elif chunk.fourcc == exif_fourcc and found.orientation is not None:
            # In place, so every viewer that honoured the old chunk still turns the photo.
            yield chunk, make_chunk(exif_fourcc, minimal_exif(found.orientation, found.big_endian))


def exif_contents(payload: bytes, where: str) -> Contents:
    """An EXIF chunk's items and orientation (PNG eXIf, WebP EXIF)."""
    from .embedded import parse_exif_block

    # Some writers keep JPEG's "Exif\0\0" prefix before the TIFF structure.
    tiff = payload[6:] if payload.startswith(b"Exif\0\0") else payload
    info = parse_exif_block(tiff, where)
    return Contents(tuple(info.items), info.orientation, info.big_endian)


def c2pa_contents(payload: bytes, chunk: Chunk) -> Contents:
    """A chunk of C2PA content credentials (PNG 'caBX', WebP 'C2PA'): a JUMBF manifest store."""
    from .jumbf import c2pa_items

    return Contents(c2pa_items(payload, f"{chunk.name} chunk"))


def trailer_items(data, end: int, format: str, where: str) -> list[MetaItem]:
    # Viewers stop where the image ends; what follows may be anything (an appended video, a zip).
    extra = len(data) - end
    if not extra:
        return []
    return [MetaItem(PREVIEW, f"data after the end of the {format}", where, f"{extra} bytes"),
            *embedded_items(bytes(data[end:]), where)]


def kept_trailer(data, end: int, kinds: frozenset[str]) -> bytes:
    """The bytes after the image, unless previews are to go or what they hold is to go."""
    trailer = bytes(data[end:])
    if PREVIEW in kinds or any(item.kind in kinds for item in embedded_items(trailer, "")):
        return b""
    return trailer


_nesting = [0]      # files inside files being read now: a hostile file nests them without end
MAX_NESTING = 3


def embedded_items(blob: bytes, where: str) -> list[MetaItem]:
    """The items of a picture or video embedded in another file (issue 12 kind 5: an appended
    video, a second image), read by its own plugin: its GPS and names count as the file's own.
    Nothing when no plugin knows it, it will not parse, or files nest deeper than MAX_NESTING."""
    from dataclasses import replace

    from .model import MediaError
    from .registry import identify

    module = identify(blob[:32])
    if module is None or module.FORMAT == "image" or _nesting[0] >= MAX_NESTING:
        return []
    _nesting[0] += 1
    try:
        facts = module.read(blob)
    except MediaError:
        return []
    finally:
        _nesting[0] -= 1
    return [replace(item, where=f"{where} {facts.format} {item.where}".strip()) for item in facts.items]
