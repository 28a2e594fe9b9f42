"""Trial 9 item 7: fields a volunteer met by their technical names only (`XMP photoshop:City`, `Ducky
comment block`, `unrecognised vendor block`, `3GPP location`, `Matroska muxing application`) now have
plain words beside the technical name, as `camera make (EXIF Make)` always had."""

from __future__ import annotations

import json

import pytest

from tests.kit.jpeg import gradient_jpeg, segment, with_segments
from tests.kit.metadata import xmp_packet


def _messages(cli) -> str:
    code, out, err = cli("check", "--output-format", "json", "--no-progress", "--no-vision")
    assert code == 1, err
    return "\n".join(f["message"] for f in json.loads(out)["findings"])


def test_photo_fields_have_plain_words_beside_their_names(repo, cli):
    xmp = segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp_packet("", 'photoshop:City="Leeds"'))
    (repo / "a.jpg").write_bytes(with_segments(gradient_jpeg(), xmp, segment(0xE5, b"RMETA\0serial 123"),
                                               segment(0xEC, b"Ducky\0\x01\0\x04\0\0\0<")))
    messages = _messages(cli)
    assert "city (XMP photoshop:City)" in messages
    assert "a camera or app's private data (unrecognised vendor block)" in messages
    assert "comment saved by Photoshop's Save for Web (Ducky comment block)" in messages


@pytest.mark.parametrize("field, words", [
    ("3GPP location", "place where it was filmed (3GPP location)"),
    ("Matroska muxing application", "program that made the video file (Matroska muxing application)"),
    ("IPTC Caption-Abstract", "caption (IPTC Caption-Abstract)"),
    ("EXIF UserComment", "comment (EXIF UserComment)"),
    ("IPTC City", "IPTC City"),                 # says it already
])
def test_the_words_for_video_and_other_fields(field, words):
    from schoollint.formats.fields import plain

    assert plain(field) == words
