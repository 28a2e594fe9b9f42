"""The walk over a PDF's pages and objects (ISO 32000-2): where each picture sits, and the
page-level and object-level places that hold metadata.

A "place" pairs the items found somewhere with the way to remove them, so that reading and
stripping follow one walk. Pictures are named by where a reader sees them: image XObjects in a
page's resources, inside Form XObjects (8.10) and annotation appearance streams (12.5.5), are
"embedded image N on page P"; any other image stream in the file is "embedded image N (not on
a page)".
"""

from __future__ import annotations

import zlib

from .model import IDENTITY, PREVIEW, MetaItem, clip
from .pdf_marks import annotation_places
from .pdf_content import MAX_FORM_DEPTH, Drawn, bounded_bytes, filters, layout
from .pictures import read_embedded, strip_embedded
from .places import Place
from .xmp import parse_xmp

MAX_XMP = 4 << 20          # an XMP packet inflated past this many bytes is cut (and reported as broken)


def text(value) -> str:
    try:
        return str(value).strip()
    except (UnicodeDecodeError, ValueError):
        return repr(value)


class Walk:
    def __init__(self, pdf) -> None:
        import pikepdf

        self.pdf = pdf
        self.notes: list[str] = []
        self.images: dict[tuple[int, int], tuple[object, str]] = {}   # objgen -> (stream, label)
        self.labels: dict[tuple[int, int], str] = {pdf.Root.objgen: "document"}
        self._forms: set[tuple[int, int]] = set()
        self._count = 0
        self.inline: list[tuple[int, Drawn]] = []   # (page number, inline image drawn there)
        self.counted: list[str] = []                # harmless observations (MediaFacts.notes)
        self.picture_labels: list[str] = []         # each picture read, by the name its items carry
        self.warnings: list[str] = []               # qpdf's warnings once the walk is done (pdf._places)
        for number, page in enumerate(pdf.pages, 1):
            self.labels[page.objgen] = f"page {number}"
            self._resources(page.obj, number, 0)
            for annotation in _annotations(page.obj):
                for appearance in _appearances(annotation):
                    self._resources(appearance, number, 0)
            thumbnail = page.obj.get("/Thumb")
            if isinstance(thumbnail, pikepdf.Stream) and thumbnail.objgen not in self.images:
                self._add(thumbnail, number, f"page {number} thumbnail")
            try:
                self.inline += [(number, drawn) for drawn in layout(page, text=False).pictures if drawn.inline]
            except pikepdf.PdfError as exc:
                self.notes.append(f"page {number}: content stream cannot be parsed, inline images not read ({exc})")
        for obj in pdf.objects:
            if _is_image(obj) and obj.objgen not in self.images:
                self._add(obj, None)

    def _add(self, image, page: int | None, label: str | None = None) -> None:
        import pikepdf

        if label is None:
            self._count += 1
            label = f"embedded image {self._count} " + (f"on page {page}" if page else "(not on a page)")
        self.images[image.objgen] = (image, label)
        self.labels[image.objgen] = label
        mask = image.get("/SMask")
        if isinstance(mask, pikepdf.Stream) and mask.objgen not in self.images:
            self._add(mask, page, f"{label} (soft mask)")

    def _resources(self, holder, page: int, depth: int) -> None:
        import pikepdf

        resources = holder.get("/Resources")
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(xobjects, pikepdf.Dictionary):
            return
        for name in list(xobjects.keys()):
            xobject = xobjects[name]
            if not isinstance(xobject, pikepdf.Stream):
                continue
            if _is_image(xobject):
                if xobject.objgen not in self.images:
                    self._add(xobject, page)
            elif xobject.get("/Subtype") == "/Form" and xobject.objgen not in self._forms:
                self._forms.add(xobject.objgen)
                if depth < MAX_FORM_DEPTH:
                    self._resources(xobject, page, depth + 1)

    def pictures(self):
        """Each JPEG (DCTDecode) or JPEG 2000 (JPXDecode) picture, read by the image plugins (a JPX
        stream is a whole JP2/JPX file with its boxes, or a bare codestream with no metadata)."""
        for image, label in self.images.values():
            if filters(image) not in (["/DCTDecode"], ["/JPXDecode"]):
                continue   # raw or Flate pixels: no container that could hold metadata
            raw = image.read_raw_bytes()
            self.picture_labels.append(label)
            items, note = read_embedded(raw, label)
            if note:
                self.notes.append(note)

            def remove(kinds, image=image, raw=raw):
                new = strip_embedded(raw, kinds)
                if new != raw:   # the same filter: a JPEG stays DCTDecode, a JPEG 2000 file JPXDecode
                    # (the stream's own /Filter and /DecodeParms, which qpdf read: pikepdf's type check of
                    # them is skipped, a tenth of the cost of writing 60 photos back)
                    image.write(new, filter=image.get("/Filter"), decode_parms=image.get("/DecodeParms"),
                                type_check=False)

            yield Place(items, remove)

    def inline_pictures(self):
        """Inline images (8.9.7): pixels written into a content stream between BI, ID and EI. One
        in DCT (JPEG) is a whole JPEG that can carry its own segments, read and stripped like an
        image XObject (its bytes are replaced inside the content stream, which is rewritten
        Flate-compressed); the others hold only pixels and are counted in a note."""
        import pikepdf

        plain = 0
        for number, drawn in self.inline:
            image = drawn.inline
            if image.filters != ["/DCTDecode"]:
                plain += 1
                continue
            raw = bytes(image.read_raw_bytes()).rstrip(b"\0\t\n\f\r ")   # the white space before EI is not the JPEG's
            self.picture_labels.append(f"{drawn.name} on page {number}")
            items, note = read_embedded(raw, self.picture_labels[-1])
            self.notes.extend([note] if note else [])

            def remove(kinds, holder=drawn.holder, raw=raw):
                new = strip_embedded(raw, kinds)
                contents = holder.get("/Contents", holder) if isinstance(holder, pikepdf.Dictionary) else holder
                for stream in contents if isinstance(contents, pikepdf.Array) else [contents]:
                    data = stream.read_bytes()
                    if new != raw and raw in data:
                        stream.write(zlib.compress(data.replace(raw, new, 1)), filter=pikepdf.Name.FlateDecode)
                        return

            yield Place(items, remove)
        if plain:
            self.counted.append(f"{plain} inline image{'s' if plain > 1 else ''} in page content (pixels only: "
                                "no metadata)")

    def page_places(self):
        """Thumbnails, markup annotations' notes and authors (pdf_marks) and file attachment
        annotations, page by page."""
        import pikepdf

        for number, page in enumerate(self.pdf.pages, 1):
            obj = page.obj
            if "/Thumb" in obj:
                yield Place((MetaItem(PREVIEW, f"page {number}: thumbnail", f"page {number} /Thumb"),),
                            lambda kinds, obj=obj: obj.__delitem__("/Thumb"))
            yield from annotation_places(number, obj, _annotations(obj))
            if any(annotation.get("/Subtype") == "/FileAttachment" for annotation in _annotations(obj)):
                def remove(kinds, obj=obj):
                    obj["/Annots"] = pikepdf.Array([annotation for annotation in obj["/Annots"]
                                                    if annotation.get("/Subtype") != "/FileAttachment"])

                yield Place((MetaItem(PREVIEW, f"page {number}: attached file", f"page {number} /Annots"),), remove)

    def object_places(self):
        """XMP streams (/Metadata) and application data (/PieceInfo) on any object."""
        import pikepdf

        for obj in self.pdf.objects:
            if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                continue
            label = self.labels.get(obj.objgen, f"object {obj.objgen[0]}")
            metadata = obj.get("/Metadata")
            if isinstance(metadata, pikepdf.Stream):
                items = parse_xmp(bounded_bytes(metadata, MAX_XMP), f"{label} /Metadata")
                yield Place(tuple(MetaItem(item.kind, f"{label}: {item.field}", item.where, item.value)
                                  for item in items), lambda kinds, obj=obj: obj.__delitem__("/Metadata"))
            pieces = obj.get("/PieceInfo")
            if isinstance(pieces, pikepdf.Dictionary):
                owners = ", ".join(str(key)[1:] for key in pieces)
                yield Place((MetaItem(IDENTITY, f"{label}: private application data (PieceInfo)",
                                      f"{label} /PieceInfo", clip(owners)),),
                            lambda kinds, obj=obj: obj.__delitem__("/PieceInfo"))


def _is_image(obj) -> bool:
    import pikepdf

    return isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"


def _annotations(page) -> list:
    import pikepdf

    annotations = page.get("/Annots")
    if not isinstance(annotations, pikepdf.Array):
        return []
    return [annotation for annotation in annotations if isinstance(annotation, pikepdf.Dictionary)]


def _appearances(annotation) -> list:
    """The appearance streams of an annotation (12.5.5): /N, /R and /D, each a stream or a
    dictionary of streams by appearance state."""
    import pikepdf

    appearance = annotation.get("/AP")
    if not isinstance(appearance, pikepdf.Dictionary):
        return []
    streams = []
    for key in ("/N", "/R", "/D"):
        entry = appearance.get(key)
        if isinstance(entry, pikepdf.Stream):
            streams.append(entry)
        elif isinstance(entry, pikepdf.Dictionary):
            streams.extend(value for value in entry.values() if isinstance(value, pikepdf.Stream))
    return streams
