"""The sample media corpus (../shared/corpus, beside the checkout) and ExifTool's view of it.

`manifest.json` is what `exiftool -json -G1 -n -ee` reports for every file; conformance tests
use it as the oracle. When the corpus is absent, every test that needs it is skipped with
`REASON`, the one reason the suite gives for it.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from tests.kit import REPO_ROOT
from tests.kit.tools import Resource

CORPUS = REPO_ROOT.parent / "shared" / "corpus"
MANIFEST = CORPUS / "manifest.json"
REASON = ("sample media corpus not present (../shared/corpus beside the checkout, with its manifest.json): "
          "these conformance tests run in the project's CI")

_SAMPLES = Resource(MANIFEST.is_file, REASON)
needs_corpus = _SAMPLES.mark

# ExifTool's names for a position, in EXIF, XMP, QuickTime and composite form.
POSITION_KEYS = ("GPS:GPSLatitude", "Composite:GPSPosition", "XMP-exif:GPSLatitude", "Keys:GPSCoordinates",
                 "UserData:GPSCoordinates", "ItemList:GPSCoordinates")


def require() -> Path:
    """The corpus folder; skips the calling test (or fixture) with `REASON` when it is absent."""
    _SAMPLES.require()
    return CORPUS


def files(*suffixes: str) -> list[Path]:
    """The corpus files whose suffix (lower case, with the dot) is one of `suffixes`, sorted;
    none when the corpus is absent."""
    if not _SAMPLES.present():
        return []
    return sorted(path for path in CORPUS.rglob("*") if path.suffix.lower() in suffixes)


def params(values: list, ids=str) -> list:
    """`values` (corpus files, or anything derived from them) as pytest parameters named by `ids`;
    when the corpus is absent, one placeholder skipped with `REASON`, so that the run reports why
    instead of pytest's note about an empty parameter set."""
    if not _SAMPLES.present():
        return [pytest.param(None, marks=needs_corpus)]
    return [pytest.param(value, id=ids(value)) for value in values]


def relpath(path: Path) -> str:
    """A corpus file's key in `manifest()`: its path below the corpus, with forward slashes."""
    return path.relative_to(CORPUS).as_posix()


@functools.cache
def manifest() -> dict[str, dict]:
    """ExifTool's entry for each corpus file, keyed by `relpath`; the manifest's own entry left out.

    Skips the calling test (with `REASON`) when the corpus is absent."""
    require()
    entries = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return {Path(entry["SourceFile"]).as_posix(): entry for entry in entries
            if Path(entry["SourceFile"]).as_posix() != "manifest.json"}


def has_gps_position(entry: dict) -> bool:
    """ExifTool (-n) found a real position: a number, not an empty placeholder ('' or 'undef')."""
    def numeric(value) -> bool:
        return isinstance(value, (int, float)) or any(char.isdigit() for char in str(value).replace("0", ""))

    return any(numeric(entry[key]) for key in POSITION_KEYS if key in entry)
