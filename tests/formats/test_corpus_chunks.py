"""Conformance over the shared sample corpus: PNG, GIF and WebP files against ExifTool's view."""

from pathlib import Path

import pytest

from schoollint.formats.model import IDENTITY, KINDS, LOCATION, MediaError
from schoollint.formats.registry import read_media, strip
from tests.kit import corpus
from tests.kit.corpus import has_gps_position, params, relpath
from tests.kit.images import frames

SUFFIXES = (".png", ".apng", ".gif", ".webp")


def corpus_files() -> list:
    return params(corpus.files(*SUFFIXES), relpath)


@pytest.fixture(scope="module")
def manifest() -> dict:
    return corpus.manifest()


def facts_or_skip(path: Path):
    try:
        return read_media(path.read_bytes(), path.suffix.lower())
    except MediaError as exc:    # allowed: a broken sample must say so, never crash
        pytest.skip(f"unreadable, as a MediaError: {exc}")


@pytest.mark.parametrize("path", corpus_files())
def test_agrees_with_exiftool(path, manifest):
    facts = facts_or_skip(path)
    entry = manifest[relpath(path)]

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
