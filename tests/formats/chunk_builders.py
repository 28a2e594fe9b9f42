"""Builders for PNG, GIF and WebP test files: Pillow and piexif write what they
can, raw chunk and block writing does the rest (text after IDAT, GIF XMP, ...);
and the checks every one of these plugins must pass (strip, broken files).

The walkers here are deliberately simple and separate from the plugins under
test, so a bug in a plugin's walker cannot hide in its own test files.
"""

from __future__ import annotations

import functools
import io
import struct
import zlib

import piexif
import pytest
from jpeg_builders import gps_ifd
from PIL import Image

from schoollint.formats.model import KINDS, PREVIEW, MediaError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# --- EXIF and XMP payloads ---

def exif_with_gps(orientation: int | None = None, make: bytes = b"Pupilcam") -> bytes:
    """A TIFF-structured EXIF block (no "Exif\\0\\0" prefix) with GPS, Make and maybe Orientation."""
    zeroth = {piexif.ImageIFD.Make: make, piexif.ImageIFD.Artist: b"Jane Teacher"}
    if orientation is not None:
        zeroth[piexif.ImageIFD.Orientation] = orientation
    exif = {piexif.ExifIFD.DateTimeOriginal: b"2024:05:01 10:11:12"}
    dumped = piexif.dump({"0th": zeroth, "Exif": exif, "GPS": gps_ifd()})
    return dumped[6:] if dumped.startswith(b"Exif\0\0") else dumped


def xmp_packet(person: str = "Amelia Pupil", title: str = "Sports day") -> bytes:
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>{person}</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")


@functools.cache
def iptc_records(city: str = "Bristol", byline: str = "Jane Teacher") -> bytes:
    """IPTC IIM datasets 2:90 City and 2:80 By-line."""
    return b"".join(b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(text)) + text.encode()
                    for number, text in ((90, city), (80, byline)))


def photoshop_resources(iim: bytes) -> bytes:
    """One Photoshop image resource 0x0404 (IPTC) with an empty name, padded to even length."""
    return b"8BIM\x04\x04\0\0" + struct.pack(">I", len(iim)) + iim + b"\0" * (len(iim) & 1)


@functools.cache
def icc_profile() -> bytes:
    """One sRGB profile per run: lcms stamps each new one with the time of day."""
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def photo(mode: str = "RGB", size: tuple[int, int] = (40, 30), seed: int = 0) -> Image.Image:
    """A picture with distinct pixels everywhere, so any re-encoding would show."""
    width, height = size
    image = Image.new("RGB", size)
    image.putdata([((x * 7 + seed) % 256, (y * 11 + seed * 3) % 256, (x * y + seed) % 256)
                   for y in range(height) for x in range(width)])
    return image if mode == "RGB" else image.convert(mode)


def encode(image: Image.Image, format: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, format, **options)
    return out.getvalue()


def frames(data: bytes) -> list[tuple[bytes, dict]]:
    """Every frame's decoded pixels (as RGBA) with its timing info."""
    found = []
    with Image.open(io.BytesIO(data)) as image:
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            pixels = image.convert("RGBA").tobytes()    # WebP sets a frame's duration as it loads
            found.append((pixels, {key: image.info.get(key) for key in ("duration", "loop")}))
    return found


def decoded(data: bytes) -> tuple[str, bytes]:
    with Image.open(io.BytesIO(data)) as image:
        return image.mode, image.tobytes()


# --- PNG ---

def png_chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data.startswith(PNG_SIGNATURE)
    found, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack_from(">I4s", data, offset)
        found.append((kind, data[offset + 8:offset + 8 + length]))
        offset += 12 + length
    return found


def png_from_chunks(chunks: list[tuple[bytes, bytes]]) -> bytes:
    return PNG_SIGNATURE + b"".join(png_chunk(kind, payload) for kind, payload in chunks)


def png_insert(data: bytes, where: str, anchor: bytes, *new: tuple[bytes, bytes]) -> bytes:
    """Put chunks just "before" the first `anchor` chunk or "after" the last one."""
    chunks = png_chunks(data)
    types = [kind for kind, _ in chunks]
    index = types.index(anchor) if where == "before" else len(types) - types[::-1].index(anchor)
    return png_from_chunks(chunks[:index] + list(new) + chunks[index:])


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


# --- what every plugin here must pass ---

def stripped_by(plugin, data: bytes, kinds) -> bytes:
    """The plugin's strip of `data`, checked to hold none of `kinds` and to change nothing a second time."""
    result = plugin.strip(data, frozenset(kinds))
    assert plugin.strip(result, frozenset(kinds)) == result, "a second strip must change nothing"
    assert not plugin.read(result).of_kind(*kinds)
    return result


def assert_trailer_is_a_preview_item(plugin, image: bytes, trailer: bytes, other_kind: str):
    """Bytes after the image: one PREVIEW item, kept unless previews are stripped. Returns the item."""
    data = image + trailer
    [item] = plugin.read(data).of_kind(PREVIEW)
    assert item.value == f"{len(trailer)} bytes"
    assert plugin.strip(data, frozenset({other_kind})) == data
    assert stripped_by(plugin, data, {PREVIEW}) == image
    return item


def assert_every_truncation_is_refused(plugin, data: bytes) -> None:
    for cut in range(len(data)):
        with pytest.raises(MediaError):
            plugin.read(data[:cut])
        with pytest.raises(MediaError):
            plugin.strip(data[:cut], KINDS)


def assert_every_corrupted_byte_gives_facts_or_media_error(plugin, data: bytes) -> None:
    # Any other exception fails the test; so would a hang.
    for offset in range(len(data)):
        for flip in (0x01, 0x80, 0xFF):
            broken = bytearray(data)
            broken[offset] ^= flip
            try:
                plugin.read(bytes(broken))
                plugin.strip(bytes(broken), KINDS)
            except MediaError:
                pass
