"""Text and numbers in QuickTime and 3GPP metadata atoms, decoded for a finding.

QuickTime File Format, "User data atoms" (international text: length,
language code, text in Mac Roman or UTF-8) and "Metadata item list atom"
('data' atom: type indicator, locale, value); 3GPP TS 26.244 asset boxes
(full box, ISO 639-2 language, UTF-8 or UTF-16 string; 'loci' holds a place
name and 16.16 fixed-point coordinates). Decoders never fail: a value they
cannot decode is None (binary) or the text as far as it goes.
"""

from __future__ import annotations

import struct

from ..model import clip
from ..position import format_position
from .boxes import Box, Survey


def udta_value(s: Survey, box: Box) -> str | None:
    if box.type[:1] == b"\xa9":
        return _quicktime_text(s.payload(box))
    decode = _3GPP.get(box.type)
    if decode is None:
        return None         # binary: a thumbnail, maker data
    payload = s.payload(box)
    # Asset boxes are full boxes (version 0, flags 0); iMovie writes some as bare text.
    return decode(payload) if payload.startswith(b"\0\0\0\0") else _plain_text(payload)


def _quicktime_text(payload: bytes) -> str | None:
    # QuickTime international text: entries of length(2) language(2) text, one per language
    # (each is read: a title may be empty in English and hold a name in French). Languages below
    # 0x400 are old Mac codes with Mac Roman text; above, packed ISO 639-2 with UTF-8.
    if payload[4:8] == b"data":    # some writers put an iTunes-style data box here
        return _text(payload[16:], "utf-8")
    if len(payload) < 4:
        return None
    texts: list[str] = []
    pos = 0
    while pos + 4 <= len(payload) and len(texts) < _MAX_LANGUAGES:
        length, language = struct.unpack_from(">HH", payload, pos)
        text = _text(payload[pos + 4:pos + 4 + length], "mac_roman" if language < 0x400 else "utf-8")
        if text:
            texts.append(text)
        pos += 4 + length
    return clip("; ".join(texts))


def _text(raw: bytes, encoding: str) -> str:
    if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
        encoding = "utf-16"
    return clip(raw.decode(encoding, "replace").rstrip("\0").strip())


def _3gpp_string(payload: bytes, start: int) -> tuple[str, int]:
    if payload[start:start + 2] in (b"\xfe\xff", b"\xff\xfe"):
        stop = next((i for i in range(start, len(payload) - 1, 2) if payload[i:i + 2] == b"\0\0"), len(payload))
        return _text(payload[start:stop], "utf-16"), stop + 2
    stop = payload.find(b"\0", start)
    stop = len(payload) if stop < 0 else stop
    return _text(payload[start:stop], "utf-8"), stop + 1


def _3gpp_text(payload: bytes) -> str:
    # 3GPP TS 26.244 asset box: version/flags(4) language(2) string
    return _3gpp_string(payload, 6)[0]


def _3gpp_keywords(payload: bytes) -> str:
    # version/flags(4) language(2) count(1), then (size(1) string) per keyword
    words, pos = [], 7
    for _ in range(payload[6] if len(payload) > 6 else 0):
        if pos >= len(payload):
            break
        size = payload[pos]
        words.append(_3gpp_string(payload[pos + 1:pos + 1 + size], 0)[0])
        pos += 1 + size
    return ", ".join(words)


def _3gpp_location(payload: bytes) -> str:
    # version/flags(4) language(2) name role(1) longitude latitude altitude (16.16 fixed)
    name, pos = _3gpp_string(payload, 6)
    if pos + 9 > len(payload):
        return name
    longitude, latitude = struct.unpack_from(">ii", payload, pos + 1)
    position = format_position(latitude / 65536, longitude / 65536)
    return f"{name} ({position})" if name else position


def _3gpp_year(payload: bytes) -> str | None:
    return str(int.from_bytes(payload[4:6], "big")) if len(payload) >= 6 else None


def _plain_text(payload: bytes) -> str:
    return _text(payload, "utf-8")


def data_value(s: Survey, data: Box) -> str | None:
    # 'data' box: type indicator(4) locale(4) value; 1 and 2 are UTF-8 and UTF-16 text.
    payload = s.payload(data)
    kind, value = int.from_bytes(payload[:4], "big"), payload[8:]
    if kind in (1, 4):
        return _text(value, "utf-8")
    if kind in (2, 5):
        return _text(value, "utf-16-be")
    if kind in (21, 22) and 0 < len(value) <= 8:
        return str(int.from_bytes(value, "big", signed=kind == 21))
    return None


# Entries of one atom read at most (a language each; a hostile atom of empty entries ends here).
_MAX_LANGUAGES = 64
# How the non-QuickTime atoms (quicktime.ATOMS) store their text (QuickTime's own © atoms all share one form).
_3GPP = {
    b"titl": _3gpp_text, b"dscp": _3gpp_text, b"cprt": _3gpp_text, b"perf": _3gpp_text,
    b"auth": _3gpp_text, b"albm": _3gpp_text, b"gnre": _3gpp_text, b"kywd": _3gpp_keywords,
    b"loci": _3gpp_location, b"yrrc": _3gpp_year,
    b"clfn": _plain_text,   # iMovie's clip file name
    b"name": _plain_text,   # a track's name
}
