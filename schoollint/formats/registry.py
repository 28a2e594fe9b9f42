"""Which plugin reads a file: magic-byte identification over the plugin modules.

Plugins are imported lazily by name, so that checking one PNG never imports
the HEIF reader (or Pillow). Read and strip raise MediaError (model.py).
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import cast

from . import magic
from .model import BOMB_PIXELS, FormatReader, FormatWriter, MediaError, MediaFacts

# How much of a file `accept` sees: enough for magic numbers, for a PDF header anywhere in the
# first 1024 bytes (ISO 32000-2, 7.5.2), an ODF package's first member (its `mimetype`) and an
# SVG root element after the XML declaration and comments.
HEAD = 4096

# Plugin modules in the order their magic is tried: {module: (whether it reads documents, the
# extensions it claims)}, its DOCUMENT and EXTENSIONS written out here so that asking whether a
# name is media imports no plugin (importing all sixteen cost a 3-file run or a warm run about
# 30 ms). tests/integrations/test_startup_imports.py fails when a plugin and this table part.
CLAIMS: dict[str, tuple[bool, frozenset[str]]] = {
    "jpeg": (False, frozenset({".jfif", ".jpe", ".jpeg", ".jpg", ".mpo"})),
    "png": (False, frozenset({".apng", ".png"})),
    "gif": (False, frozenset({".gif"})),
    "webp": (False, frozenset({".webp"})),
    "tiff": (False, frozenset({".3fr", ".arw", ".cr2", ".dcr", ".dng", ".erf", ".iiq", ".kdc", ".mos", ".nef",
                               ".nrw", ".pef", ".sr2", ".srf", ".srw", ".tif", ".tiff"})),
    "jxl": (False, frozenset({".jxl"})),
    "jp2": (False, frozenset({".jp2", ".jpf", ".jph", ".jpx"})),
    "isobmff.plugin": (False, frozenset({".3gp", ".avif", ".heic", ".heif", ".hif", ".m4v", ".mov", ".mp4"})),
    "matroska": (False, frozenset({".mk3d", ".mka", ".mkv", ".webm"})),
    "avi": (False, frozenset({".avi"})),
    "audio": (True, frozenset({".flac", ".mp3", ".oga", ".ogg", ".opus", ".spx", ".wav"})),
    "pdf": (True, frozenset({".pdf"})),
    "odf": (True, frozenset({".odg", ".odp", ".ods", ".odt", ".otg", ".otp", ".ots", ".ott"})),
    "ooxml": (True, frozenset({".docm", ".docx", ".dotm", ".dotx", ".potm", ".potx", ".ppsm", ".ppsx", ".pptm",
                               ".pptx", ".xlsm", ".xlsx", ".xltm", ".xltx", ".zip", ".epub"})),
    "svg": (False, frozenset({".svg"})),
    "sidecar": (False, frozenset({".xmp"})),
    "generic": (False, frozenset({".bmp", ".ico", ".j2c", ".j2k", ".pbm", ".pcx", ".pgm", ".ppm", ".tga"})),
}
PLUGINS = tuple(CLAIMS)


@lru_cache(maxsize=None)
def plugin(name: str) -> FormatReader:
    """The plugin module `name` (one of PLUGINS), imported on first use (then a dict look-up, not
    an import statement: read_media asks once a file)."""
    return cast(FormatReader, importlib.import_module(f"{__package__}.{name}"))


@lru_cache(maxsize=1)
def media_extensions() -> frozenset[str]:
    """Every extension a picture or video plugin claims: files that must parse as media."""
    return frozenset().union(*(extensions for document, extensions in CLAIMS.values() if not document))


@lru_cache(maxsize=1)
def document_extensions() -> frozenset[str]:
    """Every extension a document plugin claims (PDF, Office, OpenDocument): files that must
    parse, but that pages do not show as pictures and whose names SL301 leaves alone."""
    return frozenset().union(*(extensions for document, extensions in CLAIMS.values() if document))


# Plugins whose magic is short and common enough to start a text file ("BM", "P1"): they are
# trusted only for a file whose extension they claim. (Any ZIP is read: ooxml hands a ZIP that
# is no Office package to formats/archive.py.)
_WEAK_MAGIC = ("generic",)


# Formats without magic bytes (Truevision TGA), read by the generic plugin when so named.
_NO_MAGIC = (".tga",)
# (plugin, its accept) in PLUGINS order, and the accepts trusted whatever a file's name: each plugin's
# magic from formats/magic.py, so that asking imports no plugin (`recognised` on a site's first page
# imported all seventeen, and what they import, in the parent before its workers fork: about 32 M
# instructions).
_MAGIC = tuple((name, magic.ACCEPT[name]) for name in PLUGINS)
_STRONG_MAGIC = tuple(accept for name, accept in _MAGIC if name not in _WEAK_MAGIC)


def recognised(prefix: bytes, extension: str, filename: str = "") -> bool:
    """Whether a file's name or first 32 bytes say it is an image, video or document a reader
    must judge (a photo saved as .bak, .thumb or with no extension is checked as what it is; a
    .psd is SL107 if it is one, SL105 if it is not), or `filename` (its last path component) is a
    folder file the operating system writes (folder_files: Thumbs.db, .DS_Store, ...)."""
    from . import folder_files, unsupported

    if extension in media_extensions() or extension in document_extensions() or extension in unsupported.EXTENSIONS:
        return True
    if folder_files.kind(filename) is not None:
        return True
    if unsupported.unsupported(prefix, extension) is not None:
        return True
    return any(accept(prefix) for accept in _STRONG_MAGIC)


def identify(prefix: bytes) -> FormatReader | None:
    """The plugin whose magic matches (the first in PLUGINS order), or None; only that plugin is imported."""
    for name, accept in _MAGIC:
        if accept(prefix):
            return plugin(name)
    return None


def read_media(data, extension: str, filename: str = "") -> MediaFacts:
    """Facts about a media file, by its magic bytes (a folder file by its `filename`, folder_files);
    MediaError when it won't parse."""
    from . import folder_files

    if folder_files.kind(filename) is not None:
        facts = folder_files.read(data, filename)
        if facts.unchecked is None or identify(bytes(data[:HEAD])) is None:
            return facts    # else a photo named ._IMG.jpg: read as the photo it is (SL109 says the name)
    if len(data) == 0:
        raise MediaError("the file is empty")
    from .unsupported import unsupported

    head = bytes(data[:HEAD])
    # A document's own reader judges a file named as one: an OLE file named .docx is a
    # password-protected Word file (the OOXML reader says so, SL105), not an old .doc (SL107).
    other = None if extension in document_extensions() else unsupported(head[:32], extension)
    if other is not None:
        what, why = other
        return MediaFacts(format=what, unchecked=f"{what}: {why}")
    module = identify(head)
    if module is None and extension in _NO_MAGIC:
        module = plugin("generic")   # TGA has no magic
    if module is None:
        raise MediaError(_unrecognised(extension))
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
    return cast(FormatWriter, module).strip(data, kinds)


def _unrecognised(extension: str) -> str:
    """Why a file no plugin's magic matched was not read: for a name a reader claims (a damaged `.pdf`),
    that its content does not start as that kind of file does; else that the kind is not one schoollint reads."""
    if not any(extension in extensions for _document, extensions in CLAIMS.values()):
        return f"not a recognised image, video or document (extension {extension or 'none'})"
    kind = extension[1:].upper()
    return (f"not a recognised image, video or document: its name says {kind}, but its content does not start "
            f"as a {kind} file does (damaged, cut short, or another kind of file renamed: open it to see, or "
            "export or download it again)")
