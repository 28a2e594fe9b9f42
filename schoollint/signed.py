"""Files signed for this user (issue 18): the secret that signs caches (`user_key`, under
$XDG_CACHE_HOME/schoollint, default ~/.cache/schoollint) and the files signed with it.

A signed file is one line of HMAC-SHA256 (hex) of the rest, keyed with `user_key`: one that was
edited, truncated or written by another user's schoollint fails it and is not believed. Kept apart
from usercache.py, which re-exports it, so that a replayed warm run (warm_start.py) checks a
signature without importing JSON, typing or the file writer.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path


def home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "schoollint"


def user_key(create: bool = True) -> bytes:
    """This user's secret for signing caches: `schoollint/cache-key` under $XDG_CACHE_HOME (default
    ~/.cache), made 0600 on first use (unless not `create`). OSError when it can be neither read nor made."""
    path = home() / "cache-key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if not create:
            raise
        import secrets   # only to make one: 2 ms of imports (base64, random) a warm run needs not

        from .fsio import atomic_write

        home().mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write(path, secrets.token_hex(32).encode(), mode=0o600)
        return path.read_bytes()


def mac(body: bytes | memoryview, create: bool = True) -> bytes:
    """HMAC-SHA256 of `body` under this user's key, hex. OSError when there is no key (and not `create`)."""
    return hmac.new(user_key(create), body, hashlib.sha256).hexdigest().encode()


def read_signed(path: Path) -> bytes | None:
    """The body of a file `write_signed` wrote, or None when it is missing, unreadable or fails its HMAC."""
    body = read_signed_view(path)
    return None if body is None else body.tobytes()


def read_signed_view(path: Path) -> memoryview | None:
    """As `read_signed`, the body as a view of the file's bytes (a large body is not copied again)."""
    try:
        data = path.read_bytes()
        body = memoryview(data)[data.index(b"\n") + 1:]
        signature = data[:len(data) - len(body) - 1]
        return body if hmac.compare_digest(signature, mac(body, create=False)) else None   # no key: none signed
    except ValueError:                  # no line break: not a signed file
        return None
    except (OSError, RuntimeError):     # RuntimeError: no home folder to keep a key in
        return None


def write_signed(path: Path, body: bytes) -> None:
    """Write `body` with its HMAC line, atomically, 0600. OSError when it cannot be written.

    Not synced (issue 18: an fsync waits for the file system's journal, 0.3 ms idle and tens of ms
    when other programs write): every reader believes a signed file only when its HMAC holds
    (`read_signed`), so a copy a crash left torn or empty is discarded and made again, as when none was kept."""
    from .fsio import atomic_write

    atomic_write(path, mac(body) + b"\n" + body, mode=0o600, sync=False)
