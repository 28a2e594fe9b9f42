"""Per-file results cached by content hash in `.schoollint_cache/`.

One JSON file: `results` maps a key (content hash + everything that can change
a file's findings) to what the checks said; `stat` maps a path to the size,
mtime and hash seen last, so an unchanged file is not even hashed again.
Results for content no path has any more are dropped when the cache is saved.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from . import __version__
from .fsio import atomic_write

CACHE_DIR = ".schoollint_cache"
# Bump when what is stored changes shape (schoollint/codec.py), so an old cache is simply ignored.
SCHEMA = 4
CACHE_FILE = "results.json"
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# schoollint cache: safe to delete.\n"


class Cache:
    def __init__(self, root: Path, enabled: bool = True):
        self.folder = root / CACHE_DIR
        self.enabled = enabled
        self.results: dict[str, dict] = {}
        self.stats: dict[str, list] = {}
        self.dirty = False
        if enabled:
            self._load()

    def _load(self) -> None:
        try:
            stored = json.loads((self.folder / CACHE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(stored, dict) and stored.get("version") == f"{__version__}/{SCHEMA}":
            self.results = stored.get("results", {})
            self.stats = stored.get("stat", {})

    def known_hash(self, relpath: str, size: int, mtime_ns: int) -> str | None:
        entry = self.stats.get(relpath)
        if entry and entry[0] == size and entry[1] == mtime_ns:
            return entry[2]
        return None

    def remember_hash(self, relpath: str, size: int, mtime_ns: int, digest: str) -> None:
        if self.enabled and self.stats.get(relpath) != [size, mtime_ns, digest]:
            self.stats[relpath] = [size, mtime_ns, digest]
            self.dirty = True

    def get(self, key: str) -> dict | None:
        return self.results.get(key) if self.enabled else None

    def put(self, key: str, value: dict) -> None:
        if self.enabled:
            self.results[key] = value
            self.dirty = True

    def save(self) -> None:
        if not (self.enabled and self.dirty):
            return
        try:
            self.folder.mkdir(exist_ok=True)
            for name, text in (("CACHEDIR.TAG", TAG), (".gitignore", "*\n")):
                if not (self.folder / name).exists():
                    (self.folder / name).write_text(text, encoding="utf-8")
            live = {entry[2] for entry in self.stats.values()}
            results = {key: value for key, value in self.results.items() if key.partition(":")[0] in live}
            payload = {"version": f"{__version__}/{SCHEMA}", "results": results, "stat": self.stats}
            atomic_write(self.folder / CACHE_FILE, json.dumps(payload, separators=(",", ":")).encode())
        except OSError:
            pass  # a read-only checkout still gets its report; the cache is only an optimisation


def stat_of(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns
