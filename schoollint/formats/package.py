"""ZIP packages (APPNOTE 6.3.x) as Office Open XML (ECMA-376 Part 2, OPC) and OpenDocument
(OASIS ODF 1.3 Part 2) use them: bounded reads, hardened XML, and a rewrite that changes only
the parts it is given.

Bounds, so that a hostile package costs bounded time and memory: at most MAX_MEMBERS members,
no part inflated past MAX_PART bytes (read with a bounded read, whatever the header claims),
and at most MAX_TOTAL bytes inflated per package. XML is parsed by lxml without entity
expansion, DTD loading or network access. Encrypted members are refused.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from .model import IDENTITY, PREVIEW, MediaError, MediaFacts, MetaItem, PartlyRead, clip
from .pictures import read_embedded, strip_embedded
from .picture_items import summarised
from .places import Place, all_items, remove_from
from .recent import Recent

MAX_MEMBERS = 10_000
MAX_PART = 64 << 20
MAX_TOTAL = 512 << 20
_RECENT = Recent()


def xml_parser():
    """lxml's parser for untrusted XML: internal entities stay unexpanded, nothing is fetched."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_blank_text=False)


class Package:
    """One ZIP package, opened for reading; `format` names it in errors ("OOXML", "ODF")."""

    def __init__(self, data, format: str):
        self.format = format
        self._inflated = 0
        self._xml_parts: dict[str, bytes] = {}
        self.data = bytes(data)
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(self.data))
            self.infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
            raise MediaError(f"{format}: not a readable ZIP package ({exc})") from None
        if len(self.infos) > MAX_MEMBERS:
            raise MediaError(f"{format}: {len(self.infos):,} parts, over schoollint's bound of {MAX_MEMBERS:,}")
        if any(info.flag_bits & 0x1 for info in self.infos):
            raise MediaError(f"{format}: encrypted (password-protected) parts; schoollint neither reads nor "
                             "rewrites encrypted documents: publish an unencrypted copy")
        self.names = [info.filename for info in self.infos]

    def part(self, name: str) -> bytes:
        """A part's bytes; MediaError when it inflates past the bounds or is damaged. An XML part is
        inflated once: several places test its bytes before one of them parses it."""
        if name in self._xml_parts:
            return self._xml_parts[name]
        try:
            with self.archive.open(name) as member:
                data = member.read(MAX_PART + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise MediaError(f"{self.format}: part {name} is damaged ({exc})") from None
        except KeyError:
            raise MediaError(f"{self.format}: part {name} is missing") from None
        if len(data) > MAX_PART:
            raise MediaError(f"{self.format}: part {name} inflates past {MAX_PART >> 20} MiB (a zip bomb?)")
        self._inflated += len(data)
        if self._inflated > MAX_TOTAL:
            raise MediaError(f"{self.format}: parts inflate past {MAX_TOTAL >> 20} MiB in all (a zip bomb?)")
        if name.endswith((".xml", ".rels")):
            self._xml_parts[name] = data
        return data

    def xml(self, name: str):
        """A part parsed as XML (the root element); MediaError when it is not well-formed."""
        from lxml import etree

        try:
            return etree.fromstring(self.part(name), xml_parser())
        except etree.XMLSyntaxError as exc:
            raise MediaError(f"{self.format}: part {name} is not well-formed XML ({exc})") from None

    def rebuild(self, changes: dict[str, bytes | None]) -> bytes:
        """The package with these parts replaced (bytes) or removed (None), each compressed as its
        original was (package_zip.write). Every other part is copied as stored
        (package_zip: not inflated and compressed again), with its name, order, date and
        compression method, so the first member of an ODF package stays its uncompressed `mimetype`."""
        from .package_zip import write

        return write(self.data, [(info, changes.get(info.filename)) for info in self.infos
                                 if not (info.filename in changes and changes[info.filename] is None)])


class Edit:
    """A package being read or stripped: the places found in it and the part changes that
    removing them makes (name -> new bytes, or None for a part removed)."""

    def __init__(self, package: Package):
        self.package = package
        self.changes: dict[str, bytes | None] = {}
        self.notes: list[str] = []
        self.picture_labels: list[str] = []   # each picture read, by the name its items carry
        # What is wrong with a package read all the same (a part the format requires is missing):
        # its metadata parts are found by their names, and it is never counted as checked.
        self.damage: str | None = None
        # Each XML part parsed once: places that edit the same part (authors blanked, comment anchors
        # and tracked changes removed from word/document.xml) edit one tree, so no edit is lost.
        self._trees: dict[str, object] = {}
        self._held: dict[tuple[str, bytes], bool] = {}

    def tree(self, name: str):
        """A part's XML root, parsed once per edit (package.Package.xml: MediaError when not well-formed)."""
        if name not in self._trees:
            self._trees[name] = self.package.xml(name)
        return self._trees[name]

    def holds(self, name: str, token: bytes) -> bool:
        """Whether a part's bytes hold `token`, asked once per part and token (places share it)."""
        key = (name, token)
        if key not in self._held:
            self._held[key] = token in self.package.part(name)
        return self._held[key]

    def save(self, name: str) -> None:
        """Record the part's tree, as edited so far, as its new bytes (a part removed stays removed)."""
        if not self.removed(name):
            self.changes[name] = serialise(self._trees[name])

    def removed(self, name: str) -> bool:
        return name in self.changes and self.changes[name] is None

    @classmethod
    def read_facts(cls, data) -> MediaFacts:
        """The plugin's `read`: facts about the package in `data` (a subclass takes the bytes);
        PartlyRead, with them, for a damaged package (`damage`)."""
        known = _RECENT.get(data)
        if known is not None:
            return known
        edit = cls(data)
        facts = edit.facts()
        if edit.damage is not None:
            raise PartlyRead(f"{edit.format}: damaged ({edit.damage})", facts)
        return _RECENT.put(data, facts)

    @classmethod
    def strip_kinds(cls, data, kinds: frozenset[str]) -> bytes:
        """The plugin's `strip`: the package without the places of these kinds."""
        return cls(data).stripped(kinds, data)

    def picture(self, name: str, where: str) -> Place:
        """A picture part, read and stripped by the image plugins."""
        data = self.package.part(name)
        self.picture_labels.append(where)
        items, note = read_embedded(data, where)
        if note:
            self.notes.append(note)

        def remove(kinds):
            stripped = strip_embedded(data, kinds)
            if stripped != data:
                self.changes[name] = stripped

        return Place(items, remove)

    def thumbnail(self, name: str, forget) -> Place:
        """The package's thumbnail: a preview, and a picture with metadata of its own. Removing
        the preview calls `forget(name)`, which removes the part and every reference to it."""
        picture = self.picture(name, f"thumbnail {name}")

        def remove(kinds):
            if PREVIEW in kinds:
                forget(name)
            else:
                picture.remove(kinds)

        return Place((MetaItem(PREVIEW, f"thumbnail ({name})", name), *picture.items), remove)

    def properties(self, name: str, table: dict[str, tuple[str, str]], label: str, keep=None) -> Place:
        """A properties part (core.xml, app.xml, meta.xml): an item per property in `table`
        (that `keep(item)` accepts); removal drops those elements."""
        root = self.tree(name)
        found = [(element, item) for element, item in property_items(root, table, label) if keep is None or keep(item)]

        def remove(kinds):
            self.changes[name] = drop_elements(root, [element for element, item in found if item.kind in kinds])

        return Place(tuple(item for _element, item in found), remove)

    def authors(self, name: str, attributes: frozenset[str], elements: frozenset[str]) -> Place:
        """A part's comment and tracked-change authors; removal empties them. A part whose bytes
        hold none of those names' local parts (most styles, settings and font tables) is not parsed."""
        locals_ = sorted({qualified.rpartition("}")[2].encode() for qualified in attributes | elements})
        if not any(self.holds(name, local) for local in locals_):
            return Place((), lambda kinds: None)
        root = self.tree(name)
        names = names_in(root, attributes, elements)
        items = (MetaItem(IDENTITY, f"{name}: comment and tracked-change authors", name, clip("; ".join(names))),)

        def remove(kinds):
            if not self.removed(name):     # a comments part another place removed whole stays removed
                self.changes[name] = blank_names(root, attributes, elements)

        return Place(items if names else (), remove)

    format = "ZIP"   # a subclass names its package ("DOCX", "ODT", ...) and lists its places

    def places(self) -> list[Place]:
        raise NotImplementedError

    def facts(self, places: list[Place] | None = None) -> MediaFacts:
        places = self.places() if places is None else places
        return MediaFacts(format=self.format, items=summarised(all_items(places), self.picture_labels),
                          unchecked="; ".join(self.notes) or None)

    def stripped(self, kinds: frozenset[str], data) -> bytes:
        """The package (whose bytes are `data`) without the places of these kinds."""
        places = self.places()
        if self.damage is None:   # a damaged package's read raises: nothing to keep
            _RECENT.put(data, self.facts(places))   # the fix's verification reads the original again
        remove_from(places, kinds)
        return self.package.rebuild(self.changes)


def serialise(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def property_items(root, table: dict[str, tuple[str, str]], label: str) -> list[tuple[object, MetaItem]]:
    """(element, item) for each child of `root` named in `table` (Clark name -> (kind, field))
    that holds text: the items of a properties part such as core.xml, app.xml or meta.xml."""
    found = []
    for element in root.iter():
        entry = table.get(element.tag) if isinstance(element.tag, str) else None
        value = "".join(element.itertext()).strip() if entry else ""
        if entry and value:
            kind, field = entry
            found.append((element, MetaItem(kind, f"{label}: {field}", label, clip(value))))
    return found


def drop_elements(root, elements) -> bytes:
    for element in elements:
        element.getparent().remove(element)
    return serialise(root)


def _holders(root, attributes: frozenset[str], elements: frozenset[str]):
    """(element, attribute name or None for its text, the name held there), found by libxml2's
    XPath rather than a Python loop over every element: document.xml can hold 100,000 of them."""
    for attribute in sorted(attributes):
        namespace, _, local = attribute[1:].partition("}") if attribute.startswith("{") else ("", "", attribute)
        for value in root.xpath("//@*[local-name()=$local and namespace-uri()=$namespace]",
                                local=local, namespace=namespace):
            if value.strip():
                yield value.getparent(), value.attrname, value.strip()
    if elements:
        for element in root.iter(*elements):
            if (element.text or "").strip():
                yield element, None, element.text.strip()


def names_in(root, attributes: frozenset[str], elements: frozenset[str]) -> list[str]:
    """People's names held in these attributes or element texts (Clark names), each once."""
    return list(dict.fromkeys(name for _element, _attribute, name in _holders(root, attributes, elements)))


def blank_names(root, attributes: frozenset[str], elements: frozenset[str]) -> bytes:
    """The part with those attributes and element texts emptied (the markup itself stays, so
    each comment and tracked change still has the author slot its schema requires)."""
    for element, attribute, _name in list(_holders(root, attributes, elements)):
        if attribute is None:
            element.text = ""
        else:
            element.set(attribute, "")
    return serialise(root)
