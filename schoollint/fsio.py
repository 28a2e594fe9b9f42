"""Reading files once and replacing them without ever losing one."""

from __future__ import annotations

import hashlib
import mmap
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def mapped(path: Path):
    """The file's bytes as a read-only buffer: an mmap, so only the pages a reader touches are read."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            yield b""
            return
        view = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            yield view
        finally:
            view.close()


def content_hash(data) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`.

    The original keeps its permission bits. Until the rename the original is
    untouched; if anything fails, the temporary file is removed and the
    original is byte-identical.
    """
    if path.is_symlink():
        raise OSError(f"{path}: refusing to replace a symlink")
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".schoollint-tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
