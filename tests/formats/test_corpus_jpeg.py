"""Conformance over real camera files in ../shared/corpus, with ExifTool's view as the oracle."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from schoollint.formats.model import KINDS, LOCATION, PERSON_NAME, MediaError
from schoollint.formats import jpeg, tiff
from tests.kit import corpus
from tests.kit.corpus import CORPUS, has_gps_position, needs_corpus, params, relpath

SUFFIXES = (".jpg", ".jpeg", ".tif", ".tiff")
FILES = [relpath(path) for path in corpus.files(*SUFFIXES)]
PERSON_KEYS = ("RegionName", "PersonInImage", "RegionPersonDisplayName")


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    return corpus.manifest()


def decoded(data: bytes) -> bytes | None:
    """Pillow's pixels, or None when Pillow cannot decode the file at all."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.tobytes()
    except (OSError, SyntaxError, ValueError):
        return None


@pytest.mark.parametrize("name", params(FILES))
def test_corpus_file(name, manifest):
    data = (CORPUS / name).read_bytes()
    plugin = jpeg if jpeg.accept(data[:32]) else tiff
    assert plugin.accept(data[:32]), f"{name} is neither JPEG nor TIFF"
    expected = manifest[name]
    try:
        facts = plugin.read(data)
    except MediaError:
        assert decoded(data) is None, f"{name}: Pillow decodes it, so it must not be refused"
        return
    kinds = {item.kind for item in facts.items}
    if has_gps_position(expected):
        assert LOCATION in kinds, f"{name}: ExifTool sees a GPS position"
    if any(key.endswith(PERSON_KEYS) for key in expected):
        assert PERSON_NAME in kinds, f"{name}: ExifTool sees a named person"
    for strip_kinds in (KINDS, frozenset({LOCATION})):
        stripped = plugin.strip(data, strip_kinds)
        assert not {item.kind for item in plugin.read(stripped).items} & strip_kinds
        assert plugin.strip(stripped, strip_kinds) == stripped
        assert decoded(stripped) == decoded(data)
        assert plugin.read(stripped).orientation == facts.orientation


@needs_corpus
def test_corpus_has_files_with_gps(manifest):
    with_gps = [name for name in FILES if has_gps_position(manifest.get(name, {}))]
    assert len(with_gps) >= 10
