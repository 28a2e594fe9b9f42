"""Making written files durable: fsync(2) or syncfs(2) for a batch, and writeback started early;
the replaced originals' blocks freed off the run's path.

Used by fsio's batch commit (stage, then commit_staged): a temporary file's writeback is started as
it is written, and the whole batch made durable with one wait for the disk before any rename.
"""

from __future__ import annotations

import os
import sys
import threading


# Up to this many paths are synced one fsync(2) each; more, with one syncfs(2) for their file
# system. syncfs also writes whatever other programs left unwritten there, so a pre-commit run
# of a few photos would wait for them (3 photos of 700 KB, load 10: syncfs and three fsyncs both
# 5-30 ms on their own; once with 400 MB just written by another program, syncfs 210 ms and
# three fsyncs 51 ms). Each fsync costs a disk cache flush (ext4 sends one even when the journal
# commit that made the file durable is done): the whole commit of 1,000 staged photos took
# 3.0-5.7 s with an fsync of each, 0.4-0.8 s with syncfs (three runs each, load 7).
FSYNC_EACH_UP_TO = 32


def sync_all(paths: list[str]) -> None:
    """Make `paths` (files, or the folders whose entries changed) durable: an fsync of each when
    they are few, else on Linux one syncfs(2) per file system they lie on (and an fsync of each
    where that is missing or fails). OSError from fsync."""
    if len(paths) > FSYNC_EACH_UP_TO and sys.platform.startswith("linux"):
        import ctypes

        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
        # a file lies on its folder's file system: one stat a folder, not one a file, and syncfs is
        # asked through the folder (a temporary file the run removes meanwhile is no error)
        folders = {os.path.dirname(path) or "." for path in paths}
        one_per_device = {os.stat(folder).st_dev: folder for folder in folders}
        if all(_called(syncfs, folder) == 0 for folder in one_per_device.values()):
            return
    for path in paths:
        _called(os.fsync, path)


class EarlySync:
    """sync_all(`paths`) begun in a thread, for a batch of more than FSYNC_EACH_UP_TO files staged
    ahead (fix/ahead.py): the disk makes them durable while the run settles which fixes it applies,
    and the commit then syncs only what was staged after (fsio.commit_staged). For a few files
    nothing is begun (an fsync of each, paid twice, would cost more than it hides)."""

    def __init__(self, paths: list[str]):
        self._paths, self._failed = frozenset(paths), False
        self._thread = threading.Thread(target=self._sync, daemon=True) if len(paths) > FSYNC_EACH_UP_TO else None
        if self._thread is not None:
            self._thread.start()

    def _sync(self) -> None:
        try:
            sync_all(sorted(self._paths))
        except Exception:   # in a thread anything would be lost: the commit syncs these files itself
            self._failed = True

    def durable(self) -> frozenset[str]:
        """The paths made durable (every one, or none when it failed or was not begun), once it is done."""
        if self._thread is None:
            return frozenset()
        self._thread.join()
        return frozenset() if self._failed else self._paths


def start_writeback(descriptor: int) -> None:
    """Ask Linux to start writing the file's dirty pages to disk now and return at once
    (sync_file_range(2), SYNC_FILE_RANGE_WRITE): the disk then works while the CPU fixes the next
    files, and commit_staged's sync finds little left to wait for (committing 1,000 staged photos,
    load 8: 0.5-0.6 s with it, 1.1-1.6 s without). The kernel's work of writing them out is then
    counted to this process, not to the kernel's flusher: 0.1-0.3 system CPU s more for 1,000 photos.
    A hint only: it makes nothing durable (no metadata), and where it is missing nothing happens."""
    start = _writeback_call()
    if start is not None:
        start(descriptor, 0, 0, 2)   # SYNC_FILE_RANGE_WRITE; offset 0, length 0: the whole file


_WRITEBACK: list = []


def _writeback_call():
    """libc's sync_file_range with its argument types, once per process; None off Linux."""
    if not _WRITEBACK:
        call = None
        if sys.platform.startswith("linux"):
            import ctypes

            call = getattr(ctypes.CDLL(None, use_errno=True), "sync_file_range", None)
            if call is not None:
                call.argtypes = (ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint)
        _WRITEBACK.append(call)
    return _WRITEBACK[0]


def _called(sync, path: str):
    """sync(descriptor) on `path` (a file or a folder) opened for reading: what it returned (syncfs:
    0 when done; fsync: None, or OSError)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        return sync(descriptor)
    finally:
        os.close(descriptor)


# Renaming a file over a photo frees the photo's old blocks, and on a disk mounted with `discard` (as this
# project's machine is) ext4 waits for the disk's TRIM of them inside rename(2) when the rename drops the
# old file's last reference: 0.3-3 ms a photo, the CPU idle (perf: rename -> evict -> ext4_free_blocks ->
# blkdev_issue_discard). A descriptor held on the old file keeps it alive through the rename, so the rename
# returns at once; the blocks are freed when that descriptor is closed, here by a few threads while the
# run settles and reports. It is an O_PATH descriptor: it reads, writes and follows nothing, and the
# kernel closes it if the process is killed, so what is on disk after a kill is as without it.
# 1,000 renames of 700 KB photos, four threads (load 6): 0.43-0.74 s; holding the old files, 0.07-0.08 s,
# and the closes 0.31-0.87 s after them. The disk takes the trims in parallel: in the whole run (load 12)
# the renames and closes together took 0.66-0.93 s with 4 closing threads, 0.55-0.56 s with 8,
# 0.28-0.54 s with 16, 0.33 s with 32.
RELEASE_THREADS = 16
# Descriptors waiting to be closed at once (a rename waits for room beyond that): a 1,000-photo batch
# is renamed before the first frees are done, and half the process's descriptor limit is left free.
HELD_AT_MOST = 4096


def hold(path) -> int | None:
    """An O_PATH descriptor of the file `path` names now (a symlink itself, not followed), to pass to
    `release` once it is replaced; None off Linux or where none can be opened (the rename then frees
    the old file itself, as without this)."""
    flags = getattr(os, "O_PATH", 0)
    if not flags:
        return None
    try:
        return os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:     # gone, or no descriptor left (EMFILE)
        return None


_RELEASES: list = []     # [queue of descriptors to close, its threads], while any are running
_STARTING = threading.Lock()


def release(descriptor: int | None) -> None:
    """Close `descriptor` (from `hold`) in the background: the old file's blocks are freed there.
    Waits only when HELD_AT_MOST are waiting already."""
    if descriptor is None:
        return
    with _STARTING:
        if not _RELEASES:
            import queue

            import resource

            limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
            room = HELD_AT_MOST if limit == resource.RLIM_INFINITY else min(HELD_AT_MOST, limit // 2 - 64)
            waiting: queue.Queue = queue.Queue(max(room, 1))
            threads = [threading.Thread(target=_closing, args=(waiting,), daemon=True) for _ in range(RELEASE_THREADS)]
            for thread in threads:
                thread.start()
            _RELEASES[:] = [waiting, threads]
        waiting = _RELEASES[0]
    waiting.put(descriptor)


def wait_released() -> None:
    """Wait until every descriptor passed to `release` is closed (the end of a run that replaced files)."""
    with _STARTING:
        if not _RELEASES:
            return
        waiting, threads = _RELEASES
        _RELEASES.clear()
    for _ in threads:
        waiting.put(None)
    for thread in threads:
        thread.join()


def _closing(waiting) -> None:
    while (descriptor := waiting.get()) is not None:
        try:
            os.close(descriptor)
        except OSError:     # the file's last close reports a failure to free it: nothing to do here
            pass
