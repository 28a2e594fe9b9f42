"""A fix that changes several files (a rename and the pages that point at it), done so that a
kill at any instant leaves every reference resolving, and the next run finishes it.

The steps, in this order:

1. every new file content is staged in `.schoollint_cache/journal/`;
2. `.schoollint_cache/journal.json` is written atomically: the renames, and for each write its
   path, the SHA-256 of its content before and after, and its staged copy;
3. writes to a file that is renamed (its own strip) replace it under its old name;
4. each renamed file gets its new name as a hard link (a copy where links are refused): from
   here both names lead to it, so a page resolves whether it is rewritten yet or not;
5. each page is replaced by its staged copy, one atomic rename each;
6. each old name is removed, and each file to delete (a sidecar, fix/model.Delete), then the
   journal and the staged copies.

`recover` runs the same steps from the journal (a done step is seen and skipped): the
interrupted fix is rolled forward, never half left. A file someone changed since (its content is
neither the before nor the after) is left as it is and reported; the old names then stay too,
so what that file points at still exists.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from ..cache import cache_folder
from ..fsio import atomic_write, content_hash
from .model import Delete, Rename, Write

JOURNAL = "journal.json"
STAGING = "journal"
VERSION = 1


def carry_out(root: Path, renames: list[Rename], writes: list[Write], deletes: Sequence[Delete] = ()) -> None:
    """Steps 1 to 6 for one multi-file change; every target was checked by the caller.

    OSError, with nothing changed, while an earlier change is unfinished (one that failed
    part-way in this run, say on a full disk): its journal is what the next run finishes.
    """
    folder = cache_folder(root, create=True)
    if (folder / JOURNAL).exists():
        raise OSError("an earlier fix that changes several files is not finished; nothing was changed "
                      "(the next run finishes it)")
    staging = folder / STAGING
    import shutil   # here: every run asks for a journal (fix/guard.py), few write one (W: bz2, lzma, 8 M instructions)

    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(mode=0o700)
    entries = []
    for number, write in enumerate(writes):
        staged = staging / f"{number}.new"
        staged.write_bytes(write.data)   # not synced: recovery checks its hash, and a bad copy is not used
        target = root / write.path
        entries.append({"path": write.path, "staged": staged.name, "after": content_hash(write.data),
                        "before": content_hash(target.read_bytes()) if target.exists() else None})
    journal = {"version": VERSION, "renames": [[r.old, r.new] for r in renames], "writes": entries,
               "deletes": [d.path for d in deletes]}
    atomic_write(folder / JOURNAL, json.dumps(journal).encode(), mode=0o600)
    _finish(root, folder, journal)


def pending(root: Path) -> bool:
    """True when a stopped run left a multi-file fix part-way."""
    return (cache_folder(root) / JOURNAL).is_file()


def recover(root: Path) -> list[str]:
    """Finish a multi-file fix that an earlier run left part-way; notes saying what was done.

    Call with the fix lock held. Nothing to do (no journal) gives no note.
    """
    folder = cache_folder(root)
    path = folder / JOURNAL
    if not path.is_file():
        if os.path.lexists(folder / STAGING):   # staged before a journal was written (shutil: bz2, lzma, 8 M)
            import shutil

            shutil.rmtree(folder / STAGING, ignore_errors=True)
        return []
    import shutil

    try:
        journal = json.loads(path.read_text(encoding="utf-8"))
        if not _valid(journal):
            raise ValueError("unexpected shape")
    except (OSError, ValueError) as exc:
        path.unlink()
        return [f"discarded an unreadable fix journal from an earlier run ({exc}); "
                "check the site's references by hand"]
    done, kept = _finish(root, folder, journal)
    moved = ", ".join(f"{old} -> {new}" for old, new in journal["renames"])
    deleted = ", ".join(journal.get("deletes", []))
    notes = [f"finished a fix an earlier run was stopped in: renamed {moved or 'nothing'}, "
             + (f"deleted {deleted}, " if deleted else "")
             + f"{len(done)} file{'s' if len(done) != 1 else ''} rewritten"]
    notes += [f"{relpath}: changed since an earlier run was stopped while fixing it; left as it is "
              "(and the old names kept, so that it still leads somewhere)" for relpath in kept]
    return notes


def _finish(root: Path, folder: Path, journal: dict) -> tuple[list[str], list[str]]:
    """Steps 3 to 6 from a journal, skipping what is done; (files written now, files left alone)."""
    sources = {old for old, _new in journal["renames"]}
    entries = journal["writes"]
    done: list[str] = []
    kept: list[str] = []
    for entry in [e for e in entries if e["path"] in sources]:
        if (root / entry["path"]).exists():
            _replay(root, folder, entry, done, kept)
    for old, new in journal["renames"]:
        _link(root / old, root / new)
    for entry in [e for e in entries if e["path"] not in sources]:
        _replay(root, folder, entry, done, kept)
    if not kept:
        for old, new in journal["renames"]:
            if os.path.lexists(root / old) and (root / new).is_file():
                os.unlink(root / old)
    for path in journal.get("deletes", []):
        if os.path.lexists(root / path):
            delete(root, path)
    (folder / JOURNAL).unlink()
    import shutil

    shutil.rmtree(folder / STAGING, ignore_errors=True)
    return done, kept


def _replay(root: Path, folder: Path, entry: dict, done: list[str], kept: list[str]) -> None:
    target = root / entry["path"]
    current = content_hash(target.read_bytes()) if target.is_file() else None
    if current == entry["after"]:
        return
    staged = folder / STAGING / entry["staged"]
    data = staged.read_bytes() if staged.is_file() else b""
    if current != entry["before"] or content_hash(data) != entry["after"]:
        kept.append(entry["path"])
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)
    done.append(entry["path"])


def delete(root: Path, path: str) -> None:
    """Remove the file at `path` and check that it is gone (OSError otherwise): one unlink, so a
    kill leaves it either there (the next run offers the fix again) or gone, never half."""
    os.unlink(root / path)
    if os.path.lexists(root / path):
        raise OSError(f"{path}: still there after it was deleted")


def _link(old: Path, new: Path) -> None:
    """Give the file at `old` the name `new` as well (done when `new` exists already)."""
    if os.path.lexists(new) or not old.is_file():
        return
    new.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(old, new)
    except OSError:  # a file system without hard links: a copy, written atomically
        atomic_write(new, old.read_bytes())
        import shutil

        shutil.copystat(old, new)


def _valid(journal) -> bool:
    """The shape carry_out writes, with repository-relative paths that stay inside (no `..`)."""
    return (isinstance(journal, dict) and journal.get("version") == VERSION
            and isinstance(journal.get("renames"), list)
            and all(isinstance(p, list) and len(p) == 2 and all(map(_relative, p)) for p in journal["renames"])
            and isinstance(journal.get("deletes", []), list) and all(map(_relative, journal.get("deletes", [])))
            and isinstance(journal.get("writes"), list)
            and all(isinstance(e, dict) and set(e) == {"path", "staged", "after", "before"}
                    and _relative(e["path"]) and isinstance(e["staged"], str) and "/" not in e["staged"]
                    for e in journal["writes"]))


def _relative(path) -> bool:
    return isinstance(path, str) and bool(path) and not path.startswith("/") and ".." not in path.split("/")
