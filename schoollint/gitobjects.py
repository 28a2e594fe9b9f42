"""Blobs read straight from Git's object database: loose objects and pack entries, deltas too.

Formats: gitrepository-layout(5) (`objects/<2 hex>/<rest>`, `objects/pack/`,
`objects/info/alternates`); a loose object is zlib-deflated `<type> <size>` NUL
contents; gitformat-pack(5) gives the pack index version 2 (fan-out table, sorted
object names, CRCs, 31-bit offsets with an 8-byte table for larger ones) and the
pack entry (type and inflated size in a varint, then the zlib stream).

Why not only `git cat-file --batch`: a photo is incompressible, so inflating it is
Huffman decoding of every byte; git does that with the system zlib (about 150 MB/s
measured here) and then copies every byte through a pipe. libdeflate (the `deflate`
wheel) inflates the same stream over twice as fast, straight into a buffer of the
size the object's own header states, and a worker needs no git process.

A pack may store a blob as a delta of another (git keeps the newest version
whole, so a photo replaced by its stripped version is a delta of that version):
deltas are resolved here too, through at most MAX_DEPTH bases. This reader
answers only what it can answer exactly: an object in no pack or loose file it
sees, an index of another version, a chain too deep, an inflated size or zlib
checksum that does not match, a delta that does not fit its base: all give None,
and the caller asks git, which also says what is missing or damaged.
"""

from __future__ import annotations

import mmap
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

IDX_MAGIC = b"\xfftOc"      # pack index version 2 and later (version 1 has no magic)
BLOB, OFS_DELTA, REF_DELTA = 3, 6, 7   # pack entry types (OBJ_BLOB, OBJ_OFS_DELTA, OBJ_REF_DELTA)
MAX_DEPTH = 64              # delta bases followed; git writes chains of at most pack.depth (50)
RECENT, RECENT_BYTES = 8, 64 << 20   # entries read lately, kept for the deltas based on them
HEADER_MAX = 64             # `blob <size>` NUL fits in far fewer bytes


@dataclass(frozen=True)
class Place:
    """Where a repository keeps its objects: its object folders (its own, then alternates)
    and the length of an object name in bytes (20 for SHA-1, 32 for SHA-256)."""

    folders: tuple[str, ...]
    hash_size: int


def place(root: Path) -> Place:
    """The object folders of the repository at `root` (following info/alternates, as git
    does, to depth 5) and its hash length. Raises GitError when git cannot say."""
    from .gitlog import git

    object_format, objects = git(root, "rev-parse", "--show-object-format", "--git-path", "objects").split("\n")[:2]
    folders: list[str] = []
    pending = [(root / objects).resolve()]
    while pending and len(folders) < 6:
        folder = pending.pop(0)
        if str(folder) in folders or not folder.is_dir():
            continue
        folders.append(str(folder))
        alternates = folder / "info" / "alternates"
        if alternates.is_file():
            for line in alternates.read_text("utf-8", "surrogateescape").splitlines():
                if line.strip() and not line.startswith("#"):
                    pending.append((folder / line.strip()).resolve())
    return Place(tuple(folders), 32 if object_format.strip() == "sha256" else 20)


