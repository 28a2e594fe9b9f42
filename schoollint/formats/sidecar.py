"""XMP sidecar files: the metadata photo tools write beside a photo (photo.xmp, photo.jpg.xmp).

Adobe XMP Specification Part 3 section 2.3 (external storage of metadata): a sidecar is a
plain XMP packet, with or without the <?xpacket?> wrapper, and may hold everything the photo
held (GPS, the creator, people's names) after the photo itself was cleaned. Told by its first
bytes (a byte-order mark and white space allowed), whatever its name.

The strip empties it: an XMP packet with no properties, so nothing it held is left and a tool
that expects the sidecar still finds a valid one. (A sidecar has no place on a website; removing
the file is the user's choice.)
"""

from __future__ import annotations

from .model import MediaError, MediaFacts

FORMAT = "XMP sidecar"
EXTENSIONS = (".xmp",)
_STARTS = (b"<?xpacket", b"<x:xmpmeta", b"<xmpmeta", b"<rdf:RDF")
EMPTY = (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
         b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
         b'<rdf:Description rdf:about=""/></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>\n')


def _start(data) -> bytes:
    return bytes(data[:4096]).removeprefix(b"\xef\xbb\xbf").lstrip()


def accept(prefix: bytes) -> bool:
    return prefix.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(_STARTS)


def read(data) -> MediaFacts:
    from .xmp import parse_xmp

    if not _start(data).startswith(_STARTS):
        raise MediaError("XMP sidecar: the file does not start with an XMP packet")
    return MediaFacts(format=FORMAT, items=tuple(parse_xmp(bytes(data), "XMP sidecar")))


def strip(data, kinds: frozenset[str]) -> bytes:
    """An empty XMP packet when the sidecar holds an item of `kinds`; the file as it was otherwise."""
    facts = read(data)
    return EMPTY if any(item.kind in kinds for item in facts.items) else bytes(data)
