"""The data model every format plugin returns, and the plugin contract.

Imports no plugin: plugins import this module, the registry imports plugins,
and nothing here imports back (one-way).

Shapes: a plugin reads a bytes-like object (bytes or an mmap) into a MediaFacts
(pixel dimensions, EXIF orientation 1..8, frame count, MetaItems); it raises
MediaError naming the format and the part that is broken, or PartlyRead (a
MediaError with the facts read before the damage).
"""

from __future__ import annotations

import mmap
from dataclasses import dataclass
from collections.abc import Callable, Iterator
from typing import Protocol, TypeVar

T = TypeVar("T")

# What a plugin reads: the file's bytes, or a memory map of it (a slice of either is bytes).
Data = bytes | bytearray | mmap.mmap

# Kinds of metadata item; checks pick the kinds they care about.
LOCATION = "location"          # GPS position, textual place names
IDENTITY = "identity"          # camera/owner identity, serials, software
TIMESTAMP = "timestamp"        # capture and modification times
FREE_TEXT = "free-text"        # descriptions, comments, keywords, text chunks
PREVIEW = "preview"            # thumbnails, secondary images, trailers
PERSON_NAME = "person-name"    # people named in the file (XMP regions, PersonInImage)
KINDS = frozenset({LOCATION, IDENTITY, TIMESTAMP, FREE_TEXT, PREVIEW, PERSON_NAME})

# Pillow's own limit for a decompression bomb (2 x Image.MAX_IMAGE_PIXELS);
# repeated here so that checking a header never imports Pillow.
BOMB_PIXELS = 2 * 89_478_485


# A personal value is kept for --show-values; a few hundred characters are enough to recognise it.
MAX_VALUE_CHARS = 500


def clip(text: str) -> str:
    return text[:MAX_VALUE_CHARS]


class MediaError(Exception):
    """A file that cannot be parsed; the message names the format and the part."""


@dataclass(frozen=True)
class MetaItem:
    kind: str                 # one of KINDS
    field: str                # what leaked, safe to publish: "EXIF GPSLatitude"
    where: str                # the part of the file that holds it: "APP1 Exif", "tEXt chunk"
    value: str | None = None  # the personal value itself, shown only on request


@dataclass(frozen=True)
class MediaFacts:
    format: str
    width: int | None = None
    height: int | None = None
    orientation: int | None = None   # EXIF orientation 1..8 when present
    frames: int = 1
    items: tuple[MetaItem, ...] = ()
    notes: tuple[str, ...] = ()  # harmless observations, e.g. "ICC profile kept"
    # A format no reader here judges (formats/unsupported.py): "what it is: why it matters";
    # or a document with a picture inside that could not be read (formats/pictures.py).
    # Such a file is reported as not checked (SL107), never counted as checked.
    unchecked: str | None = None
    # Why `--fix` will not rewrite this file (a damaged PDF: a rewrite keeps only what was
    # recovered), so its findings offer no fix; None when the plugin's strip can.
    not_rewritten: str | None = None

    @property
    def shown_size(self) -> tuple[int | None, int | None]:
        """Width and height as the picture is shown: EXIF orientations 5-8 turn it a quarter turn
        (CIPA DC-008, Orientation), so a phone's 4032x3024 portrait is shown 3024x4032."""
        if self.orientation in (5, 6, 7, 8):
            return self.height, self.width
        return self.width, self.height

    @property
    def longer_edge(self) -> int | None:
        if self.width is None or self.height is None:
            return None
        return max(self.width, self.height)

    def of_kind(self, *kinds: str) -> list[MetaItem]:
        return [item for item in self.items if item.kind in kinds]


class Truncated(MediaError):
    """A walk of blocks, chunks or boxes met the end of the file before the format's end: the
    file was cut short (an upload or copy stopped part-way), not written wrong."""


def complete(blocks: Iterator[T]) -> tuple[list[T], Truncated | None]:
    """The whole blocks of a walk, and the cut when the file ends inside one: then only the blocks
    before it (one at least, else the cut is raised), and the bytes from the last one's end on are
    the damaged part, which a strip copies as it was."""
    found: list[T] = []
    try:
        found.extend(blocks)
    except Truncated as cut:
        if not found:
            raise
        return found, cut
    return found, None


class PartlyRead(MediaError):
    """A damaged file (cut short, as a rule) whose metadata before the damage was read: the
    damage is SL105, and `facts` (the items found before it) go to the other checks, as a
    browser still shows such a file. The plugin's strip removes those items and keeps every other
    byte as it was, the damaged part too; formats/fixes.py verifies it on the same partial read."""

    def __init__(self, message: str, facts: MediaFacts):
        super().__init__(message)
        self.facts = facts


# A reader of a metadata block nested in another: (block, where, depth) -> items, where
# `depth` counts the blocks around it (exif.py and photoshop.py are handed each other's).
BlockReader = Callable[[bytes, str, int], tuple[MetaItem, ...]]


class FormatReader(Protocol):
    """A plugin module that reads one container format.

    `accept` sees the first 32 bytes (magic); `read` decodes no pixels and
    raises MediaError when the file will not parse."""

    FORMAT: str                      # "JPEG", "PNG", ...
    EXTENSIONS: tuple[str, ...]      # lower-case, with the dot

    def accept(self, prefix: bytes) -> bool: ...

    def read(self, data: Data) -> MediaFacts: ...


class FormatWriter(FormatReader, Protocol):
    """A plugin that can also remove metadata losslessly.

    `strip` returns the file without every item whose kind is in `kinds`,
    keeping what the photo needs to display the same (orientation, colour
    profile, frames, depth); MediaError when it cannot without re-encoding."""

    def strip(self, data: Data, kinds: frozenset[str]) -> bytes: ...
