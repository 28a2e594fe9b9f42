"""Which plugin reads a file: magic-byte identification over the plugin modules.

Plugins are imported lazily by name, so that checking one PNG never imports
the HEIF reader (or Pillow). Read and strip raise MediaError (model.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from functools import lru_cache
from typing import cast

from .model import BOMB_PIXELS, FormatReader, FormatWriter, MediaError, MediaFacts

# Plugin modules in the order their magic is tried.
PLUGINS = (
    "jpeg",
    "png",
    "gif",
    "webp",
    "tiff",
    "jxl",
    "jp2",
    "isobmff.plugin",
    "matroska",
    "avi",
    "sidecar",
    "generic",
)


def _plugins() -> Iterator[FormatReader]:
    """Plugin modules in PLUGINS order, each imported only when reached."""
    return (cast(FormatReader, importlib.import_module(f"{__package__}.{name}")) for name in PLUGINS)


@lru_cache(maxsize=1)
def media_extensions() -> frozenset[str]:
    """Every extension some plugin claims: files that must parse as media."""
    return frozenset(ext for module in _plugins() for ext in module.EXTENSIONS)


# Plugins whose magic is short and common enough to start a text file ("BM", "P1"): they
# are trusted only for a file whose extension they claim.
_WEAK_MAGIC = ("generic",)


# Formats without magic bytes (Truevision TGA), read by the generic plugin when so named.
_NO_MAGIC = (".tga",)


def recognised(prefix: bytes, extension: str) -> bool:
    """Whether a file's name or first 32 bytes say it is an image, video or document a reader
    must judge (a photo saved as .bak, .thumb or with no extension is checked as what it is; a
    .psd is SL107 if it is one, SL105 if it is not)."""
    from . import unsupported

    if extension in media_extensions() or extension in unsupported.EXTENSIONS:
        return True
    if unsupported.unsupported(prefix, extension) is not None:
        return True
    return any(cast(FormatReader, importlib.import_module(f"{__package__}.{name}")).accept(prefix)
               for name in PLUGINS if name not in _WEAK_MAGIC)


def identify(prefix: bytes) -> FormatReader | None:
    """The plugin whose magic matches, or None."""
    for module in _plugins():
        if module.accept(prefix):
            return module
    return None


def read_media(data, extension: str) -> MediaFacts:
    """Facts about a media file, by its magic bytes; MediaError when it won't parse."""
    if len(data) == 0:
        raise MediaError("the file is empty")
    from .unsupported import unsupported

    prefix = bytes(data[:32])
    other = unsupported(prefix, extension)
    if other is not None:
        what, why = other
        return MediaFacts(format=what, unchecked=f"{what}: {why}")
    module = identify(prefix)
    if module is None and extension in _NO_MAGIC:
        module = cast(FormatReader, importlib.import_module(f"{__package__}.generic"))   # TGA has no magic
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
    module = identify(bytes(data[:32]))
    if module is None or not hasattr(module, "strip"):
        raise MediaError("schoollint cannot rewrite this format without re-encoding it")
    return cast(FormatWriter, module).strip(data, kinds)
