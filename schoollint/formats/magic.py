"""Each plugin's magic bytes: its `accept(prefix)`, in one module that imports no plugin (issue 18).

The registry asks every file's first bytes whether some plugin reads them (`registry.recognised`,
`registry.identify`). With `accept` living in each plugin, that imported all seventeen plugins and
what they import (PDF, Office and OpenDocument packages, zipfile, lzma: about 32 M instructions in
a site run's parent before its workers fork) to read a Markdown page's first bytes. Each plugin
takes its `accept` (and the signatures it reads elsewhere) from here, so there is one copy.

`ACCEPT` maps registry.PLUGINS' names to their magic; the registry tries them in PLUGINS order.
Signatures: JPEG SOI + a marker (ITU-T T.81 B.1.1.3), PNG (PNG 3rd edition 5.2), GIF87a/89a,
RIFF WEBP (RFC 9649 2.5), TIFF II*/MM* and BigTIFF (TIFF 6.0 section 2), JPEG XL codestream and
container (ISO/IEC 18181-2), JPEG 2000 signature box (ISO/IEC 15444-1 I.5.1), ISO BMFF `ftyp`
(ISO/IEC 14496-12 4.3) or an old QuickTime first box, EBML (RFC 8794), RIFF AVI, ID3/FLAC/Ogg/MPEG
sync/RIFF WAVE, `%PDF-` in the first 1024 bytes (ISO 32000-2 7.5.2), an OpenDocument ZIP whose
first member is `mimetype` (ODF 1.3 Part 2, 3.3), a ZIP or OLE file (ECMA-376 Part 2; MS-CFB), an
SVG root element (SVG 2, 5.1), an XMP packet or a Google Takeout JSON sidecar, and Pillow's
other formats (BMP, ICO, J2K codestream, PNM, PCX).
"""

from __future__ import annotations

import re
from collections.abc import Callable

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GIF_SIGNATURES = (b"GIF87a", b"GIF89a")
TIFF_CLASSIC = (b"II*\0", b"MM\0*")
TIFF_BIG = (b"II+\0", b"MM\0+")
JXL_CODESTREAM = b"\xff\x0a"
JXL_CONTAINER = b"\x00\x00\x00\x0cJXL \r\n\x87\n"
JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
# QuickTime files from before ftyp existed start straight with one of these.
OLD_QUICKTIME_FIRST_BOXES = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
EBML = b"\x1a\x45\xdf\xa3"
# MPEG-1/2/2.5 layer III and ADTS AAC sync words with their usual second byte.
AUDIO_SYNC = (b"\xff\xfb", b"\xff\xfa", b"\xff\xf3", b"\xff\xf2", b"\xff\xe3", b"\xff\xe2", b"\xff\xf1", b"\xff\xf9")
ODF_MIMETYPE = b"application/vnd.oasis.opendocument."
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SVG_ROOT = re.compile(rb"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*"
                      rb"<(?:[A-Za-z_][\w.-]*:)?svg[\s>/]", re.DOTALL)
XMP_STARTS = (b"<?xpacket", b"<x:xmpmeta", b"<xmpmeta", b"<rdf:RDF")
TAKEOUT_START = re.compile(rb'\{\s*"title"\s*:')
GENERIC_MAGIC = (b"BM", b"\x00\x00\x01\x00", b"\xffO\xffQ", b"P1", b"P2", b"P3", b"P4", b"P5", b"P6", b"\x0a\x05")


def jpeg(prefix: bytes) -> bool:
    return prefix[:3] == b"\xff\xd8\xff"


def png(prefix: bytes) -> bool:
    return prefix.startswith(PNG_SIGNATURE)


def gif(prefix: bytes) -> bool:
    return prefix.startswith(GIF_SIGNATURES)


def webp(prefix: bytes) -> bool:
    return prefix[:4] == b"RIFF" and prefix[8:12] == b"WEBP"


def tiff(prefix: bytes) -> bool:
    return prefix[:4] in TIFF_CLASSIC + TIFF_BIG


def jxl(prefix: bytes) -> bool:
    return prefix.startswith((JXL_CODESTREAM, JXL_CONTAINER))


def jp2(prefix: bytes) -> bool:
    return prefix.startswith(JP2_SIGNATURE)


def isobmff(prefix: bytes) -> bool:
    if len(prefix) < 8:
        return False
    size = int.from_bytes(prefix[:4], "big")
    kind = prefix[4:8]
    if kind == b"ftyp":
        return size >= 8
    return kind in OLD_QUICKTIME_FIRST_BOXES and (size in (0, 1) or size >= 8)


def matroska(prefix: bytes) -> bool:
    return prefix.startswith(EBML)


def avi(prefix: bytes) -> bool:
    return prefix.startswith(b"RIFF") and prefix[8:12] == b"AVI "


def wave(prefix: bytes) -> bool:
    return prefix[:4] == b"RIFF" and prefix[8:12] == b"WAVE"


def audio(prefix: bytes) -> bool:
    return prefix.startswith((b"ID3", b"fLaC", b"OggS", *AUDIO_SYNC)) or wave(prefix)


def pdf(prefix: bytes) -> bool:
    return b"%PDF-" in prefix[:1024]   # the header may follow junk in the first 1024 bytes (7.5.2)


def odf(prefix: bytes) -> bool:
    """A ZIP whose first member is `mimetype`, holding an OpenDocument media type."""
    if prefix[:4] != b"PK\x03\x04" or len(prefix) < 30:
        return False
    name_length, extra_length = int.from_bytes(prefix[26:28], "little"), int.from_bytes(prefix[28:30], "little")
    start = 30 + name_length + extra_length
    return prefix[30:30 + name_length] == b"mimetype" and prefix[start:start + len(ODF_MIMETYPE)] == ODF_MIMETYPE


def ooxml(prefix: bytes) -> bool:
    return prefix.startswith((b"PK\x03\x04", OLE))


def svg(prefix: bytes) -> bool:
    """An XML document whose root element is `svg` (an HTML page with an inline SVG is not)."""
    return SVG_ROOT.match(prefix.removeprefix(b"\xef\xbb\xbf")) is not None


def sidecar(prefix: bytes) -> bool:
    start = prefix.removeprefix(b"\xef\xbb\xbf").lstrip()
    return start.startswith(XMP_STARTS) or TAKEOUT_START.match(start) is not None


def generic(prefix: bytes) -> bool:
    return prefix.startswith(GENERIC_MAGIC)


# registry.PLUGINS' module names -> their accept.
ACCEPT: dict[str, Callable[[bytes], bool]] = {
    "jpeg": jpeg, "png": png, "gif": gif, "webp": webp, "tiff": tiff, "jxl": jxl, "jp2": jp2,
    "isobmff.plugin": isobmff, "matroska": matroska, "avi": avi, "audio": audio, "pdf": pdf, "odf": odf,
    "ooxml": ooxml, "svg": svg, "sidecar": sidecar, "generic": generic,
}
