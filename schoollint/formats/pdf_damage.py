"""A damaged PDF (ISO 32000-2, 7.5): what is wrong with it, and the metadata its bytes still
hold that qpdf's recovery does not reach.

A PDF cut short (an upload stopped part-way) has no cross-reference table (7.5.4) and no
trailer (7.5.5): qpdf rebuilds a table from the `N G obj` headers it finds, and pikepdf opens
the file with warnings. What the rebuilt file lacks is exactly what a leak check needs: the
trailer's /Info link is gone (the Author sits in an object nothing points to), and the photo
whose stream was cut is dropped with its EXIF. So a damaged file is never counted as checked
(it is reported as a PartlyRead, SL105), and beside what qpdf recovered, its bytes are scanned
for what is cheap to find without a parse:
- document information entries (14.3.3) written as string objects, in any object, including an
  earlier revision's (7.5.6) that the rebuilt table replaced;
- XMP packets (14.3.2) stored uncompressed;
- JPEG and JPEG 2000 picture streams (DCTDecode, JPXDecode), cut or whole, read by the image
  plugins up to the cut.
Streams compressed with Flate (object streams, most content) are not inflated here.
"""

from __future__ import annotations

import itertools
import re

from .model import FREE_TEXT, IDENTITY, TIMESTAMP, MetaItem, clip
from .pdf_walk import text
from .pictures import read_embedded
from .xmp import parse_xmp

INFO_KINDS = {"/Author": IDENTITY, "/Creator": IDENTITY, "/Producer": IDENTITY, "/CreationDate": TIMESTAMP,
              "/ModDate": TIMESTAMP, "/Title": FREE_TEXT, "/Subject": FREE_TEXT, "/Keywords": FREE_TEXT}
MAX_STRING = 4096          # bytes of one string object read from the file's bytes
MAX_FOUND = 1000           # items taken from the bytes; far above any real file
_INFO_KEY = re.compile(rb"/(Author|Creator|Producer|CreationDate|ModDate|Title|Subject|Keywords)\s*(?=[(<])")
_OBJECT = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+obj\b")
_STREAM = re.compile(rb"stream\r?\n")
# A string object: a literal with escapes and one level of balanced parentheses, or hexadecimal.
_STRING = re.compile(rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)|<[0-9A-Fa-f\s]*>", re.DOTALL)
_XMP_START, _XMP_END = b"<x:xmpmeta", b"</x:xmpmeta>"
_QPDF = re.compile(r"^stream <[^<>]*>(?: \(([^()]*)\))?: ")
_SAID_BY_EVERY_REPAIR = ("file is damaged", "Attempting to reconstruct cross-reference table")
# qpdf's words for a slip it reads around with nothing lost (pypdf's incremental saves leave the
# cross-reference stream's own entry out: "... a common error handled correctly by qpdf ...")
_HARMLESS = "handled correctly"
MAX_SAID = 3               # qpdf's warnings quoted in the message


def damage(warnings: list[str], data) -> str | None:
    """What is wrong, or None for a file qpdf read without a warning that ends as a PDF ends
    (7.5.5: its last line is `%%EOF`; white space after it is allowed). `warnings`: pikepdf's
    get_warnings once the walk is done (qpdf warns of a damaged object only when it is read),
    each "stream <...> (where): what". A file cut inside an incremental update (7.5.6) opens
    without a warning, as its earlier revision: only its end tells."""
    said = []
    for warning in warnings:
        found = _QPDF.match(warning)
        text = warning[found.end():] if found else warning
        text = f"{found.group(1)}: {text}" if found and found.group(1) else text
        if text not in said and text not in _SAID_BY_EVERY_REPAIR and _HARMLESS not in text:
            said.append(text)
    end = data.rfind(b"%%EOF")
    after = len(bytes(data[end + 5:]).strip(b"\0\t\n\f\r ")) if end >= 0 else 0
    if end >= 0 and not after and not said:
        return None
    parts = [f"cut short? no %%EOF in its {len(data):,} bytes"] if end < 0 else [
        f"cut short? {after:,} bytes follow its last %%EOF (an update cut short, or data appended)"] if after else []
    parts += [f"qpdf: {text}" for text in said[:MAX_SAID]]
    parts += [f"{len(said) - MAX_SAID} more warnings"] if len(said) > MAX_SAID else []
    return "; ".join(parts)


