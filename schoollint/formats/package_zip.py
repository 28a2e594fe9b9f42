"""Writing a ZIP package (APPNOTE 6.3.x) whose unchanged members are copied as they are stored.

Python's zipfile can only write a member by compressing it again; a package fix changes a few
small XML parts, so inflating and deflating every picture and part again was most of the cost
of rewriting a letter (13 ms of 19 ms for a DOCX with two photos). Here each unchanged member's
compressed bytes are copied from the source (its local header says where they start; its
central directory entry, as zipfile read it, gives their length, CRC-32 and sizes), and only the
members given new bytes are compressed again, each with the method its source member had: stored
(method 0; an ODF package's first member, `mimetype`, must stay stored) or deflated (4.4.5,
method 8) at the level its general purpose flag bits 1-2 name (4.4.4: normal, maximum, fast,
super fast), so a fixed package is no larger than the original by more than what was removed (a
deflated JPEG written stored grew a newsletter from 224,731 to 251,592 bytes). A member of any
other method given new bytes is deflated at the normal level.

The archive written has no data descriptors (sizes and CRC go in the local header, 4.3.7), no
extra fields and no comments; names, order, dates, the UTF-8 name flag (bit 11) and the
attributes stay. A package that would need ZIP64 (4 GiB, 65,535 members) is a MediaError.
"""

from __future__ import annotations

import struct
import zipfile
import zlib

from .model import MediaError

_LOCAL = struct.Struct("<IHHHHHIIIHH")              # 4.3.7 local file header, without name and extra
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")      # 4.3.12 central directory header, without name
_END = struct.Struct("<IHHHHIIH")                   # 4.3.16 end of central directory record
_LIMIT = 0xFFFFFFFF
_KEPT_FLAGS = 0x0806       # bits 1-2 (the deflate option used) and 11 (names in UTF-8)
# 4.4.4 bits 1-2 of a deflated member -> the zlib level that option stands for: normal (zlib's
# default, 6), maximum, fast, super fast.
_LEVELS = {0: 6, 1: 9, 2: 2, 3: 1}


def stored_bytes(data, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes as stored in `data` (compressed, as they are): MediaError when its local
    header is not where the central directory says, or the data runs past the end."""
    offset = info.header_offset
    if data[offset:offset + 4] != b"PK\x03\x04" or offset + _LOCAL.size > len(data):
        raise MediaError(f"ZIP: member {info.filename} has no local header at offset {offset}")
    name_length, extra_length = struct.unpack_from("<HH", data, offset + 26)
    start = offset + _LOCAL.size + name_length + extra_length
    if start + info.compress_size > len(data):
        raise MediaError(f"ZIP: member {info.filename} runs past the end of the package")
    return bytes(data[start:start + info.compress_size])


def write(data, members: list[tuple[zipfile.ZipInfo, bytes | None]]) -> bytes:
    """The package of `members`, in order: (the source's entry, new uncompressed bytes), or
    (entry, None) to copy that member from `data` (the source package's bytes) as stored. New
    bytes keep the source member's method (stored, else deflated) and deflate level."""
    out, central = bytearray(), bytearray()
    for info, new in members:
        if new is None:
            body, method, crc, size = stored_bytes(data, info), info.compress_type, info.CRC, info.file_size
            flags = info.flag_bits & _KEPT_FLAGS
        else:
            body, crc, size = new, zlib.crc32(new), len(new)
            if info.compress_type == zipfile.ZIP_STORED:
                method, flags = zipfile.ZIP_STORED, info.flag_bits & 0x0800
            else:
                deflated = info.compress_type == zipfile.ZIP_DEFLATED   # else its bits 1-2 mean something else
                method, flags = zipfile.ZIP_DEFLATED, info.flag_bits & (_KEPT_FLAGS if deflated else 0x0800)
                packer = zlib.compressobj(_LEVELS[flags >> 1 & 3], zlib.DEFLATED, -15)
                body = packer.compress(new) + packer.flush()
        name = info.orig_filename.encode("utf-8" if flags & 0x0800 else "cp437")
        year, month, day, hour, minute, second = info.date_time
        time, date = hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day
        version = 20 if method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) else info.extract_version
        if max(len(out), len(body), size) >= _LIMIT:
            raise MediaError("ZIP: too large to rewrite (it would need ZIP64)")
        central += _CENTRAL.pack(0x02014B50, info.create_system << 8 | 20, version, flags, method, time, date,
                                 crc, len(body), size, len(name), 0, 0, 0, info.internal_attr,
                                 info.external_attr, len(out)) + name
        out += _LOCAL.pack(0x04034B50, version, flags, method, time, date, crc, len(body), size, len(name), 0)
        out += name + body
    if len(members) > 0xFFFF or len(out) + len(central) >= _LIMIT:
        raise MediaError("ZIP: too large to rewrite (it would need ZIP64)")
    end = _END.pack(0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)
