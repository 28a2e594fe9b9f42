"""GIF: reader and lossless stripper.

GIF89a (CompuServe, 1990): header, logical screen descriptor, extension
blocks (comment 0xFE, application 0xFF: XMP DataXMP, ImageMagick 8BIM and
IPTC, NETSCAPE2.0 looping) and image descriptors.

A GIF is a header, a logical screen descriptor with an optional global colour
table, then blocks until the trailer byte: extensions (0x21) and images (0x2C).
Both carry their data as sub-blocks (a length byte, then that many bytes,
until a zero length), so every block is skipped by its sub-block lengths
without decoding any pixels.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import NamedTuple

from . import magic
from .chunks import kept_trailer, trailer_items
from .magic import GIF_SIGNATURES as SIGNATURES
from .model import FREE_TEXT, MediaError, MediaFacts, MetaItem, PartlyRead, Truncated, clip, complete

FORMAT = "GIF"
EXTENSIONS = (".gif",)
EXTENSION, IMAGE, TRAILER = 0x21, 0x2C, 0x3B
PLAIN_TEXT, COMMENT, APPLICATION = 0x01, 0xFE, 0xFF
ICC_APPLICATION = b"ICCRGBG1012"
# An XMP packet is stored raw, not in sub-blocks; a reader that walks it as
# sub-blocks lands in this "magic trailer" and is led down to the terminating
# zero (XMP specification part 3, GIF).
XMP_MAGIC_TRAILER = b"\x01" + bytes(range(255, -1, -1)) + b"\x00"
accept = magic.gif    # in formats/magic.py: the registry asks it without importing this module


class Block(NamedTuple):
    introducer: int    # EXTENSION, IMAGE or TRAILER
    label: int         # extension label; 0 for images and the trailer
    offset: int
    end: int


def blocks(data) -> Iterator[Block]:
    """Every block after the global colour table, up to and including the trailer; Truncated
    where the file ends before the trailer, MediaError where a block is corrupt."""
    size = len(data)
    if bytes(data[:6]) not in SIGNATURES:
        raise MediaError("GIF: the file does not start with a GIF signature")
    if size < 13:
        raise MediaError("GIF: the file ends inside its logical screen descriptor (truncated)")
    offset = 13 + _colour_table_length(data[10])
    while True:
        if offset >= size:
            raise Truncated(f"GIF: the file ends at offset {offset}, before the trailer (truncated)")
        introducer = data[offset]
        if introducer == TRAILER:
            yield Block(TRAILER, 0, offset, offset + 1)
            return
        if introducer == EXTENSION:
            if offset + 2 > size:
                raise Truncated(f"GIF: extension at offset {offset} runs past the end of the file")
            label = data[offset + 1]
            end = _skip_sub_blocks(data, offset + 2, f"extension 0x{label:02X} at offset {offset}")
            block = Block(EXTENSION, label, offset, end)
        elif introducer == IMAGE:
            # separator, left, top, width, height (2 bytes each), flags; colour table; LZW code size
            if offset + 10 > size:
                raise Truncated(f"GIF: image descriptor at offset {offset} runs past the end of the file")
            pixels = offset + 10 + _colour_table_length(data[offset + 9]) + 1
            block = Block(IMAGE, 0, offset, _skip_sub_blocks(data, pixels, f"image at offset {offset}"))
        else:
            raise MediaError(f"GIF: unknown block type 0x{introducer:02X} at offset {offset} (corrupt file)")
        yield block
        offset = block.end


def read(data) -> MediaFacts:
    """The facts; PartlyRead (with the facts of the whole blocks) for a file cut short after
    its first block, as a browser still shows the frames before the cut."""
    all_blocks, cut = complete(blocks(data))
    frames = 0
    items: list[MetaItem] = []
    notes: list[str] = []
    for block in all_blocks:
        if block.introducer == IMAGE:
            frames += 1
        elif block.introducer == EXTENSION:
            items.extend(metadata(data, block))
            if block.label == APPLICATION and _application_id(data, block) == ICC_APPLICATION:
                notes.append("ICC profile kept")
    items += trailer_items(data, block.end, FORMAT, "after the GIF trailer") if cut is None else []
    width, height = struct.unpack_from("<HH", data, 6)
    facts = MediaFacts(format=FORMAT, width=width, height=height, frames=max(frames, 1),
                       items=tuple(items), notes=tuple(notes))
    if cut is not None:
        raise PartlyRead(str(cut), facts)
    return facts


def strip(data, kinds: frozenset[str]) -> bytes:
    """Drop every extension holding an item of `kinds`; copy all other bytes as they are. In a
    file cut short, every byte from the cut block on is copied as it was (never lose a photo)."""
    all_blocks, cut = complete(blocks(data))
    kept = [bytes(data[:all_blocks[0].offset])]     # header, screen descriptor, global colour table
    for block in all_blocks:
        if not any(item.kind in kinds for item in metadata(data, block)):
            kept.append(bytes(data[block.offset:block.end]))
    end = all_blocks[-1].end
    return b"".join(kept) + (kept_trailer(data, end, kinds) if cut is None else bytes(data[end:]))


def metadata(data, block: Block) -> tuple[MetaItem, ...]:
    """The items an extension holds; graphic control, loop count and images hold none."""
    reader = _EXTENSION_READERS.get(block.label) if block.introducer == EXTENSION else None
    return reader(data, block) if reader else ()


def _colour_table_length(flags: int) -> int:
    # flags bit 7: a table follows; bits 0-2: it has 2 ** (n + 1) RGB entries
    return 3 << ((flags & 7) + 1) if flags & 0x80 else 0


def _skip_sub_blocks(data, offset: int, what: str) -> int:
    """The offset just past the zero-length sub-block that ends a run of sub-blocks."""
    size = len(data)
    while True:
        if offset >= size:
            raise Truncated(f"GIF: {what} runs past the end of the file")
        length = data[offset]
        offset += 1 + length
        if length == 0:
            return offset


def _sub_block_data(data, offset: int, end: int) -> bytes:
    """The bytes of the sub-blocks from `offset` (already bounded by _skip_sub_blocks)."""
    parts = []
    while offset < end and data[offset]:
        length = data[offset]
        parts.append(bytes(data[offset + 1:offset + 1 + length]))
        offset += 1 + length
    return b"".join(parts)


def _sub_block_text(data, offset: int, end: int) -> str:
    # The specification says 7-bit ASCII; writers use UTF-8 or Latin-1 all the same.
    from .iptc import decode_text

    return clip(decode_text(_sub_block_data(data, offset, end)))


# --- extensions, by label (GIF89a specification, sections 23-26) ---

def _comment(data, block: Block) -> tuple[MetaItem, ...]:
    text = _sub_block_text(data, block.offset + 2, block.end)
    return (MetaItem(FREE_TEXT, "GIF comment", "comment extension", text),)


def _plain_text(data, block: Block) -> tuple[MetaItem, ...]:
    # The first sub-block is the 12-byte text grid; the text follows in the rest.
    grid_length = data[block.offset + 2]
    text = _sub_block_text(data, block.offset + 3 + grid_length, block.end)
    return (MetaItem(FREE_TEXT, "GIF plain text", "plain text extension", text),)


def _application(data, block: Block) -> tuple[MetaItem, ...]:
    identifier = _application_id(data, block)
    reader = _APPLICATION_READERS.get(identifier) if identifier is not None else None
    return reader(data, block) if reader else ()


def _application_id(data, block: Block) -> bytes | None:
    # The first sub-block: an 8-byte identifier and a 3-byte authentication code.
    if block.end - block.offset < 14 or data[block.offset + 2] != 11:
        return None
    return bytes(data[block.offset + 3:block.offset + 14])


def _xmp(data, block: Block) -> tuple[MetaItem, ...]:
    from .xmp import parse_xmp

    raw = bytes(data[block.offset + 14:block.end])
    packet = raw[:-len(XMP_MAGIC_TRAILER)] if raw.endswith(XMP_MAGIC_TRAILER) else raw[:-1]
    return tuple(parse_xmp(packet, "XMP application extension"))


def _photoshop(data, block: Block) -> tuple[MetaItem, ...]:
    from .embedded import parse_photoshop

    resources = _sub_block_data(data, block.offset + 14, block.end)
    return tuple(parse_photoshop(resources, "ImageMagick 8BIM application extension"))


def _iptc(data, block: Block) -> tuple[MetaItem, ...]:
    from .iptc import parse_iim

    records = _sub_block_data(data, block.offset + 14, block.end)
    return tuple(parse_iim(records, "ImageMagick IPTC application extension"))


_EXTENSION_READERS = {
    PLAIN_TEXT: _plain_text,
    COMMENT: _comment,
    APPLICATION: _application,
}

# NETSCAPE2.0 / ANIMEXTS1.0 (loop count) and ICCRGBG1012 (colour profile) are kept.
_APPLICATION_READERS = {
    b"XMP DataXMP": _xmp,
    b"MGK8BIM0000": _photoshop,    # ImageMagick writes a JPEG's Photoshop and IPTC profiles so
    b"MGKIPTC0000": _iptc,
}
