"""The shared test kit: builders that write real files, and where the tests' outside resources are.

Every test imports what it builds from here, so each kind of file has one builder:

- `images`: Pillow pictures and codec round trips shared by every format (photo, encode, decoded, pixels, sRGB).
- `metadata`: EXIF (CIPA DC-008), XMP (ISO 16684-1) and IPTC IIM payloads, container-free.
- `jpeg`: JPEG segments (ITU-T T.81), MPO (CIPA DC-007), vendor APPn blocks (FLIR, JUMBF).
- `tiff`: TIFF files (TIFF 6.0) from Pillow.
- `chunks`: PNG chunks (PNG third edition), GIF blocks (GIF89a), WebP RIFF chunks.
- `isobmff`: ISO base media boxes (ISO/IEC 14496-12), QuickTime movies and HEIF items (ISO/IEC 23008-12).
- `sites`: photos written into a site for command-line tests.
- `git`: real Git repositories.
- `plugin` and `damage`: what every format plugin must pass (strip, trailers, mmap) and the one
  damaged-input sweep (a result or a MediaError for every damaged file, in bounded time).
- `corpus`: where the sample media corpus is, ExifTool's manifest of it, and its skip reason.
- `tools`: `Resource`, and the tools and library features some tests need (ExifTool, pre-commit,
  AVIF in Pillow, /proc), each with one skip reason that says what is missing and how to get it;
  tests/conftest.py turns a test's `needs` marks into skips.
"""

from pathlib import Path

# This checkout: the folder holding pyproject.toml.
REPO_ROOT = Path(__file__).resolve().parents[2]
