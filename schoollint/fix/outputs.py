"""A fixed file judged from the bytes the fix verified, so the run need not read it again (issue 18).

The worker that fixes a photo holds its new bytes, verified, and judges them as a fresh `check`
would (pool.fix_in_worker: the same readers and checks, Analyser._run_checks); that result is the
change's `output`, and the run uses it in place of reading the file back after the renames (about
1.0 CPU s for 1,000 photos). What a fresh check keys its cache on is the file's stat signature
(cache.py), known only once the file is renamed into place: it is taken for the output when it
proves the file holds the bytes judged (`landed_as_staged`); else the output's findings still
stand (they are the bytes written), but it is not cached, and the next run reads the file.
"""

from __future__ import annotations

import os

from ..cache import Signature, signature_of

# What the temporary file was when its writer closed it: (inode, size, mtime_ns).
Stamp = tuple[int, int, int]


def stamp_of(info: os.stat_result) -> Stamp:
    return info.st_ino, info.st_size, info.st_mtime_ns


def landed_as_staged(stamp: Stamp, landed: os.stat_result | None) -> Signature | None:
    """The stat signature of a file renamed into place, when `landed` (its stat right after the
    rename, fsio.commit_staged) proves it holds the bytes staged as `stamp`; else None.

    Proof: the same inode and size, its modification time still the one its writer left, and a
    change time after it. The rename set the change time from the file system's own clock, so a
    later one means that clock had moved on from the last write; any write since, or later, then
    sets a modification time past the one kept, so the signature (size, mtime, inode, ctime)
    changes with the bytes, as cache.py needs. Where the rename fell in the same clock tick as the
    last write (a fast small batch) nothing is proved, and the file is read again next run.
    """
    if landed is None or stamp_of(landed) != stamp or landed.st_ctime_ns <= landed.st_mtime_ns:
        return None
    return signature_of(landed)
