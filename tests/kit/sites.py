"""Photos written into a site folder, for the command-line tests: each call writes one real file
(parent folders created) and returns its path.
"""

from __future__ import annotations

from pathlib import Path

from tests.kit.chunks import png_header_only

# 51 deg 30' 12.34" N, 0 deg 7' 39" W: a real-looking position, as EXIF GPS rationals.
GPS_LATITUDE = ((51, 1), (30, 1), (1234, 100))
GPS_LONGITUDE = ((0, 1), (7, 1), (3900, 100))


def make_png(path: Path, size=(64, 48), colour="navy", text: dict[str, str] | None = None) -> Path:
    """A PNG of one colour, with `text` as tEXt chunks (keyword: text)."""
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, pnginfo=info)
    return path


def make_png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims a size; its pixels would never fit in memory."""
    path.write_bytes(png_header_only(width, height))
    return path


def gps_exif() -> bytes:
    """An EXIF block ("Exif\\0\\0" first) from a phone: make, model, orientation 6 and a GPS position."""
    import piexif

    return piexif.dump({
        "0th": {piexif.ImageIFD.Make: b"Apple", piexif.ImageIFD.Model: b"iPhone 15",
                piexif.ImageIFD.Orientation: 6},
        "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: GPS_LATITUDE,
                piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: GPS_LONGITUDE},
    })


def photo_with_gps(path: Path, colour: str = "teal", size=(48, 32)) -> Path:
    """A PNG (EXIF in eXIf) or JPEG (EXIF in APP1) carrying a GPS position, by suffix."""
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    kind = "JPEG" if path.suffix.lower() in (".jpg", ".jpeg") else "PNG"
    Image.new("RGB", size, colour).save(path, kind, exif=gps_exif())
    return path


def clean_photo(path: Path, colour: str = "olive") -> Path:
    """A 40x30 picture of one colour with no metadata, in the format its suffix names."""
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), colour).save(path)
    return path


def committed_and_checked(site: Path, monkeypatch, capsys, *argv: str) -> dict:
    """Commit `site` as a new Git repository, run `schoollint check --no-vision --no-cache --output-format
    json *argv` in it (in-process, through the command line) and return the report; it must find something."""
    import json

    from schoollint.cli import main

    from .git import commit_all, git

    git(site, "init", "-q")
    commit_all(site, "site")
    monkeypatch.chdir(site)
    code = main(["check", "--no-vision", "--no-cache", "--output-format", "json", *argv])
    out, err = capsys.readouterr()
    assert code == 1, err
    return json.loads(out)
