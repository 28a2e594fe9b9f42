"""The floor: the least work a sound photo checker and fixer must do, as small Python prototypes.

    python bench/floor_prototypes.py cold|cold-map|site FOLDER
    python bench/floor_prototypes.py warm-build|warm FOLDER CACHE
    python bench/floor_prototypes.py fix FOLDER
    python bench/floor_prototypes.py fix3 FILE...

bench/floor.py runs each as its own process, beside schoollint and ExifTool (the JPEG and PNG walks
are in floor_formats.py). Each does the work issue 18 calls sound, and no more:

cold      list the folder (lstat each file), read every file whole (os.read; cold-map: a memory map
          with MAP_POPULATE), walk every JPEG marker segment (ITU-T T.81 B.1.1.4), classify each
          APPn by signature and read the EXIF IFDs (CIPA DC-008 4.6: IFD0, Exif, GPS, IFD1), IPTC
          datasets (IIM 4.1, inside Photoshop 8BIM 0x0404) and XMP property names; scan every
          entropy-coded segment to its end with one regex search (B.1.1.5: 0xFF not followed by 0x00
          or RSTn), so the walk reaches EOI, and report any non-zero byte after it (a trailer, a
          second image, a video). Two worker processes.
warm      list + lstat every file, read one HMAC-SHA256-signed results cache (marshal), discard it if
          its version or signature is wrong, and take a file's result only when its (size, mtime_ns,
          inode, ctime_ns) match and it was not modified within 2 s of the cache (racily clean).
fix       read, walk to EOI as cold does, drop every APPn and COM segment that holds metadata (keep
          JFIF without its thumbnail, ICC_PROFILE, Adobe APP14; EXIF becomes an IFD0 holding only
          Orientation), drop what follows EOI, copy every other byte as it was (lossless); verify at
          header level (the new headers walked to the first SOS hold nothing to remove, the frame size
          and orientation are the source's, the bytes from SOS to EOI equal the source's: one memcmp;
          a whole re-walk when a dropped segment lay after the first SOS); write a temporary file
          beside the photo with its mode; after the whole batch ONE syncfs(2), then rename each.
fix3      the same, three files, one process: what a pre-commit hook runs.
site      cold's walk for JPEG; PNG's chunk list to IEND (PNG 3rd ed. 5.3) with text, eXIf and tIME
          chunks noted and bytes after IEND reported; pages (.md, .html) read and their image
          references with alt text found by regex; every other file read whole.

What they omit compared with schoollint, all of which makes the floor cheaper (so a target the
floor misses is out of reach; a target it meets is not thereby shown reachable): no finding objects,
messages, severities, suppressions, baseline or report; no decoding of field values (the floor
notes a tag's presence); XMP by property name (no XML parse, so no namespace aliases); no name
finder, roster or consent rules; no other formats' readers (HEIC, video, documents); no MPO index;
no site rules (references, display sizes); no per-user cache key file; no progress or config.
"""

from __future__ import annotations

import os
import re
import struct
import sys

from floor_formats import strip_jpeg, walk_jpeg, walk_png

CACHE_VERSION = b"floor 1\n"
CACHE_KEY = b"floor-prototype-key"    # schoollint reads a per-user key file: one more small read


# --- pages and files -----------------------------------------------------------------------------

IMAGE_REFERENCE = re.compile(rb"!\[([^\]]*)\]\(([^)\s]+)|<img\b[^>]*>", re.IGNORECASE)


