"""Fields found inside something else get plain words in the finding, as the same field at the top of
a photo does (session 9's leftover, trial 9 item 7's rule): the IPTC that AFCP and FotoStation trailers
hold after a JPEG's end ("city (AFCP trailer: IPTC City)", was "AFCP trailer: IPTC City" alone), the
trailers' own pictures and text, and a photo's fields inside a ZIP. The finding's `field` (what baselines
key on) stays the technical name; no value is shown. Through the command line on real bytes.
"""

from __future__ import annotations

import json

from tests.formats.test_trial9_archives import _zip
from tests.formats.test_trial9_trailers import _iim, afcp, fotostation
from tests.kit.jpeg import gradient_jpeg, phone_jpeg

CITY, BYLINE = "Little Snoring", "Harriet Quinlan"


def _messages(cli) -> tuple[dict[tuple[str, str], str], str]:
    out = cli("check", "--no-vision", "--output-format", "json")[1]
    report = json.loads(out)
    return {(f["path"], f["code"]): f["message"] for f in report["findings"]}, out


def test_trailer_fields_have_plain_words(repo, cli):
    iptc = _iim((90, CITY), (80, BYLINE))
    (repo / "race.jpg").write_bytes(afcp(gradient_jpeg(), iptc))
    (repo / "fair.jpg").write_bytes(fotostation(gradient_jpeg(), iptc, gradient_jpeg()))
    messages, out = _messages(cli)
    for path, trailer in (("race.jpg", "AFCP"), ("fair.jpg", "FotoStation")):
        assert f"city ({trailer} trailer: IPTC City)" in messages[path, "SL101"]
        assert f"photographer's name ({trailer} trailer: IPTC By-line)" in messages[path, "SL102"]
    assert "a small copy kept after the picture (FotoStation trailer thumbnail)" in messages["fair.jpg", "SL103"]
    assert CITY not in out and BYLINE not in out
    assert '"field": "AFCP trailer: IPTC City"' in out


def test_a_photo_in_a_zip_has_plain_words(repo, cli):
    (repo / "photos.zip").write_bytes(_zip({"sports-day/IMG_0001.jpg": phone_jpeg()}))
    messages, _ = _messages(cli)
    assert "GPS position (sports-day/IMG_0001.jpg: EXIF GPS position)" in messages["photos.zip", "SL101"]
