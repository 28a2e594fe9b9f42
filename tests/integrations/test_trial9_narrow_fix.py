"""Trial 9 item 5: `check --select SL101 --fix` printed "fixed: remove location metadata" while the camera
make, the photographer's name and the serial went too (a JPEG's EXIF APP1 segment is removed whole: the
lossless strip cannot separate the GPS IFD from the rest), and --diff listed them all. As ruff, a fix is
for the selected rules' findings; where the strip cannot separate them, the run says exactly what else
went, and that agrees with --diff."""

from __future__ import annotations

import io
import json
import re

import piexif
from PIL import Image

from tests.audit.sites import gps_jpeg, write
from tests.kit.jpeg import segment, with_segments
from tests.kit.metadata import gps_ifd, xmp_packet
from tests.kit.git import commit_all


def _fields(cli, *argv) -> set[str]:
    code, out, err = cli("check", "--output-format", "json", "--no-progress", "--no-vision", "--no-cache", *argv)
    return {field.strip() for f in json.loads(out)["findings"] for field in (f["field"] or "").split(",")}


def test_a_narrow_fix_says_what_else_went_and_agrees_with_diff(repo, cli):
    write(repo, "trip.jpg", gps_jpeg())
    commit_all(repo, "site")
    code, diff, err = cli("check", "--select", "SL101", "--diff", "--no-progress", "--no-vision")
    listed = set(re.search(r"trip\.jpg: remove: (.*?), [\d,]+ -> ", diff).group(1).split(", "))
    code, out, err = cli("check", "--select", "SL101", "--fix", "--no-progress", "--no-vision")
    line = next(line for line in out.splitlines() if line.startswith("trip.jpg: fixed: "))
    assert line.startswith("trip.jpg: fixed: remove location metadata; also removed")
    also = set(line.split("removes the block whole): ", 1)[1].split(", "))
    assert also == {"camera make (EXIF Make)", "camera model (EXIF Model)",
                    "camera serial number (EXIF BodySerialNumber)"}
    assert also == listed - {"EXIF GPS position"}            # --fix says what --diff shows
    assert _fields(cli) == set()                               # and it is so: nothing of SL102 is left


def test_what_the_strip_could_separate_stays_and_is_not_claimed(repo, cli):
    exif = piexif.dump({"0th": {}, "GPS": gps_ifd()})
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(out, "JPEG", exif=exif)
    xmp = segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp_packet("<dc:creator><rdf:Seq><rdf:li>Jo Teacher"
                                                                       "</rdf:li></rdf:Seq></dc:creator>"))
    write(repo, "trip.jpg", with_segments(out.getvalue(), xmp))
    code, text, err = cli("check", "--select", "SL101", "--fix", "--no-progress", "--no-vision")
    assert "trip.jpg: fixed: remove location metadata\n" in text and "also removed" not in text
    assert "XMP dc:creator" in _fields(cli, "--select", "SL102")


def test_a_default_fix_says_nothing_more(repo, cli):
    write(repo, "trip.jpg", gps_jpeg())
    code, text, err = cli("check", "--fix", "--no-progress", "--no-vision")
    assert "trip.jpg: fixed: remove location metadata; remove identifying metadata\n" in text
