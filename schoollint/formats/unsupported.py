"""Image, video and document formats no reader here judges, told by their magic bytes.

A file of one of these formats is reported as not checked (SL107), never as clean: each row
says what the format is and why it matters on a school website. Magic numbers as the formats'
own documents give them (Adobe Photoshop File Formats Specification: "8BPS"; Canon CRW/CR3,
Fujifilm RAF, Sigma X3F, Minolta MRW, Olympus ORF and Panasonic RW2 headers; the OLE compound
file signature of Office 97-2003; Flash video; ASF; ISO BMFF brands of camera RAW; AIFF's IFF
"FORM" header; RTF's "{\\rtf"; the RAR, 7z, gzip and xz signatures; a POSIX tar
archive by its name, its "ustar" magic sitting at offset 257).
TIFF-based RAW (DNG, CR2, NEF, ARW, PEF...) is read by the TIFF reader, PDF, Office Open XML,
OpenDocument and SVG by the document readers, MP3, FLAC, Ogg and WAV by the audio reader, and
ZIP and EPUB by the archive reader: they are not listed here.
"""

from __future__ import annotations

# (magic at offset 0, what it is, why it matters). A lone extension is never enough: the
# content decides, so a renamed photo is read as what it is.
_CAMERA_RAW = "camera RAW files keep the full EXIF of the camera, GPS and owner name included"
_LAYERED = "layered editing files keep hidden layers, thumbnails and the editor's metadata"
_DOCUMENT = "documents keep their author, editing history and embedded photos with their own metadata"
_VIDEO = "videos keep titles, dates, the writing device and sometimes GPS in their tags"
_AUDIO = "recordings keep the names of the people who made them, comments and a cover photo with its own metadata"
_ARCHIVE = "an archive holds files (photos, documents) each with its own metadata, and schoollint does not open it"
MAGIC = (
    (b"8BPS", "Adobe Photoshop document (PSD)", _LAYERED),
    (b"II\x1a\x00\x00\x00HEAPCCDR", "Canon CRW camera RAW", _CAMERA_RAW),
    (b"FUJIFILMCCD-RAW", "Fujifilm RAF camera RAW", _CAMERA_RAW),
    (b"FOVb", "Sigma X3F camera RAW", _CAMERA_RAW),
    (b"\x00MRM", "Minolta MRW camera RAW", _CAMERA_RAW),
    (b"IIRO", "Olympus ORF camera RAW", _CAMERA_RAW),
    (b"IIRS", "Olympus ORF camera RAW", _CAMERA_RAW),
    (b"MMOR", "Olympus ORF camera RAW", _CAMERA_RAW),
    (b"IIU\x00", "Panasonic RW2 camera RAW", _CAMERA_RAW),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office 97-2003 document", _DOCUMENT),
    (b"gimp xcf ", "GIMP XCF image", _LAYERED),
    (b"FLV\x01", "Flash video (FLV)", _VIDEO),
    (b"\x30\x26\xb2\x75\x8e\x66\xcf\x11", "Windows Media video or audio (ASF/WMV/WMA)", _VIDEO),
    (b"{\\rtf", "Rich Text Format document (RTF)", _DOCUMENT),
    (b"Rar!\x1a\x07", "RAR archive", _ARCHIVE),
    (b"7z\xbc\xaf\x27\x1c", "7z archive", _ARCHIVE),
    (b"\x1f\x8b", "gzip-compressed file (a .tar.gz or .tgz archive, as a rule)", _ARCHIVE),
    (b"\xfd7zXZ\x00", "xz-compressed file", _ARCHIVE),
)
_ANY_MAGIC = tuple(magic for magic, _what, _why in MAGIC)    # one C call says that none of them starts a file
# ISO BMFF brands of formats the ISO BMFF reader does not understand (checked before it).
BRANDS = {b"crx ": ("Canon CR3 camera RAW", _CAMERA_RAW)}
# IFF 'FORM' types (EA IFF 85) of audio: AIFF and AIFF-C keep NAME, AUTH, ANNO and '(c) ' chunks and ID3.
_IFF_AUDIO = {b"AIFF": "AIFF audio", b"AIFC": "AIFF-C audio"}


# Names these formats go by: such a file must parse as one of them (or it is SL105).
EXTENSIONS = (".psd", ".psb", ".crw", ".cr3", ".raf", ".x3f", ".mrw", ".orf", ".rw2", ".doc", ".xls",
              ".ppt", ".xcf", ".flv", ".wmv", ".asf", ".svgz", ".wma", ".aif", ".aiff", ".aifc", ".rtf", ".rar",
              ".7z", ".gz", ".tgz", ".xz", ".tar")


def unsupported(prefix: bytes, extension: str) -> tuple[str, str] | None:
    """(what it is, why it matters) when `prefix` (the first 32 bytes) starts a format no
    reader judges; None otherwise."""
    if extension == ".svgz":     # gzip-compressed SVG: the SVG reader reads plain .svg text only
        return "SVG image (gzip-compressed)", _DOCUMENT
    if extension == ".tar":      # POSIX.1-2001 ustar: its magic is at offset 257, past the prefix
        return "tar archive", _ARCHIVE
    if prefix[:4] == b"FORM" and prefix[8:12] in _IFF_AUDIO:
        return _IFF_AUDIO[prefix[8:12]], _AUDIO
    if prefix.startswith(_ANY_MAGIC):
        return next((what, why) for magic, what, why in MAGIC if prefix.startswith(magic))
    if prefix[4:8] == b"ftyp" and prefix[8:12] in BRANDS:
        return BRANDS[prefix[8:12]]
    return None
