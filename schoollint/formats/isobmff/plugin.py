"""The ISO BMFF plugin: HEIC/HEIF and AVIF photos, MP4 and QuickTime MOV videos.

ISO/IEC 14496-12 (ISO base media file format): the file is a tree of boxes;
'ftyp' brands (section 4.3) tell HEIC/AVIF (ISO/IEC 23008-12) from MP4 and
MOV, and QuickTime files older than 'ftyp' start straight with 'moov',
'mdat', 'wide', 'free', 'skip' or 'pnot'. Photos keep Exif and XMP as items
of the top-level 'meta' box (heif.py); videos keep metadata in 'moov'
(movie.py, quicktime.py). The media data ('mdat') is never read, only
stepped over by its size.

Stripping blanks in place and never moves a byte: 'iloc', 'stco' and 'co64'
hold absolute file offsets, so a box that shrank would break every photo and
video after it. A flagged metadata box becomes a 'free' box of the same size,
its payload zeroed; a flagged Exif item becomes a minimal EXIF that keeps
Orientation, and a flagged XMP item an empty packet padded with spaces. A
strip that leaves a flagged item behind is a MediaError.
"""

from __future__ import annotations

from functools import lru_cache

from .. import magic
from ..model import MediaError, MediaFacts, PartlyRead, complete
from .boxes import Survey, boxes

FORMAT = "ISOBMFF"
EXTENSIONS = (".heic", ".heif", ".hif", ".avif", ".mp4", ".m4v", ".mov", ".3gp")

_BRAND_FORMATS = {b"heic": "HEIC", b"heix": "HEIC", b"heim": "HEIC", b"heis": "HEIC", b"hevc": "HEIC",
                  b"hevx": "HEIC", b"avif": "AVIF", b"avis": "AVIF"}
_GENERIC_IMAGE_BRANDS = (b"mif1", b"msf1", b"miaf")   # the codec is named among the compatible brands
accept = magic.isobmff    # in formats/magic.py: the registry asks it without importing this module


def format_of(data) -> str:
    """HEIC, HEIF, AVIF, MP4 or MOV, from the brands of the ftyp box."""
    if bytes(data[4:8]) != b"ftyp":
        return "MOV"
    size = min(int.from_bytes(data[:4], "big"), len(data), 4096)
    major = bytes(data[8:12])
    if major in _BRAND_FORMATS:
        return _BRAND_FORMATS[major]
    if major in _GENERIC_IMAGE_BRANDS:
        compatible = (bytes(data[i:i + 4]) for i in range(16, size - 3, 4))
        return next((_BRAND_FORMATS[brand] for brand in compatible if brand in _BRAND_FORMATS), "HEIF")
    return "MOV" if major == b"qt  " else "MP4"


def survey(data) -> Survey:
    found = Survey(data, format_of(data))
    top, found.cut = complete(boxes(data, 0, len(data), found.label))
    if not any(box.type in (b"moov", b"meta") for box in top):
        if found.cut is not None:
            raise found.cut
        raise MediaError(f"{found.label}: no 'moov' or 'meta' box, so nothing can play or show it "
                         f"(the file may be cut short)")
    for box in top:
        handler = _top().get(box.type)
        if handler is not None:
            handler(found, box, box.name)
    return found


def read(data) -> MediaFacts:
    """The facts; PartlyRead (with them) for a file cut short after its 'moov' or 'meta' box, as
    a web video written for streaming ('moov' first) is when an upload stops inside 'mdat'."""
    found = survey(data)
    facts = MediaFacts(format=found.label, width=found.width, height=found.height,
                       orientation=found.orientation,
                       items=tuple(item for holder in found.holders for item in holder.items),
                       notes=tuple(found.notes))
    if found.cut is not None:
        raise PartlyRead(str(found.cut), facts)
    return facts


def blanks(data, kinds: frozenset[str]) -> list[tuple[int, bytes]]:
    """(offset, bytes) to write over the file so that no box or item holds an item of `kinds`:
    what a streamed fix of a large video writes into its copy (formats/fixes.py)."""
    return [(blank.offset, blank.bytes()) for holder in survey(data).holders
            if any(item.kind in kinds for item in holder.items) for blank in holder.blanks]


def strip(data, kinds: frozenset[str]) -> bytes:
    """Blank every box or item holding an item of `kinds`; no other byte changes."""
    patches = blanks(data, kinds)
    if not patches:
        return bytes(data)
    out = bytearray(data)
    for offset, text in patches:
        out[offset:offset + len(text)] = text
    result = bytes(out)
    left = [item.field for holder in survey(result).holders for item in holder.items if item.kind in kinds]
    if left:   # a blank that did not take would be a leak we claimed to fix
        raise MediaError(f"{format_of(data)}: could not blank {', '.join(sorted(set(left)))} in place")
    return result


@lru_cache(maxsize=1)
def _top() -> dict:
    """The readers of the top-level boxes, imported on first use: `registry.recognised` imports every
    plugin for its `accept` (a page of a site tried against each magic), and these modules (heif,
    samples, values, meanings...) cost that about 28 M instructions, in a run's parent before its
    worker processes start."""
    from .meta import meta
    from .movie import MOOV, container
    from .quicktime import uuid_box

    return {b"meta": meta, b"moov": container(MOOV), b"uuid": uuid_box}
