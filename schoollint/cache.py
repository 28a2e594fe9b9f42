"""Per-file results cached by content hash in `.schoollint_cache/`, and the folder's fix lock.

One JSON file: `results` maps a key (content hash + everything that can change
a file's findings) to what the checks said; `stat` maps a path to the size,
mtime and hash seen last, so an unchanged file is not even hashed again.
Results for content no path has any more are dropped when the cache is saved.

The folder is the user's alone (0700, files 0600) and holds no personal value
(codec.py drops them). The file's first line is an HMAC-SHA256 of the rest, keyed with a
secret of this user's kept outside every repository (`user_key`), so a cache that was
edited, or committed by someone else, is not believed. A cache that fails that, or is of
the wrong version or shape (codec.valid_record), is discarded whole: it costs one slower
run, never a wrong or failed one. A
folder that is a symlink out of the repository is refused (CacheError): the
cache, the lock and the fix journal are never written outside it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .codec import valid_record
from .errors import UserError
from .fsio import atomic_write

CACHE_DIR = ".schoollint_cache"
# Bump when what is stored changes shape (schoollint/codec.py), so an old cache is simply ignored.
SCHEMA = 6
CACHE_FILE = "results.json"
LOCK_FILE = "fix.lock"
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# schoollint cache: safe to delete.\n"


class CacheError(UserError):
    pass


def cache_folder(root: Path, create: bool = False) -> Path:
    """The repository's cache folder (made 0700 with CACHEDIR.TAG and .gitignore when `create`).

    CacheError when it is a symlink, or lies outside the repository; OSError when it cannot be made.
    """
    folder = root / CACHE_DIR
    if folder.is_symlink() or not Path(os.path.realpath(folder)).is_relative_to(root):
        raise CacheError(f"{CACHE_DIR}: is a symlink; schoollint writes its cache only inside the "
                         "repository: remove the link")
    if create:
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
        for name, text in (("CACHEDIR.TAG", TAG), (".gitignore", "*\n")):
            if not (folder / name).exists():
                atomic_write(folder / name, text.encode(), mode=0o600)
    return folder


@contextmanager
def fix_lock(root: Path, waiting: list[str]):
    """Hold the repository's fix lock (an flock on .schoollint_cache/fix.lock) for the block.

    A second run waits for the first; `waiting` gets a note saying so. The lock is
    released by the kernel when its holder dies, so a killed run never blocks the next.
    """
    import fcntl

    path = cache_folder(root, create=True) / LOCK_FILE
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            import sys

            print("schoollint: another schoollint run is fixing this repository; waiting for it to finish",
                  file=sys.stderr, flush=True)
            waiting.append("waited for another schoollint run that was fixing this repository")
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


class Cache:
    def __init__(self, root: Path, enabled: bool = True):
        self.folder = cache_folder(root)
        self.enabled = enabled
        self.results: dict[str, dict] = {}
        self.stats: dict[str, list] = {}
        self.dirty = False
        if enabled:
            self._load()

    def _load(self) -> None:
        try:
            mac, _, body = (self.folder / CACHE_FILE).read_bytes().partition(b"\n")
            if not hmac.compare_digest(mac, _mac(body)):
                raise ValueError("not written by this user's schoollint")
            stored = json.loads(body)
        except (OSError, ValueError):
            self.dirty = True
            return
        if not (isinstance(stored, dict) and stored.get("version") == f"{__version__}/{SCHEMA}"):
            return
        results, stats = stored.get("results"), stored.get("stat")
        if (isinstance(results, dict) and all(valid_record(record) for record in results.values())
                and isinstance(stats, dict) and all(_valid_stat(entry) for entry in stats.values())):
            self.results, self.stats = results, stats
        else:
            self.dirty = True  # rewritten whole at the end of this run

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
            folder = cache_folder(self.folder.parent, create=True)
            live = {entry[2] for entry in self.stats.values()}
            results = {key: value for key, value in self.results.items() if key.partition(":")[0] in live}
            payload = {"version": f"{__version__}/{SCHEMA}", "results": results, "stat": self.stats}
            target = folder / CACHE_FILE
            body = json.dumps(payload, separators=(",", ":")).encode()
            atomic_write(target, _mac(body) + b"\n" + body, mode=0o600)
            os.chmod(target, 0o600)  # an older cache may have been 0644
        except OSError:
            pass  # a read-only checkout still gets its report; the cache is only an optimisation


def user_key() -> bytes:
    """This user's secret for signing caches: `schoollint/cache-key` under $XDG_CACHE_HOME (default
    ~/.cache), made 0600 on first use. OSError when it can be neither read nor made."""
    import secrets

    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "schoollint"
    path = home / "cache-key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write(path, secrets.token_hex(32).encode(), mode=0o600)
        return path.read_bytes()


def _mac(body: bytes) -> bytes:
    return hmac.new(user_key(), body, hashlib.sha256).hexdigest().encode()


def _valid_stat(entry) -> bool:
    """[size, mtime_ns, sha256 hex]."""
    return (isinstance(entry, list) and len(entry) == 3 and all(type(n) is int for n in entry[:2])
            and isinstance(entry[2], str) and len(entry[2]) == 64)


def stat_of(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns
