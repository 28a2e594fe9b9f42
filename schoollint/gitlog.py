"""Git's history as plain data: one `git log --raw` process, read as a stream.

Used by the audit report (when each photo was first published and last
changed) and by `schoollint history` (every blob a path ever held). The raw
diff format is git-diff(1) "RAW OUTPUT FORMAT" with `-z`: a commit header we
write ourselves (`\\x01<hash> <committer time>`), then per changed path
`:<old mode> <new mode> <old blob> <new blob> <status>` NUL path [NUL path].

Errors: GitError (with git's own message) when git cannot run or fails.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError

ZERO = "0" * 40
# Never fetch a missing blob from a partial clone's promisor remote while we look (git >= 2.44
# honours it; older gits are kept from fetching by --no-renames and by never asking for blobs
# that `rev-list --missing=print` reported missing).
QUIET_GIT = {"GIT_NO_LAZY_FETCH": "1", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}


class GitError(UserError):
    """git failed (a bad revision, not a repository...); the message is git's own."""


@dataclass(frozen=True)
class Change:
    status: str          # A, M, D, T, R or C (git's letter, score dropped)
    path: str
    blob: str            # the new blob (ZERO when deleted)
    old_path: str | None = None
    old_blob: str = ZERO  # the blob the path held before (ZERO when added)
    mode: str = "100644"  # the new tree entry's mode: 100644/100755 a file, 120000 a symlink, 160000 a submodule


@dataclass(frozen=True)
class Commit:
    sha: str
    time: int            # committer time, seconds since the epoch (UTC)
    changes: tuple[Change, ...]
    parents: tuple[str, ...] = ()


def git(root: Path, *args: str, check: bool = True) -> str:
    """Run git in `root` and return its standard output as text (surrogate-escaped)."""
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False,
                            env={**os.environ, **QUIET_GIT})
    if check and result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return result.stdout.decode("utf-8", "surrogateescape")


def has_commits(root: Path) -> bool:
    return subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=root,
                          capture_output=True, check=False).returncode == 0


def walk(root: Path, revisions: list[str], *, renames: bool, since: str | None = None) -> Iterator[Commit]:
    """Every commit reachable from `revisions`, oldest first, with its raw changes.

    `renames` detects renames (like `git log --follow`); history scans turn it off, since
    rename detection reads blob contents and a partial clone would fetch them.
    """
    args = ["git", "log", "--reverse", "--topo-order", "--raw", "--no-abbrev", "-z", "--root",
            "--format=%x01%H %ct %P", "-M" if renames else "--no-renames"]
    if since:
        args.append(f"--since={since}")
    process = subprocess.Popen([*args, *revisions, "--"], cwd=root, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ, **QUIET_GIT})
    assert process.stdout is not None
    yield from _parse(process.stdout.read().split(b"\0"))
    error = process.stderr.read() if process.stderr else b""
    if process.wait() != 0:
        raise GitError(error.decode("utf-8", "replace").strip() or "git log failed")


def _parse(tokens: list[bytes]) -> Iterator[Commit]:
    sha: str | None = None
    time = 0
    changes: list[Change] = []
    parents: tuple[str, ...] = ()
    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        if token.startswith(b"\x01"):
            if sha is not None:
                yield Commit(sha, time, tuple(changes), parents)
            head, stamp, *rest = token[1:].decode().split(" ")
            sha, time, changes, parents = head, int(stamp or 0), [], tuple(p for p in rest if p)
        elif token.startswith(b":"):
            fields = token[1:].decode().split()
            status = fields[4][0]
            first = tokens[index].decode("utf-8", "surrogateescape")
            index += 1
            if status in "RC":
                second = tokens[index].decode("utf-8", "surrogateescape")
                index += 1
                changes.append(Change(status, second, fields[3], old_path=first, old_blob=fields[2], mode=fields[1]))
            else:
                changes.append(Change(status, first, fields[3], old_blob=fields[2], mode=fields[1]))
    if sha is not None:
        yield Commit(sha, time, tuple(changes), parents)


@dataclass(frozen=True)
class Dates:
    """When a path was first published (added, following renames) and last changed."""

    first_commit: str
    first_time: int
    last_commit: str
    last_time: int


