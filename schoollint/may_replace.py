"""Whether a fix may replace a file, asked before anything is written (README, "What `--fix`
promises": a read-only file is refused unless --force; permissions, owner and group are kept).

A fix writes a new file beside the original and renames it over (fsio.replacing): the new file is
the user's, and only root may give it to another owner (POSIX chown(2): "only a privileged process
may change the owner"); another user may give it only a group it belongs to. So for a user who is
not root, replacing a file that is someone else's, or in a group that is not one of theirs, would
change who owns it: refused, whatever --force says, naming which and why. A file this user may not
write (no write bit for them, an ACL, a read-only mount; os.access(2) judges as the kernel would)
is read-only: refused unless --force, as one without its owner's write bit always was. A folder in
which this user cannot create the new file is said before trying, in words (trial 7 item 18 was a
raw "[Errno 13] Permission denied: '.../.18186-043xk1qd.schoollint-tmp'").

A rename keeps the file itself (its owner too), so only the read-only test applies to the file a
rename moves or a delete removes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

READ_ONLY_HINT = "make it writable, or use --force to fix read-only files too"


def refusal(root: Path, relpath: str, replaced: bool, force: bool) -> str | None:
    """Why a fix may not change `relpath` (under `root`), one sentence naming it; None when it may.
    `replaced`: a new file takes its place (a write), rather than it being renamed or deleted."""
    path = root / relpath
    try:
        now = os.stat(path)
    except FileNotFoundError:    # a new file: its folder must take it
        return _folder_refusal(root, relpath)
    if stat.S_ISDIR(now.st_mode):
        return None
    writable = now.st_mode & stat.S_IWUSR and os.access(path, os.W_OK)
    if not replaced:    # renamed or deleted: the file stays itself, its folder changes
        if not (writable or force):
            return f"{relpath}: read-only, so not changed ({READ_ONLY_HINT})"
        return _folder_refusal(root, relpath)
    lost = _what_is_lost(now) if os.geteuid() != 0 else []
    if lost:
        owner = _name(now.st_uid, user=True)
        who = "root" if now.st_uid in (0, os.geteuid()) else f"root or {owner}"
        return (f"{relpath}: not changed: a fix writes a new file in its place, and the new file would be "
                f"yours: {', and '.join(lost)}; run the fix as {who}"
                f"{'' if now.st_uid != os.geteuid() else ', or give the file a group of yours first (chgrp)'}")
    if not writable and not force:   # this user's own file (or root): --force may replace it
        return f"{relpath}: read-only, so not changed ({READ_ONLY_HINT})"
    return _folder_refusal(root, relpath)


def _what_is_lost(now: os.stat_result) -> list[str]:
    """What of the file's owner and group a new file of this (non-root) user could not keep."""
    lost = []
    if now.st_uid != os.geteuid():
        lost.append(f"it belongs to {_name(now.st_uid, user=True)} (only root may give a file to another user)")
    if now.st_gid != os.getegid() and now.st_gid not in os.getgroups():
        lost.append(f"its group {_name(now.st_gid, user=False)} is not one of yours")
    return lost


def _folder_refusal(root: Path, relpath: str) -> str | None:
    """Why no file can be made in, or taken from, `relpath`'s folder (write and search permission, os.access)."""
    folder = os.path.dirname(relpath)
    if os.access(root / folder, os.W_OK | os.X_OK):
        return None
    return (f"{relpath}: not changed: you may not create or remove files in "
            f"{folder + '/' if folder else 'the top folder'}, as a fix must (it writes the fixed file beside "
            "the original, or moves or deletes it)")


def _name(number: int, user: bool) -> str:
    """A user's or group's name (its number when the system has none)."""
    import grp
    import pwd

    try:
        return pwd.getpwuid(number).pw_name if user else grp.getgrgid(number).gr_name
    except KeyError:
        return f"{'user' if user else 'group'} {number}"


def refuse(root: Path, operations, force: bool) -> None:
    """PermissionError naming every file of `operations` (fix.model Write, Rename, Delete) that a
    fix may not change, and why (`refusal`); nothing is written before it is raised."""
    from .fix.model import Rename, Write

    changed: list[tuple[str, bool]] = []     # (path, whether a new file replaces it)
    for operation in operations:
        if isinstance(operation, Rename):    # both folders change: the file leaves one for the other
            changed += [(operation.old, False), (operation.new, False)]
        else:
            changed.append((operation.path, isinstance(operation, Write)))
    refused = [refusal(root, path, replaced, force) for path, replaced in changed]
    if any(refused):
        raise PermissionError("; ".join(why for why in refused if why))
