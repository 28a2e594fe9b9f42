"""Sites for the audit and history tests: photos as bytes and a page that shows them
(dated commits: tests.kit.git.commit_all)."""

from __future__ import annotations

import io
from pathlib import Path

import piexif
from PIL import Image

from tests.kit.metadata import gps_ifd

SERIAL = b"F2LXK9QWN72J"


def gps_jpeg(size=(400, 300), colour="teal") -> bytes:
    """A JPEG with a GPS position and a camera serial in its EXIF APP1 segment."""
    exif = piexif.dump({"0th": {piexif.ImageIFD.Make: b"Apple", piexif.ImageIFD.Model: b"iPhone 15"},
                        "Exif": {piexif.ExifIFD.BodySerialNumber: SERIAL}, "GPS": gps_ifd()})
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", exif=exif)
    return out.getvalue()


def clean_jpeg(size=(400, 300), colour="navy") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


def write(root: Path, relpath: str, data: bytes | str) -> Path:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def page(*images: tuple[str, str], extra: str = "") -> str:
    """An HTML page showing each (src, alt) image in a figure: the first on line 2, one a line."""
    figures = "\n".join(f'<figure><img src="{src}" alt="{alt}"><figcaption>Sports day</figcaption></figure>'
                        for src, alt in images)
    return f"<!doctype html><html><head><title>School</title></head><body>\n{figures}\n{extra}\n</body></html>\n"
