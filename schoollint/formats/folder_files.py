"""Files an operating system writes into a folder of photos, known by name and checked by content.

- `Thumbs.db`, `ehthumbs.db`: Windows Explorer's thumbnail cache, an OLE compound file ([MS-CFB]
  2.2: the header signature D0 CF 11 E0 A1 B1 1A E1) with one stream per thumbnail (a small
  JPEG of each photo the folder held, deleted ones too) and a `Catalog` stream of their names.
- `.DS_Store`: macOS Finder's view of the folder (the names of its files, icon positions), a
  "buddy allocator" file: 00 00 00 01 then `Bud1`.
- `._name`: an AppleDouble file (RFC 1740; version 2: magic 00 05 16 07) that macOS writes
  beside `name` on a disk or share that cannot hold extended attributes: where the file was
  downloaded from (com.apple.metadata:kMDItemWhereFroms), Finder tags, sometimes a thumbnail.
- `desktop.ini`: Windows' folder settings (its icon, localised name), INI text with no magic.
- Windows leftovers read by windows_files: Office owner files `~$name.docx`, `name:Zone.Identifier`
  download marks, `.lnk` shortcuts.

`kind(name)` says by name alone (so a file of another name is never read as one); `read` checks
the content against the name. A file whose content is not what its name says is reported as not
checked (MediaFacts.unchecked) with what was expected, never passed. SL109 reports all of them:
a website needs none. Errors: none raised; what cannot be listed is left out of the notes.
"""

from __future__ import annotations

import struct

from . import windows_files
from .model import MediaFacts

THUMBS = "Windows thumbnail cache"
DS_STORE = "macOS folder view file (.DS_Store)"
APPLE_DOUBLE = "macOS AppleDouble file"
DESKTOP_INI = "Windows folder settings file (desktop.ini)"
FORMATS = (THUMBS, DS_STORE, APPLE_DOUBLE, DESKTOP_INI, *windows_files.FORMATS)

