"""Git LFS pointer files (git-lfs docs/spec.md, "Git LFS Specification", v1): what a clone holds in
place of a photo or video whose object was never fetched (`git clone` without git-lfs installed,
actions/checkout without `lfs: true`). A pointer is not a damaged photo: the photo is elsewhere, so
nothing of it can be checked here, and the run says so and how to fetch it.

A pointer is UTF-8 text under 1024 bytes of `key value` lines ending in LF: `version` first (the
spec's URL, or the pre-release hawser URL git-lfs still accepts), then `oid sha256:<64 hex>` and
`size <bytes>` among keys in alphabetical order.
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_POINTER = 1024   # the spec: "Pointer files must be stored in Git, and must be less than 1024 bytes"
VERSIONS = (b"version https://git-lfs.github.com/spec/v1\n", b"version https://hawser.github.com/spec/v1\n")
_OID = re.compile(rb"^oid sha256:([0-9a-f]{64})$", re.MULTILINE)
_SIZE = re.compile(rb"^size ([0-9]+)$", re.MULTILINE)


def is_pointer(data) -> bool:
    """Whether `data` (bytes or a buffer) is a Git LFS pointer: a spec version line, an oid and a size."""
    if len(data) >= MAX_POINTER or not bytes(data[:len(VERSIONS[0])]).startswith(VERSIONS):
        return False
    text = bytes(data)
    return _OID.search(text) is not None and _SIZE.search(text) is not None


def object_path(root: Path, pointer: bytes) -> Path | None:
    """Where a pointer's object would be in the clone at `root` (.git/lfs/objects/OI/D_/OID), or None."""
    from .gitlog import git

    found = _OID.search(pointer)
    if found is None:
        return None
    oid = found.group(1).decode()
    common = Path(git(root, "rev-parse", "--git-common-dir").strip())
    return (root / common / "lfs" / "objects" / oid[:2] / oid[2:4] / oid).resolve()


def not_fetched(relpath: str, data) -> str:
    """The error line for a pointer found where a file of the site should be: what it is, the size of
    the object it stands for, and how to fetch it."""
    from .report import plural

    size = _SIZE.search(bytes(data))
    held = f" of {plural(int(size.group(1)), 'byte')}" if size else ""
    return (f"{relpath}: not checked: Git LFS object not fetched (the file here is a Git LFS pointer to an "
            f"object{held}, not the file itself, so nothing in it could be read); fetch it with `git lfs pull` "
            "(in GitHub Actions, `lfs: true` in actions/checkout) and check again")


def not_here(relpath: str, data, result) -> bool:
    """True when `data` (the bytes of `relpath`, named as a media file) is a pointer: then `result`
    (an analysis.FileResult) gets the error line saying so and counts the file as not checked."""
    if not is_pointer(data):
        return False
    from .analysis import kind_of

    result.errors.append(not_fetched(relpath, data))
    result.unchecked = kind_of(relpath)
    return True
