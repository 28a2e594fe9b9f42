"""A valid PNG whose compressed text chunk (zTXt, or iTXt with its compression flag) inflates past
the reader's 16 MiB bound (trial 7 item 11), through the command line: not SL105 "broken" (browsers
show it) but SL102 metadata that could not be read whole, which stops a pre-commit hook at
--fail-level error; --fix drops the ancillary chunk and copies every other chunk byte for byte."""

from __future__ import annotations

import json
import struct
import zlib

import pytest

PUPIL = "Pupil: Maisie Cartwright, DOB 2015-03-02. "


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def _chunks(data: bytes) -> list[bytes]:
    found, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack_from(">I", data, offset)
        found.append(data[offset:offset + 12 + length])
        offset += 12 + length
    return found


def _poster(kind: bytes) -> bytes:
    """An 8x8 grey PNG with a text chunk of 17 MiB (inflated) after its image data."""
    text = zlib.compress((PUPIL * (17 * 2**20 // len(PUPIL) + 1)).encode(), 9)
    payload = (b"Comment\0\0" + text if kind == b"zTXt"
               else b"Comment\0\x01\0en\0\0" + text)          # iTXt: compressed, method 0, language, no translation
    scanlines = b"".join(b"\0" + bytes(range(8)) for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(scanlines)) + _chunk(kind, payload) + _chunk(b"IEND", b""))


@pytest.mark.parametrize("kind", [b"zTXt", b"iTXt"])
def test_large_text_is_metadata_not_read_whole_and_the_fix_drops_the_chunk(repo, cli, kind):
    path = repo / "poster.png"
    original = _poster(kind)
    path.write_bytes(original)
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "--output-format", "json", "poster.png")
    findings = {finding["code"]: finding for finding in json.loads(out)["findings"]}
    assert set(findings) == {"SL102"}, findings                       # never SL105
    assert "not read whole" in findings["SL102"]["message"] and "Maisie" not in out
    assert findings["SL102"]["fix"] is not None
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--no-vision", "--show-values", "poster.png")
    assert "Maisie Cartwright" in out
    assert cli("check", "--no-cache", "--no-progress", "--no-vision", "--fail-level", "error", "poster.png")[0] == 1
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "--fix", "poster.png")
    assert code == 1 and "no findings in 1 file checked" in out, (out, err)
    fixed = path.read_bytes()
    assert _chunks(fixed) == [chunk for chunk in _chunks(original) if chunk[4:8] != kind]   # lossless
    assert cli("check", "--no-cache", "--no-progress", "--no-vision", "--fail-level", "error", "poster.png")[0] == 0
