"""TIFF: facts from the IFD chain, and a strip that never touches pixel data.

TIFF 6.0 (Adobe, 1992), sections 2 and 3: the IFD chain (read with ifd.py),
its strips and tiles; the EXIF, GPS, XMP, IPTC and Photoshop tags as CIPA
DC-008 and exif.py read them. BigTIFF is recognised and refused (MediaError).

A strip writes a new copy of each IFD that loses entries, at the end of the
file, and points the header (or the IFD before) at it. The old table and the
values only the dropped entries used are then overwritten with zeros, so the
data is gone and not merely unreferenced; bytes any kept entry still uses,
pixel strips and tiles above all, are left exactly as they were.
"""

from __future__ import annotations

import struct

from . import magic
from .embedded import entry_items, parse_exif
from .exif import POINTERS
from .ifd import Entry, byte_order, integers, read_ifd
from .magic import TIFF_BIG as _BIG
from .model import PREVIEW, MediaError, MediaFacts, MetaItem, PartlyRead, Truncated

FORMAT = "TIFF"
# TIFF, and the camera RAW formats built on it (Adobe DNG, Canon CR2, Nikon NEF/NRW, Sony
# ARW/SR2/SRF, Pentax PEF, Samsung SRW, Hasselblad 3FR, Epson ERF, Kodak DCR/KDC, Leaf MOS, Phase One IIQ).
EXTENSIONS = (".tif", ".tiff", ".dng", ".cr2", ".nef", ".nrw", ".arw", ".sr2", ".srf", ".pef", ".srw", ".3fr",
              ".erf", ".dcr", ".kdc", ".mos", ".iiq")
_WHERE = "TIFF"
# (offsets tag, byte counts tag): strips, tiles and a JPEG thumbnail.
_IMAGE_DATA = ((0x0111, 0x0117), (0x0144, 0x0145), (0x0201, 0x0202))
accept = magic.tiff    # in formats/magic.py: the registry asks it without importing this module


def _order(data) -> str:
    if bytes(data[:4]) in _BIG:
        raise MediaError("TIFF: BigTIFF files are not supported")
    return byte_order(data, _WHERE)


def _chain(data, order: str) -> list[tuple[int, list[Entry], int]]:
    """(IFD offset, entries, position of its next-IFD pointer) for every IFD in the main chain."""
    chain: list[tuple[int, list[Entry], int]] = []
    seen: set[int] = set()
    (offset,) = struct.unpack_from(order + "I", data, 4) if len(data) >= 8 else (0,)
    while offset:
        if offset in seen:
            raise MediaError(f"TIFF: the IFD chain loops back to offset {offset}")
        seen.add(offset)
        entries, next_ifd = read_ifd(data, order, offset, _WHERE, f"IFD{len(chain)}")
        chain.append((offset, entries, offset + 2 + 12 * len(entries)))
        offset = next_ifd
    return chain


def read(data) -> MediaFacts:
    """The facts; PartlyRead (with them) when a page's pixels run past the end of the file, as a
    file cut short does: its tables come first, so what they hold is still reported."""
    order = _order(data)
    info = parse_exif(data, _WHERE)
    chain = _chain(data, order)
    items = list(info.items)
    if len(chain) > 1 and not _reduced(data, order, chain[1][1]):
        # IFD1 of a TIFF is its second page, a preview only when marked reduced-resolution.
        items = [item for item in items if item.field != "EXIF thumbnail"]
    for page, (_, entries, _) in enumerate(chain[2:], start=3):   # parse_exif covered IFD0 and IFD1
        if _reduced(data, order, entries):
            items.append(MetaItem(PREVIEW, "TIFF reduced-resolution preview", _WHERE, f"image {page}"))
        items += [item for entry in entries for item in entry_items(data, entry, _WHERE)]
    notes = (f"TIFF with {len(chain)} images",) if len(chain) > 1 else ()
    facts = MediaFacts(format=FORMAT, width=info.width, height=info.height, orientation=info.orientation,
                       items=tuple(items), notes=notes)
    try:
        for _, entries, _ in chain:      # every page: a page whose pixels are gone is a damaged file
            _check_pixels_inside(data, order, entries)
    except Truncated as cut:
        raise PartlyRead(str(cut), facts) from None
    return facts


