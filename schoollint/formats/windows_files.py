"""Windows leftovers copied with a folder of photos or documents, each read by a small reader of
its own (folder_files recognises them by name; SL109 reports them).

- Office owner file `~$name.docx` (also .xlsx, .pptx...): Word, Excel and PowerPoint write it
  beside a document while it is open, to say who has it open, and leave it behind when they
  close badly. Its layout is not published by Microsoft; as Office writes it (162 or 165 bytes):
  a length byte, the user's name in the ANSI code page, padding to byte 54, then the name again
  in UTF-16LE after a 2-byte length. Recognised by that shape: the name in both encodings.
- `name:Zone.Identifier`: the NTFS alternate data stream (the "Mark of the Web") that browsers
  add to a download, which WSL and some copy tools turn into a file of that name on Linux. INI
  text, `[ZoneTransfer]` then ZoneId, and often ReferrerUrl (the page the file came from) and
  HostUrl (the download's address).
- `.lnk`: a Shell Link ([MS-SHLLINK] 2.1: header size 0x4C and the CLSID
  00021401-0000-0000-C000-000000000046). Its LinkInfo (2.3) holds the target's local path, as a
  rule under `C:\\Users\\<user name>\\`, and its TrackerDataBlock (2.5.10) the NetBIOS name of
  the machine that made it.

Each `read_*` returns (whether the content is what the name says, what was expected in words,
notes on what it holds): the notes name what is there, never a value (a user name, a URL).
Bounded: only the first MAX_BYTES are looked at. No errors raised.
"""

from __future__ import annotations

import re
import struct

OFFICE_OWNER = "Microsoft Office owner file (~$)"
ZONE_IDENTIFIER = "Windows download mark (Zone.Identifier)"
SHORTCUT = "Windows shortcut (.lnk)"
FORMATS = (OFFICE_OWNER, ZONE_IDENTIFIER, SHORTCUT)
HOLDS = {
    OFFICE_OWNER: "the name of the person who had the document open",
    ZONE_IDENTIFIER: "where the file was downloaded from",
    SHORTCUT: "the path of the file it points to on the computer that made it, often with a user's name, and that "
              "computer's name",
}
# Who leaves each in a folder, for the message (folder_files.describe).
WRITTEN_BY = {
    OFFICE_OWNER: "Word, Excel and PowerPoint write it beside a document they have open, and leave it behind",
    ZONE_IDENTIFIER: "Windows marks each download with it, and a copy to Linux or WSL turns the mark into a file",
    SHORTCUT: "Windows makes it as a link to a file on one computer",
}
MAX_BYTES = 1 << 16
# HeaderSize and the first field of LinkCLSID (its other 12 bytes are fixed too, but 8 bytes of
# magic are enough to tell a shortcut, and some writers get the rest wrong)
_LNK_MAGIC = struct.pack("<I", 0x4C) + bytes.fromhex("01140200")
_TRACKER = struct.pack("<II", 0x60, 0xA0000003)     # TrackerDataBlock: its size and signature
_USERS = re.compile(rb"[A-Za-z]:\\(?:Users|Documents and Settings)\\[^\\\0]+", re.IGNORECASE)
_ZONE_KEYS = {"referrerurl": "the page it was downloaded from (ReferrerUrl)",
              "hosturl": "the download's address (HostUrl)", "lastwritername": "the app that saved it (LastWriterName)"}


def kind(name: str) -> str | None:
    """The kind a file's last path component says it is, or None."""
    lower = name.lower()
    if name.startswith("~$") and len(name) > 2:
        return OFFICE_OWNER
    if lower.endswith(":zone.identifier"):
        return ZONE_IDENTIFIER
    return SHORTCUT if lower.endswith(".lnk") else None


def read(what: str, data) -> tuple[bool, str, tuple[str, ...]]:
    return _READERS[what](bytes(data[:MAX_BYTES]))


def _owner(data: bytes) -> tuple[bool, str, tuple[str, ...]]:
    """A length byte (1-53; not always the name's length), the name in printable characters padded
    with NULs to byte 54, and the name's first character again in UTF-16LE within the next 10 bytes."""
    told = "a user name (a length byte, the name, then the name in UTF-16), as Office writes an owner file"
    name = data[1:54].rstrip(b"\0 ").decode("latin-1")
    found = 0 < (data[0] if data else 0) < 54 and len(data) > 56 and name.strip() != "" and name.isprintable() \
        and name[0].encode("utf-16-le") in data[54:64]
    return found, told, ("holds a user name",) if found else ()


def _zone(data: bytes) -> tuple[bool, str, tuple[str, ...]]:
    told = "[ZoneTransfer]"
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
    text = data.decode(encoding, "replace").lstrip("\ufeff \t\r\n")
    if not text.startswith("[ZoneTransfer]"):
        return False, told, ()
    keys = [line.partition("=")[0].strip().lower() for line in text.splitlines() if "=" in line]
    return True, told, tuple(_ZONE_KEYS[key] for key in dict.fromkeys(keys) if key in _ZONE_KEYS)


def _shortcut(data: bytes) -> tuple[bool, str, tuple[str, ...]]:
    told = "the Shell Link header (MS-SHLLINK)"
    if not data.startswith(_LNK_MAGIC):
        return False, told, ()
    notes = []
    path = _local_path(data)
    if path is not None:
        notes.append("its target is in a user's folder (C:\\Users\\...), which names the user"
                     if _USERS.match(path) else "its target's path on the computer that made it")
    elif any(users in data for users in (b"\\Users\\", "\\Users\\".encode("utf-16-le"))):
        notes.append("a path in a user's folder (C:\\Users\\...), which names the user")
    if _TRACKER in data:
        notes.append("the name of the computer that made it (TrackerDataBlock)")
    return True, told, tuple(notes)


def _local_path(data: bytes) -> bytes | None:
    """LinkInfo's LocalBasePath (MS-SHLLINK 2.3), or None when the link has none or is damaged."""
    try:
        (flags,) = struct.unpack_from("<I", data, 20)
        at = 0x4C
        if flags & 0x1:                                         # HasLinkTargetIDList
            at += 2 + struct.unpack_from("<H", data, at)[0]
        if not flags & 0x2:                                     # HasLinkInfo
            return None
        _size, _header, info_flags, _volume, base = struct.unpack_from("<5I", data, at)
        if not info_flags & 0x1:                                # VolumeIDAndLocalBasePath
            return None
        start = at + base
        end = data.find(b"\0", start)
        return data[start:end] if start < len(data) and end > start else None
    except struct.error:
        return None


_READERS = {OFFICE_OWNER: _owner, ZONE_IDENTIFIER: _zone, SHORTCUT: _shortcut}