def salvaged(pdf, data, known: tuple[MetaItem, ...]) -> tuple[list[MetaItem], list[str]]:
    """(items, picture labels): metadata in the file that `known` (what the walk of the recovered
    file found) does not already hold, by kind, field and value: document information in
    recovered objects nothing links to, then what the bytes show. `pdf` is None when qpdf could
    not open the file at all."""
    seen = {(item.kind, item.field.rpartition(": ")[2], item.value) for item in known}
    found: list[MetaItem] = []
    labels: list[str] = []

    def add(items) -> None:
        for item in items:
            key = (item.kind, item.field.rpartition(": ")[2], item.value)
            if len(found) >= MAX_FOUND:
                return
            if key not in seen:
                seen.add(key)
                found.append(item)

    if pdf is not None:
        info = pdf.trailer.get("/Info")
        add(_unlinked_info(pdf, info.objgen if info is not None else None))
    raw = data if isinstance(data, bytes) else bytes(data)
    add(_info_in_bytes(raw))
    for number, packet in enumerate(_xmp_packets(raw), 1):
        add(parse_xmp(packet, f"XMP packet {number} in the file's bytes"))
    for label, stream in itertools.islice(_pictures_in_bytes(raw), MAX_FOUND):
        items, _note = read_embedded(stream, label, partly=True)
        labels.append(label)
        add(items)
    return found, labels


def _unlinked_info(pdf, info_objgen):
    import pikepdf

    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.objgen == info_objgen or "/Type" in obj:
            continue
        for key in INFO_KINDS:
            value = text(obj[key]) if key in obj else ""
            if value:
                yield MetaItem(INFO_KINDS[key], f"document info: {key[1:]}",
                               f"object {obj.objgen[0]}, not linked from the trailer", clip(value))


def _info_in_bytes(raw: bytes):
    import pikepdf

    for key in itertools.islice(_INFO_KEY.finditer(raw), MAX_FOUND):
        string = _STRING.match(raw[key.end():key.end() + MAX_STRING])
        token = string.group(0) if string else b""
        try:
            value = text(pikepdf.Object.parse(token)) if token else ""
        except (pikepdf.PdfError, RuntimeError, ValueError):
            continue
        if value:
            name = key.group(1).decode()
            yield MetaItem(INFO_KINDS["/" + name], f"document info: {name}",
                           f"the file's bytes at offset {key.start():,}", clip(value))


def _xmp_packets(raw: bytes):
    """Each uncompressed x:xmpmeta element (XMP Part 1, 7.3), at most MAX_FOUND: one pass over the
    bytes, however many openings are never closed."""
    start = raw.find(_XMP_START)
    for _ in range(MAX_FOUND):
        end = raw.find(_XMP_END, start) if start >= 0 else -1
        if end < 0:
            return
        yield raw[start:end + len(_XMP_END)]
        start = raw.find(_XMP_START, end)


def _pictures_in_bytes(raw: bytes):
    """(label, stream bytes) for each DCTDecode or JPXDecode stream in the bytes, up to its
    `endstream` or the end of the file (a cut stream is read up to the cut)."""
    headers = list(_OBJECT.finditer(raw))
    for index, header in enumerate(headers):
        limit = headers[index + 1].start() if index + 1 < len(headers) else len(raw)
        stream = _STREAM.search(raw, header.end(), limit)
        if stream is None:
            continue
        dictionary = raw[header.end():stream.start()]
        if b"/DCTDecode" not in dictionary and b"/JPXDecode" not in dictionary:
            continue
        end = raw.find(b"endstream", stream.end(), limit)
        found = raw[stream.end():end] if end >= 0 else raw[stream.end():limit]
        if end >= 0:   # the end-of-line marker before `endstream` is not the stream's (7.3.8.1)
            found = found[:-2] if found.endswith(b"\r\n") else found[:-1] if found.endswith((b"\n", b"\r")) else found
        yield f"image object {int(header.group(1))} (in the file's bytes)", found
