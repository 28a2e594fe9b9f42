"""Git's blob ids of tracked files that Git vouches for, for the result cache's content keys (cache.py)."""

from __future__ import annotations

import os
from pathlib import Path


def clean_blobs(root: Path, paths: list[str]) -> dict[str, str]:
    """Git's blob id of each of `paths` that is tracked, unchanged since the index last saw it
    (`git ls-files -s` less `git diff-files`, which lists every file whose stat differs from the
    index's and content-checks the racily clean ones), and rewritten by no clean filter (with one,
    a photo holding GPS and the stripped copy the filter commits share a blob id). Empty when Git
    cannot say."""
    import subprocess   # here: a run whose files all hit the cache starts no Git (3 ms of imports)

    wanted = set(paths)
    named = ["--", *paths] if len(paths) <= 200 else []    # a few: only those are listed
    try:
        staged = _git(root, "ls-files", "-s", "-z", *named)
        dirty = set(_git(root, "diff-files", "-z", "--name-only", *named).split(b"\0"))
        candidates = {}
        for item in staged.split(b"\0"):
            info, _, name = item.partition(b"\t")
            fields = info.split(b" ")
            path = os.fsdecode(name)
            if len(fields) == 3 and fields[2] == b"0" and name not in dirty and path in wanted \
                    and fields[0] in (b"100644", b"100755"):
                candidates[path] = fields[1].decode()
        if not candidates:
            return {}
        listed = b"\0".join(os.fsencode(path) for path in candidates) + b"\0"
        filtered = _git(root, "check-attr", "-z", "--stdin", "filter", stdin=listed).split(b"\0")
    except (OSError, subprocess.CalledProcessError):
        return {}
    for name, _attribute, value in zip(filtered[0::3], filtered[1::3], filtered[2::3], strict=False):
        if value not in (b"unspecified", b"unset"):
            candidates.pop(os.fsdecode(name), None)
    return candidates


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    import subprocess

    return subprocess.run(["git", "--literal-pathspecs", *args], cwd=root, input=stdin, capture_output=True,
                          check=True).stdout
