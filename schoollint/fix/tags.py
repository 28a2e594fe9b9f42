"""The key of the tags SL301's rename fix puts in a new name (`checks/identifying_filename.py`).

A tag must be the same in every run, so that the report, the audit and --fix name the same new
file, and must not lead back to the old name: anyone could hash guessed names to confirm one
(issue 17 item 11). So the key is derived (HMAC-SHA256, RFC 2104, with a label of its own) from
the user's secret that also signs the cache (`cache.user_key`, kept under $XDG_CACHE_HOME, outside
every repository), never from anything in the repository. Only when that secret can be neither read
nor made is the key this run's random one (`model.drawn_run_key`): unguessable still, but new each
run. A roster key, when one is set, comes before both (the check's choice).
"""

from __future__ import annotations

import hashlib
import hmac

from .model import drawn_run_key

_LABEL = b"schoollint rename tag v1"


def run_tag_key() -> bytes:
    """The key for rename tags: 32 bytes from the user's secret, or this run's random key."""
    from ..cache import user_key

    try:
        secret = user_key()
    except OSError:
        return drawn_run_key()
    return hmac.new(secret, _LABEL, hashlib.sha256).digest()