# Each kind's magic at offset 0 and the words for it (None: desktop.ini, told by an INI section).
_MAGIC = {
    THUMBS: (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE compound file signature"),
    DS_STORE: (b"\x00\x00\x00\x01Bud1", "the .DS_Store header (Bud1)"),
    APPLE_DOUBLE: (b"\x00\x05\x16\x07", "the AppleDouble magic number"),
}
# What each holds that a website must not publish, in words for the message.
HOLDS = {
    THUMBS: "small copies of the folder's photos, deleted ones too",
    DS_STORE: "the names of the folder's files",
    APPLE_DOUBLE: "a file's extended attributes, such as where it was downloaded from, Finder tags, a thumbnail",
    DESKTOP_INI: "the folder's settings (its icon, its name, sometimes paths on the owner's computer)",
    **windows_files.HOLDS,
}
# AppleDouble (RFC 1740 section 4): entry ID 9 is the Finder info, whose extended attributes
# macOS keeps after 34 bytes in an "ATTR" block (xnu bsd/vfs/vfs_xattr.c, attr_header).
_FINDER_INFO = 9
_ATTR_HEADER = struct.Struct(">4sIIII12xHH")   # magic, debug tag, total size, data start and length
_ATTR_ENTRY = struct.Struct(">IIHB")
_MAX_ATTRS = 256
# Extended attributes that say something about a pupil's photo, in words.
ATTRIBUTES = {
    "com.apple.metadata:kMDItemWhereFroms": "where it was downloaded from",
    "com.apple.metadata:_kMDItemUserTags": "Finder tags",
    "com.apple.quarantine": "the app that downloaded it",
    "com.apple.metadata:kMDItemFinderComment": "a Finder comment",
}


def kind(name: str) -> str | None:
    """The kind of folder file a file's name (its last path component) says it is, or None."""
    name = name.rpartition("/")[2]
    lower = name.lower()
    if lower in ("thumbs.db", "ehthumbs.db", "ehthumbs_vista.db"):
        return THUMBS
    if name == ".DS_Store":
        return DS_STORE
    if name.startswith("._") and len(name) > 2:
        return APPLE_DOUBLE
    return DESKTOP_INI if lower == "desktop.ini" else windows_files.kind(name)


def read(data, name: str) -> MediaFacts:
    """What the folder file `name` (kind(name) is not None) holds, as notes; `unchecked` says so
    when its content is not the kind its name says."""
    what = kind(name)
    assert what is not None
    head = bytes(data[:64])
    if not head:
        return MediaFacts(format=what, notes=("it is empty",))
    notes: tuple[str, ...] = ()
    if what in windows_files.FORMATS:
        matches, told, notes = windows_files.read(what, data)
    elif what == DESKTOP_INI:
        expected, told = b"[", "an INI section such as [.ShellClassInfo]"
        text = head.decode("utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "latin-1", "replace")
        matches = text.lstrip("\ufeff \t\r\n").startswith("[")
    else:
        expected, told = _MAGIC[what]
        matches = head.startswith(expected)
    if not matches:
        mismatch = f"its content is not one: it does not start with {told}"
        return MediaFacts(format=what, notes=(mismatch,), unchecked=f"named as a {what} but {mismatch}; what it "
                                                                   "holds was not judged")
    if what == THUMBS:
        return MediaFacts(format=what, notes=_thumbnails(data))
    if what == APPLE_DOUBLE:
        return MediaFacts(format=what, notes=_attributes(data))
    return MediaFacts(format=what, notes=notes)


def _thumbnails(data) -> tuple[str, ...]:
    """("holds N thumbnails",) from the compound file's directory: every stream but `Catalog` is
    one picture. Listed with olefile when it is installed; nothing when it is not or the
    directory is damaged (the file is reported all the same)."""
    try:
        import olefile
    except ImportError:
        return ()
    try:
        with olefile.OleFileIO(bytes(data)) as ole:
            streams = [path for path in ole.listdir(streams=True, storages=False) if path[-1] != "Catalog"]
    except Exception:   # olefile raises OSError, struct.error, IndexError... on a damaged directory
        return ()
    return (f"holds {len(streams)} thumbnail{'s' if len(streams) != 1 else ''}",)


def _attributes(data) -> tuple[str, ...]:
    """What the AppleDouble's extended attributes say, by name (never their values): e.g.
    ("where it was downloaded from (com.apple.metadata:kMDItemWhereFroms)",)."""
    data = bytes(data)
    if len(data) < 26:
        return ()
    (count,) = struct.unpack_from(">H", data, 24)
    for index in range(min(count, 16)):
        if 26 + 12 * (index + 1) > len(data):
            return ()
        entry, offset, length = struct.unpack_from(">III", data, 26 + 12 * index)
        if entry == _FINDER_INFO and length > 34 + _ATTR_HEADER.size:
            return _attribute_names(data[offset + 34:offset + length])
    return ()


def _attribute_names(block: bytes) -> tuple[str, ...]:
    if len(block) < _ATTR_HEADER.size:
        return ()
    magic, *_, count = _ATTR_HEADER.unpack_from(block)
    if magic != b"ATTR":
        return ()
    names, at = [], _ATTR_HEADER.size
    for _ in range(min(count, _MAX_ATTRS)):
        if at + _ATTR_ENTRY.size > len(block):
            break
        *_, length = _ATTR_ENTRY.unpack_from(block, at)
        raw = block[at + _ATTR_ENTRY.size:at + _ATTR_ENTRY.size + length]
        names.append(raw.rstrip(b"\0").decode("utf-8", "replace"))
        at = (at + _ATTR_ENTRY.size + length + 3) & ~3     # entries are 4-byte aligned
    return tuple(f"{ATTRIBUTES[name]} ({name})" if name in ATTRIBUTES else f"extended attribute {name}"
                 for name in names)


def describe(facts: MediaFacts) -> str:
    """The SL109 message for a folder file's facts (read): what it is, what it holds, and whether
    its content is what its name says."""
    notes = "; ".join(facts.notes)
    if facts.unchecked:
        return (f"named as a {facts.format}, which the operating system or an app leaves in folders and a website "
                f"never needs, but {notes}: not checked")
    written = windows_files.WRITTEN_BY.get(facts.format, "the operating system writes it into folders")
    return f"{facts.format}: {written}; it holds {HOLDS[facts.format]}" + (
        f"; this one: {notes}" if notes else "") + "; a website never needs it"
