"""Per-file results cached in `.schoollint_cache/`, keyed the way Git's index and ruff key theirs,
and the folder's fix lock.

One JSON file, results.json (with a compiled copy beside it, results.marshal, which a run loads
instead while it is the copy of the results.json that is there: `_compiled`): `stat` maps a path
to what `os.stat` said when it was last read (size, mtime_ns, inode, ctime_ns: `signature`) and
the content key its bytes were judged
under; `results` maps a result key (content key + everything else that can change a
file's findings, analysis.Analyser.cache_key) to what the checks said; `depends` maps a
result key to the files whose existence that result depends on (the targets a page's
references resolve to: SL304 judges them), each with whether it was a file then; `site` maps
the path of a text file of the site to its signature and what the site rules need from it
(codec.valid_site_facts: where its references lead and on which files' existence that
depends, whether it writes size or share words), so a warm run reads no page for them.

A content key is Git's blob id ("g" + SHA-1 hex, `clean_blobs`) for a tracked file whose
work-tree copy matches a fresh index and no clean filter rewrites, else the file's stat
signature ("s" + its four numbers). No byte is hashed to find a file unchanged: a file
whose signature changed is read again; one changed within RACY_NS of being read (perhaps the
same file-system clock tick as the change we saw: Git's "racily clean" entries) is read again
next time too. Blob ids also match after a clone, so a cache restored in CI still hits.
The SHA-256 of the bytes (the findings' identity in baselines and report fingerprints)
is kept beside the signature when a run needed it, so it is computed once per content.

The folder is the user's alone (0700, files 0600) and holds no personal value
(codec.py drops them). The file's first line is an HMAC-SHA256 of the rest, keyed with a
secret of this user's kept outside every repository (`user_key`), so a cache that was
edited, or committed by someone else, is not believed. A cache that fails that, or is of
written by other code (its version, SCHEMA, or `shape_stamp`: the size and mtime of every file of
the package and of its rule catalogue, so an edited reader in an editable install counts), or of the
wrong shape (codec.valid_record, valid_stat, valid_site, valid_depends), is discarded whole: it costs
one slower run, never a wrong or failed one. The shape is checked entry by entry only when the
file's `shape` (under the HMAC) is not the stamp of the code running: a file this very code wrote,
checking each entry as it kept it, has the shape it writes. A folder that is a
symlink out of the repository is refused (CacheError): the cache, the lock and the fix
journal are never written outside it.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .codec import valid_depends, valid_record, valid_site, valid_stat
from .code_stamp import shape_stamp
from .errors import UserError
from .cache_compiled import COMPILED_FILE as COMPILED_FILE, read_compiled, write_compiled
from .fsio import atomic_write
from .git_blobs import clean_blobs
from .stat_signature import RACY_NS as RACY_NS, Signature as Signature, signature_of as signature_of  # re-exported
from .stat_signature import trusted as trusted
from .usercache import read_signed, user_key as user_key, write_signed   # fix/tags.py signs with user_key too

CACHE_DIR = ".schoollint_cache"
# Bump when what is stored changes shape (schoollint/codec.py), so an old cache is simply ignored.
SCHEMA = 9
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


def made_read_only(root: Path) -> bool:
    """True when the checked folder has no cache yet and no write permission for anyone (mode 555):
    someone made it read-only, and root, whom permissions do not stop, must not write into it either.
    The cache is only an optimisation, so such a run keeps none (ruff too carries on unwritten)."""
    try:
        return not (root / CACHE_DIR).exists() and not os.stat(root).st_mode & 0o222
    except OSError:
        return True


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
        self.root = root
        self.enabled = enabled
        self.results: dict[str, dict] = {}
        self.stats: dict[str, list] = {}      # path -> [size, mtime_ns, inode, ctime_ns, content key, sha256, trusted]
        self.depends: dict[str, dict[str, bool]] = {}
        self.site: dict[str, list] = {}       # path -> [size, mtime_ns, inode, ctime_ns, trusted, site facts]
        self.site_key = ""                    # the site layout the site facts were found under (key_site)
        self.dirty = False
        self.shaped = True     # every entry held has the shape the checks of _load want: the file may say so
        if enabled:
            self._load()

    def _load(self) -> None:
        # Decoding makes tens of thousands of dicts and lists, none in a cycle: with the collector on, they
        # set off its collections, each walking everything made so far (half the time of a marshal load).
        collecting = gc.isenabled()
        gc.disable()
        try:
            stored = read_compiled(self.folder / CACHE_FILE)
            if stored is None:
                body = read_signed(self.folder / CACHE_FILE)
                if body is None:
                    raise ValueError("missing, or not written by this user's schoollint")
                stored = json.loads(body)
        except (OSError, ValueError):
            self.dirty = True
            return
        finally:
            if collecting:
                gc.enable()
        if not (isinstance(stored, dict) and stored.get("version") == f"{__version__}/{SCHEMA}"
                and stored.get("code") == shape_stamp()):    # written by other code: results it may not give
            return
        # Written and signed by this very code, which checked each entry as it was kept (`shaped`): not
        # checked again (0.12 s for 1,000 records), unless one failed then (the stamp is left off).
        self.site_key = stored.get("site-key", "")
        if stored.get("shape") == shape_stamp():
            self.results, self.stats, self.depends, self.site = (stored[key] for key in ("results", "stat",
                                                                                       "depends", "site"))
            # Kept for the whole run, like the modules imported so far: out of the collector's sight, so
            # its full collections stop walking tens of thousands of dicts and lists no cycle can free.
            gc.freeze()
            return
        results, stats, depends, site = (stored.get(key) for key in ("results", "stat", "depends", "site"))
        self.dirty = True  # rewritten whole at the end of this run (with the stamp)
        if (isinstance(results, dict) and all(valid_record(record) for record in results.values())
                and isinstance(stats, dict) and all(valid_stat(entry) for entry in stats.values())
                and valid_depends(depends) and isinstance(site, dict) and all(map(valid_site, site.values()))):
            self.results, self.stats, self.depends, self.site = results, stats, depends or {}, site

    def content_keys(self, in_git: bool, files: list[tuple[str, Signature]]) -> list[tuple[str, str]]:
        """(content key or "", known SHA-256 or "") for each (path, signature), in order: from the
        path's stat entry when its signature is unchanged, else Git's blob id when the index vouches
        for the bytes (asked only about the files that missed), else ""."""
        known = [self._known(relpath, signature) for relpath, signature in files]
        if self.enabled and in_git and not all(known):
            blobs = clean_blobs(self.root, [relpath for (relpath, _), hit in zip(files, known, strict=True)
                                            if not hit])
            known = [hit or (("g" + blobs[relpath], "") if relpath in blobs else None)
                     for (relpath, _), hit in zip(files, known, strict=True)]
        return [hit or ("", "") for hit in known]

    def _known(self, relpath: str, signature: Signature) -> tuple[str, str] | None:
        entry = self.stats.get(relpath) if self.enabled else None
        if entry and entry[6] and tuple(entry[:4]) == signature:
            return entry[4], entry[5]
        return None

    def remember(self, relpath: str, signature: Signature, content: str, digest: str, read_at: int) -> None:
        """The file at `relpath` had `signature` when it was read at `read_at` (ns since the epoch)
        and its bytes are `content` (and `digest`, when known)."""
        if not self.enabled:
            return
        entry = [*signature, content, digest, trusted(signature, read_at)]
        if self.stats.get(relpath) == entry:    # as kept (a warm run's every file): its shape is the kept one's
            return
        self.shaped = self.shaped and valid_stat(entry)
        self.stats[relpath] = entry
        self.dirty = True

    def site_facts(self, relpath: str, signature: Signature) -> dict | None:
        """What the site rules stored for the file (remember_site) while it had `signature`, if it
        still has it and it was not racily changed when read; None otherwise."""
        entry = self.site.get(relpath) if self.enabled else None
        return entry[5] if entry and entry[4] and tuple(entry[:4]) == signature else None

    def remember_site(self, relpath: str, signature: Signature, facts: dict, trusted: int) -> None:
        """Keep `facts` (codec.valid_site_facts) of the file read with `signature` (`trusted()`)."""
        if not self.enabled:
            return
        entry = [*signature, trusted, facts]
        self.shaped = self.shaped and valid_site(entry)
        if self.site.get(relpath) != entry:
            self.site[relpath] = entry
            self.dirty = True

    def key_site(self, key: str) -> None:
        """The site's layout is `key` (pages.site_layout.fingerprint): the site facts kept under another
        (where a page's references led before `.eleventy.js` or `site-roots` changed) are dropped."""
        if key != self.site_key:
            self.site, self.site_key, self.dirty = {}, key, self.enabled

    def keep_site(self, paths: set[str]) -> None:
        """Forget the site facts of files not in `paths` (the whole site)."""
        if self.enabled and not self.site.keys() <= paths:
            self.site = {relpath: entry for relpath, entry in self.site.items() if relpath in paths}
            self.dirty = True

    def get(self, key: str) -> dict | None:
        """The record stored under `key`, unless a file it depends on has come or gone since."""
        record = self.results.get(key) if self.enabled else None
        if record is None:
            return None
        root = os.fspath(self.root)    # a str join: a warm site run asks this of about 2,000 targets
        for target, existed in self.depends.get(key, {}).items():
            if os.path.isfile(os.path.join(root, target)) != existed:
                return None
        return record

    def put(self, key: str, value: dict, depends: dict[str, bool]) -> None:
        if self.enabled:
            self.shaped = self.shaped and valid_record(value) and valid_depends({key: depends})
            self.results[key] = value
            if depends:
                self.depends[key] = depends
            else:
                self.depends.pop(key, None)
            self.dirty = True

    def save(self) -> None:
        global last_saved
        last_saved = self       # what the run knew at its end (warm_replay.py keeps its `depends`)
        if not (self.enabled and self.dirty) or made_read_only(self.folder.parent):
            return
        try:
            folder = cache_folder(self.folder.parent, create=True)
            live = {entry[4] for entry in self.stats.values()}
            results = {key: value for key, value in self.results.items() if key.partition(":")[0] in live}
            depends = {key: value for key, value in self.depends.items() if key in results}
            payload = {"version": f"{__version__}/{SCHEMA}", "code": shape_stamp(),
                       "shape": self.shaped and shape_stamp(), "results": results,
                       "stat": self.stats, "depends": depends, "site": self.site,
                       "site-key": self.site_key}
            target = folder / CACHE_FILE
            body = json.dumps(payload, separators=(",", ":")).encode()
            write_signed(target, body)
            os.chmod(target, 0o600)  # an older cache may have been 0644, and a rewrite keeps the mode
            write_compiled(folder / CACHE_FILE, body)
        except OSError:
            pass  # a read-only checkout still gets its report; the cache is only an optimisation

last_saved: Cache | None = None    # the cache a run of this process saved last


def stat_key(signature: Signature) -> str:
    """The content key of a file Git does not vouch for: its stat signature."""
    return "s" + "-".join(map(str, signature))