def _reduced(data, order: str, entries: list[Entry]) -> bool:
    """Whether an IFD is a reduced-resolution copy of another (TIFF 6.0 section 8: NewSubfileType
    bit 0, or the old SubfileType 2): a preview. Any other image is a page the user sees."""
    by_tag = {entry.tag: entry for entry in entries}
    new = integers(data, order, by_tag[0x00FE]) if 0x00FE in by_tag else ()
    old = integers(data, order, by_tag[0x00FF]) if 0x00FF in by_tag else ()
    return bool(new and int(new[0]) & 1) or bool(old and old[0] == 2)


def _check_pixels_inside(data, order: str, entries: list[Entry]) -> None:
    """A truncated file loses its pixels first: say so rather than report on half a photo."""
    by_tag = {entry.tag: entry for entry in entries}
    for offsets_tag, counts_tag in _IMAGE_DATA[:2]:    # strips and tiles, not the thumbnail
        if offsets_tag in by_tag and counts_tag in by_tag:
            pairs = zip(integers(data, order, by_tag[offsets_tag]), integers(data, order, by_tag[counts_tag]),
                        strict=False)
            for start, count in pairs:
                if start + count > len(data):
                    raise Truncated(f"TIFF: image data at offset {start} ({count} bytes) runs past the end "
                                     f"of the {len(data)}-byte file (the file is truncated)")


def _extents(data, order: str, entries: list[Entry], seen: set[int]) -> list[tuple[int, int]]:
    """Byte ranges the entries use: values stored apart, sub-IFDs with theirs, image data."""
    ranges = [(entry.offset, entry.offset + entry.size)
              for entry in entries if entry.size > 4 and entry.offset >= 0]
    by_tag = {entry.tag: entry for entry in entries}
    for tag in POINTERS:
        pointed = integers(data, order, by_tag[tag]) if tag in by_tag else ()
        if pointed and pointed[0] not in seen:
            seen.add(pointed[0])
            try:
                sub, _ = read_ifd(data, order, pointed[0], _WHERE, POINTERS[tag])
            except MediaError:
                continue   # a damaged link leads to no table whose bytes we could keep or blank
            ranges.append((pointed[0], pointed[0] + 2 + 12 * len(sub) + 4))
            ranges += _extents(data, order, sub, seen)
    for offsets_tag, counts_tag in _IMAGE_DATA:
        if offsets_tag in by_tag and counts_tag in by_tag:
            starts, counts = integers(data, order, by_tag[offsets_tag]), integers(data, order, by_tag[counts_tag])
            ranges += [(start, min(start + count, len(data)))
                       for start, count in zip(starts, counts, strict=False) if 0 <= start < len(data) and count > 0]
    return ranges


def strip(data, kinds: frozenset[str]) -> bytes:
    """The file with every entry holding an item of `kinds` dropped (module docstring). A file cut
    short is refused: the new tables go at the end, which would land inside its missing pixels."""
    order = _order(data)
    chain = _chain(data, order)
    try:
        for _, entries, _ in chain:
            _check_pixels_inside(data, order, entries)
    except Truncated as cut:
        raise MediaError(f"{cut}; a TIFF cut short is not rewritten (export the photo again)") from None
    out = bytearray(data)
    dropped: list[tuple[int, int]] = []
    kept: list[tuple[int, int]] = []
    links: dict[int, int] = {}                # pointer position -> the IFD offset it must hold
    link_at = 4                               # the pointer that leads to the IFD being handled
    for index, (offset, entries, next_at) in enumerate(chain):
        table = (offset, next_at + 4)
        if index and PREVIEW in kinds and _reduced(data, order, entries):   # a preview; pages stay
            # the IFD before it now leads to the one after it (or ends the chain)
            links[link_at] = chain[index + 1][0] if index + 1 < len(chain) else 0
            dropped += [table] + _extents(data, order, entries, set())
            continue
        drop = [entry for entry in entries
                if any(item.kind in kinds for item in entry_items(data, entry, _WHERE))]
        keep = [entry for entry in entries if entry not in drop]
        kept += _extents(data, order, keep, set())
        if not drop:
            kept.append(table)
            link_at = next_at
            continue
        dropped += [table] + _extents(data, order, drop, set())
        out += b"\0" * (len(out) & 1)        # IFDs start on a word boundary
        new_offset = len(out)
        out += struct.pack(order + "H", len(keep)) + b"".join(data[e.position:e.position + 12] for e in keep)
        out += data[next_at:next_at + 4]
        links[link_at] = new_offset
        link_at = len(out) - 4
    for start, end in dropped:
        out[start:end] = bytes(end - start)
    for start, end in kept:                  # values shared with kept entries stay
        out[start:end] = data[start:end]
    for position, offset in links.items():
        struct.pack_into(order + "I", out, position, offset)
    return bytes(out)
