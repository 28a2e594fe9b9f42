"""ISO base media files (ISO/IEC 14496-12): HEIC/HEIF and AVIF photos, MP4 and MOV videos.

The registry names `plugin` (the FORMAT, EXTENSIONS, accept, read, strip surface);
below it, one module per layer of the format, each importing only those after it:

    plugin.py     ftyp brands, the top-level boxes, read and strip
    movie.py      moov > trak > tkhd / stsd / udta (ISO/IEC 14496-12 section 8.3, 8.5)
    meta.py       the 'meta' box shared by QuickTime metadata and HEIF items (8.11.1)
    quicktime.py  user data atoms, keys + ilst, XMP 'uuid' (QuickTime File Format, 3GPP TS 26.244)
    heif.py       HEIF items: Exif, XMP, primary image size and turn (ISO/IEC 23008-12)
    values.py     text and numbers inside QuickTime and 3GPP atoms
    boxes.py      box walking, field reads, blanking in place (ISO/IEC 14496-12 section 4.2)
"""
