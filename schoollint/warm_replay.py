"""A check whose every input is as the run before it found them gives that run's report again (issue 18).

A warm run of a site where nothing changed restores every file's findings from the cache, applies the
site rules, suppressions and baseline to them and writes the same report as the run before: about half
of its work, for 1,000 photos. This module keeps what such a run wrote (standard output, standard
error, exit code) in `.schoollint_cache/replay-*.marshal` (one for each command line, named by
warm_start.key, the last KEPT),
signed like the cache (usercache: HMAC-SHA256 under this user's key, so a file edited, or written by
another user's schoollint, is not believed), and the next run writes it again instead, when all of
these are as the run that wrote it found them:

- the code (code_stamp.shape_stamp: the size and mtime of every file of the package and its rules) and
  Python; the command line (every option), the current folder, the environment, which of the standard
  streams are terminals and the file standard output goes to, the date (UTC: SL605 says when a review
  is due);
- what the run knew before it read any file: the configuration in effect, the run settings (the
  roster's digest, the consent policy, vision, the site's layout), the baseline, the listing of files
  and what it noted;
- the stat signature (size, mtime_ns, inode, ctime_ns: cache.signature_of) of every listed file; of
  every folder under the repository but `.git` and the cache (a file that comes, goes or is renamed
  anywhere under it, excluded or ignored ones too, changes its folder's); of Git's index and HEAD;
- the signature of every other file the run opened (a photo that a page shows and the configuration
  excludes, ...), and whether each file a page's references lead to is a file (the cache's `depends`).

The run that writes it must have been one a replay could stand for: `check` of one repository, without
--fix, --diff, --diff-base, --write-baseline, --no-cache, -o, --report, --debug, shown values or a
progress bar; no worker process (what a worker opens is not seen here: the first warm run after a
cold one writes it); exit code 0 or 1 (no error); and every signature above trusted (cache.trusted:
unchanged for a clock tick of the file system before the run looked, Git's "racily clean" rule) and the
same when the run ends as when it began. Such a run also records what lets the next decide as it starts,
before the configuration is read (warm_start.py), when it named no path and is in no Git work tree.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from pathlib import Path

from . import __version__, warm_start
from .cache import CACHE_DIR, CacheError, cache_folder, made_read_only, signature_of, trusted
from .code_stamp import shape_stamp
from .usercache import home, read_signed, write_signed
from .stat_signature import signature_at
from .warm_start import FORMAT, REPLAY_PREFIX as REPLAY_PREFIX, SHELL, Seen, module_folders, replay_name, streams

KEPT = 8                        # the most recent kept (a site checked with and without --jobs 1, ...)
_SYSTEM = ("/dev/", "/proc/", "/sys/")
_FORKS = frozenset({"os.fork", "os.forkpty", "os.posix_spawn", "os.spawn", "os.exec"})   # (audit events)


class _Recording:
    """A run being recorded: its key, what it looked at first, and what it wrote and opened since."""

    def __init__(self, root: Path, in_git: bool, files: list[str], key: str, looked: Seen, started: int):
        self.root, self.in_git, self.files = root, in_git, files
        self.key, self.looked, self.started = key, looked, started
        self.streams = sys.stdout, sys.stderr
        self.out: list[str] = []
        self.err: list[str] = []
        self.opened: set[str] = set()
        sys.stdout, sys.stderr = _Kept(sys.stdout, self.out), _Kept(sys.stderr, self.err)


class _Kept:
    """A standard stream that keeps a copy of what is written to it."""

    def __init__(self, stream, kept: list[str]):
        self._stream, self._kept = stream, kept

    def write(self, text: str) -> int:
        self._kept.append(text)
        return self._stream.write(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


class _Start:
    """What a run that may be recorded did before its replay was decided (warm_start.py): when it began,
    its command line's key, whether it named paths, the files it opened, whether it started a process."""

    def __init__(self, args):
        self.began, self.key, self.named = time.time_ns(), warm_start.key(sys.argv[1:]), bool(args.paths)
        self.opened: set[str] = set()
        self.spawned = False


_start: _Start | None = None     # set by `recorded` for the one run it wraps, when it may be kept
_recording: _Recording | None = None
_hooked = False


def recorded(run, args) -> int:
    """`run(args)` (pipeline.run_check), its report kept for the next run when it may be (`replayed`)."""
    global _start, _hooked
    _start = _Start(args) if _may_replay(args) else None
    if _start is not None and not _hooked:   # an audit hook stays for the life of the process: idle when not needed
        sys.addaudithook(_heard)
        _hooked = True
    code = None
    try:
        code = run(args)
        return code
    finally:
        _finish(code)
        _start = None


