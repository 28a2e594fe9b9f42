"""Reading files once and replacing them without ever losing one.

Temporary files are named `.<pid>-<number>.schoollint-tmp` beside their target: short, so a
target name of up to 255 bytes (NAME_MAX) still has room, and carrying the writer's process id,
so a later run can tell a leftover of a killed run (`stale_temporary`) from one being written.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import mmap
import os
import stat
from contextlib import contextmanager
from pathlib import Path

from .durable import hold, release, start_writeback, sync_all

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
def contents(handle, map_above: int | None = None):
    """The bytes of the file open as `handle` (binary), as `mapped` gives them; mapped above
    `map_above` bytes when given (an empty file cannot be mapped), else above MAP_THRESHOLD.

    Read whole, not mapped, below MAP_THRESHOLD: measured on 1,000 photos of 690 KB, read()
    and the regex scan for the end of the image took 0.28 CPU s, a map and the same scan 0.37 s
    (page faults cost more than the copy), and a map is a SIGBUS when the file shrinks. A worker
    process may map smaller files (analysis.Analyser._maps: the pool survives a SIGBUS)."""
    size = os.fstat(handle.fileno()).st_size
    if size <= (MAP_THRESHOLD if map_above is None else map_above):
        # read(n) allocates n bytes first: asking for the size (+1, to see growth) and not for
        # MAP_THRESHOLD halves the kernel time of reading 1,000 photos (0.14 s against 0.28-0.37 s)
        data = handle.read(size + 1)
        if len(data) > size:          # it grew since fstat: read on, as far as the threshold
            data += handle.read(MAP_THRESHOLD + 1 - len(data))
        yield data
        return
    view = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        yield view
    finally:
        view.close()


def content_hash(data) -> str:
    return hashlib.sha256(data).hexdigest()


_NUMBERS = itertools.count()   # names this process's temporary files (a forked worker has its own id)
_NEW_FILE = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def temporary_beside(path: Path, mode: int = 0o600) -> tuple[int, str]:
    """A new temporary file in `path`'s folder, open for reading and writing, with permission bits
    `mode`: (descriptor, its name). O_EXCL makes it a file this call created, never one that was
    there (a symlink included), and a name taken is passed over, as mkstemp does; so the name needs
    no randomness (mkstemp's cost about 10 us a file), only the process id and a counter. OSError
    of the open's kind, saying in words that no file could be made beside `path`."""
    folder, name = os.path.split(path)
    for _ in range(100):
        temporary = os.path.join(folder, f".{os.getpid()}-{next(_NUMBERS)}{TEMP_SUFFIX}")
        try:
            descriptor = os.open(temporary, _NEW_FILE, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:   # said for `path`, not for a temporary name (trial 7 item 18)
            raise type(exc)(f"cannot create a file in {folder} to write {name} in its place "
                            f"({exc.strerror or exc})") from None
        os.fchmod(descriptor, mode)
        return descriptor, temporary
    raise FileExistsError(errno.EEXIST, f"cannot create a file in {folder} to write {name} in its place "
                          "(every temporary name tried was taken)")


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
    return _zombie(int(pid))   # a killed worker nobody has reaped yet still answers kill(pid, 0)


def _zombie(pid: int) -> bool:
    """Whether `pid` has exited and waits to be reaped (Linux /proc; False where it cannot tell)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            # proc(5): "pid (comm) state ...": comm may hold ")" itself, so split at the last one
            return stat.read().rpartition(b")")[2].split()[0] in (b"Z", b"X")
    except (OSError, IndexError):
        return False


def atomic_write(path: Path, data: bytes, mode: int | None = None, sync: bool = True) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path` (`replacing`)."""
    with replacing(path, mode, sync) as (handle, _temporary):
        handle.write(data)


@contextmanager
def replacing(path: Path, mode: int | None = None, sync: bool = True):
    """A temporary file beside `path`, open for writing and reading: (file object, its name).
    When the block ends without error it is synced (unless not `sync`: a signed cache, which a crash
    may leave torn and its reader then discards) and renamed over `path`.

    The original keeps its permission bits, and its owner and group where this
    process may set them (root may; another user keeps at least a group it is
    in). A new file gets `mode` (default 0644). Until the rename the original is
    untouched; if anything fails, the temporary file is removed and the
    original is byte-identical. OSError for a symlink.
    """
    descriptor, temporary, old = _beside(path, mode)
    try:
        with os.fdopen(descriptor, "w+b") as handle:
            yield handle, temporary
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        if old is not None:
            _keep_owner(temporary, old)
        os.replace(temporary, path)
    except BaseException:
        _discard(temporary)
        raise


def stage(path: Path, data: bytes) -> str:
    """Write `data` to a temporary file beside `path`, with its mode and owner as `replacing` keeps
    them, and start writing it to disk (`durable.start_writeback`), neither waiting for that nor renaming
    it: `commit_staged` does both for a whole batch. The name of the temporary file; OSError (the
    temporary file removed) as `replacing`."""
    descriptor, temporary, old = _beside(path, None)
    try:
        try:
            with memoryview(data) as view:
                written = 0
                while written < len(view):    # a write may stop short (a signal): write on from there
                    written += os.write(descriptor, view[written:])
            start_writeback(descriptor)
        finally:
            os.close(descriptor)
        if old is not None:
            _keep_owner(temporary, old)
    except BaseException:
        _discard(temporary)
        raise
    return temporary


def commit_staged(staged: list[tuple[str, Path]], landed: dict[int, os.stat_result] | None = None,
                  durable: frozenset[str] = frozenset()) -> list[OSError | None]:
    """Rename each staged temporary file over its target once all of them are on disk; per pair,
    None or the OSError that left its target as it was (temporary removed). `landed`, when given,
    gets {index of the pair: the target's stat taken right after its rename, by the same thread}
    (fix/outputs.py tells from it whether the target still holds the bytes staged).

    The order of operations keeps crash safety with one wait for the disk per batch: (1) every
    temporary file is written, its writeback started as it is written (`stage`), so its bytes go
    to disk while later files are being fixed; (2) they are all made durable (`durable.sync_all`);
    (3) only then is any target renamed, each rename atomic; (4) one more sync makes the renames
    durable, so a fix the run reports survives a power cut. Until (2) returns no target has
    changed, and no target is renamed to a file whose bytes are not on disk: after a kill or a
    power cut at any instant each target is either the original or the complete new file. A
    temporary file left behind is removed by the next run (fix/guard.py). (2) leaves out the
    temporary files in `durable`: made durable by a sync begun after they were written and closed
    (durable.EarlySync, while the run settled which fixes apply)."""
    sync_all([temporary for temporary, _ in staged if temporary not in durable])
    failures = _renamed([(index, temporary, target) for index, (temporary, target) in enumerate(staged)], landed)
    try:
        sync_all(list(dict.fromkeys(os.path.dirname(os.path.abspath(target)) for _, target in staged)))
    except OSError:   # a folder its file system cannot fsync: the renames are made all the same
        pass
    return [failures.get(index) for index in range(len(staged))]


# Renaming over a photo frees the original's blocks, and on a disk mounted with `discard` ext4 waits
# for the disk's TRIM inside rename(2) (durable.hold: now done after the rename, in the background).
# Committing 1,000 staged photos of 700 KB before that (load 8, three runs each): one thread
# 3.2-3.7 s, four 0.5-0.9 s; eight or sixteen were no faster.
RENAME_THREADS = 4


def _renamed(pairs: list[tuple[int, str, Path]], landed: dict[int, os.stat_result] | None = None
             ) -> dict[int, OSError]:
    """os.replace(temporary, target) for each (index, temporary, target), several threads at a time
    (each rename is atomic and touches one target, so their order does not matter); {index: the
    OSError that left its target as it was}, the temporary file of such a pair removed. With
    `landed`, each target renamed is stat'ed at once (`commit_staged`); one that cannot be is left out."""
    failures: dict[int, OSError] = {}
    threads = min(RENAME_THREADS, len(pairs) // 16 + 1)   # a few files: no thread is worth starting
    held = threads > 1    # nor, for a few renames, the threads that free the old copies (durable.release)

    def rename(share: list[tuple[int, str, Path]]) -> None:
        for index, temporary, target in share:
            old = hold(target) if held else None   # the original's blocks are freed when this is closed
            try:
                os.replace(temporary, target)
            except Exception as exc:   # in a thread anything else would be lost: the pair must fail
                _discard(temporary)
                failures[index] = exc if isinstance(exc, OSError) else OSError(f"{target}: not replaced ({exc!r})")
                continue
            finally:
                release(old)
            if landed is not None:
                try:
                    landed[index] = os.stat(target)
                except OSError:   # gone already: no proof of what it holds, so it is read again
                    pass

    if threads == 1:
        rename(pairs)
        return failures
    import threading

    started = [threading.Thread(target=rename, args=(pairs[number::threads],)) for number in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return failures


def _beside(path: Path, mode: int | None) -> tuple[int, str, os.stat_result | None]:
    """A new temporary file for replacing `path`: (descriptor, name, the original's stat or None)."""
    try:
        old: os.stat_result | None = os.lstat(path)   # not a symlink (below), so its stat
    except FileNotFoundError:
        old = None
    if old is not None and stat.S_ISLNK(old.st_mode):
        raise OSError(f"{path}: refusing to replace a symlink")
    descriptor, temporary = temporary_beside(path, stat.S_IMODE(old.st_mode) if old else (mode or 0o644))
    return descriptor, temporary, old


def _discard(temporary: str) -> None:
    if os.path.exists(temporary):
        os.unlink(temporary)


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
