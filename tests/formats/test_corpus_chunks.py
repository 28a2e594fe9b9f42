"""Conformance over the shared sample corpus: PNG, GIF and WebP files against ExifTool's view."""

import json
from pathlib import Path

import pytest
from chunk_builders import frames

from schoollint.formats.model import IDENTITY, KINDS, LOCATION, MediaError
from schoollint.formats.registry import read_media, strip
from tests.conftest import has_gps_position

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
SUFFIXES = (".png", ".apng", ".gif", ".webp")


def corpus_files() -> list:
    if not CORPUS.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no sample corpus at {CORPUS}"))]
    found = sorted(path for path in CORPUS.rglob("*") if path.suffix.lower() in SUFFIXES)
    return [pytest.param(path, id=str(path.relative_to(CORPUS))) for path in found]


@pytest.fixture(scope="module")
def manifest() -> dict:
    entries = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    return {(CORPUS / entry["SourceFile"]).resolve(): entry for entry in entries}


def facts_or_skip(path: Path):
    try:
        return read_media(path.read_bytes(), path.suffix.lower())
    except MediaError as exc:    # allowed: a broken sample must say so, never crash
        pytest.skip(f"unreadable, as a MediaError: {exc}")


@pytest.mark.parametrize("path", corpus_files())
def test_agrees_with_exiftool(path, manifest):
    facts = facts_or_skip(path)
    entry = manifest[path.resolve()]

    width, height = (int(n) for n in entry["Composite:ImageSize"].split())
    assert (facts.width, facts.height) == (width, height)
    if has_gps_position(entry):
        assert facts.of_kind(LOCATION), "ExifTool sees a GPS position"
    if "IFD0:Orientation" in entry:
        assert facts.orientation == entry["IFD0:Orientation"]
    identity_keys = [key for key in entry if key.partition(":")[2] in ("Make", "Model", "Artist", "Copyright")]
    if identity_keys:
        assert facts.of_kind(IDENTITY), f"ExifTool sees {identity_keys}"
    for comment_key in ("File:Comment", "PNG:Comment"):
        if comment_key in entry:
            assert entry[comment_key] in [item.value for item in facts.items]


@pytest.mark.parametrize("path", corpus_files())
def test_strip_keeps_every_pixel(path):
    facts_or_skip(path)
    data = path.read_bytes()

    clean = strip(data, KINDS)

    assert not read_media(clean, path.suffix.lower()).items
    assert strip(clean, KINDS) == clean
    assert frames(clean) == frames(data)
    assert len(clean) <= len(data)
