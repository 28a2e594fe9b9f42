"""Pictures inside documents (PDF, OOXML, OpenDocument, SVG), handed to the image plugins.

A photo in a newsletter is still a photo: its bytes are read and stripped by the
plugin that reads the same file on its own (found through the registry by its
magic bytes), and each item it finds is reported with where the picture sits
in the document ("embedded image 3 on page 2: EXIF GPS position").
Documents inside documents are not opened here, so a hostile file cannot nest
containers without end.
"""

from __future__ import annotations

from . import HEAD, MediaError, MetaItem, identify

# Plugins (module names) that read documents rather than pictures.
DOCUMENTS = frozenset({"pdf", "odf", "ooxml", "svg"})


def _image_plugin(data):
    module = identify(bytes(data[:HEAD]))
    if module is None or module.__name__.rpartition(".")[2] in DOCUMENTS:
        return None
    return module


def read_embedded(data, where: str) -> tuple[tuple[MetaItem, ...], str | None]:
    """(items, note): the picture's metadata items, each prefixed with `where`, or a note
    saying why it could not be read. Bytes that are no picture format give ((), None)."""
    from . import read_media

    if _image_plugin(data) is None:
        return (), None
    try:
        facts = read_media(data, "")
    except MediaError as exc:
        return (), f"{where}: cannot be read as a picture ({exc})"
    return tuple(MetaItem(item.kind, f"{where}: {item.field}", f"{where}, {item.where}", item.value)
                 for item in facts.items), None


def strip_embedded(data, kinds: frozenset[str]) -> bytes:
    """The picture without metadata of these kinds (the image plugin's own lossless strip);
    the bytes unchanged when they are no picture, cannot be read, or hold nothing of these kinds.
    MediaError when the plugin cannot remove them without re-encoding."""
    from . import read_media, strip

    module = _image_plugin(data)
    if module is None or not hasattr(module, "strip"):
        return bytes(data)
    try:
        if not read_media(data, "").of_kind(*kinds):
            return bytes(data)   # nothing to remove: keep the exact bytes
    except MediaError:
        return bytes(data)       # unreadable: reported as a note when read, nothing found to remove
    return strip(data, kinds)
