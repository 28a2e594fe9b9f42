"""Office Open XML packages (ECMA-376 / ISO/IEC 29500): Word, PowerPoint and Excel files,
with their macro-enabled and template variants.

Where personal data sits (Part 2, Open Packaging Conventions, and Part 1's markup):
- core properties (OPC 11, `docProps/core.xml`): creator, last modified by, dates, title...;
- extended properties (Part 1, 22.2, `docProps/app.xml`): Company, Manager, HyperlinkBase, and a
  Template given as a path (`C:\\Users\\<name>\\...`);
- custom properties (Part 1, 22.3, `docProps/custom.xml`);
- the package thumbnail (OPC 8.3.5 / 11, `docProps/thumbnail.*`): a picture of the first page;
- comment and tracked-change authors: `w:author`/`w:initials` in every WordprocessingML part,
  `word/people.xml`, `ppt/commentAuthors.xml`, `ppt/authors.xml`, `xl/comments*.xml`,
  `xl/persons/*.xml`;
- Word's comments and tracked changes, the text of both (ooxml_review: removed as the
  Document Inspector removes them, the changes accepted as the final document shows them),
  PowerPoint's and Excel's comments (ooxml_notes), PowerPoint's speaker notes and custom XML
  data parts (ooxml_words);
- every media part (`word/media/`, `ppt/media/`, `xl/media/`), a picture with its own metadata.

Parts are found through the package relationships (`_rels/.rels`), and also by their content
types ([Content_Types].xml overrides) and well-known names (`docProps/core.xml`...), so that a
package whose relationships are lost or incomplete still has its metadata read and removed. A
package without `_rels/.rels` is damaged (OPC 9.3: every package has one): read all the same, it
is never counted as checked (PartlyRead), nor is one holding a `docProps/` part not read. `strip`
rewrites only the parts that change (see package.Package.rebuild); a removed part also loses
its relationship and its content-type override. A password-protected Office file is not a ZIP
at all but an OLE compound file (MS-OFFCRYPTO): it is recognised and refused.

This plugin is the one whose magic takes every ZIP: a ZIP without `[Content_Types].xml` is no
Office package but a ZIP archive or an EPUB, whatever its name, handed to archive.py; so a Word
file named `.rtf` is read as the Word file it is (the registry notes the name), and a photo pack
zipped for parents has its photos judged (trial 9 item 1).
"""

from __future__ import annotations

import posixpath
import re

from . import magic
from .magic import OLE
from .model import FREE_TEXT, IDENTITY, TIMESTAMP, MediaError, MediaFacts, MetaItem, clip
from .ooxml_notes import places as notes_places
from .ooxml_review import places as review_places
from .ooxml_words import ooxml_places as words_places
from .package import Edit, Package
from .places import Place

FORMAT = "OOXML"
EXTENSIONS = (".docx", ".docm", ".dotx", ".dotm", ".pptx", ".pptm", ".potx", ".potm", ".ppsx", ".ppsm",
              ".xlsx", ".xlsm", ".xltx", ".xltm", ".zip", ".epub")   # the last two: archive.py
DOCUMENT = True

_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
_X = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

_CORE = {
    _DC + "creator": (IDENTITY, "creator"), _CP + "lastModifiedBy": (IDENTITY, "last modified by"),
    _DC + "title": (FREE_TEXT, "title"), _DC + "subject": (FREE_TEXT, "subject"),
    _DC + "description": (FREE_TEXT, "description"), _CP + "keywords": (FREE_TEXT, "keywords"),
    _CP + "category": (FREE_TEXT, "category"), _DCTERMS + "created": (TIMESTAMP, "created"),
    _DCTERMS + "modified": (TIMESTAMP, "modified"), _CP + "lastPrinted": (TIMESTAMP, "last printed"),
}
_APP = {
    _EP + "Company": (IDENTITY, "company"), _EP + "Manager": (IDENTITY, "manager"),
    _EP + "HyperlinkBase": (IDENTITY, "hyperlink base"), _EP + "Template": (IDENTITY, "template path"),
}
# Relationship types of the package's own parts (OPC 11 and Part 1, 15.2), by their last word.
_CORE_TYPE, _APP_TYPE, _CUSTOM_TYPE, _THUMBNAIL_TYPE = (
    "core-properties", "extended-properties", "custom-properties", "thumbnail")
