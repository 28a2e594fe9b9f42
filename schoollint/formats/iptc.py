"""IPTC IIM: the Information Interchange Model records (IPTC IIM 4.2).

Where: Photoshop resource 0x0404 (JPEG APP13, GIF, PNG), TIFF tag 33723, PNG
"Raw profile type iptc". A DataSet: tag marker 0x1C, record number, dataset
number, 2-byte length (high bit set: the next N bytes hold the length). Only
datasets of record 2 (the application record) that name, place, date or
describe are reported. A dataset that runs past the block is a MediaError.
"""

from __future__ import annotations

import struct

from .model import FREE_TEXT, IDENTITY, LOCATION, TIMESTAMP, MediaError, MetaItem, clip

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
}


def decode_text(raw: bytes) -> str:
    """Text in an unstated encoding: most writers use UTF-8 (declared or not), the rest Latin-1."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _datasets(data: bytes, where: str):
    """(record, dataset, value bytes) for each IIM dataset."""
    position, end = 0, len(data)
    # Writers pad the block with zeros (or leave junk) after the last dataset: stop there.
    while position + 5 <= end and data[position] == 0x1C:
        record, number, length = struct.unpack_from(">BBH", data, position + 1)
        position += 5
        if length & 0x8000:   # extended dataset: the length lives in the next N bytes
            width = length & 0x7FFF
            if width > 4 or position + width > end:
                raise MediaError(f"IPTC ({where}): dataset {record}:{number} has a bad extended length")
            length = int.from_bytes(data[position:position + width], "big")
            position += width
        if position + length > end:
            raise MediaError(f"IPTC ({where}): dataset {record}:{number} at offset {position} runs past "
                             f"the end of the {end}-byte block")
        yield record, number, data[position:position + length]
        position += length


def parse_iim(data: bytes, where: str) -> tuple[MetaItem, ...]:
    """Items in an IPTC IIM block."""
    data = bytes(data)
    grouped: dict[int, list[str]] = {}
    for record, number, raw in _datasets(data, where):
        if record == 2 and number in DATASETS:
            value = clip(decode_text(raw).strip(" \0"))
            if value and value not in grouped.setdefault(number, []):
                grouped[number].append(value)
    return tuple(MetaItem(DATASETS[number][0], f"IPTC {DATASETS[number][1]}", where, "; ".join(values))
                 for number, values in grouped.items() if values)
