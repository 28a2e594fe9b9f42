"""A file's stat signature, as Git's index and ruff's cache key a file (issue 18, "A cache that can be
trusted"), and whether a signature read at a given moment can be trusted. Imports nothing of
schoollint's, so a replayed warm run (warm_start.py) can check signatures before anything else loads."""

from __future__ import annotations

import os

Signature = tuple[int, int, int, int]   # size, mtime_ns, inode, ctime_ns
# A file changed less than this before it was read may change again within the same tick of the
# file system's clock without its signature changing: a kernel clock tick (at most 10 ms at HZ=100)
# where timestamps have sub-second parts, 2 s where they are whole seconds (FAT, HFS+, ext3).
# Network mounts whose server clock lags this machine's by more than that are not covered.
RACY_NS = 50_000_000
RACY_WHOLE_SECONDS_NS = 2_000_000_000


def signature_of(info: os.stat_result) -> Signature:
    return info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns


def signature_at(path: str) -> Signature | None:
    """The signature of what `path` names (symlinks followed); None when it cannot be looked at."""
    try:
        return signature_of(os.stat(path))
    except OSError:
        return None


def trusted(signature: Signature, read_at: int) -> int:
    """1 when a file with `signature`, read at `read_at` (ns since the epoch), was read at least
    one clock tick of its file system after its last change (RACY_NS), so that no later change can
    have kept its signature; else 0 (read again next time)."""
    changed = max(signature[1], signature[3])
    window = RACY_NS if signature[1] % 1_000_000_000 or signature[3] % 1_000_000_000 else RACY_WHOLE_SECONDS_NS
    return int(read_at - changed >= window)
