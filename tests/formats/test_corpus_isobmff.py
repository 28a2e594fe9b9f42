"""Conformance over real phone and camera files, with ExifTool's view as the oracle."""

from pathlib import Path

import pytest

from schoollint.formats.model import IDENTITY, KINDS, LOCATION, MediaError
from schoollint.formats.isobmff import plugin as isobmff
from tests.kit import corpus
from tests.kit.corpus import has_gps_position, needs_corpus, params, relpath
from tests.kit.images import decoded

SUFFIXES = (".heic", ".heif", ".avif", ".mp4", ".mov")
# Where ExifTool reports a position in these containers.
# ExifTool tags and the field we report for the same thing.
SAME_FIELDS = {
    "IFD0:Make": "EXIF Make",
    "IFD0:Model": "EXIF Model",
    "IFD0:Software": "EXIF Software",
    "Keys:Make": "QuickTime camera make",
    "Keys:Model": "QuickTime camera model",
    "Keys:CreationDate": "QuickTime creation date",
    "UserData:Title": "3GPP title",
    "UserData:Description": "3GPP description",
    "UserData:Keywords": "3GPP keywords",
    "XMP-dc:Description": "XMP dc:description",
    "XMP-xmp:CreatorTool": "XMP xmp:CreatorTool",
}


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict]:
    return corpus.manifest()


def entry_of(manifest, path: Path) -> dict:
    return manifest[relpath(path)]


FILES = corpus.files(*SUFFIXES)


@needs_corpus
def test_the_corpus_has_photos_and_videos():
    suffixes = {path.suffix.lower() for path in FILES}
    assert {".heic", ".avif", ".mp4", ".mov"} <= suffixes


@needs_corpus
@pytest.mark.parametrize("path", params(FILES, lambda path: path.name))
def test_reads_or_says_why_not(path, manifest):
    data = path.read_bytes()
    assert isobmff.accept(data[:32])
    try:
        facts = isobmff.read(data)
    except MediaError as error:
        assert str(error).startswith(("HEIC:", "HEIF:", "AVIF:", "MP4:", "MOV:"))
        return
    entry = entry_of(manifest, path)
    sizes = {tuple(int(n) for n in str(value).split()) for key, value in entry.items()
             if key.endswith(("ImageSpatialExtent",))}
    sizes |= {(entry[key], entry[key.replace("Width", "Height")]) for key in entry
              if key.endswith(":ImageWidth") and key.replace("Width", "Height") in entry}
    assert (facts.width, facts.height) in sizes
    if has_gps_position(entry):
        assert facts.of_kind(LOCATION), f"ExifTool sees a position in {path.name}"
    has_icc = any(key.startswith("ICC_Profile:") for key in entry)
    assert ("ICC profile kept" in facts.notes) == has_icc
    reported = {item.field: item.value for item in facts.items}
    for tag, field in SAME_FIELDS.items():
        if str(entry.get(tag, "")).strip():
            assert field in reported, f"{path.name}: ExifTool has {tag}"


@needs_corpus
@pytest.mark.parametrize("path", params(FILES, lambda path: path.name))
def test_strip_location_in_place(path):
    data = path.read_bytes()
    try:
        before = isobmff.read(data)
    except MediaError:
        pytest.skip("unreadable: nothing to strip")
    clean = isobmff.strip(data, frozenset({LOCATION}))
    assert len(clean) == len(data)
    after = isobmff.read(clean)
    assert not after.of_kind(LOCATION)
    assert (after.width, after.height, after.orientation) == (before.width, before.height, before.orientation)
    assert isobmff.strip(clean, frozenset({LOCATION})) == clean
    if not before.of_kind(LOCATION):
        assert clean == data
    emptied = isobmff.strip(clean, KINDS)
    assert not isobmff.read(emptied).items
    assert isobmff.strip(emptied, KINDS) == emptied


def decodable_photos() -> list[Path]:
    return [path for path in FILES if path.suffix.lower() in (".heic", ".heif", ".avif")]


@needs_corpus
@pytest.mark.parametrize("path", params(decodable_photos(), lambda path: path.name))
def test_stripped_photo_decodes_to_the_same_pixels(path):
    data = path.read_bytes()
    try:
        original = decoded(data)
        isobmff.read(data)
    except (MediaError, OSError, EOFError, ValueError, RuntimeError):
        pytest.skip("neither libheif nor schoollint can read this sample")
    clean = isobmff.strip(data, KINDS)
    assert decoded(clean) == original


@needs_corpus
def test_strip_identity_leaves_video_frames_alone(manifest):
    videos = [path for path in FILES if path.suffix.lower() in (".mp4", ".mov")]
    assert videos
    for path in videos:
        data = path.read_bytes()
        clean = isobmff.strip(data, frozenset({IDENTITY, LOCATION}))
        changed = [offset for offset, (a, b) in enumerate(zip(data, clean, strict=False)) if a != b]
        mdat = [(box.start, box.end) for box in isobmff.boxes(data, 0, len(data), "test") if box.type == b"mdat"]
        assert not any(start <= offset < end for offset in changed for start, end in mdat), path.name