# The same parts by content type (OPC 11.1, Part 1 15.2.12.3 and 15.2.12.2) and by the names
# Office gives them: (relationship type) -> (content type or None, part name pattern).
_FOUND_BY = {
    _CORE_TYPE: ("application/vnd.openxmlformats-package.core-properties+xml", r"docProps/core\.xml"),
    _APP_TYPE: ("application/vnd.openxmlformats-officedocument.extended-properties+xml", r"docProps/app\.xml"),
    _CUSTOM_TYPE: ("application/vnd.openxmlformats-officedocument.custom-properties+xml", r"docProps/custom\.xml"),
    _THUMBNAIL_TYPE: (None, r"docProps/thumbnail\.[^/]+"),
}
# Parts naming people: (part name pattern, attributes, element texts) holding the names.
_AUTHORS: tuple[tuple[re.Pattern[str], frozenset[str], frozenset[str]], ...] = (
    (re.compile(r"word/people\.xml"), frozenset({_W15 + "author", _W15 + "userId"}), frozenset()),
    (re.compile(r"word/[^/]+\.xml"), frozenset({_W + "author", _W + "initials"}), frozenset()),
    (re.compile(r"ppt/(commentAuthors|authors)\.xml"), frozenset({"name", "initials", "userId"}), frozenset()),
    (re.compile(r"xl/comments[^/]*\.xml|xl/comments/[^/]+\.xml"), frozenset(), frozenset({_X + "author"})),
    (re.compile(r"xl/persons/[^/]+\.xml"), frozenset({"displayName", "userId"}), frozenset()),
)
_MEDIA = re.compile(r"(word|ppt|xl)/media/[^/]+")
_KINDS_BY_FOLDER = (("word/", "DOCX"), ("ppt/", "PPTX"), ("xl/", "XLSX"))
accept = magic.ooxml    # in formats/magic.py: the registry asks it without importing this module


def _telling(item: MetaItem) -> bool:
    """A template named without a folder ("Normal.dotm") tells nothing about its user."""
    return item.field != "app properties: template path" or bool(re.search(r"[\\/]", item.value or ""))


