"""Why a data file or front matter could not be parsed, in the file's own lines and in plain words.

The parsers say where in the text they were given (PyYAML: `in "<unicode string>", line 1, column 4`,
counted from the front matter's first line, not the page's); these helpers say it as the page's
line and what the writer of the file did. YAML's wording is yamlload.explain's (shared with the
configuration's errors); JSON's is Python's json (json/decoder.py) messages; TOML's tomllib's
(TOML 1.0). Each returns text that follows "not valid YAML" / "JSON" / "TOML".
"""

from __future__ import annotations

import json
import re

from ..yamlload import explain

# Python's JSON messages (json/decoder.py) -> what the writer of the file did.
_JSON_PROBLEMS = (
    ("Expecting value", "a value is missing (a comma too many, or text without double quotes)"),
    ("Expecting ',' delimiter", "a comma is missing between two items"),
    ("Expecting ':' delimiter", "a ':' is missing after a key"),
    ("Expecting property name", "a key is not in double quotes, or there is a comma too many before '}'"),
    ("Unterminated string", "the text in quotes that starts here has no closing quote"),
    ("Invalid control character", "a line break or tab inside quotes (write \\n or \\t)"),
    ("Extra data", "more text after the end of the data (a bracket too many?)"),
)
_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def yaml_problem(exc, first_line: int = 1) -> str:
    """A yaml.YAMLError as ", line N: words" (N the file's line; the text starts on line `first_line`)."""
    line, words = explain(exc)
    return f", line {line + first_line - 1}: {words}" if line else f": {words}"


def json_problem(exc: json.JSONDecodeError) -> str:
    """A JSONDecodeError as "line N, column M: words"."""
    words = next((plain for start, plain in _JSON_PROBLEMS if exc.msg.startswith(start)), exc.msg)
    return f"line {exc.lineno}, column {exc.colno}: {words}"


def toml_problem(exc: Exception, first_line: int = 1) -> str:
    """A tomllib.TOMLDecodeError as "line N, column M: words" (the text starts on line `first_line`)."""
    message = str(exc)
    at = _TOML_AT.search(message)
    if at is None:
        return message.replace(" (at end of document)", " at the end").lower()
    return f"line {int(at.group(1)) + first_line - 1}, column {at.group(2)}: {message[:at.start()].lower()}"
