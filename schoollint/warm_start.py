"""A replayed warm run decided as the process starts, before the configuration is read (issue 18).

warm_replay.py keeps a check's report and writes it again when the next run with the same command line
finds everything the report depended on as it was; it decides once the configuration is read and the
files are listed, after the imports of the whole pipeline: about half of a replayed run. The run that
keeps a report also records here what decides it before any of that, and the next run decides from it
first (`replayed`, called by cli.main):

- `key`: the code (code_stamp.shape_stamp) and Python with its module path, the command line's words
  (with, under pre-commit, which option-like words name files: cli._hook_file_names), the current
  folder, the user, the environment (less the shell's own bookkeeping), which standard streams are
  terminals and the file standard output is redirected to (`streams`), and the date (UTC), as
  warm_replay's key has them;
- the root: the plain folder (no Git work tree) repo_root.find_root finds from the current folder, found
  again as the run starts (so the folders above it, which it lists, are read again, not compared);
- the stat signature (stat_signature.py) of every file and folder warm_replay's check stands on (each
  listed file, every folder under the root, every other file the run opened, the files a page's
  references lead to), of every file opened or folder listed before its check (the configuration,
  baseline, roster, a generator's configuration) and of each folder on Python's module path (a package
  installed or removed, such as the vision extra, changes its folder).

Only a run that names no path and is in no Git work tree (whose listing comes from another process)
is kept this way, and only when every one of those signatures was trusted (stat_signature.trusted).
Anything else (a word, a signature or the root different, a file missing, a replay that fails its
HMAC or has the wrong shape) and the run goes on as before, and warm_replay decides with everything read.
Imports nothing that reads a file's contents: a replay costs the stats, the signed read and the write.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import sys
import time
from pathlib import Path

from . import __version__
from .code_stamp import shape_stamp
from .signed import read_signed
from .stat_signature import Signature, signature_at

FORMAT = 2                      # of the replay files (warm_replay.py) and of what is recorded here
CACHE_FOLDER = ".schoollint_cache"    # cache.CACHE_DIR (a test holds them equal): cache.py imports much
REPLAY_PREFIX = "replay-"       # + the first 16 hex digits of `key` + ".marshal": one a command line
# The shell's own bookkeeping, which differs between two runs typed one after the other and which
# nothing reads (the current folder is in the key itself).
SHELL = frozenset({"_", "OLDPWD", "PWD", "SHLVL"})
Seen = list[tuple[str, Signature | None]]
# Options with which no run keeps a replay (warm_replay._may_replay): such a command line (a pre-commit
# hook's `--fix`) is not looked up at all. Only a shortcut: a run without them may still keep none.
NEVER_KEPT = frozenset({"--fix", "--diff", "--diff-base", "--write-baseline", "--no-cache", "-o", "--output-file",
                        "--report", "--debug", "--show-values"})


def key(words: list[str]) -> str:
    """What a run's report depends on besides files, for the command line's `words` (sys.argv[1:])."""
    environment = sorted(item for item in os.environ.items() if item[0] not in SHELL)
    hooked = [os.path.lexists(word) for word in words if word.startswith("-")] \
        if os.environ.get("PRE_COMMIT") == "1" else []
    text = repr((FORMAT, __version__, shape_stamp(), sys.version, sys.path, words, hooked, os.getcwd(),
                 os.geteuid() if hasattr(os, "geteuid") else None, environment, streams(),
                 time.strftime("%Y-%m-%d", time.gmtime())))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def streams() -> tuple:
    """Which standard streams are terminals, and the regular file standard output goes to, if it does
    (report/redirected.py judges where that file is: a warning when the site would publish it)."""
    terminals = tuple(stream.isatty() for stream in (sys.stdin, sys.stdout, sys.stderr) if stream is not None)
    try:
        return terminals, stdout_file()
    except AttributeError:     # no standard output, or one with no descriptor
        return terminals, None


def stdout_file() -> str | None:
    """The regular file standard output was redirected to (absolute), or None (a terminal, a pipe,
    captured output with no descriptor, or no /proc to name the file by)."""
    try:
        descriptor = sys.stdout.fileno()
        regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
        return os.readlink(f"/proc/self/fd/{descriptor}") if regular else None
    except (OSError, ValueError):
        return None


def replay_name(replay_key: str) -> str:
    return f"{REPLAY_PREFIX}{replay_key[:16]}.marshal"


def module_folders() -> Seen:
    """The signature of each folder on Python's module path."""
    return [(folder, signature_at(folder)) for folder in dict.fromkeys(sys.path) if os.path.isdir(folder)]


def unchanged(base: str, seen: Seen, depends: list[tuple[str, bool]]) -> bool:
    """Whether each path of `seen` (relative to `base`, or absolute) has the signature it had, and each
    target of `depends` (relative to `base`) is a file, or is none, as it was."""
    return all(signature_at(os.path.join(base, path)) == signature for path, signature in seen) and all(
        os.path.isfile(os.path.join(base, target)) == existed for target, existed in depends)


def replayed(words: list[str]) -> int | None:
    """The exit code of the report the run before kept, written again, when this command line may stand
    on it before anything is read (the module's docstring); else None, and nothing was written."""
    if "check" not in words or any(word.partition("=")[0] in NEVER_KEPT for word in words):
        return None
    from .repo_root import _in_git, find_root

    here = Path.cwd()
    if _in_git(here):   # (no `git` started for nothing: a work tree's replay is decided after its listing)
        return None
    replay_key = key(words)
    root, in_git = find_root(here)
    kept = _early(read_signed(root / CACHE_FOLDER / replay_name(replay_key)))
    if in_git or kept is None or kept[0] != replay_key or kept[1] != os.fspath(root):
        return None
    _, base, seen, depends, out, err, code = kept
    if not unchanged(base, seen, depends):
        return None
    sys.stdout.write(out)
    sys.stdout.flush()
    sys.stderr.write(err)
    return code


def _early(body: bytes | None) -> tuple | None:
    """(key, root, signatures, depends, stdout, stderr, exit code) of a replay that recorded what decides it
    before anything is read (warm_replay._finish writes it); None for any other body or shape."""
    try:
        kept = marshal.loads(body) if body is not None else None
    except (ValueError, EOFError, TypeError):
        return None
    if not (type(kept) is tuple and len(kept) == 8 and kept[0] == FORMAT and type(kept[4]) is str
            and type(kept[5]) is str and kept[6] in (0, 1) and type(kept[3]) is list):
        return None
    early = kept[7]
    if not (type(early) is tuple and len(early) == 3 and type(early[0]) is str and type(early[1]) is str
            and type(early[2]) is list):
        return None
    if not all(type(entry) is tuple and len(entry) == 2 and type(entry[0]) is str for entry in early[2] + kept[3]):
        return None
    return early[0], early[1], early[2], kept[3], kept[4], kept[5], kept[6]
