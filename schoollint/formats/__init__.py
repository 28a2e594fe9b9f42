"""Media containers: one plugin module per format behind one interface.

A plugin module defines:

    FORMAT: str                      # "JPEG", "PNG", ...
    EXTENSIONS: tuple[str, ...]      # lower-case, with the dot
    def accept(prefix: bytes) -> bool              # magic bytes, in the first HEAD bytes
    def read(data) -> MediaFacts                   # data: bytes-like (bytes or mmap)
    def strip(data, kinds: frozenset[str]) -> bytes   # optional: lossless removal
    DOCUMENT: bool                   # optional: True for documents (PDF, Office), not pictures

`read` decodes no pixels; it raises MediaError naming the part that is broken.
`strip` removes every metadata item whose kind is in `kinds` and keeps what a
photo needs to display the same (orientation, colour profile, frames, depth).
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from dataclasses import dataclass
from types import ModuleType

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

    @property
    def longer_edge(self) -> int | None:
        if self.width is None or self.height is None:
            return None
        return max(self.width, self.height)

    def of_kind(self, *kinds: str) -> list[MetaItem]:
        return [item for item in self.items if item.kind in kinds]


# How much of a file `accept` sees: enough for magic numbers, for a PDF header anywhere in the
# first 1024 bytes (ISO 32000-2, 7.5.2), an ODF package's first member (its `mimetype`) and an
# SVG root element after the XML declaration and comments.
HEAD = 4096

# Plugin modules in the order their magic is tried. Imported lazily so that
# checking one PNG never imports the HEIF reader (or Pillow).
PLUGINS = (
    "jpeg",
    "png",
    "gif",
    "webp",
    "tiff",
    "isobmff",
    "pdf",
    "odf",
    "ooxml",
    "svg",
    "generic",
)


def _plugins():
    """Plugin modules in PLUGINS order, each imported only when reached."""
    return (importlib.import_module(f"{__name__}.{name}") for name in PLUGINS)


@lru_cache(maxsize=1)
def media_extensions() -> frozenset[str]:
    """Every extension a picture or video plugin claims: files that must parse as media."""
    return frozenset(ext for module in _plugins() if not getattr(module, "DOCUMENT", False) for ext in module.EXTENSIONS)


@lru_cache(maxsize=1)
def document_extensions() -> frozenset[str]:
    """Every extension a document plugin claims (PDF, Office, OpenDocument): files that must
    parse, but that pages do not show as pictures and whose names SL301 leaves alone."""
    return frozenset(ext for module in _plugins() if getattr(module, "DOCUMENT", False) for ext in module.EXTENSIONS)


def identify(prefix: bytes) -> ModuleType | None:
    """The plugin whose magic matches, or None."""
    for module in _plugins():
        if module.accept(prefix):
            return module
    return None


def read_media(data, extension: str) -> MediaFacts:
    """Facts about a media file, by its magic bytes; MediaError when it won't parse."""
    if len(data) == 0:
        raise MediaError("the file is empty")
    module = identify(bytes(data[:HEAD]))
    if module is None:
        raise MediaError(f"not a recognised image or video (extension {extension or 'none'})")
    facts = module.read(data)
    if facts.width and facts.height and facts.width * facts.height > BOMB_PIXELS:
        raise MediaError(
            f"{facts.format} claims {facts.width}x{facts.height} pixels, over the "
            f"decompression-bomb limit of {BOMB_PIXELS:,} pixels"
        )
    if extension and module.EXTENSIONS and extension not in module.EXTENSIONS:
        facts = MediaFacts(
            format=facts.format, width=facts.width, height=facts.height,
            orientation=facts.orientation, frames=facts.frames, items=facts.items,
            notes=facts.notes + (f"content is {facts.format} but the name ends {extension}",),
        )
    return facts


def strip(data, kinds: frozenset[str]) -> bytes:
    """Remove metadata of these kinds, losslessly; MediaError if the format can't."""
    module = identify(bytes(data[:HEAD]))
    if module is None or not hasattr(module, "strip"):
        raise MediaError("schoollint cannot rewrite this format without re-encoding it")
    return module.strip(data, kinds)
