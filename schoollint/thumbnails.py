"""Small, metadata-free thumbnails for the audit report, as `data:` URIs.

A thumbnail is decoded from the photo (EXIF orientation applied), reduced to
at most `edge` pixels on its longer side and written as a baseline JPEG with
no APPn segment but JFIF: no EXIF, XMP, ICC profile or comment is passed to
the encoder, so none of the photo's metadata can travel into the report.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

EDGE = 160              # pixels, longer side (the limit)
# Above this many pixels a thumbnail would cost more memory than a report is worth: left out.
MAX_PIXELS = 60_000_000


def thumbnail_uri(path: Path, edge: int = EDGE) -> str | None:
    """`data:image/jpeg;base64,...` for the picture at `path`, or None when Pillow cannot decode it."""
    from PIL import Image, ImageOps

    try:
        from pillow_heif import register_heif_opener

        register_heif_opener()
    except ImportError:  # HEIC photos then get no thumbnail; the rest are unaffected
        pass
    try:
        with Image.open(path) as image:
            if image.width * image.height > MAX_PIXELS:
                return None
            image.draft("RGB", (edge, edge))  # JPEG: decode at 1/2..1/8 scale, no smaller than the thumbnail
            shown = ImageOps.exif_transpose(image).convert("RGB")
            shown.thumbnail((edge, edge))
            out = io.BytesIO()
            shown.save(out, "JPEG", quality=75)   # no exif=/icc_profile=: nothing but pixels
    except Exception:  # noqa: BLE001 - Pillow's decoders raise many types; any undecodable picture: the card says "no preview", the findings say why
        return None
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii")
