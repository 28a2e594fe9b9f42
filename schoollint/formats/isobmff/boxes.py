"""ISO base media file format boxes: walking them, reading fields, blanking them.

ISO/IEC 14496-12 section 4.2 (object structure): a box is a 32-bit size
(1: a 64-bit size follows; 0: to the end of its parent), a 4-character type,
for type 'uuid' a 16-byte user type, then its payload. Full boxes
start their payload with version and flags. Section 8.1.2: a 'free' box is
skipped by every reader, which is what lets a strip blank a box in place.

A size that lies is a MediaError naming the box and offset; nothing is read
outside the box it belongs to.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Data, MediaError, MetaItem, Truncated


@dataclass(frozen=True)
class Box:
    type: bytes
    start: int      # where its size field is
    header: int     # 8, or 16 with a 64-bit size (the uuid usertype is part of `body`)
    end: int

    @property
    def body(self) -> int:
        return self.start + self.header + (16 if self.type == b"uuid" else 0)

    @property
    def name(self) -> str:
        return box_name(self.type)


def box_name(kind: bytes) -> str:
    """A printable name: '©xyz' for QuickTime's 0xA9 atoms, 'item 3' for Apple's numbered ones."""
    if kind[:1] == b"\0":
        return f"item {int.from_bytes(kind, 'big')}"
    return "".join(c if c.isprintable() else "?" for c in kind.decode("latin-1"))


def boxes(data, start: int, end: int, label: str, parent: str = "the file") -> Iterator[Box]:
    """The boxes laid end to end in data[start:end]; MediaError where a size lies, Truncated
    where a top-level box (parent "the file") meets the end of the file: a file cut short."""
    cut = Truncated if parent == "the file" else MediaError
    offset = start
    while offset < end:
        left = end - offset
        if left < 8:
            if any(bytes(data[offset:end])):     # QuickTime pads lists with a zero word
                raise cut(f"{label}: {left} stray bytes at offset {offset} at the end of {parent}")
            return
        size, kind = struct.unpack_from(">I4s", data, offset)
        header = 8
        if size == 1:
            if left < 16:
                raise cut(f"{label}: box '{box_name(kind)}' at offset {offset} is cut off "
                                 f"inside its 64-bit size")
            (size,) = struct.unpack_from(">Q", data, offset + 8)
            header = 16
        elif size == 0:                          # "to the end": of the file, or of the parent
            size = left
        box = Box(kind, offset, header, offset + size)
        if size < header or box.body > box.end:
            raise MediaError(f"{label}: box '{box.name}' at offset {offset} claims {size} bytes, "
                             f"too few for its own header")
        if size > left:
            raise cut(f"{label}: box '{box.name}' at offset {offset} runs past the end of {parent}")
        yield box
        offset = box.end


class Cursor:
    """Big-endian reads inside one box; each checks the bytes left in the box."""

    def __init__(self, data, box: Box, label: str, skip: int = 0):
        self.data, self.box, self.label = data, box, label
        self.pos, self.end = box.body + skip, box.end

    def take(self, size: int) -> bytes:
        if size > self.end - self.pos:
            raise MediaError(f"{self.label}: box '{self.box.name}' at offset {self.box.start} "
                             f"ends inside a field at offset {self.pos}")
        chunk = bytes(self.data[self.pos:self.pos + size])
        self.pos += size
        return chunk

    def uint(self, size: int) -> int:
        return int.from_bytes(self.take(size), "big")

    def cstring(self) -> bytes:
        # Writers that forget the terminator end the string at the end of the box.
        stop = self.data.find(b"\0", self.pos, self.end)
        stop = self.end if stop < 0 else stop
        text = bytes(self.data[self.pos:stop])
        self.pos = min(stop + 1, self.end)
        return text


@dataclass(frozen=True)
class Blank:
    """Overwrite data[offset:offset+length] with `text`, then `pad` to the end."""

    offset: int
    length: int
    text: bytes = b""
    pad: bytes = b"\0"

    def bytes(self) -> bytes:
        return self.text[:self.length] + self.pad * max(self.length - len(self.text), 0)


@dataclass(frozen=True)
class Holder:
    """One metadata box or item: what it holds, and the blanks that empty it."""

    items: tuple[MetaItem, ...]
    blanks: tuple[Blank, ...]


def freed(box: Box) -> tuple[Blank, ...]:
    # The size field stays; the type becomes 'free' and everything after the header is zeroed.
    return Blank(box.start + 4, 4, b"free"), Blank(box.start + box.header, box.end - box.start - box.header)


@dataclass
class Survey:
    """Everything read from one file: facts, and each metadata holder with its blanks."""

    data: Data
    label: str
    holders: list[Holder] = field(default_factory=list)
    width: int | None = None
    height: int | None = None
    orientation: int | None = None
    notes: list[str] = field(default_factory=list)
    cut: Truncated | None = None       # the file ends inside this top-level box: read up to it

    def children(self, box: Box, skip: int = 0) -> Iterator[Box]:
        return boxes(self.data, box.body + skip, box.end, self.label, f"box '{box.name}'")

    def payload(self, box: Box, skip: int = 0) -> bytes:
        return bytes(self.data[box.body + skip:box.end])

    def hold(self, items, blanks) -> None:
        if items:
            self.holders.append(Holder(tuple(items), tuple(blanks)))

    def walk(self, box: Box, table: dict, path: str) -> None:
        for child in self.children(box):
            handler = table.get(child.type)
            if handler is not None:
                handler(self, child, f"{path}/{child.name}")
