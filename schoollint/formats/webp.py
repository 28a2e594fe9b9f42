"""WebP: reader and lossless stripper.

WebP Image File Format, RFC 9649: the RIFF container, simple and extended
(VP8X) layouts, ICCP, ANIM/ANMF, EXIF (CIPA DC-008) and XMP chunks.

A WebP is a RIFF container: "RIFF", a 4-byte little-endian size, "WEBP", then
chunks (fourcc, 4-byte size, payload, one pad byte when the size is odd).
Simple files hold one VP8 (lossy) or VP8L (lossless) chunk; extended files
start with VP8X, whose flags say which of ICCP, ANIM/ANMF, EXIF and XMP
follow. Only VP8X, the bitstream headers and the metadata payloads are read.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from . import magic
from .chunks import Chunk, Contents, c2pa_contents, exif_contents, kept_chunks, kept_trailer, metadata, trailer_items
from .model import MediaError, MediaFacts, PartlyRead, Truncated, complete

FORMAT = "WebP"
EXTENSIONS = (".webp",)
# VP8X flag bits (WebP container specification, "Extended File Format").
ICC_FLAG, ALPHA_FLAG, EXIF_FLAG, XMP_FLAG, ANIMATION_FLAG = 0x20, 0x10, 0x08, 0x04, 0x02
accept = magic.webp    # in formats/magic.py: the registry asks it without importing this module


def riff_end(data) -> int:
    """Where the RIFF container ends by its header: past the end of a file cut short."""
    if len(data) < 12 or not accept(bytes(data[:12])):
        raise MediaError("WebP: the file does not start with a RIFF WEBP header")
    return 8 + struct.unpack_from("<I", data, 4)[0]


def chunks(data) -> Iterator[Chunk]:
    """Every chunk of the RIFF container; Truncated where the file ends before the container
    does, MediaError where a chunk runs past the container's declared end."""
    declared = riff_end(data)
    end = min(declared, len(data))
    offset = 12
    while offset < declared:
        # A writer may leave out the pad byte of the last chunk: only the payload must fit.
        header = offset + 8
        if header <= end:
            fourcc, length = struct.unpack_from("<4sI", data, offset)
            chunk = Chunk(fourcc, offset, length, end=header + length + (length & 1))   # fourcc, size, payload, pad
            if header + length <= end:
                yield chunk
                offset = chunk.end
                continue
        what = "the chunk header" if header > end else f"chunk {chunk.name}"
        if end < declared:
            raise Truncated(f"WebP: the RIFF container claims {declared} bytes but the file has {len(data)} "
                            f"(truncated): {what} at offset {offset} is cut short")
        raise MediaError(f"WebP: {what} at offset {offset} runs past the end of the "
                         f"{'RIFF container' if header > end else 'file'}")


def read(data) -> MediaFacts:
    """The facts; PartlyRead (with the facts of the whole chunks) for a file cut short after its
    first chunk."""
    all_chunks, cut = complete(chunks(data))
    width = height = None
    frames = 0
    notes: list[str] = []
    for chunk in all_chunks:
        size_reader = _CANVAS_READERS.get(chunk.fourcc)
        if size_reader is not None and width is None:
            width, height = size_reader(chunk.payload(data, limit=10), chunk)
        elif chunk.fourcc == b"ANMF":
            frames += 1
        elif chunk.fourcc == b"ICCP":
            notes.append("ICC profile kept")
    items, orientation = metadata(data, all_chunks, _METADATA_READERS)
    items += trailer_items(data, riff_end(data), FORMAT, "after the RIFF container") if cut is None else []
    facts = MediaFacts(format=FORMAT, width=width, height=height, orientation=orientation,
                       frames=max(frames, 1), items=tuple(items), notes=tuple(notes))
    if cut is not None:
        raise PartlyRead(str(cut), facts)
    return facts