def replayed(args, root: Path, in_git: bool, config, settings: dict, baseline, found, notes: list[str]) -> int | None:
    """The exit code of the report of the run before, written again, when nothing it depended on has
    changed; else None, and this run is recorded (when it may be) for the next."""
    if _start is None:
        return None
    started = time.time_ns()
    try:
        looked = _looked(root, in_git, found.files, found.stats)
    except OSError:     # gone or unreadable since it was listed: the run says so; never replayed
        return None
    key = _key(args, root, in_git, config, settings, baseline, found, notes, looked)
    kept = _load(root, _start.key)
    if kept is not None and kept[0] == key and warm_start.unchanged(os.fspath(root), kept[1], kept[2]):
        out, err, code = kept[3:6]
        sys.stdout.write(out)
        sys.stdout.flush()
        sys.stderr.write(err)
        return code
    global _recording
    _recording = _Recording(root, in_git, found.files, key, looked, started)
    return None


def _may_replay(args) -> bool:
    from .report.emit import show_values

    return (args.command == "check" and not (args.fix or args.diff or args.diff_base or args.write_baseline
                                             or args.no_cache or args.output_file or args.report or args.debug)
            and not show_values(args) and (args.no_progress or not sys.stderr.isatty()))


def _looked(root: Path, in_git: bool, files: list[str], listed: dict[str, os.stat_result]) -> Seen:
    """The signature of every listed file (as the listing's lstat saw it, `listed`, else stat), of every
    folder under `root` but .git and the cache (sorted), and of Git's index and HEAD. OSError when a listed
    file cannot be looked at."""
    base = os.fspath(root)
    seen: Seen = [(path, signature_of(listed.get(path) or os.stat(f"{base}/{path}"))) for path in files]
    folders, pending = [], [base]
    while pending:
        folder = pending.pop()
        folders.append((folder, signature_at(folder)))
        try:
            with os.scandir(folder) as entries:
                pending += [entry.path for entry in entries if entry.is_dir(follow_symlinks=False)
                            and entry.name != ".git" and not (folder == base and entry.name == CACHE_DIR)]
        except OSError:     # unreadable: its signature stands for it (discover notes it)
            continue
    seen += sorted(folders)
    if in_git:
        seen += [(name, signature_at(os.path.join(base, name))) for name in (".git", ".git/index", ".git/HEAD")]
    return seen


def _key(args, root: Path, in_git: bool, config, settings: dict, baseline, found, notes: list[str],
         looked: Seen) -> str:
    listing = (found.notes, found.temporary, found.special, found.outside,    # the files: in `looked`
               [str(error) for error in found.unopened], found.git_said)
    environment = sorted(item for item in os.environ.items() if item[0] not in SHELL)
    text = repr((FORMAT, __version__, shape_stamp(), sys.version, sorted(vars(args).items()), os.getcwd(),
                 environment, streams(), time.strftime("%Y-%m-%d", time.gmtime()), str(root), in_git,
                 config, settings, baseline, listing, notes, looked))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _heard(event: str, arguments: tuple) -> None:
    """The audit hook: each file opened and folder listed while a run is recorded, and before its replay
    was decided. A run that starts another process is kept for no early replay (warm_start.py: Git lists
    a work tree's files); one that forks (the worker pool) is not recorded from then on: what the
    workers open is not seen."""
    if _start is None:
        return
    if event in _FORKS or event == "subprocess.Popen":
        _start.spawned = True
        if event in _FORKS:
            _abandon()
    elif event in ("open", "os.listdir", "os.scandir") and arguments:
        path = arguments[0]
        if isinstance(path, (str, bytes, os.PathLike)):
            (_start.opened if _recording is None else _recording.opened).add(os.path.abspath(os.fsdecode(path)))