def path_dates(root: Path) -> dict[str, Dates]:
    """Dates of every path at HEAD, from one walk of HEAD's history (empty without commits)."""
    if not has_commits(root):
        return {}
    dates: dict[str, Dates] = {}
    for commit in walk(root, ["HEAD"], renames=True):
        for change in commit.changes:
            if change.status == "D":
                dates.pop(change.path, None)
                continue
            before = dates.pop(change.old_path, None) if change.status == "R" and change.old_path else None
            before = before or dates.get(change.path)
            first = (before.first_commit, before.first_time) if before else (commit.sha, commit.time)
            dates[change.path] = Dates(*first, commit.sha, commit.time)
    return dates


def read_blobs(root: Path, oids: list[str]) -> Iterator[tuple[str, bytes | None, str | None]]:
    """(oid, bytes, None) per blob in order, or (oid, None, why) when it is missing or too large.

    One `git cat-file --batch` (git-cat-file(1), BATCH OUTPUT: `<oid> <type> <size>` LF
    contents LF, or `<oid> missing` LF). A thread writes the requests and another reads the
    replies into a short queue, so git inflates the next blobs while the caller checks this
    one, and neither pipe can fill up and stall the other. Memory is bounded by QUEUED blobs
    of at most MAX_BLOB bytes; larger blobs are read past in chunks and reported.
    """
    import queue
    import threading

    if not oids:
        return
    process = subprocess.Popen(["git", "cat-file", "--batch"], cwd=root, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, **QUIET_GIT})
    assert process.stdin is not None and process.stdout is not None
    stdin, stdout = process.stdin, process.stdout
    replies: queue.Queue = queue.Queue(maxsize=QUEUED)
    stop = threading.Event()

    def feed() -> None:
        try:
            stdin.write(b"".join(f"{oid}\n".encode() for oid in oids))
            stdin.close()
        except (BrokenPipeError, ValueError):  # git stopped early, or we did; the reader says so
            pass

    def collect() -> None:
        for oid in oids:
            if stop.is_set():
                return
            try:
                replies.put((oid, *_reply(stdout, oid)))
            except (GitError, OSError, ValueError) as exc:
                replies.put(exc)
                return

    threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=collect, daemon=True)]
    for thread in threads:
        thread.start()
    try:
        for _ in oids:
            reply = replies.get()
            if isinstance(reply, Exception):
                raise GitError(str(reply))
            yield reply
    finally:
        stop.set()
        if process.poll() is None:  # stopped early (an error, or the caller gave up): do not wait on git
            process.kill()
        while not replies.empty():  # let a reader blocked on a full queue see the stop
            replies.get_nowait()
        process.wait()
        for thread in threads:
            thread.join(timeout=5)
        stdout.close()


QUEUED = 8                      # blobs read ahead of the caller
MAX_BLOB = 512 * 1024 * 1024    # bytes; a larger blob is not checked (and says so)


def _reply(stdout, oid: str) -> tuple[bytes | None, str | None]:
    reply = batch_reply(stdout, oid, MAX_BLOB)
    if reply is None:
        return None, "blob missing from the repository"
    if reply[0] != oid:
        raise GitError(f"git cat-file stopped before blob {oid}")
    if reply[2] is None:
        return None, f"blob of {reply[3] // (1 << 20)} MiB, too large to check from history"
    return reply[2], None


def batch_reply(stdout, name: str, limit: int | None) -> tuple[str, str, bytes | None, int] | None:
    """One reply of `git cat-file --batch` to `name`: (object id, type, contents, size in bytes),
    contents None when over `limit` bytes (read past, not kept); None when git has no such object
    ("<name> missing", "<name> ambiguous"). Raises OSError when git's output stops early."""
    header = stdout.readline().split()
    if len(header) == 2:
        return None
    if len(header) != 3:
        raise OSError(f"git cat-file stopped before {name}")
    size = int(header[2])
    data = stdout.read(size) if limit is None or size <= limit else None
    left = size if data is None else size - len(data)
    while left > 0:                         # too large: read past it
        chunk = stdout.read(min(left, 1 << 20))
        if not chunk:
            raise OSError(f"git cat-file stopped inside {name}")
        left -= len(chunk)
    stdout.read(1)                          # the LF after the contents
    return header[0].decode(), header[1].decode(), data, size