def strip(data, kinds: frozenset[str]) -> bytes:
    """Drop every chunk holding an item of `kinds`, keep VP8X flags true; all else byte for byte.
    In a file cut short, the bytes from the cut chunk on are copied as they were, and the RIFF
    size still claims as many bytes more than the file holds as it did (never lose a photo)."""
    all_chunks, cut = complete(chunks(data))
    kept = list(kept_chunks(data, all_chunks, _METADATA_READERS, kinds, b"EXIF", make_chunk))
    present = {chunk.fourcc for chunk, _ in kept}
    body = b"".join(_with_flags(chunk, whole, present) if chunk.fourcc == b"VP8X" else whole
                    for chunk, whole in kept)
    if cut is None:
        return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body + kept_trailer(data, riff_end(data), kinds)
    missing = riff_end(data) - len(data)
    body += bytes(data[all_chunks[-1].end:])
    return b"RIFF" + struct.pack("<I", 4 + len(body) + missing) + b"WEBP" + body


def make_chunk(fourcc: bytes, payload: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(payload)) + payload + b"\0" * (len(payload) & 1)


def _with_flags(chunk: Chunk, vp8x: bytes, present: set[bytes]) -> bytes:
    # Flags byte follows the 8-byte chunk header: EXIF and XMP bits say whether those chunks are there.
    if chunk.length < 10:
        raise _short(chunk, 10)
    flags = vp8x[8] & ~(EXIF_FLAG | XMP_FLAG)
    flags |= EXIF_FLAG if b"EXIF" in present else 0
    flags |= XMP_FLAG if b"XMP " in present else 0
    return vp8x[:8] + bytes([flags]) + vp8x[9:]


# --- canvas size: VP8X for extended files, else the bitstream's own header ---

def _short(chunk: Chunk, need: int) -> MediaError:
    return MediaError(f"WebP: chunk {chunk.name} at offset {chunk.offset} is too short for its header "
                      f"({chunk.length} bytes, needs {need})")


def _vp8x_size(head: bytes, chunk: Chunk) -> tuple[int, int]:
    # flags(1) reserved(3) canvas width - 1 (24 bits) canvas height - 1 (24 bits)
    if len(head) < 10:
        raise _short(chunk, 10)
    return (int.from_bytes(head[4:7], "little") + 1, int.from_bytes(head[7:10], "little") + 1)


def _vp8_size(head: bytes, chunk: Chunk) -> tuple[int, int]:
    # frame tag(3) start code 9D 01 2A, then 14-bit width and height (2 scale bits above each)
    if len(head) < 10:
        raise _short(chunk, 10)
    if head[3:6] != b"\x9d\x01\x2a":
        raise MediaError(f"WebP: chunk VP8 at offset {chunk.offset} lacks the VP8 start code (corrupt file)")
    width, height = struct.unpack_from("<HH", head, 6)
    return width & 0x3FFF, height & 0x3FFF


def _vp8l_size(head: bytes, chunk: Chunk) -> tuple[int, int]:
    # signature 0x2F, then 14 bits of width - 1 and 14 bits of height - 1
    if len(head) < 5:
        raise _short(chunk, 5)
    if head[0] != 0x2F:
        raise MediaError(f"WebP: chunk VP8L at offset {chunk.offset} lacks the VP8L signature (corrupt file)")
    bits = int.from_bytes(head[1:5], "little")
    return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1


_CANVAS_READERS = {
    b"VP8X": _vp8x_size,
    b"VP8 ": _vp8_size,
    b"VP8L": _vp8l_size,
}


# --- metadata chunks ---

def _exif(payload: bytes, chunk: Chunk) -> Contents:
    return exif_contents(payload, "EXIF chunk")


def _xmp(payload: bytes, chunk: Chunk) -> Contents:
    from .xmp import parse_xmp

    return Contents(tuple(parse_xmp(payload, "XMP chunk")))


_METADATA_READERS = {
    b"EXIF": _exif,
    b"XMP ": _xmp,
    b"C2PA": c2pa_contents,     # C2PA 2.1 section A.3.5 (content credentials in WebP)
}