class _Edit(Edit):
    """One OOXML package: its places, and the part changes that removing them makes."""

    def __init__(self, data):
        if bytes(data[:8]) == OLE:
            raise MediaError("OOXML: an OLE compound file, not a ZIP package: a password-protected (encrypted) "
                             "Office document, or an old .doc/.xls/.ppt renamed; schoollint cannot read it")
        super().__init__(Package(data, FORMAT))
        if "[Content_Types].xml" not in self.package.names:
            raise _NotOffice(self.package)
        self.format = next((name for folder, name in _KINDS_BY_FOLDER
                            if any(part.startswith(folder) for part in self.package.names)), FORMAT)
        self.rels = self.tree("_rels/.rels") if "_rels/.rels" in self.package.names else None
        if self.rels is None:
            self.damage = ("no _rels/.rels (the package relationships part); its metadata parts were found by their "
                           "names and content types")
        self.types = self.tree("[Content_Types].xml")
        self._links: list | None = None

    def _targets(self, kind: str) -> list[str]:
        """The parts of this package-level kind that are present: by relationship, content type and name."""
        related = [] if self.rels is None else [
            posixpath.normpath(rel.get("Target", "").lstrip("/")) for rel in self.rels.iter(_RELS + "Relationship")
            if rel.get("Type", "").rpartition("/")[2] == kind and rel.get("TargetMode") != "External"]
        content_type, pattern = _FOUND_BY[kind]
        typed = [override.get("PartName", "").lstrip("/") for override in self.types.iter(_TYPES + "Override")
                 if content_type and override.get("ContentType") == content_type]
        named = [name for name in self.package.names if re.fullmatch(pattern, name)]
        return [name for name in dict.fromkeys(related + typed + named) if name in self.package.names]

    def places(self) -> list[Place]:
        places: list[Place] = []
        targets = {kind: self._targets(kind) for kind in _FOUND_BY}
        for kind, table, label in ((_CORE_TYPE, _CORE, "core properties"), (_APP_TYPE, _APP, "app properties")):
            places.extend(self.properties(name, table, label, keep=_telling) for name in targets[kind])
        places.extend(self._custom(name) for name in targets[_CUSTOM_TYPE])
        places.extend(self.thumbnail(name, self.forget) for name in targets[_THUMBNAIL_TYPE])
        read = {name for names in targets.values() for name in names}
        self.notes.extend(f"{name}: a document-properties part schoollint does not read" for name in self.package.names
                          if name.startswith("docProps/") and not name.endswith("/") and name not in read)
        places.extend(review_places(self, self._related))
        places.extend(notes_places(self))
        places.extend(words_places(self))     # speaker notes, custom XML data
        places.extend(self._authors())
        places.extend(self.picture(name, f"picture {name}") for name in self.package.names if _MEDIA.fullmatch(name))
        return [place for place in places if place.items]

    def _custom(self, name: str) -> Place:
        root = self.package.xml(name)
        items = tuple(MetaItem(FREE_TEXT, f"custom properties: {prop.get('name', '?')}", name,
                               clip("".join(prop.itertext()).strip()))
                      for prop in root.iter(_CUSTOM + "property"))
        return Place(items, lambda kinds: self.forget(name))

    def _authors(self):
        for name in self.package.names:
            for pattern, attributes, elements in _AUTHORS:
                if pattern.fullmatch(name):
                    yield self.authors(name, attributes, elements)
                    break

    def relationships(self) -> list:
        """(relationships part, Relationship element, the part it targets) for every internal
        relationship in the package: a target is relative to its source part's folder (OPC 9.3.3).
        Listed once; `forget` lists them again."""
        if self._links is None:
            self._links = list(self._walk_relationships())
        return self._links

    def _walk_relationships(self):
        for rels in self.package.names:
            if not rels.endswith(".rels") or (rels != "_rels/.rels" and "/_rels/" not in rels) \
                    or (rels in self.changes and self.changes[rels] is None):
                continue
            base = posixpath.dirname(posixpath.dirname(rels))
            for rel in self.tree(rels).iter(_RELS + "Relationship"):
                target = rel.get("Target", "")
                if rel.get("TargetMode") != "External":
                    yield rels, rel, posixpath.normpath(target.lstrip("/") if target.startswith("/")
                                                        else posixpath.join(base, target))

    def _related(self, kind: str) -> list[str]:
        """The parts that any part relates to with a relationship type whose last word is `kind`."""
        return list(dict.fromkeys(target for _rels, rel, target in self.relationships()
                                  if rel.get("Type", "").rpartition("/")[2] == kind))

    def forget(self, name: str) -> None:
        """Remove a part, every relationship to it and its content-type override (and the part's
        own relationships part)."""
        self.changes[name] = None
        own = posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels")
        if own in self.package.names:
            self.changes[own] = None
        for rels, rel, target in self.relationships():
            if target == name and rel.getparent() is not None:
                rel.getparent().remove(rel)
                self.save(rels)
        self._links = None
        overrides = [override for override in self.types.iter(_TYPES + "Override")
                     if override.get("PartName", "").lstrip("/") == name]
        for override in overrides:   # none when the part's type came from an extension's Default
            override.getparent().remove(override)
        if overrides:
            self.save("[Content_Types].xml")


class _NotOffice(MediaError):
    """A ZIP without [Content_Types].xml: an archive or an EPUB (archive.py), its package opened once."""

    def __init__(self, package: Package):
        super().__init__("OOXML: a ZIP archive without [Content_Types].xml, not an Office document")
        self.package = package


def read(data) -> MediaFacts:
    """An Office package's facts, or a ZIP archive's or EPUB's (archive.read)."""
    try:
        return _Edit.read_facts(data)
    except _NotOffice as other:
        from .archive import read_package

        return read_package(other.package)


def strip(data, kinds: frozenset[str]) -> bytes:
    try:
        return _Edit.strip_kinds(data, kinds)
    except _NotOffice:
        from .archive import strip as strip_archive

        return strip_archive(data, kinds)
