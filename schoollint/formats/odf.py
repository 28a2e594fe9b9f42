"""OpenDocument packages (OASIS ODF 1.3): text documents, spreadsheets, presentations, drawings.

Where personal data sits:
- `meta.xml` (Part 3, 4.3 and 19.4 meta elements): initial creator, creator, printed by,
  dates, title, description, keywords, user-defined properties;
- `Thumbnails/thumbnail.png` (Part 2, 3.4): a picture of the first page;
- comment and tracked-change authors: `dc:creator` in `office:annotation` and
  `office:change-info`, in `content.xml` and `styles.xml`; the comments' text and the deleted
  text that tracked changes keep (odf_review);
- a presentation's speaker notes (`presentation:notes`, ooxml_words);
- every picture under `Pictures/`, with its own metadata.

The package is recognised by its first member, `mimetype`, stored uncompressed (Part 2, 3.3).
Its parts are found by their names, not through the manifest; a package without
`META-INF/manifest.xml` (Part 2, 3.2: every package has one) is damaged: read all the same, it is
never counted as checked (PartlyRead).
Encrypted documents (a manifest with `manifest:encryption-data`, Part 2, 4.8) are refused.
`strip` rewrites only the parts that change; a removed thumbnail also leaves the manifest.
"""

from __future__ import annotations

from . import magic
from .magic import ODF_MIMETYPE as MIMETYPE
from .model import FREE_TEXT, IDENTITY, TIMESTAMP, MediaError
from .odf_review import places as review_places
from .ooxml_words import odf_places as notes_places
from .package import Edit, Package
from .places import Place

FORMAT = "ODF"
EXTENSIONS = (".odt", ".ods", ".odp", ".odg", ".ott", ".ots", ".otp", ".otg")
DOCUMENT = True

_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
_PROPERTIES = {
    _META + "initial-creator": (IDENTITY, "initial creator"), _DC + "creator": (IDENTITY, "creator"),
    _META + "printed-by": (IDENTITY, "printed by"), _DC + "title": (FREE_TEXT, "title"),
    _DC + "description": (FREE_TEXT, "description"), _DC + "subject": (FREE_TEXT, "subject"),
    _META + "keyword": (FREE_TEXT, "keywords"), _META + "user-defined": (FREE_TEXT, "user-defined property"),
    _META + "creation-date": (TIMESTAMP, "created"), _DC + "date": (TIMESTAMP, "modified"),
    _META + "print-date": (TIMESTAMP, "printed"),
}
_AUTHOR_PARTS = ("content.xml", "styles.xml")
_THUMBNAILS = "Thumbnails/"
_KINDS = {b"text": "ODT", b"spreadsheet": "ODS", b"presentation": "ODP", b"graphics": "ODG"}
accept = magic.odf    # in formats/magic.py: the registry asks it without importing this module


class _Edit(Edit):
    def __init__(self, data):
        super().__init__(Package(data, FORMAT))
        mimetype = self.package.part("mimetype") if "mimetype" in self.package.names else b""
        self.format = _KINDS.get(mimetype[len(MIMETYPE):].split(b"-")[0], FORMAT)
        self.manifest = None
        if "META-INF/manifest.xml" not in self.package.names:
            self.damage = "no META-INF/manifest.xml; its parts were found by their names"
        else:
            self.manifest = self.tree("META-INF/manifest.xml")
            if next(self.manifest.iter(_MANIFEST + "encryption-data"), None) is not None:
                raise MediaError("ODF: encrypted (password-protected); schoollint neither reads nor rewrites "
                                 "encrypted documents: publish an unencrypted copy")

    def places(self) -> list[Place]:
        names = self.package.names
        places = [self.properties("meta.xml", _PROPERTIES, "document properties")] if "meta.xml" in names else []
        places.extend(self.thumbnail(name, self._forget) for name in names   # thumbnail.png, or any other
                      if name.startswith(_THUMBNAILS) and not name.endswith("/"))
        places.extend(review_places(self))
        places.extend(notes_places(self))     # Impress speaker notes
        places.extend(self.authors(name, frozenset(), frozenset({_DC + "creator"}))
                      for name in _AUTHOR_PARTS if name in names)
        places.extend(self.picture(name, f"picture {name}") for name in names
                      if name.startswith("Pictures/") and not name.endswith("/"))
        return [place for place in places if place.items]

    def _forget(self, name: str) -> None:
        """Remove a part and its manifest entry."""
        self.changes[name] = None
        if self.manifest is not None:
            for entry in list(self.manifest.iter(_MANIFEST + "file-entry")):
                if entry.get(_MANIFEST + "full-path") == name:
                    entry.getparent().remove(entry)
            self.save("META-INF/manifest.xml")


read = _Edit.read_facts
strip = _Edit.strip_kinds
