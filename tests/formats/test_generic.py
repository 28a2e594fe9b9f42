"""Fallback plugin: header facts through Pillow, and errors that read the same every run."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from schoollint.formats.model import MediaError
from schoollint.formats import generic


def test_bmp_header_facts():
    buffer = io.BytesIO()
    Image.new("RGB", (7, 5)).save(buffer, "BMP")
    facts = generic.read(buffer.getvalue())
    assert (facts.format, facts.width, facts.height, facts.items) == ("BMP", 7, 5, ())


@pytest.mark.parametrize("data, message", [
    (b"\0\0\1\0" + bytes(2), "cannot parse the image header (UnidentifiedImageError: cannot identify image file)"),
    (b"BM" + bytes(12) + b"\x28" + bytes(13) + b"\x63\0" + bytes(30),
     "cannot parse the image header (OSError: Unsupported BMP pixel depth (99))"),
])
def test_errors_name_the_exception_and_never_an_object_address(data, message):
    with pytest.raises(MediaError) as raised:
        generic.read(data)
    assert str(raised.value) == message
    assert not re.search(r"0x[0-9a-f]{6,}", str(raised.value))
