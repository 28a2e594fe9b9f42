"""Real Git repositories for the audit and history tests: commits at chosen dates."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import piexif
from PIL import Image

SERIAL = b"F2LXK9QWN72J"


def commit(root: Path, message: str, when: str) -> str:
    """Commit everything in the work tree with author and committer date `when` (ISO 8601)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", message], cwd=root, check=True, env=env)
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, check=True, capture_output=True,
                          text=True).stdout.strip()


def gps_jpeg(size=(400, 300), colour="teal") -> bytes:
    """A JPEG with a GPS position and a camera serial in its EXIF APP1 segment."""
    exif = piexif.dump({
        "0th": {piexif.ImageIFD.Make: b"Apple", piexif.ImageIFD.Model: b"iPhone 15"},
        "Exif": {piexif.ExifIFD.BodySerialNumber: SERIAL},
        "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((51, 1), (30, 1), (1234, 100)),
                piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: ((0, 1), (7, 1), (3900, 100))},
    })
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
    """An HTML page showing each (src, alt) image in a figure."""
    figures = "\n".join(f'<figure><img src="{src}" alt="{alt}"><figcaption>Sports day</figcaption></figure>'
                        for src, alt in images)
    return f"<!doctype html><html><head><title>School</title></head><body>\n{figures}\n{extra}\n</body></html>\n"
