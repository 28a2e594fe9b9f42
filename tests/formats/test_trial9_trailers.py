"""Trial 9 item 3: the IPTC that AFCP and FotoStation trailers hold after a JPEG's EOI (a city, the
photographer's By-line, a caption) was only "hides another picture" (SL103), so --select SL101,
--ignore SL103 or a baseline on SL103 passed it clean. Now their location is SL101 and their names
SL102, as the same IPTC fields are in an APP13 block, and a --fix of SL101 alone removes the
trailer that holds the location, the picture's pixels kept. Trailers built from raw bytes (and
ExifTool's own samples when the corpus is here), checked through the command line."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from schoollint.cli import main
from tests.formats.test_no_silent_pass import fields_of, run_json
from tests.kit.images import pixels
from tests.kit.jpeg import gradient_jpeg, phone_jpeg

CORPUS = Path("/work/shared/corpus/exiftool")
CITY, BYLINE, CAPTION = "Little Snoring", "Harriet Quinlan", "Amelia Watson wins the egg and spoon race"


def _iim(*datasets: tuple[int, str]) -> bytes:
    """IPTC IIM record 2 datasets (IIM 4.2: 0x1C, record, dataset, a 2-byte length, the value)."""
    return b"".join(b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(value.encode())) + value.encode()
                    for number, value in datasets)


def afcp(jpeg: bytes, iptc: bytes, order: str = ">") -> bytes:
    """`jpeg` with an AFCP trailer holding `iptc` ("AXS!" big-endian, "AXS*" little-endian)."""
    magic = b"AXS!" if order == ">" else b"AXS*"
    start = len(jpeg)
    data_at = start + 12 + 12
    header = magic + struct.pack(order + "HHI", 1, 1, 0)
    entry = struct.pack(order + "4sII", b"IPTC", len(iptc), data_at)
    return jpeg + header + entry + iptc + magic + struct.pack(order + "II", start, 0)


def fotostation(jpeg: bytes, iptc: bytes, thumbnail: bytes) -> bytes:
    """`jpeg` with FotoStation records: IPTC (tag 1) and a thumbnail (tag 3), each with its footer."""
    def record(tag: int, body: bytes) -> bytes:
        return body + struct.pack(">HI", tag, len(body) + 10) + b"\xa1\xb2\xc3\xd4"

    return jpeg + record(1, iptc) + record(3, thumbnail)


@pytest.mark.parametrize("order", [">", "<"])
def test_afcp_location_is_sl101_and_select_sl101_fix_removes_it(repo, capsys, order):
    original = gradient_jpeg()
    (repo / "race.jpg").write_bytes(afcp(original, _iim((90, CITY), (80, BYLINE), (120, CAPTION)), order))
    code, report = run_json(capsys, "--no-vision", "--select", "SL101", ".")
    assert code == 1 and fields_of(report) == {"AFCP trailer: IPTC City"}
    code, report = run_json(capsys, "--no-vision", "--ignore", "SL103", ".")
    assert {"AFCP trailer: IPTC By-line", "AFCP trailer: IPTC Caption-Abstract"} <= fields_of(report, "SL102")
    assert BYLINE not in str(report) and CITY not in str(report)
    assert main(["check", "--no-cache", "--no-vision", "--select", "SL101", "--fix", "."]) == 1
    capsys.readouterr()
    fixed = (repo / "race.jpg").read_bytes()
    assert CITY.encode() not in fixed and pixels(fixed) == pixels(original)
    assert run_json(capsys, "--no-vision", ".")[0] == 0


def test_fotostation_caption_and_its_thumbnail_gps_are_found_and_fixed(repo, capsys):
    original = gradient_jpeg()
    (repo / "race.jpg").write_bytes(fotostation(original, _iim((120, CAPTION)), phone_jpeg()))
    code, report = run_json(capsys, "--no-vision", "--ignore", "SL103", ".")
    assert code == 1
    assert "FotoStation trailer: IPTC Caption-Abstract" in fields_of(report, "SL102")
    assert "FotoStation trailer thumbnail: EXIF GPS position" in fields_of(report, "SL101")
    assert main(["check", "--no-cache", "--no-vision", "--ignore", "SL103", "--fix", "."]) == 1
    capsys.readouterr()
    assert pixels((repo / "race.jpg").read_bytes()) == pixels(original)
    assert run_json(capsys, "--no-vision", ".")[0] == 0


def test_a_trailer_whose_offsets_point_elsewhere_is_still_sl103_and_no_error(repo, capsys):
    broken = bytearray(afcp(gradient_jpeg(), _iim((90, CITY))))
    broken[-8:-4] = struct.pack(">I", 3)          # a start offset inside the picture
    (repo / "odd.jpg").write_bytes(bytes(broken))
    code, report = run_json(capsys, "--no-vision", ".")
    assert code == 1 and {finding["code"] for finding in report["findings"]} == {"SL103"}
    assert report["errors"] == []


@pytest.mark.skipif(not (CORPUS / "AFCP.jpg").exists(), reason="ExifTool's sample corpus is not on this machine")
def test_exiftool_samples(repo, capsys):
    for name in ("AFCP.jpg", "FotoStation.jpg"):
        shutil.copyfile(CORPUS / name, repo / name)     # a link out of the site is never followed
    code, report = run_json(capsys, "--no-vision", "--select", "SL101", "AFCP.jpg")
    assert {"AFCP trailer: IPTC City", "AFCP trailer: IPTC Province-State"} <= fields_of(report)
    code, report = run_json(capsys, "--no-vision", "--ignore", "SL103", "FotoStation.jpg")
    assert {"FotoStation trailer: IPTC Caption-Abstract",
            "FotoStation trailer: IPTC Special Instructions"} <= fields_of(report, "SL102")
