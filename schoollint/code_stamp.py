"""Which code is running, for the caches that keep what it found (cache.py): Python's own test of
a module's bytecode (size and mtime), over every file of the package and of its rule catalogue. Imports
nothing of schoollint's: a replayed warm run (warm_start.py) stamps the code before anything else loads."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def shape_stamp() -> str:
    """Names the code running: the path, size and mtime_ns of every file of the package (its modules,
    name lists and templates) and of its rule catalogue (rules/*.yaml), as Python judges a module's
    bytecode current. A cache written by other code is discarded (cache.Cache._load): a release whose every change
    bumps __version__ would need no more, but an editable install, or a reinstall of a moved tag, changes
    the code under one version. Stats about 250 files, once a run; inside a zip, nothing (its version names it)."""
    digest = hashlib.sha256()
    folders = [files("schoollint.rules"), Path(__file__).parent]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name) if isinstance(folder, Path) else []
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":   # Python's own bytecode: follows the modules
                        folders.append(Path(entry.path))
                    continue
                info = entry.stat()
                digest.update(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
        except OSError:   # a folder or file gone while listed: the stamp then names no release, and that is all
            digest.update(f"{folder}\0?\n".encode())
    return digest.hexdigest()[:16]


def files(package: str):
    """The folder of `package` when it is installed as files, else (inside a zip) importlib.resources'
    view of it. Asking importlib.resources in every case cost each run about 12 M instructions (it
    imports zipfile) for what the package's own `__file__` says."""
    import importlib

    origin = getattr(importlib.import_module(package), "__file__", None)
    if origin and os.path.isfile(origin):
        return Path(origin).parent
    from importlib.resources import files as resources

    return resources(package)
