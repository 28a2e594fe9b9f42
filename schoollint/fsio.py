"""Reading files once and replacing them without ever losing one.

Temporary files are named `.<pid>-<random>.schoollint-tmp` beside their target: short, so a
target name of up to 255 bytes (NAME_MAX) still has room, and carrying the writer's process id,
so a later run can tell a leftover of a killed run (`stale_temporary`) from one being written.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

TEMP_SUFFIX = ".schoollint-tmp"
# Up to this many bytes a file is read into memory at once: a file that shrinks while it is read
# then only gives fewer bytes. Larger ones are mapped, and a mapping of a file that shrinks raises
# SIGBUS on touch, so the pipeline reads them only in worker processes (pool.run_jobs isolates).
MAP_THRESHOLD = 64 << 20


@contextmanager
def mapped(path: Path):
    """The file's bytes as a read-only buffer: `bytes` up to MAP_THRESHOLD, else an mmap."""
    with open(path, "rb") as handle, contents(handle) as data:
        yield data


@contextmanager
def contents(handle):
    """The bytes of the file open as `handle` (binary), as `mapped` gives them.

    Read whole, not mapped, below MAP_THRESHOLD: measured on 1,000 photos of 690 KB, read()
    and the regex scan for the end of the image took 0.28 CPU s, a map and the same scan 0.37 s
    (page faults cost more than the copy), and a map is a SIGBUS when the file shrinks."""
    size = os.fstat(handle.fileno()).st_size
    if size <= MAP_THRESHOLD:
        yield handle.read(MAP_THRESHOLD + 1)
        return
    view = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        yield view
    finally:
        view.close()


def content_hash(data) -> str:
    return hashlib.sha256(data).hexdigest()


def temporary_beside(path: Path, mode: int = 0o600) -> tuple[int, str]:
    """A new temporary file in `path`'s folder: (open descriptor, its name)."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{os.getpid()}-", suffix=TEMP_SUFFIX, dir=path.parent)
    os.chmod(temporary, mode)
    return descriptor, temporary


def stale_temporary(path: Path, started: float) -> bool:
    """True for a schoollint temporary file older than `started` whose writer is no longer alive."""
    name = path.name
    pid = name[1:].partition("-")[0]
    if not (name.startswith(".") and name.endswith(TEMP_SUFFIX) and pid.isdigit()):
        return False
    try:
        if path.lstat().st_mtime >= started:
            return False
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:       # gone already, or a live process of another user
        return False
    return False          # its writer is alive


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path` (`replacing`)."""
    with replacing(path, mode) as (handle, _temporary):
        handle.write(data)


@contextmanager
def replacing(path: Path, mode: int | None = None):
    """A temporary file beside `path`, open for writing and reading: (file object, its name).
    When the block ends without error it is synced and renamed over `path`.

    The original keeps its permission bits, and its owner and group where this
    process may set them (root may; another user keeps at least a group it is
    in). A new file gets `mode` (default 0644). Until the rename the original is
    untouched; if anything fails, the temporary file is removed and the
    original is byte-identical. OSError for a symlink.
    """
    if path.is_symlink():
        raise OSError(f"{path}: refusing to replace a symlink")
    old = path.stat() if path.exists() else None
    descriptor, temporary = temporary_beside(path, stat.S_IMODE(old.st_mode) if old else (mode or 0o644))
    try:
        with os.fdopen(descriptor, "w+b") as handle:
            yield handle, temporary
            handle.flush()
            os.fsync(handle.fileno())
        if old is not None:
            _keep_owner(temporary, old)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _keep_owner(temporary: str, old: os.stat_result) -> None:
    if (old.st_uid, old.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(temporary, old.st_uid, old.st_gid)
    except PermissionError:
        try:
            os.chown(temporary, -1, old.st_gid)
        except PermissionError:
            pass  # not a group of ours: the file stays ours, as any editor would leave it
