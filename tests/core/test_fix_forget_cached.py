"""Issue 18: a photo about to be replaced gives its cached pages back before its fixed copy is
written (durable.forget_cached, called by fsio.stage), so the copy's pages come from memory just
freed; nothing of the original is lost or changed, and a symlink is never followed.

Real files on the test's file system; what is cached is read back with mincore(2) over a mapping
of the file (mapping a file does not read it in).
"""

from __future__ import annotations

import ctypes
import mmap
import os
import sys
from pathlib import Path

import pytest

from schoollint.durable import forget_cached
from schoollint.fsio import commit_staged, stage

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="posix_fadvise and mincore are Linux's")
PAGE = mmap.PAGESIZE


def cached_pages(path: Path) -> int:
    """How many of the file's pages are in the page cache now (mincore over a read-only mapping)."""
    size = path.stat().st_size
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype, libc.mmap.argtypes = ctypes.c_void_p, (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int,
                                                              ctypes.c_int, ctypes.c_int, ctypes.c_long)
    libc.munmap.argtypes = (ctypes.c_void_p, ctypes.c_size_t)
    libc.mincore.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p)
    with open(path, "rb") as handle:
        address = libc.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, handle.fileno(), 0)
        assert address not in (None, ctypes.c_void_p(-1).value)
    try:
        pages = (size + PAGE - 1) // PAGE
        vector = ctypes.create_string_buffer(pages)
        assert libc.mincore(address, size, vector) == 0, os.strerror(ctypes.get_errno())
        return sum(byte & 1 for byte in vector.raw)
    finally:
        libc.munmap(address, size)


def written_and_cached(path: Path, data: bytes) -> Path:
    """`path` holding `data`, on disk (so its pages are clean) and read back into the cache."""
    path.write_bytes(data)
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    assert path.read_bytes() == data
    if cached_pages(path) == 0:     # a file system that keeps no page cache for it: nothing to show
        pytest.skip(f"{path.parent} keeps no cached pages to give back")
    return path


@linux_only
def test_the_original_gives_its_cached_pages_back_and_keeps_its_bytes(tmp_path):
    data = bytes(range(256)) * 2000     # 125 pages of 4 KiB
    photo = written_and_cached(tmp_path / "photo.jpg", data)
    forget_cached(photo)
    assert cached_pages(photo) == 0
    assert photo.read_bytes() == data    # read again from disk, the same bytes


@linux_only
def test_staging_gives_the_originals_pages_back_and_the_commit_replaces_it(tmp_path):
    photo = written_and_cached(tmp_path / "photo.jpg", b"the original " * 20000)
    temporary = stage(photo, b"the fixed file " * 20000)
    assert cached_pages(photo) == 0 < cached_pages(Path(temporary))   # the new file's pages stay cached
    assert photo.read_bytes() == b"the original " * 20000              # not replaced before the commit
    assert commit_staged([(temporary, photo)]) == [None]
    assert photo.read_bytes() == b"the fixed file " * 20000


@linux_only
def test_a_symlink_is_not_followed(tmp_path):
    target = written_and_cached(tmp_path / "elsewhere.jpg", b"someone else's photo " * 20000)
    link = tmp_path / "photo.jpg"
    link.symlink_to(target)
    forget_cached(link)
    assert cached_pages(target) > 0
    forget_cached(tmp_path / "gone.jpg")     # a file not there: nothing happens, nothing raised
