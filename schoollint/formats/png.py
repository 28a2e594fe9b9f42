"""PNG and APNG: reader and lossless stripper.

PNG Specification, 3rd edition (W3C): chunk layout (section 5.3), the text
chunks tEXt, zTXt and iTXt, eXIf (CIPA DC-008 inside), tIME, iCCP, and the
APNG chunks acTL/fcTL/fdAT; ImageMagick's "Raw profile type" text chunks.

A PNG is a signature and a list of chunks (length, type, payload, CRC) that
ends with IEND. Metadata sits in text chunks, eXIf and tIME, and writers may
put any of them after the image data, so we walk every chunk header to IEND
but read only the payloads that can hold metadata: with an mmap the image
data is never paged in.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator

from . import magic
from .chunks import Chunk, Contents, c2pa_contents, exif_contents, kept_chunks, kept_trailer, metadata, trailer_items
from .magic import PNG_SIGNATURE as SIGNATURE
from .model import FREE_TEXT, TIMESTAMP, MediaError, MediaFacts, MetaItem, PartlyRead, Truncated, clip, complete
from .png_text import TextTooLarge, read_whole_or_not

FORMAT = "PNG"
EXTENSIONS = (".png", ".apng")
XMP_KEYWORD = "XML:com.adobe.xmp"
RAW_PROFILE = "Raw profile type "          # ImageMagick and exiv2: a hex dump in a text chunk
# A keyword is free text (a person's name can be one), so only these are quoted in messages: the
# predefined keywords of PNG 3rd edition 11.3.3.2 and those common software writes; any other
# is "a custom text chunk".
KNOWN_KEYWORDS = frozenset({
    "Title", "Author", "Description", "Copyright", "Creation Time", "Software", "Disclaimer", "Warning",
    "Source", "Comment", "Collection", XMP_KEYWORD, "date:create", "date:modify", "date:timestamp",
    "exif:DateTime", "Raw profile type exif", "Raw profile type iptc", "Raw profile type xmp",
    "Raw profile type 8bim", "Raw profile type APP1", "Raw profile type icc", "icc", "parameters", "prompt",
    "workflow", "Label", "Model",
})
accept = magic.png    # in formats/magic.py: the registry asks it without importing this module


def _named(chunk: Chunk, keyword: str) -> str:
    """A text chunk as messages may name it: "tEXt chunk 'Comment'", or "a custom tEXt chunk"."""
    return f"{chunk.name} chunk '{keyword}'" if keyword in KNOWN_KEYWORDS else f"a custom {chunk.name} chunk"
XMP_APP1 = b"http://ns.adobe.com/xap/1.0/\0"
# Most text we inflate from one chunk: far beyond any real XMP packet, far short of a zip bomb.
MAX_INFLATED = 16 * 2**20


def chunks(data) -> Iterator[Chunk]:
    """Every chunk up to and including IEND; MediaError where the list breaks."""
    if bytes(data[:8]) != SIGNATURE:
        raise MediaError("PNG: the file does not start with the PNG signature")
    size = len(data)
    offset = 8
    while True:
        if offset + 12 > size:
            raise Truncated(f"PNG: the file ends at offset {offset}, before the IEND chunk (truncated)")
        length, kind = struct.unpack_from(">I4s", data, offset)
        if not kind.isalpha():
            raise MediaError(f"PNG: the chunk at offset {offset} has an invalid type {kind!r} (corrupt file)")
        chunk = Chunk(kind, offset, length, end=offset + 12 + length)   # length, type, payload, CRC
        if chunk.end > size:
            raise Truncated(f"PNG: chunk {chunk.name} at offset {offset} runs past the end of the file "
                            "(truncated)")
        if offset == 8 and (kind != b"IHDR" or length != 13):
            raise MediaError("PNG: the first chunk is not a 13-byte IHDR")
        yield chunk
        if kind == b"IEND":
            return
        offset = chunk.end


def read(data) -> MediaFacts:
    all_chunks, cut = complete(chunks(data))
    facts = _facts(data, all_chunks, cut is None)
    if cut is not None:   # the metadata chunks before the cut still count, as a viewer shows the rest
        raise PartlyRead(str(cut), facts)
    return facts


def _facts(data, all_chunks: list[Chunk], whole: bool) -> MediaFacts:
    width, height = struct.unpack_from(">II", data, all_chunks[0].payload_start)
    frames = 1
    notes: list[str] = []
    for chunk in all_chunks:
        if chunk.fourcc == b"acTL":
            frames = _animation_frames(data, chunk)
        elif chunk.fourcc == b"iCCP":
            notes.append("ICC profile kept")
    items, orientation = metadata(data, all_chunks, _METADATA_READERS)
    items += trailer_items(data, all_chunks[-1].end, FORMAT, "after IEND") if whole else []
    return MediaFacts(format=FORMAT, width=width, height=height, orientation=orientation,
                      frames=frames, items=tuple(items), notes=tuple(notes))


def strip(data, kinds: frozenset[str]) -> bytes:
    """Drop every chunk holding an item of `kinds`; copy all other chunks byte for byte. In a
    file cut short, every byte from the cut chunk on is copied as it was (never lose a photo)."""
    all_chunks, cut = complete(chunks(data))
    kept = kept_chunks(data, all_chunks, _METADATA_READERS, kinds, b"eXIf", make_chunk)
    end = all_chunks[-1].end
    rest = kept_trailer(data, end, kinds) if cut is None else bytes(data[end:])
    return SIGNATURE + b"".join(whole for _, whole in kept) + rest


def make_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload)
    return struct.pack(">I4s", len(payload), kind) + payload + struct.pack(">I", crc)


def _animation_frames(data, chunk: Chunk) -> int:
    if chunk.length != 8:
        raise MediaError(f"PNG: chunk acTL at offset {chunk.offset} is {chunk.length} bytes, not 8")
    (frames,) = struct.unpack_from(">I", data, chunk.payload_start)
    return max(frames, 1)


# --- metadata chunks, as the PNG specification (third edition, 11.3) lays them out ---

def _tEXt(payload: bytes, chunk: Chunk) -> Contents:
    # keyword NUL text (Latin-1)
    keyword, text = _keyword(payload, chunk)
    return _text(keyword, text, "latin-1", chunk)


def _zTXt(payload: bytes, chunk: Chunk) -> Contents:
    # keyword NUL method(0 = zlib) compressed-text (Latin-1)
    keyword, rest = _keyword(payload, chunk)
    return _text(keyword, _inflate(rest[1:], chunk, keyword), "latin-1", chunk)


def _iTXt(payload: bytes, chunk: Chunk) -> Contents:
    # keyword NUL compressed-flag method language NUL translated-keyword NUL text (UTF-8)
    keyword, rest = _keyword(payload, chunk)
    if len(rest) < 2:
        raise MediaError(f"PNG: iTXt chunk at offset {chunk.offset} ends inside its header")
    compressed, rest = rest[0], rest[2:]
    _language, _, rest = rest.partition(b"\0")
    _translated, separator, text = rest.partition(b"\0")
    if not separator:
        raise MediaError(f"PNG: iTXt chunk at offset {chunk.offset} ends inside its header")
    if compressed:
        text = _inflate(text, chunk, keyword)
    return _text(keyword, text, "utf-8", chunk)


def _eXIf(payload: bytes, chunk: Chunk) -> Contents:
    return exif_contents(payload, "eXIf chunk")


def _tIME(payload: bytes, chunk: Chunk) -> Contents:
    # year(2) month day hour minute second: the last modification, in UTC
    value = None
    if len(payload) == 7:
        value = "{:04}-{:02}-{:02} {:02}:{:02}:{:02}".format(*struct.unpack(">H5B", payload))
    return Contents((MetaItem(TIMESTAMP, "PNG modification time", "tIME chunk", value),))


_METADATA_READERS = {
    b"tEXt": _tEXt,
    b"zTXt": read_whole_or_not(_zTXt),
    b"iTXt": read_whole_or_not(_iTXt),
    b"eXIf": _eXIf,
    b"tIME": _tIME,
    b"caBX": c2pa_contents,     # C2PA 2.1 section A.3.3 (content credentials in PNG)
}


def _keyword(payload: bytes, chunk: Chunk) -> tuple[str, bytes]:
    keyword, separator, rest = payload.partition(b"\0")
    if not separator:
        raise MediaError(f"PNG: {chunk.name} chunk at offset {chunk.offset} has no end to its keyword")
    # Keywords are 1-79 printable Latin-1 characters; keep a broken one printable all the same.
    text = keyword[:79].decode("latin-1")
    return "".join(c if c.isprintable() else "?" for c in text), rest


def _inflate(compressed: bytes, chunk: Chunk, keyword: str) -> bytes:
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(compressed, MAX_INFLATED)
    except zlib.error as exc:
        raise MediaError(f"PNG: {_named(chunk, keyword)} at offset {chunk.offset} "
                         f"holds corrupt compressed text ({exc})") from None
    if inflater.unconsumed_tail:   # png_text: metadata not read whole, not a broken file
        raise TextTooLarge(f"it inflates to more than {MAX_INFLATED // 2**20} MiB", _named(chunk, keyword), text)
    # A stream cut short (no end marker) still yields its text: viewers read it the same way.
    return text


def _text(keyword: str, text: bytes, encoding: str, chunk: Chunk) -> Contents:
    where = _named(chunk, keyword)
    if keyword == XMP_KEYWORD:
        from .xmp import parse_xmp

        return Contents(tuple(parse_xmp(text, where)))
    if keyword.startswith(RAW_PROFILE):
        profile_reader = _RAW_PROFILE_READERS.get(keyword[len(RAW_PROFILE):].lower())
        if profile_reader is not None:
            return profile_reader(_unhex(text, where, chunk), where)
    field = f"PNG text chunk '{keyword}'" if keyword in KNOWN_KEYWORDS else "PNG custom text chunk"
    return Contents((MetaItem(FREE_TEXT, field, where, clip(text.decode(encoding, "replace"))),))


# --- ImageMagick / exiv2 raw profiles: "\n<name>\n<byte count>\n<hex lines>" ---

def _unhex(text: bytes, where: str, chunk: Chunk) -> bytes:
    parts = text.split(None, 2)
    if len(parts) != 3 or not parts[1].isdigit() or len(parts[1]) > 10:
        raise MediaError(f"PNG: {where} at offset {chunk.offset} is not a valid raw profile")
    digits = 2 * int(parts[1])
    hex_text = b"".join(parts[2].split())
    if len(hex_text) < digits:
        raise MediaError(f"PNG: {where} at offset {chunk.offset} holds fewer bytes than its header says")
    try:
        return bytes.fromhex(hex_text[:digits].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise MediaError(f"PNG: {where} at offset {chunk.offset} is not hexadecimal") from None


def _raw_exif(profile: bytes, where: str) -> Contents:
    # Orientation here is not reported: viewers turn a PNG by its eXIf chunk only.
    return Contents(exif_contents(profile, where).items)


def _raw_xmp(profile: bytes, where: str) -> Contents:
    from .xmp import parse_xmp

    return Contents(tuple(parse_xmp(profile, where)))


def _raw_app1(profile: bytes, where: str) -> Contents:
    # A whole JPEG APP1 body: Exif, or XMP behind its namespace signature.
    if profile.startswith(XMP_APP1):
        return _raw_xmp(profile[len(XMP_APP1):], where)
    return _raw_exif(profile, where)


def _raw_iptc(profile: bytes, where: str) -> Contents:
    # Photoshop image resources as a rule; bare IIM records (0x1C tags) from older writers.
    from .embedded import parse_photoshop
    from .iptc import parse_iim

    from .iptc import salvage_iim

    parse = parse_iim if profile.startswith(b"\x1c") else parse_photoshop
    try:
        return Contents(tuple(parse(profile, where)))
    except MediaError:   # a well-formed chunk whose profile is not: what is readable, never SL105
        return Contents(salvage_iim(profile, where))


def _raw_colour_profile(profile: bytes, where: str) -> Contents:
    return Contents()   # an ICC profile: needed to show the colours, never personal


_RAW_PROFILE_READERS = {
    "exif": _raw_exif,
    "app1": _raw_app1,
    "xmp": _raw_xmp,
    "iptc": _raw_iptc,
    "8bim": _raw_iptc,
    "icc": _raw_colour_profile,
    "icm": _raw_colour_profile,
}
