"""Fallback for raster formats without a native reader (BMP, ICO, JPEG 2000...).

Magic numbers as their specifications give them: BMP ("BM"), ICO, a bare JPEG 2000
codestream (ISO/IEC 15444-1: SOC+SIZ; the JP2 file format has its own plugin, jp2.py),
Netpbm (P1-P6), PCX.

Pillow parses only the header here; no pixels are decoded. Metadata inside
these formats is not inspected, so no items are reported and nothing is stripped.
"""

from __future__ import annotations

import io
import re

from . import magic
from .model import MediaError, MediaFacts

FORMAT = "image"
EXTENSIONS = (".bmp", ".ico", ".j2k", ".j2c", ".tga", ".pcx", ".ppm", ".pgm", ".pbm")

# Pillow names the file it could not identify by its repr, "<_io.BytesIO object at 0x7f...>":
# an address that changes from run to run (and would break baselines and caches).
_OBJECT_REPR = re.compile(r"\s*<[^<>]* at 0x[0-9a-fA-F]+>")
accept = magic.generic    # in formats/magic.py: the registry asks it without importing this module


def read(data) -> MediaFacts:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(bytes(data))) as image:
            return MediaFacts(format=image.format or FORMAT, width=image.width, height=image.height,
                              frames=getattr(image, "n_frames", 1))
    except Image.DecompressionBombError as exc:
        raise MediaError(f"decompression bomb: {exc}") from None
    except (OSError, ValueError, SyntaxError) as exc:
        reason = _OBJECT_REPR.sub("", str(exc)).strip()
        raise MediaError(f"cannot parse the image header ({type(exc).__name__}: {reason})") from None
