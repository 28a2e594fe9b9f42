"""ZIP archives and EPUB books (APPNOTE 6.3.x; EPUB 3.3, OCF 3.3): containers of files, each file
judged as the file it is. A school zips up a photo pack for parents, or publishes a yearbook as
an EPUB: a photo inside is still a photo.

The ooxml plugin hands over (read_package) every ZIP that is not an Office package (no `[Content_Types].xml`);
OpenDocument packages are recognised before (odf.accept). Here:
- each member that is a picture (JPEG, PNG, GIF, WebP, TIFF, JPEG 2000...) is read by the
  picture plugins (pictures.read_embedded), its items named after the member;
- an EPUB's package document (the OPF file that `META-INF/container.xml` names, OCF 3.3, 3.5.2.1)
  has its Dublin Core metadata read: dc:creator, dc:contributor, dc:publisher, dc:rights
  (identity), dc:title, dc:description, dc:subject (free text), dc:date (a timestamp);
- a member that is a video, audio file, document or another archive is not opened (a container
  inside a container: nesting is where zip bombs hide): it is named in MediaFacts.unchecked, and
  the archive is counted as not checked (SL107), as is one holding a picture that cannot be read.
Bounds as for Office packages (package.Package: member count, inflated size per member and in
all: a zip bomb is SL105); an encrypted member makes the archive unreadable (SL105).

Not rewritten: `--fix` would have to rebuild an archive someone else made (its comment, extra
fields and any signature are lost, its members' order and times must survive for an EPUB
reader), so the findings offer no fix and say to fix the files and build the archive again.
"""

from __future__ import annotations

import posixpath

from .model import FREE_TEXT, IDENTITY, TIMESTAMP, MediaError, MediaFacts
from .package import Edit, Package
from .places import Place

EPUB_MIMETYPE = b"application/epub+zip"
NOT_REWRITTEN = ("schoollint does not rebuild archives: unzip it, run `schoollint check --fix` on "
                 "its files, and zip them again (or publish the photos themselves)")
_DC = "{http://purl.org/dc/elements/1.1/}"
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = {_DC + "creator": (IDENTITY, "creator"), _DC + "contributor": (IDENTITY, "contributor"),
        _DC + "publisher": (IDENTITY, "publisher"), _DC + "rights": (IDENTITY, "rights"),
        _DC + "title": (FREE_TEXT, "title"), _DC + "description": (FREE_TEXT, "description"),
        _DC + "subject": (FREE_TEXT, "subject"), _DC + "date": (TIMESTAMP, "date")}


class _Archive(Edit):
    """One ZIP archive or EPUB: a place per picture member, and the EPUB's package document."""

    def __init__(self, package: Package):
        super().__init__(package)
        self.epub = "mimetype" in package.names and package.part("mimetype").strip() == EPUB_MIMETYPE
        self.format = "EPUB" if self.epub else "ZIP"

    def places(self) -> list[Place]:
        places = [self.properties(name, _OPF, "EPUB package metadata") for name in self._package_documents()]
        for info in self.package.infos:
            if not info.is_dir():
                places.extend(self._member(info.filename))
        return [place for place in places if place.items]

    def _package_documents(self) -> list[str]:
        if not self.epub or "META-INF/container.xml" not in self.package.names:
            return []
        paths = [rootfile.get("full-path", "") for rootfile in self.package.xml("META-INF/container.xml")
                 .iter(_CONTAINER + "rootfile")]
        return [path for path in paths if path in self.package.names]

    def _member(self, name: str) -> list[Place]:
        from .pictures import _image_plugin   # the picture plugins read_embedded asks, in its order

        data = self.package.part(name)
        if _image_plugin(data) is not None:
            return [self.picture(name, name)]
        from .registry import recognised

        if recognised(data[:32], posixpath.splitext(name)[1].lower(), posixpath.basename(name)) or \
                data[:4] == b"PK\x03\x04":
            self.notes.append(f"{name}: a file inside the {self.format} that schoollint does not open (a video, "
                              "audio file, document or archive inside an archive)")
        return []

    def facts(self, places: list[Place] | None = None) -> MediaFacts:
        facts = super().facts(places)
        return MediaFacts(format=facts.format, items=facts.items, unchecked=facts.unchecked,
                          not_rewritten=NOT_REWRITTEN)


def read_package(package: Package) -> MediaFacts:
    """The facts of a ZIP archive or EPUB (ooxml.read opened it); MediaError when a part cannot be read."""
    package.format = "ZIP"
    return _Archive(package).facts()


def strip(data, kinds: frozenset[str]) -> bytes:
    raise MediaError(f"ZIP: not rewritten: {NOT_REWRITTEN}")
