"""What schoollint keeps for this user outside every repository, under $XDG_CACHE_HOME/schoollint
(default ~/.cache/schoollint): the secret that signs caches and the files signed with it (signed.py,
re-exported here), and derived forms of the package's own data files (`derived`: the name lists,
compiled once instead of parsed on every start).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import __version__
from .signed import home as home, mac as mac, read_signed as read_signed, user_key as user_key
from .signed import read_signed_view, write_signed as write_signed

# A derived file is written only when every source it was made from last changed longer ago than
# this: a source rewritten within the same tick of the file system's clock as our read could keep
# its signature (Git's "racily clean" entries; 2 s covers whole-second time stamps, FAT, HFS+).
SETTLED_NS = 2_000_000_000
# Whether `derived` may write: not in a run with --no-cache (pipeline.py), nor in a worker process
# (pool.py), which writes nothing to this user's folder either. A copy already kept is still read.
writable = True


Sections = dict[str, str]


def derived(name: str, sources: list[Path], build: Callable[[], tuple[dict, Sections]]) -> tuple[dict, Sections]:
    """`build()` (a JSON-ready header and named text sections), made from the files `sources`, taken from
    this user's cache when it was made from exactly these files as they are now: the same paths and
    stat signatures (size, mtime_ns, inode, ctime_ns), by this version of schoollint. Otherwise (none
    kept, another version, a source changed, added or gone, a file that fails its HMAC or has the
    wrong shape) built again and kept, if it can be. Never fails for the cache's sake: no key, no
    writable folder and an unsettled source (SETTLED_NS) each just mean building every time."""
    made: list[tuple[dict, Sections]] = []

    def make() -> tuple[dict, Sections]:
        made.append(build())
        return made[0]

    kept = _kept_or_made(name, sources, make, _encode, _parse)
    if kept is not None:
        return kept
    return made[0] if made else build()


def derived_binary(name: str, sources: list[Path],
                   make: Callable[[], tuple[dict, bytes]]) -> tuple[dict, memoryview] | None:
    """For a JSON-ready header and one binary payload (names/lexicon_store.py's probe table), as `derived`
    keeps it: the kept copy (its payload a view of the file's bytes, not copied); else None, and `make()`
    is called and its result kept only when it can be kept now (the caller, which needs no copy for
    itself, then makes what it needs its own way)."""
    return _kept_or_made(name, sources, make, _encode_binary, _parse_binary)


def kept_path(name: str, sources: list[Path]) -> Path:
    """Where `derived(name, sources, ...)` keeps its copy. OSError/RuntimeError as `home()`."""
    tag = hashlib.sha256(json.dumps([name, __version__, *map(str, sources)]).encode()).hexdigest()
    return home() / "derived" / f"{name}-{tag[:16]}"    # one per installation: two never evict each other


def _kept_or_made(name: str, sources: list[Path], make: Callable[[], tuple[dict, Any]],
                  encode: Callable[[list, dict, Any], bytes], parse: Callable[[memoryview | None, list], Any]):
    """The copy kept for `sources` as they are now, parsed; else None, after `make()` and keeping what it
    made when every source settled and this run may write."""
    try:
        signatures = [_signature(source) for source in sources]
        path = kept_path(name, sources)
    except (OSError, RuntimeError):     # a source is missing (the caller's build says so), or no home folder
        return None
    stamp = [__version__, *([str(source), *signature] for source, signature in zip(sources, signatures, strict=True))]
    kept = parse(read_signed_view(path), stamp)
    if kept is not None:
        return kept
    settled = all(time.time_ns() - max(signature[1], signature[3]) >= SETTLED_NS for signature in signatures)
    if not (settled and writable):
        return None
    header, payload = make()
    try:
        home().mkdir(mode=0o700, parents=True, exist_ok=True)     # this user's alone, as user_key makes it
        path.parent.mkdir(mode=0o700, exist_ok=True)
        write_signed(path, encode(stamp, header, payload))
    except (OSError, RuntimeError, TypeError, ValueError):   # no folder or key; a header JSON cannot hold
        pass
    return None


def _signature(path: Path) -> list[int]:
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns]


def _encode(stamp: list, header: dict, sections: Sections) -> bytes:
    """One JSON line (stamp, header, each section's [start, end) in the text after it), then the text."""
    spans, at = {}, 0
    for key, text in sections.items():
        spans[key] = [at, at + len(text)]
        at += len(text)
    return (json.dumps({"stamp": stamp, "header": header, "sections": spans}) + "\n"
            + "".join(sections.values())).encode("utf-8")


def _parse(body: memoryview | None, stamp: list) -> tuple[dict, Sections] | None:
    """What _encode wrote, if its stamp is `stamp` and its shape holds; else None."""
    if body is None:
        return None
    try:
        line, rest = _first_line(body)
        stored = json.loads(line)
        text = str(rest, "utf-8")
        if not (isinstance(stored, dict) and stored.get("stamp") == stamp and isinstance(stored.get("header"), dict)
                and isinstance(stored.get("sections"), dict)):
            return None
        sections = {}
        for key, span in stored["sections"].items():
            if not (isinstance(span, list) and len(span) == 2 and all(type(n) is int for n in span)
                    and 0 <= span[0] <= span[1] <= len(text)):
                return None
            sections[key] = text[span[0]:span[1]]
        return stored["header"], sections
    except (ValueError, UnicodeDecodeError):
        return None


def _first_line(body: memoryview) -> tuple[bytes, memoryview]:
    """The first line of `body` and the view after it. ValueError when there is no line break."""
    for start in range(0, len(body), 65536):        # copied a piece at a time: the line is short, the rest large
        at = bytes(body[start:start + 65536]).find(b"\n")
        if at >= 0:
            return bytes(body[:start + at]), body[start + at + 1:]
    raise ValueError("no line break")


def _encode_binary(stamp: list, header: dict, payload: bytes) -> bytes:
    """One JSON line (stamp, header, the payload's length), then the payload."""
    return json.dumps({"stamp": stamp, "header": header, "size": len(payload)}).encode("utf-8") + b"\n" + payload


def _parse_binary(body: memoryview | None, stamp: list) -> tuple[dict, memoryview] | None:
    """What _encode_binary wrote, if its stamp is `stamp` and its length holds; else None."""
    if body is None:
        return None
    try:
        line, payload = _first_line(body)
        stored = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    if not (isinstance(stored, dict) and stored.get("stamp") == stamp and isinstance(stored.get("header"), dict)
            and stored.get("size") == len(payload)):
        return None
    return stored["header"], payload

