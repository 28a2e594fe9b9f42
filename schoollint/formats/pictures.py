"""Pictures inside documents (PDF, OOXML, OpenDocument, SVG), handed to the image plugins.

A photo in a newsletter is still a photo: its bytes are read and stripped by the
plugin that reads the same file on its own (chosen by its magic bytes, in the
registry's order), and each item it finds is reported with where the picture
sits in the document ("embedded image 3 on page 2: EXIF GPS position").
Only picture plugins are asked: a document inside a document is not opened, so
a hostile file cannot nest containers without end (and the formats package
keeps its one-way imports: the registry imports plugins, never the reverse).
"""

from __future__ import annotations

from .model import MediaError, MetaItem, PartlyRead


def _image_plugin(data):
    """The picture plugin whose magic matches (their order is the registry's), or None."""
    from . import generic, gif, jp2, jpeg, png, tiff, webp

    prefix = bytes(data[:32])
    return next((plugin for plugin in (jpeg, png, gif, webp, tiff, jp2, generic) if plugin.accept(prefix)), None)


def read_embedded(data, where: str, partly: bool = False) -> tuple[tuple[MetaItem, ...], str | None]:
    """(items, unread): the picture's metadata items, each prefixed with `where`, or why it could
    not be read. Bytes that are no picture format give ((), None). A document that holds a
    picture it could not read is not fully checked: its reader says so in MediaFacts.unchecked
    (SL107), whatever else it found. With `partly`, a picture cut short (PartlyRead) gives the
    items read before the cut and the note (a damaged PDF's pictures, read from its bytes)."""
    module = _image_plugin(data)
    if module is None:
        return (), None
    try:
        facts = module.read(data)
    except PartlyRead as cut:
        if not partly:
            return (), f"{where}: cannot be read as a picture ({cut})"
        return _prefixed(cut.facts.items, where), f"{where}: cut short ({cut})"
    except MediaError as exc:
        return (), f"{where}: cannot be read as a picture ({exc})"
    return _prefixed(facts.items, where), None


def _prefixed(items, where: str) -> tuple[MetaItem, ...]:
    return tuple(MetaItem(item.kind, f"{where}: {item.field}", f"{where}, {item.where}", item.value) for item in items)


def strip_embedded(data, kinds: frozenset[str]) -> bytes:
    """The picture without metadata of these kinds (the image plugin's own lossless strip).

    Called only for a picture that `read_embedded` found items of these kinds in (a document
    plugin removes a place only when it holds such items), so the picture is read again here
    by the strip alone. Bytes of no picture format, or of one without a lossless strip, come
    back unchanged: the fix's re-read then finds the items still there and refuses the result.
    MediaError when the plugin cannot remove them without re-encoding."""
    module = _image_plugin(data)
    if module is None or not hasattr(module, "strip"):
        return bytes(data)
    return module.strip(data, kinds)