def judge(path: str, use_map: bool = False):
    """(path, kinds, trailer) for one file, or (path, error) when it cannot be read."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
        try:
            size = os.fstat(descriptor).st_size
            if use_map and size:
                import mmap
                data = mmap.mmap(descriptor, size, flags=mmap.MAP_SHARED | mmap.MAP_POPULATE, prot=mmap.PROT_READ)
            else:
                data = os.read(descriptor, size + 1)
        finally:
            os.close(descriptor)
        suffix = path.rpartition(".")[2].lower()
        if suffix in ("jpg", "jpeg"):
            kinds, *_, trailer = walk_jpeg(data)
            return path, frozenset(kinds), trailer
        if suffix == "png":
            kinds, trailer = walk_png(data)
            return path, frozenset(kinds), trailer
        if suffix in ("md", "html", "htm"):
            return path, frozenset(alt for alt, _ in IMAGE_REFERENCE.findall(data)), False
        return path, frozenset(), False
    except (OSError, ValueError, struct.error, IndexError) as error:
        return path, f"{type(error).__name__}: {error}"


# --- runs ------------------------------------------------------------------------------------------

def listing(folder: str) -> list[tuple[str, os.stat_result]]:
    """Every regular file below `folder` (not following symlinks, leaving out dot-folders) and its lstat."""
    found, stack = [], [folder]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    found.append((entry.path, entry.stat(follow_symlinks=False)))
    return found


def in_two_processes(work, items: list) -> list:
    from multiprocessing import get_context

    with get_context("fork").Pool(2) as pool:
        return pool.map(work, items, chunksize=max(1, len(items) // 16))


def cold(folder: str, use_map: bool = False) -> list:
    paths = [path for path, _ in listing(folder)]
    from functools import partial
    results = in_two_processes(partial(judge, use_map=use_map), paths)
    damaged = sum(1 for result in results if len(result) == 2)
    kinds = sorted({str(kind) for result in results if len(result) == 3 for kind in result[1]})[:8]
    trailers = sum(1 for result in results if len(result) == 3 and result[2])
    print(f"{len(results)} files: {trailers} with bytes after their end, {damaged} damaged; kinds: {kinds}")
    return results


def _signed(body: bytes) -> bytes:
    import hashlib
    import hmac
    return hmac.new(CACHE_KEY, body, hashlib.sha256).digest()


def warm_build(folder: str, cache: str) -> None:
    import marshal
    import time
    results = {result[0]: result[1:] for result in cold(folder)}
    now = time.time_ns()
    body = CACHE_VERSION + marshal.dumps(
        {path: ((info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns), now,
                tuple(sorted(map(str, results[path][0]))) if len(results[path]) == 2 else results[path][0])
         for path, info in listing(folder)})
    with open(cache, "wb") as handle:
        handle.write(_signed(body) + body)


def warm(folder: str, cache: str) -> None:
    import hmac
    import marshal
    with open(cache, "rb") as handle:
        signed = handle.read()
    body = signed[32:]
    known = {}
    if hmac.compare_digest(signed[:32], _signed(body)) and body.startswith(CACHE_VERSION):
        known = marshal.loads(body[len(CACHE_VERSION):])
    hits, misses = 0, []
    for path, info in listing(folder):
        entry = known.get(path)
        signature = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
        if entry and entry[0] == signature and entry[1] - info.st_mtime_ns > 2_000_000_000:
            hits += 1
        else:
            misses.append(path)
    results = [judge(path) for path in misses]    # a stat that changed is read again
    print(f"{hits} results from the cache, {len(results)} files read again")


def fix_one(path: str):
    """(temporary, path) with the stripped photo written beside it, unsynced; or (None, error)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
            mode = os.fstat(handle.fileno()).st_mode & 0o7777
        new = strip_jpeg(data)
        temporary = os.path.join(os.path.dirname(path), f".{os.getpid()}-{os.path.basename(path)}.floor-tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            os.fchmod(descriptor, mode)
            if os.writev(descriptor, new) != sum(map(len, new)):
                raise OSError("short write")
        finally:
            os.close(descriptor)
        return temporary, path
    except (OSError, ValueError, struct.error, IndexError) as error:
        return None, f"{path}: {error}"


def commit(staged: list) -> None:
    """One syncfs(2) for the whole batch, then each rename: every photo is the original or the new one."""
    written = [pair for pair in staged if pair[0]]
    if written:
        import ctypes
        descriptor = os.open(written[0][0], os.O_RDONLY)
        try:
            if ctypes.CDLL(None, use_errno=True).syncfs(descriptor) != 0:
                raise OSError(ctypes.get_errno(), "syncfs")
        finally:
            os.close(descriptor)
    for temporary, path in written:
        os.replace(temporary, path)
    print(f"{len(written)} fixed, {len(staged) - len(written)} refused")


def main(argv: list[str]) -> None:
    what, folder, *rest = argv
    if what in ("cold", "cold-map", "site"):
        cold(folder, use_map=what == "cold-map")
    elif what == "warm-build":
        warm_build(folder, rest[0])
    elif what == "warm":
        warm(folder, rest[0])
    elif what == "fix":
        commit(in_two_processes(fix_one, [path for path, _ in listing(folder)]))
    elif what == "fix3":
        commit([fix_one(path) for path in [folder, *rest]])
    else:
        raise SystemExit(f"unknown prototype {what!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