def inflate(stream, size: int) -> bytes | bytearray | None:
    """The `size` bytes a zlib stream (RFC 1950; trailing bytes ignored) inflates to, or None
    when it inflates to anything else or is damaged. Never allocates more than size + 1 bytes,
    A stream longer than any encoder writes (9 bits a byte, plus headers) counts as damaged."""
    stream = stream[:size + size // 8 + 1024]
    try:
        from deflate import DeflateError, zlib_decompress
    except ImportError:  # installed without the wheel: the standard zlib, about half as fast
        return _zlib_inflate(stream, size)
    if not size:
        return _zlib_inflate(stream, size)
    try:
        inflated = zlib_decompress(stream, size)
    except DeflateError:
        return None
    return inflated if len(inflated) == size else None


def _zlib_inflate(stream, size: int) -> bytes | None:
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(stream, size + 1)
    except zlib.error:
        return None
    return data if inflater.eof and len(data) == size else None


class Store:
    """Blobs of one repository by name, read without git; `blob` gives None when git must be asked.

    Opened per job and closed after it (a context manager): the pack list is read when opened,
    so a pack written since the last job is seen."""

    def __init__(self, where: Place, max_size: int):
        self.where, self.max_size = where, max_size
        self._packs: list[tuple[mmap.mmap, str]] | None = None
        self._open: dict[str, mmap.mmap] = {}
        self._recent: dict[tuple[str, int], bytes] = {}

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        for view in [*(index for index, _pack in self._packs or []), *self._open.values()]:
            view.close()

    def blob(self, oid: str) -> bytes | None:
        try:
            name = bytes.fromhex(oid)
        except ValueError:
            return None
        if len(name) != self.where.hash_size:
            return None
        try:
            for folder in self.where.folders:
                loose = Path(folder, oid[:2], oid[2:])
                if loose.is_file():
                    return self._loose(loose)
            return self._packed(name)
        except (OSError, ValueError, IndexError, struct.error, zlib.error):
            return None

    def _loose(self, path: Path) -> bytes | None:
        raw = path.read_bytes()
        head = zlib.decompressobj().decompress(raw, HEADER_MAX)
        kind, _, rest = head.partition(b" ")
        size_text, nul, _ = rest.partition(b"\0")
        if kind != b"blob" or not nul or not size_text.isdigit() or int(size_text) > self.max_size:
            return None
        start = len(kind) + 1 + len(size_text) + 1
        whole = inflate(raw, start + int(size_text))
        return None if whole is None else bytes(memoryview(whole)[start:])

    def _indexes(self) -> list[tuple[mmap.mmap, str]]:
        if self._packs is None:
            self._packs = []
            for folder in self.where.folders:
                packs = Path(folder, "pack")
                names = sorted(os.listdir(packs)) if packs.is_dir() else []
                for name in names:
                    pack = packs / (name[:-4] + ".pack")
                    if name.endswith(".idx") and pack.is_file():
                        with open(packs / name, "rb") as handle:
                            view = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
                        if view[:8] == IDX_MAGIC + b"\0\0\0\2":
                            self._packs.append((view, str(pack)))
                        else:
                            view.close()
        return self._packs

    def _entry(self, pack: str, offset: int, depth: int = 0) -> bytes | None:
        """The blob stored at `offset` of `pack`, whole or as a delta (OFS_DELTA: its base earlier
        in the same pack; REF_DELTA: its base named), resolved to at most MAX_DEPTH bases."""
        if (pack, offset) in self._recent:
            return self._recent[(pack, offset)]
        view = self._open.get(pack)
        if view is None:
            with open(pack, "rb") as handle:
                view = self._open[pack] = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        start, byte = offset, view[offset]
        kind, size, shift, offset = (byte >> 4) & 7, byte & 15, 4, offset + 1
        while byte & 0x80:
            byte = view[offset]
            size, shift, offset = size | (byte & 0x7F) << shift, shift + 7, offset + 1
        if kind == OFS_DELTA:
            byte = view[offset]
            back, offset = byte & 0x7F, offset + 1
            while byte & 0x80:
                byte = view[offset]
                back, offset = ((back + 1) << 7) | (byte & 0x7F), offset + 1
            base = self._entry(pack, start - back, depth + 1) if depth < MAX_DEPTH and 0 < back <= start else None
        elif kind == REF_DELTA:
            name, offset = view[offset:offset + self.where.hash_size], offset + self.where.hash_size
            base = self._packed(name, depth + 1) if depth < MAX_DEPTH else None
        elif kind != BLOB or size > self.max_size:   # another kind of object, or a blob too large
            return None
        with memoryview(view) as whole:
            data = inflate(whole[offset:], size)
        if kind != BLOB:
            data = None if data is None or base is None else apply_delta(base, data, self.max_size)
        if data is None:
            return None
        found = bytes(data)   # bytes, as every reader expects: one copy
        if len(found) <= RECENT_BYTES // RECENT:   # a base met again (a chain, or two versions of one photo)
            self._recent = {**dict(list(self._recent.items())[-(RECENT - 1):]), (pack, start): found}
        return found

    def _packed(self, name: bytes, depth: int = 0) -> bytes | None:
        for index, pack in self._indexes():
            offset = _find(index, name, self.where.hash_size)
            if offset is not None:
                return self._entry(pack, offset, depth)
        return None


def apply_delta(base: bytes, delta, max_size: int) -> bytes | None:
    """A git delta (gitformat-pack(5), "Deltified representation") applied to `base`: the sizes
    of the base and the result (little-endian base-128), then instructions: copy (bit 7 set;
    bits 0-3 say which offset bytes follow, bits 4-6 which size bytes; size 0 means 0x10000)
    or insert (1-127 literal bytes). None when the delta does not fit its base or its own sizes."""
    position = 0

    def number() -> int:
        nonlocal position
        value = shift = 0
        while True:
            byte = delta[position]
            value, shift, position = value | (byte & 0x7F) << shift, shift + 7, position + 1
            if not byte & 0x80:
                return value

    if number() != len(base):
        return None
    size = number()
    if size > max_size:
        return None
    pieces, source = [], memoryview(base)
    while position < len(delta):
        command = delta[position]
        position += 1
        if command & 0x80:
            start = length = 0
            for bit in range(7):
                if command & (1 << bit):
                    value, position = delta[position], position + 1
                    if bit < 4:
                        start |= value << (8 * bit)
                    else:
                        length |= value << (8 * (bit - 4))
            length = length or 0x10000
            if start + length > len(base):
                return None
            pieces.append(source[start:start + length])
        elif command:
            pieces.append(delta[position:position + command])
            position += command
        else:   # reserved
            return None
    result = b"".join(pieces)
    return result if len(result) == size else None


def _find(index: mmap.mmap, name: bytes, hash_size: int) -> int | None:
    """The pack offset of object `name` in a version 2 pack index, or None (binary search
    between the fan-out bounds of its first byte)."""
    low = struct.unpack_from(">I", index, 8 + 4 * (name[0] - 1))[0] if name[0] else 0
    high = struct.unpack_from(">I", index, 8 + 4 * name[0])[0]
    count = struct.unpack_from(">I", index, 8 + 4 * 255)[0]
    names = 8 + 256 * 4
    while low < high:
        middle = (low + high) // 2
        found = index[names + middle * hash_size:names + (middle + 1) * hash_size]
        if found == name:
            offsets = names + count * (hash_size + 4)
            (offset,) = struct.unpack_from(">I", index, offsets + 4 * middle)
            if offset & 0x80000000:
                (offset,) = struct.unpack_from(">Q", index, offsets + 4 * count + 8 * (offset & 0x7FFFFFFF))
            return offset
        if found < name:
            low = middle + 1
        else:
            high = middle
    return None
