"""PDF (ISO 32000-2): the metadata a newsletter or letter carries, read and removed with pikepdf.

Where personal data sits in a PDF, each a "place" with its items and the way to remove them:
- the document information dictionary (14.3.3): Author, Creator, Producer, dates, Title,
  Subject, Keywords and any custom key;
- XMP metadata streams (14.3.2), on the catalog and on any other object (pages, images);
- page-piece dictionaries, /PieceInfo (14.5): an application's private data;
- page thumbnails, /Thumb (12.3.4), and embedded files (7.11.4: the /EmbeddedFiles name tree,
  /AF associated files, FileAttachment annotations);
- markup annotations (12.5.6.2): their authors (/T) and notes (/Contents, /RC), and the values
  typed into form fields (12.7.4), see pdf_marks; a Widget's /T is a field name, not an author;
- every embedded picture: image XObjects on pages, inside Form XObjects and annotation
  appearances, and anywhere else in the file; a DCTDecode stream is a whole JPEG with its own
  EXIF, GPS and XMP, read and stripped by the JPEG plugin (see `embedded`);
- earlier revisions kept by incremental updates (7.5.6): a PDF saved again still holds the old
  Info, the old XMP and the old pictures.

`strip` rewrites the whole file with qpdf: page content streams and image data are copied as
they are (only stripped JPEGs change, by removing segments), and a full rewrite keeps no
earlier revision. Encrypted PDFs are refused (MediaError), never rewritten.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from contextlib import contextmanager

from . import magic
from .model import FREE_TEXT, IDENTITY, PREVIEW, TIMESTAMP, MediaError, MediaFacts, MetaItem, PartlyRead, clip
from .pdf_damage import damage, salvaged
from .pdf_marks import form_places
from .pdf_walk import Walk, text
from .picture_items import summarised
from .places import Place, all_items, nothing, remove_from
from .recent import Recent

FORMAT = "PDF"
EXTENSIONS = (".pdf",)
DOCUMENT = True

MAX_OBJECTS = 1_000_000        # far above any newsletter; bounds the walk over the object table
NOT_REWRITTEN = ("not rewritten: a rewrite keeps only what qpdf recovered, which can lack pages, pictures or "
                 "text; export the document again from the program that made it, or use an undamaged copy")
ENCRYPTED = ("PDF: encrypted (password-protected); schoollint neither reads nor rewrites encrypted "
             "documents: publish an unencrypted copy")
_INFO_KINDS = {"/Author": IDENTITY, "/Creator": IDENTITY, "/Producer": IDENTITY,
               "/CreationDate": TIMESTAMP, "/ModDate": TIMESTAMP}
_INFO_HARMLESS = frozenset({"/Trapped"})
_STARTXREF = re.compile(rb"startxref\s+(\d+)")
_PREV = re.compile(rb"/Prev\s+(\d+)")
MAX_REVISIONS = 10_000
_RECENT = Recent()
_STREAM_NAME = re.compile(r"^stream <[^<>]*>: ")   # pikepdf names an in-memory file by its repr
accept = magic.pdf    # in formats/magic.py: the registry asks it without importing this module


class _Broken(MediaError):
    """qpdf could not open or walk the file; its bytes may still show metadata (pdf_damage)."""


def reason(exc: Exception) -> str:
    return _STREAM_NAME.sub("", str(exc)).strip() or type(exc).__name__


@contextmanager
def _opened(data):
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(bytes(data)))
    except pikepdf.PasswordError:
        raise MediaError(ENCRYPTED) from None
    except pikepdf.PdfError as exc:
        raise _Broken(f"PDF: cannot be parsed ({reason(exc)})") from None
    with pdf:
        if pdf.is_encrypted:
            raise MediaError(ENCRYPTED)
        if len(pdf.objects) > MAX_OBJECTS:
            raise MediaError(f"PDF: {len(pdf.objects):,} objects, over schoollint's bound of {MAX_OBJECTS:,}")
        try:
            yield pdf
        except (pikepdf.PdfError, pikepdf.ForeignObjectError, pikepdf.DeletedObjectError) as exc:
            raise _Broken(f"PDF: damaged ({reason(exc)})") from None


def read(data) -> MediaFacts:
    """The facts; PartlyRead for a damaged file (pdf_damage: cut short, or repaired by qpdf), with
    what qpdf recovered and what the bytes still show, so it is never counted as checked."""
    known = _RECENT.get(data)
    if known is not None:
        return known
    try:
        with _opened(data) as pdf:
            walk, places = _places(pdf, data)
            broken = damage(walk.warnings, data)
            if broken is None:
                return _RECENT.put(data, _facts(pdf, walk, places))
            found = salvaged(pdf, data, all_items(places))
            facts = replace(_facts(pdf, walk, places, found), not_rewritten=NOT_REWRITTEN)
            raise PartlyRead(f"PDF: damaged ({broken})", facts)
    except _Broken as exc:
        items, labels = salvaged(None, data, ())
        if not items:
            raise
        raise PartlyRead(str(exc), MediaFacts(format=FORMAT, items=summarised(items, labels),
                                              not_rewritten=NOT_REWRITTEN)) from None


def _facts(pdf, walk: Walk, places: list[Place], found: tuple[list[MetaItem], list[str]] = ([], [])) -> MediaFacts:
    """`found`: (items, picture labels) a damaged file's bytes show beside the walk's places."""
    items = summarised(all_items(places) + tuple(found[0]), walk.picture_labels + found[1])
    return MediaFacts(format=FORMAT, frames=len(pdf.pages), items=items, notes=tuple(walk.counted),
                      unchecked="; ".join(walk.notes) or None)


def strip(data, kinds: frozenset[str]) -> bytes:
    with _opened(data) as pdf:
        walk, places = _places(pdf, data)
        broken = damage(walk.warnings, data)
        if broken is not None:
            raise MediaError(f"PDF: damaged ({broken}); {NOT_REWRITTEN}")
        _RECENT.put(data, _facts(pdf, walk, places))   # the fix's verification reads the original again
        remove_from(places, kinds)
        _identified(pdf, data)
        out = io.BytesIO()
        # a full rewrite: no earlier revision survives; fix_metadata_version=False: pikepdf would
        # otherwise parse (unbounded) and edit an XMP packet kept because its kinds were not asked for
        pdf.save(out, static_id=True, fix_metadata_version=False)
        return out.getvalue()


def _identified(pdf, data) -> None:
    """Keep the file identifier (14.4) deterministic without hashing the output. qpdf's
    `deterministic_id` is an MD5 of every byte written (15-26 ms of a 30 ms rewrite of an 11 MB
    newsletter); with `static_id` qpdf keeps the first element of the document's /ID, its
    permanent identifier, and writes a fixed second one. So a second strip is still
    byte-identical, and each document keeps an identifier of its own (viewers such as pdf.js key
    a document's view state by it). A document without a usable /ID is given one here: the MD5
    of its original bytes (rare: producers write one, and PDF 2.0 requires it)."""
    import hashlib

    import pikepdf

    found = pdf.trailer.get("/ID")
    if isinstance(found, pikepdf.Array) and len(found) == 2 and all(isinstance(part, pikepdf.String)
                                                                     for part in found):
        return
    digest = pikepdf.String(hashlib.md5(data, usedforsecurity=False).digest())
    pdf.trailer.ID = pikepdf.Array([digest, digest])


def _places(pdf, data) -> tuple[Walk, list[Place]]:
    """The walk (with its notes on pictures not read) and every place that holds metadata, in
    document order."""
    walk = Walk(pdf)
    places = [_info_place(pdf), *walk.pictures(), *walk.inline_pictures(), *walk.page_places(),
              *_attachment_places(pdf), *walk.object_places(), *form_places(pdf)]
    walk.warnings = pdf.get_warnings()   # qpdf's warnings so far (each is handed out once): repaired, damaged
    places.append(_revisions_place(walk, data))
    return walk, [place for place in places if place.items]


def _info_place(pdf) -> Place:
    import pikepdf

    info = pdf.trailer.get("/Info")
    if not isinstance(info, pikepdf.Dictionary):
        return Place((), nothing)
    found = []   # (key as stored, item): a damaged file's keys may not survive a round trip through text
    for key, value in info.items():
        value_text = text(value)
        if key in _INFO_HARMLESS or not value_text:
            continue
        found.append((key, MetaItem(_INFO_KINDS.get(key, FREE_TEXT), f"document info: {key[1:]}", "document info",
                                    clip(value_text))))

    def remove(kinds):
        for key, item in found:
            if item.kind in kinds and key in info:
                del info[key]
        if not list(info.keys()):
            del pdf.trailer["/Info"]

    return Place(tuple(item for _key, item in found), remove)


def _revisions_place(walk: Walk, data) -> Place:
    earlier = _earlier_revisions(walk.warnings, data)
    if earlier < 1:
        return Place((), nothing)
    item = MetaItem(PREVIEW, f"file: {earlier} earlier revision{'s' if earlier > 1 else ''} kept by "
                    "incremental saves (old metadata and pictures)", "incremental updates", str(earlier))
    return Place((item,), nothing)   # the full rewrite in strip() keeps only the current revision


def _earlier_revisions(warnings: list[str], data) -> int:
    """Cross-reference sections before the last one (7.5.6): the chain of /Prev offsets from the
    last `startxref`, less the first-page section of a linearized file (Annex F). A file qpdf had
    to repair (its chain cannot be trusted) is counted by its %%EOF markers instead, a scan of
    every byte; the chain reads only the sections themselves."""
    tail = bytes(data[-2048:])
    found = _STARTXREF.search(tail, max(tail.rfind(b"startxref"), 0))
    if warnings or found is None:
        return (data if isinstance(data, bytes) else bytes(data)).count(b"%%EOF") - 1 - _linearized(data)
    offset, seen = int(found.group(1)), set[int]()
    while offset not in seen and 0 <= offset < len(data) and len(seen) < MAX_REVISIONS:
        seen.add(offset)
        end = data.find(b"startxref", offset)
        previous = _PREV.search(data, offset, end if end >= 0 else len(data))
        if previous is None:
            break
        offset = int(previous.group(1))
    return len(seen) - 1 - _linearized(data)


def _linearized(data) -> int:
    return 1 if b"/Linearized" in bytes(data[:1024]) else 0


def _attachment_places(pdf):
    import pikepdf

    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/EmbeddedFiles" in names:
        yield Place((MetaItem(PREVIEW, "document: attached files", "/EmbeddedFiles name tree"),),
                     lambda kinds: names.__delitem__("/EmbeddedFiles"))
    if "/AF" in root:
        yield Place((MetaItem(PREVIEW, "document: associated files", "catalog /AF"),),
                     lambda kinds: root.__delitem__("/AF"))
