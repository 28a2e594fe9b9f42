"""What people wrote onto a PDF (ISO 32000-2): markup annotations' notes and authors, and the
values typed into its form fields. Each is a "place" of pdf.py's walk.

- Markup annotations (12.5.6.2, Table 172: Text "sticky notes", FreeText, Line, Square,
  Circle, Polygon, PolyLine, Highlight, Underline, Squiggly, StrikeOut, Caret, Stamp, Ink,
  FileAttachment, Sound, Redact): /T is the author (by convention, Table 172), /Contents and
  /RC (rich text) the note; viewers show notes by default. A note is FREE_TEXT, the author
  IDENTITY (SL102). Removing a note removes the annotation and its Popup (12.5.6.14), as
  Acrobat's "Remove hidden information" removes comments and markups; an author alone is removed
  from an annotation that keeps no note (a bare highlight stays a highlight).
- Link, Widget, Popup and the other annotations are not markup: a Widget's /T is its field's
  partial name (12.7.4.1), which the form needs, and is never read as an author.
- Form fields (12.7.4, the AcroForm /Fields tree): the value /V of a text or choice field, and
  a check box or radio button that is on, is what a person typed or ticked: a child's name,
  medical notes. A FORM_VALUE item per field (SL110), named by the field's full name (12.7.4.2,
  partial names joined by periods), its value kept for --show-values. schoollint never clears
  them (SL110's fix is a person's: see its rule), so `remove` does nothing.
"""

from __future__ import annotations

from .model import FREE_TEXT, IDENTITY, MetaItem, clip
from .places import Place, nothing

FORM_VALUE = "form-value"        # a value typed into a form field (SL110); only PDFs hold it
MAX_FIELD_DEPTH = 32             # the field tree is followed this deep (a cycle or a hostile nesting stops)
MAX_FIELDS = 10_000
_MARKUP = frozenset({"/Text", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine", "/Highlight",
                     "/Underline", "/Squiggly", "/StrikeOut", "/Caret", "/Stamp", "/Ink", "/FileAttachment", "/Sound",
                     "/Redact"})


def _text(value) -> str:
    """A text string's words, spaces folded; "" for anything else (a stream /RC, a damaged entry)."""
    import pikepdf

    if not isinstance(value, (pikepdf.String, pikepdf.Name, str)):
        return ""
    try:
        return " ".join(str(value).split())
    except (UnicodeDecodeError, ValueError):
        return ""


def annotation_places(number: int, page, annotations: list):
    """The places of one page's markup annotations (`page`: the page dictionary, `annotations`:
    its /Annots dictionaries)."""
    for annotation in annotations:
        subtype = _text(annotation.get("/Subtype"))
        if subtype not in _MARKUP:
            continue
        author = _text(annotation.get("/T", ""))
        note = _text(annotation.get("/Contents", "")) or _text(annotation.get("/RC", ""))
        items, where = [], f"page {number} /Annots"
        if author:
            items.append(MetaItem(IDENTITY, f"page {number}: annotation author", where, clip(author)))
        if note:
            items.append(MetaItem(FREE_TEXT, f"page {number}: {subtype[1:]} annotation note", where, clip(note)))
        if items:
            yield Place(tuple(items), _remover(page, annotation, bool(note)))


def _remover(page, annotation, noted: bool):
    def remove(kinds):
        if noted and FREE_TEXT in kinds:
            _unlink(page, annotation)
        elif IDENTITY in kinds and "/T" in annotation:
            del annotation["/T"]

    return remove


def _unlink(page, annotation) -> None:
    """Take the annotation and its Popup off the page (a full rewrite then drops both objects)."""
    import pikepdf

    popup = annotation.get("/Popup")
    gone = [annotation] + ([popup] if isinstance(popup, pikepdf.Dictionary) else [])
    kept = [kept for kept in page.get("/Annots", []) if not isinstance(kept, pikepdf.Dictionary)
            or not any(_same(kept, other) for other in gone)]
    if kept:
        page["/Annots"] = pikepdf.Array(kept)
    else:
        del page["/Annots"]


def _same(one, other) -> bool:
    if one.is_indirect or other.is_indirect:
        return one.is_indirect and other.is_indirect and one.objgen == other.objgen
    return one == other


def form_places(pdf) -> list[Place]:
    """One place holding an item per filled field of the document's interactive form."""
    import pikepdf

    form = pdf.Root.get("/AcroForm")
    fields = form.get("/Fields") if isinstance(form, pikepdf.Dictionary) else None
    if not isinstance(fields, pikepdf.Array):
        return []
    items: list[MetaItem] = []
    seen: set[tuple[int, int]] = set()
    # (field, its parent's full name, inherited /FT, inherited /V, depth)
    stack: list[tuple[object, str, object, object, int]] = [(field, "", None, None, 0)
                                                            for field in reversed(list(fields))]
    while stack and len(seen) < MAX_FIELDS:
        field, parent_name, kind, value, depth = stack.pop()
        if not isinstance(field, pikepdf.Dictionary) or depth > MAX_FIELD_DEPTH:
            continue
        if field.is_indirect:
            if field.objgen in seen:
                continue
            seen.add(field.objgen)
        partial = _text(field.get("/T", ""))
        name = ".".join(part for part in (parent_name, partial) if part)
        kind = field.get("/FT", kind)             # inheritable (12.7.4.1, Table 226)
        value = field.get("/V", value)
        kids = [kid for kid in field.get("/Kids", []) if isinstance(kid, pikepdf.Dictionary) and "/T" in kid]
        if kids:
            stack.extend((kid, name, kind, value, depth + 1) for kid in reversed(kids))
            continue
        shown = _filled(kind, value)
        if shown:
            items.append(MetaItem(FORM_VALUE, f"form field {name or '(unnamed)'}", "AcroForm /Fields", clip(shown)))
    return [Place(tuple(items), nothing)] if items else []


def _filled(kind, value) -> str:
    """What a field of this type (/Tx, /Ch, /Btn) with this /V shows filled in; "" when empty."""
    import pikepdf

    if value is None:
        return ""
    if _text(kind) == "/Btn":
        return "" if _text(value) == "/Off" else f"ticked ({_text(value)[1:]})"
    if isinstance(value, pikepdf.Array):
        return "; ".join(_text(choice) for choice in value if _text(choice))
    return _text(value)
