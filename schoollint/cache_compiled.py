"""A compiled copy of the result cache (`cache.py`'s results.json), for warm runs.

results.json stays the cache (readable, what tests and people look at); beside it a signed marshal
copy of what it decodes to, bound to the JSON file's HMAC line, loads in a third of json.loads' time.
The copy is believed only while that line matches the results.json on disk, its own signature holds
(usercache.read_signed) and this Python's marshal wrote it; else the JSON is read.
"""

from __future__ import annotations

import json
import marshal
import os
import sys
from pathlib import Path

from .usercache import read_signed, write_signed

COMPILED_FILE = "results.marshal"
# marshal's format can change between Python versions, so the tag names both.
_COMPILED_TAG = f"{sys.implementation.cache_tag} marshal {marshal.version}".encode()


def write_compiled(results: Path, body: bytes) -> None:
    """Keep beside `results` (results.json) a signed marshal copy of what its `body` decodes to, bound to the file's
    HMAC line: a warm run loads it in a third of json.loads' time. Each string is kept once, and so is
    each result record (photos from one camera often have the same findings; a record is never changed
    in place, only replaced: Cache.put): marshal writes the repeats as references, loaded as the same
    object (1,000 photos of the benchmark: 1.9 MB of JSON, 0.2 MB compiled, a tenth of the load's work).
    OSError when it cannot be written."""
    with open(results, "rb") as handle:
        line = handle.readline(256).rstrip(b"\n")
    strings: dict[str, str] = {}
    records: dict[bytes, dict] = {}

    def once(value):
        if isinstance(value, str):
            return strings.setdefault(value, value)
        if isinstance(value, dict):
            return {strings.setdefault(key, key): once(item) for key, item in value.items()}
        if isinstance(value, list):
            return [once(item) for item in value]
        return value

    stored = once(json.loads(body))
    # marshal's bytes tell types apart (True from 1) and keep key order: equal bytes, the same record
    stored["results"] = {key: records.setdefault(marshal.dumps(record), record)
                         for key, record in stored["results"].items()}
    compiled = results.with_name(COMPILED_FILE)
    write_signed(compiled, _COMPILED_TAG + b"\n" + marshal.dumps((line, stored)))
    os.chmod(compiled, 0o600)


def read_compiled(results: Path) -> dict | None:
    """What results.json holds, from its compiled copy (`write_compiled`) when that copy is signed, was
    made by this Python's marshal and from the results.json that is there now (its HMAC line, which
    changes with every byte of it); else None (then results.json is read). A compiled copy is never
    believed without its JSON: one edited, replaced or left behind by a later write is not used."""
    try:
        with open(results, "rb") as handle:
            line = handle.readline(256).rstrip(b"\n")
        body = read_signed(results.with_name(COMPILED_FILE))
        tag, _, data = body.partition(b"\n") if body else (b"", b"", b"")
        if tag != _COMPILED_TAG:
            return None
        bound, stored = marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return stored if bound == line else None
