"""Media containers: one plugin module per format behind one interface.

Layout (data flows one way: plugins -> model; registry -> plugins, lazily):

    model.py      MediaFacts, MetaItem, MediaError, kinds; the FormatReader /
                  FormatWriter protocols. Imports no plugin.
    registry.py   PLUGINS, identify, read_media, strip, media_extensions.
    <plugin>.py   one module (or package) per container.

The plugin contract (model.FormatReader, model.FormatWriter):

    FORMAT: str                      # "JPEG", "PNG", ...
    EXTENSIONS: tuple[str, ...]      # lower-case, with the dot
    def accept(prefix: bytes) -> bool              # magic bytes, first 32 bytes
    def read(data) -> MediaFacts                   # data: bytes-like (bytes or mmap)
    def strip(data, kinds: frozenset[str]) -> bytes   # optional: lossless removal

`read` decodes no pixels; it raises MediaError naming the part that is broken.
`strip` removes every metadata item whose kind is in `kinds` and keeps what a
photo needs to display the same (orientation, colour profile, frames, depth).

Standards the readers follow: ITU-T T.81 and JFIF 1.02 (JPEG), CIPA DC-008
(Exif 2.32), CIPA DC-007 (MPF), IPTC IIM 4.2 and Adobe Photoshop image
resources, Adobe XMP Specification Parts 1-3, PNG 3rd edition (W3C), WebP RIFF
container (RFC 9649), GIF89a, TIFF 6.0, ISO/IEC 14496-12 (ISO BMFF),
ISO/IEC 23008-12 (HEIF), QuickTime File Format, 3GPP TS 26.244.
"""
