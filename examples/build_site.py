"""Build a small demo school website with the problems schoollint finds.

    python examples/build_site.py DEST

DEST becomes a Git repository holding a Jekyll-style site: phone photos with
GPS and camera details, an oversized image, a pupil's full name in an alt text,
a caption and a file name, and a HEIC straight off a phone. Every image is
generated here (Pillow and piexif), nothing is downloaded.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import piexif
from PIL import Image, ImageDraw

INDEX = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Oakfield Primary School</title></head>
<body>
<h1>Sports day 2024</h1>
<figure>
  <img src="images/sports-day.jpg" alt="Amelia Watson winning the sprint">
  <figcaption>What a race!</figcaption>
</figure>
<figure>
  <img src="images/amelia-watson-award.jpg" alt="A pupil holding the sports cup">
  <figcaption>Well done Noah Patel, our sports captain.</figcaption>
</figure>
<p><img src="images/relay.jpg" alt="The relay team"> Great running from Isla and Jacob in Year 5.</p>
<img src="images/logo.png" alt="Oakfield Primary School logo" width="80">
</body>
</html>
"""

POST = """---
title: Summer fair
image: /images/fair.jpg
caption: Sophie Turner and friends at the cake stall
---

Thank you to everyone who came to the summer fair in Victoria Park.

![Children at the tombola](/images/fair.jpg)
"""

GALLERY = """- image: /images/relay.jpg
  caption: Year 5 relay team
- image: /images/fair.jpg
  caption: Cake stall volunteers
"""


def photo(size, colour, text) -> Image.Image:
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    for step in range(0, size[0], 40):
        draw.line([(step, 0), (size[0] - step, size[1])], fill=(255, 255, 255), width=3)
    draw.text((20, 20), text, fill=(0, 0, 0))
    return image


def phone_exif(latitude: float, longitude: float, orientation: int = 1) -> bytes:
    def dms(value: float):
        value = abs(value)
        degrees = int(value)
        minutes = int((value - degrees) * 60)
        seconds = round(((value - degrees) * 60 - minutes) * 60 * 100)
        return ((degrees, 1), (minutes, 1), (seconds, 100))

    thumbnail = io.BytesIO()
    photo((160, 120), "orange", "thumb").save(thumbnail, "JPEG")
    return piexif.dump({
        "0th": {piexif.ImageIFD.Make: b"Apple", piexif.ImageIFD.Model: b"iPhone 13",
                piexif.ImageIFD.Orientation: orientation, piexif.ImageIFD.Software: b"17.4.1",
                piexif.ImageIFD.DateTime: b"2024:06:14 10:31:07"},
        "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2024:06:14 10:31:07",
                 piexif.ExifIFD.BodySerialNumber: b"F2LXK9QWN72J"},
        "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N" if latitude >= 0 else b"S",
                piexif.GPSIFD.GPSLatitude: dms(latitude),
                piexif.GPSIFD.GPSLongitudeRef: b"E" if longitude >= 0 else b"W",
                piexif.GPSIFD.GPSLongitude: dms(longitude)},
        "1st": {piexif.ImageIFD.JPEGInterchangeFormat: 0, piexif.ImageIFD.JPEGInterchangeFormatLength: 0},
        "thumbnail": thumbnail.getvalue(),
    })


def build(dest: Path) -> None:
    images = dest / "images"
    images.mkdir(parents=True, exist_ok=True)
    photo((2400, 1800), "skyblue", "sports day").save(
        images / "sports-day.jpg", quality=88, exif=phone_exif(51.5072, -0.1276, orientation=6))
    photo((1200, 900), "gold", "award").save(
        images / "amelia-watson-award.jpg", quality=88, exif=phone_exif(53.4808, -2.2426))
    photo((1024, 768), "lightgreen", "relay").save(images / "relay.jpg", quality=85)
    photo((1280, 960), "pink", "fair").save(images / "fair.jpg", quality=85)
    Image.new("RGBA", (240, 120), (20, 60, 140, 255)).save(images / "logo.png")
    try:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        (dest / "uploads").mkdir(exist_ok=True)
        photo((800, 600), "white", "from a phone").save(dest / "uploads" / "IMG_1034.heic")
    except ImportError:
        pass
    (dest / "index.html").write_text(INDEX, encoding="utf-8")
    (dest / "_posts").mkdir(exist_ok=True)
    (dest / "_posts" / "2024-07-06-summer-fair.md").write_text(POST, encoding="utf-8")
    (dest / "_data").mkdir(exist_ok=True)
    (dest / "_data" / "gallery.yml").write_text(GALLERY, encoding="utf-8")
    if not (dest / ".git").exists():
        subprocess.run(["git", "init", "-q", str(dest)], check=True)
    subprocess.run(["git", "-C", str(dest), "add", "-A"], check=True)
    # Committed, as a school's site is: the HEIC conversion replaces only what Git holds.
    staged = subprocess.run(["git", "-C", str(dest), "diff", "--cached", "--quiet"]).returncode
    if staged:
        subprocess.run(["git", "-C", str(dest), "-c", "user.name=Demo", "-c", "user.email=demo@example.invalid",
                        "commit", "-q", "--no-verify", "-m", "the demo school site"], check=True)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    dest = Path(argv[0])
    build(dest)
    print(f"demo site written to {dest}; now run: schoollint check {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
