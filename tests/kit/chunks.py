"""PNG, GIF and WebP test data, built chunk by chunk and block by block: PNG chunks (PNG third
edition, 5.3), GIF89a extension blocks and sub-blocks, WebP's RIFF chunks (RFC 9649).

Pillow writes what it can (see `tests.kit.images.encode`); raw writing does the rest (text after
IDAT, GIF XMP, ...). The walkers here are deliberately simple and separate from the plugins under
test, so a bug in a plugin's walker cannot hide in its own test files.
"""

from __future__ import annotations

import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# --- PNG ---

def png_chunk(kind: bytes, payload: bytes) -> bytes:
    """One chunk: length, type, data, CRC-32 over type and data."""
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, data) of every chunk, in file order."""
    assert data.startswith(PNG_SIGNATURE)
    found, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack_from(">I4s", data, offset)
        found.append((kind, data[offset + 8:offset + 8 + length]))
        offset += 12 + length
    return found


def png_chunk_types(data: bytes) -> list[bytes]:
    """The type of every chunk, in file order."""
    return [kind for kind, _ in png_chunks(data)]


def png_from_chunks(chunks: list[tuple[bytes, bytes]]) -> bytes:
    return PNG_SIGNATURE + b"".join(png_chunk(kind, payload) for kind, payload in chunks)


def png_insert(data: bytes, where: str, anchor: bytes, *new: tuple[bytes, bytes]) -> bytes:
    """Put chunks just "before" the first `anchor` chunk or "after" the last one."""
    chunks = png_chunks(data)
    types = [kind for kind, _ in chunks]
    index = types.index(anchor) if where == "before" else len(types) - types[::-1].index(anchor)
    return png_from_chunks(chunks[:index] + list(new) + chunks[index:])


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a size; its pixels would never fit in memory."""
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return png_from_chunks([(b"IHDR", ihdr), (b"IDAT", zlib.compress(b"\0" * 64)), (b"IEND", b"")])


def text_chunk(keyword: str, text: str) -> tuple[bytes, bytes]:
    return b"tEXt", keyword.encode("latin-1") + b"\0" + text.encode("latin-1")


def ztxt_chunk(keyword: str, text: bytes) -> tuple[bytes, bytes]:
    return b"zTXt", keyword.encode("latin-1") + b"\0\0" + zlib.compress(text)


def itxt_chunk(keyword: str, text: bytes, compressed: bool = False) -> tuple[bytes, bytes]:
    body = zlib.compress(text) if compressed else text
    return b"iTXt", keyword.encode("latin-1") + b"\0" + bytes([compressed, 0]) + b"en\0\0" + body


def raw_profile(name: str, payload: bytes) -> bytes:
    """ImageMagick's hex dump of a profile in a text chunk: name, byte count, 72-digit lines."""
    digits = payload.hex()
    lines = "\n".join(digits[i:i + 72] for i in range(0, len(digits), 72))
    return f"\n{name}\n{len(payload):8d}\n{lines}\n".encode("ascii")


# --- GIF ---

def sub_blocks(payload: bytes) -> bytes:
    return b"".join(bytes([len(part)]) + part
                    for part in (payload[i:i + 255] for i in range(0, len(payload), 255))) + b"\0"


def gif_comment(text: bytes) -> bytes:
    return b"\x21\xfe" + sub_blocks(text)


def gif_plain_text(text: bytes) -> bytes:
    grid = struct.pack("<4H4B", 0, 0, 40, 8, 8, 8, 1, 0)
    return b"\x21\x01" + bytes([len(grid)]) + grid + sub_blocks(text)


def gif_xmp(packet: bytes) -> bytes:
    """XMP stored raw after the application id, then the 258-byte magic trailer (XMP spec part 3)."""
    return b"\x21\xff\x0bXMP DataXMP" + packet + b"\x01" + bytes(range(255, -1, -1)) + b"\x00"


def gif_screen_end(data: bytes) -> int:
    flags = data[10]
    return 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)


def gif_insert(data: bytes, *blocks: bytes, at: int | None = None) -> bytes:
    """Insert blocks at `at` (default: right after the global colour table)."""
    at = gif_screen_end(data) if at is None else at
    return data[:at] + b"".join(blocks) + data[at:]


# --- WebP ---

def riff_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    found, offset, end = [], 12, 8 + struct.unpack_from("<I", data, 4)[0]
    while offset < end:
        fourcc, length = struct.unpack_from("<4sI", data, offset)
        found.append((fourcc, data[offset + 8:offset + 8 + length]))
        offset += 8 + length + (length & 1)
    return found


def riff_chunk(fourcc: bytes, payload: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(payload)) + payload + b"\0" * (len(payload) & 1)


def webp_from_chunks(chunks: list[tuple[bytes, bytes]]) -> bytes:
    body = b"".join(riff_chunk(fourcc, payload) for fourcc, payload in chunks)
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body
