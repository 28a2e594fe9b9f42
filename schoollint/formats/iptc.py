"""IPTC IIM: the Information Interchange Model records (IPTC IIM 4.2).

Where: Photoshop resource 0x0404 (JPEG APP13, GIF, PNG), TIFF tag 33723, PNG
"Raw profile type iptc". A DataSet: tag marker 0x1C, record number, dataset
number, 2-byte length (high bit set: the next N bytes hold the length). Only
datasets of record 2 (the application record) that name, place, date or
describe are reported. A dataset that runs past the block is a MediaError.
"""

from __future__ import annotations

import struct

from .model import FREE_TEXT, IDENTITY, LOCATION, PREVIEW, TIMESTAMP, MediaError, MetaItem, clip

# Record 2 (application record) datasets that name, place, date or describe.
DATASETS = {
    5: (FREE_TEXT, "Object Name"),
    20: (FREE_TEXT, "Supplemental Category"),
    25: (FREE_TEXT, "Keywords"),
    26: (LOCATION, "Content Location Code"),
    27: (LOCATION, "Content Location Name"),
    30: (TIMESTAMP, "Release Date"),
    35: (TIMESTAMP, "Release Time"),
    37: (TIMESTAMP, "Expiration Date"),
    38: (TIMESTAMP, "Expiration Time"),
    40: (FREE_TEXT, "Special Instructions"),
    55: (TIMESTAMP, "Date Created"),
    60: (TIMESTAMP, "Time Created"),
    62: (TIMESTAMP, "Digital Creation Date"),
    63: (TIMESTAMP, "Digital Creation Time"),
    65: (IDENTITY, "Originating Program"),
    80: (IDENTITY, "By-line"),
    85: (IDENTITY, "By-line Title"),
    90: (LOCATION, "City"),
    92: (LOCATION, "Sub-location"),
    95: (LOCATION, "Province-State"),
    100: (LOCATION, "Country Code"),
    101: (LOCATION, "Country"),
    105: (FREE_TEXT, "Headline"),
    110: (IDENTITY, "Credit"),
    115: (IDENTITY, "Source"),
    116: (IDENTITY, "Copyright Notice"),
    118: (IDENTITY, "Contact"),
    120: (FREE_TEXT, "Caption-Abstract"),
    122: (IDENTITY, "Writer-Editor"),
    # Identifying too, though less known: references, IDs and notes that name a job, a person or a URL.
    4: (FREE_TEXT, "Object Attribute Reference"),
    12: (FREE_TEXT, "Subject Reference"),
    15: (FREE_TEXT, "Category"),
    22: (FREE_TEXT, "Fixture Identifier"),
    45: (FREE_TEXT, "Reference Service"),
    47: (TIMESTAMP, "Reference Date"),
    50: (FREE_TEXT, "Reference Number"),
    103: (FREE_TEXT, "Original Transmission Reference"),
    121: (FREE_TEXT, "Local Caption"),
    184: (FREE_TEXT, "Job ID"),
    187: (IDENTITY, "Master Document ID"),
    188: (IDENTITY, "Short Document ID"),
    189: (IDENTITY, "Unique Document ID"),
    190: (IDENTITY, "Owner ID"),
    202: (PREVIEW, "Object Preview Data"),
    230: (FREE_TEXT, "Document Notes"),
    231: (FREE_TEXT, "Document History"),
    232: (IDENTITY, "Exif Camera Info"),
}
# Record 2 datasets that describe the file, not the picture or a person (IPTC IIM 4.2 chapter 6):
# record version, edit status, urgency, program version, object cycle, image type and orientation,
# language, audio and preview formats. Any other dataset is reported, by number when it has no name.
TECHNICAL = frozenset({0, 7, 8, 10, 70, 75, 130, 131, 135, 150, 151, 152, 153, 154, 200, 201})


def decode_text(raw: bytes) -> str:
    """Text in an unstated encoding: most writers use UTF-8 (declared or not), the rest Latin-1."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _datasets(data: bytes, where: str, whole_only: bool = False):
    """(record, dataset, value bytes) for each IIM dataset; with `whole_only`, up to the first
    that is cut short (else that one is a MediaError)."""
    position, end = 0, len(data)
    # Writers pad the block with zeros (or leave junk) after the last dataset: stop there.
    while position + 5 <= end and data[position] == 0x1C:
        record, number, length = struct.unpack_from(">BBH", data, position + 1)
        position += 5
        if length & 0x8000:   # extended dataset: the length lives in the next N bytes
            width = length & 0x7FFF
            if width > 4 or position + width > end:
                if whole_only:
                    return
                raise MediaError(f"IPTC ({where}): dataset {record}:{number} has a bad extended length")
            length = int.from_bytes(data[position:position + width], "big")
            position += width
        if position + length > end:
            if whole_only:
                return
            raise MediaError(f"IPTC ({where}): dataset {record}:{number} at offset {position} runs past "
                             f"the end of the {end}-byte block")
        yield record, number, data[position:position + length]
        position += length


def parse_iim(data: bytes, where: str) -> tuple[MetaItem, ...]:
    """Items in an IPTC IIM block."""
    return _items(_datasets(bytes(data), where), where)


def _items(datasets, where: str) -> tuple[MetaItem, ...]:
    grouped: dict[int, list[str]] = {}
    for record, number, raw in datasets:
        if record == 2 and number not in TECHNICAL:
            binary = _named(number)[0] == PREVIEW
            value = f"{len(raw)} bytes" if binary and raw else clip(decode_text(raw).strip(" \0"))
            if value and value not in grouped.setdefault(number, []):
                grouped[number].append(value)
    return tuple(MetaItem(*_named(number), where, "; ".join(values)) for number, values in grouped.items() if values)


def _named(number: int) -> tuple[str, str]:
    kind, name = DATASETS.get(number, (FREE_TEXT, f"dataset 2:{number}"))
    return kind, f"IPTC {name}"


def salvage_iim(data: bytes, where: str) -> tuple[MetaItem, ...]:
    """Items of the IIM datasets inside a block whose wrapper will not parse (ImageMagick's
    'Raw profile type iptc' with a Photoshop header of the wrong length): from the first
    record-2 dataset, as far as the datasets are whole. With nothing readable, one item says so:
    the block is still reported and removed, never taken for clean, nor the file for unreadable."""
    data = bytes(data)
    start = data.find(b"\x1c\x02")
    items = _items(_datasets(data[start:], where, whole_only=True), where) if start >= 0 else ()
    return items or (MetaItem(FREE_TEXT, "IPTC (damaged)", where),)