def _others(recording: _Recording, opened: set[str]) -> Seen:
    """Each file of `opened` that the key does not stand for already, with its signature now:
    not the listed files, not the folders under the root, not the cache; not Python's and schoollint's
    own files (nor their bytecode) nor this user's compiled name lists and catalogue (the code stamp and
    Python stand for them)."""
    base = os.fspath(recording.root)
    listed = {os.path.join(base, path) for path, _ in recording.looked}
    bytecode = [sys.pycache_prefix] if sys.pycache_prefix else []
    own = tuple(os.path.join(os.path.realpath(folder), "") for folder in (
        sys.prefix, sys.base_prefix, sys.exec_prefix, os.fspath(Path(__file__).parent), os.fspath(home()),
        os.path.join(base, CACHE_DIR), *bytecode))
    others = []
    for path in sorted(opened):
        real = os.path.realpath(path)
        if path in listed or real in listed or real.startswith(own + _SYSTEM):
            continue
        if os.path.isdir(path) and (real + os.sep).startswith(os.path.join(os.path.realpath(base), "")):
            continue    # a folder under the root: its signature is in `looked`
        others.append((path, signature_at(path)))
    return others


def _depends(root: Path) -> list[tuple[str, bool]]:
    """Whether each file a page's references lead to was a file, as the cache keeps them (after the run)."""
    from . import cache as module

    cache = module.last_saved if module.last_saved is not None and module.last_saved.root == root \
        else module.Cache(root)
    found = {(target, existed) for targets in cache.depends.values() for target, existed in targets.items()}
    found |= {(target, existed) for entry in cache.site.values()
              for target, existed in (entry[5].get("depends") or {}).items()}
    return sorted(found)


def _abandon() -> _Recording | None:
    """Stop recording, the standard streams as they were; the recording."""
    global _recording
    recording, _recording = _recording, None
    if recording is not None:
        sys.stdout, sys.stderr = recording.streams
    return recording


def _finish(code: int | None) -> None:
    """Stop recording; keep the replay when the run may stand for the next (the module's docstring)."""
    recording, start = _abandon(), _start
    if recording is None or start is None:
        return
    if code not in (0, 1) or "multiprocessing" in sys.modules:   # an error; or a worker read files unseen
        return
    try:
        root = recording.root
        looked = _looked(root, recording.in_git, recording.files, {})   # stat again: a file changed meanwhile is seen
        others = _others(recording, recording.opened)
        signatures = [signature for _, signature in recording.looked + others if signature is not None]
        if looked != recording.looked or not all(trusted(s, recording.started) for s in signatures):
            return
        depends = _depends(root)
        body = marshal.dumps((FORMAT, recording.key, others, depends, "".join(recording.out),
                              "".join(recording.err), code, _early(recording, start, others)))
        if made_read_only(root):
            return
        folder = cache_folder(root, create=True)
        write_signed(folder / replay_name(start.key), body)
        _forget_old(folder)
    except (OSError, ValueError, RuntimeError, CacheError):    # not kept: the next run is an ordinary warm one
        pass


def _early(recording: _Recording, start: _Start, others: Seen) -> tuple | None:
    """What lets the next run replay as it starts (warm_start.py): this command line's key, the root, and
    every signature the replay stands on, with those of the files opened before it was decided and of
    Python's module path; None when the run named paths, is in a Git work tree or started a process,
    or a signature is not trusted from before the run read anything."""
    if start.named or start.spawned or recording.in_git:
        return None
    above = {os.fspath(folder) for folder in recording.root.parents}   # warm_start finds the root again
    seen = recording.looked + others + _others(recording, start.opened - above) + module_folders()
    if not all(signature is None or trusted(signature, start.began) for _, signature in seen):
        return None
    return start.key, os.fspath(recording.root), seen


def _forget_old(folder: Path) -> None:
    """Remove all but the KEPT most recently written replays."""
    kept = sorted((entry.stat().st_mtime_ns, entry.path) for entry in os.scandir(folder)
                  if entry.name.startswith(REPLAY_PREFIX) and entry.name.endswith(".marshal"))
    for _, path in kept[:-KEPT]:
        os.unlink(path)


def _load(root: Path, key: str) -> tuple | None:
    """(key, others, depends, stdout, stderr, exit code, what warm_start.py reads) as kept, None when none
    is, or not as written here."""
    try:
        body = read_signed(cache_folder(root) / replay_name(key))
        kept = marshal.loads(body) if body is not None else None
    except (OSError, ValueError, EOFError, TypeError, RuntimeError, CacheError):
        return None
    if not (type(kept) is tuple and len(kept) == 8 and kept[0] == FORMAT and type(kept[1]) is str
            and type(kept[2]) is list and type(kept[3]) is list and type(kept[4]) is str
            and type(kept[5]) is str and kept[6] in (0, 1)):
        return None
    if not all(type(entry) is tuple and len(entry) == 2 and type(entry[0]) is str for entry in kept[2] + kept[3]):
        return None
    return kept[1:]
