"""Benchmark `schoollint history` against `schoollint check` on the same photos.

    python bench/history.py [--files 2000] [--repeat 3] [--keep DIR]

Builds a Git repository whose history holds N distinct phone-like JPEG blobs
(bench/run.py's 1600x1200 photo with GPS, thumbnail, XMP, IPTC and ICC),
committed in four commits, all still at HEAD; then times, as separate
processes, `schoollint check --no-cache --no-vision` (the N files in the work
tree, in the worker pool; history does not look at pixels) and `schoollint
history` twice: with the blobs still at HEAD (read from the unchanged
work-tree files) and after a commit that deletes them all (every blob
inflated by `git cat-file --batch`, one per job of the worker pool). Target
(issue 14): history under 2x the time of check.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import best_of, build_dataset, phone_jpeg  # bench/run.py, beside this file

TARGET = 2.0


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.org",
           "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.org"}
    subprocess.run(["git", *args], cwd=cwd, check=True, env=env, stdout=subprocess.DEVNULL)


def build_repository(root: Path, count: int) -> None:
    paths = build_dataset(root / "images", count, phone_jpeg())
    git(root, "init", "-q")
    step = max(1, len(paths) // 4)
    for start in range(0, len(paths), step):
        git(root, "add", *[str(p.relative_to(root)) for p in paths[start:start + step]])
        git(root, "commit", "-q", "-m", f"photos {start}..{start + step}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", help="build the repository here and keep it")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(args.keep or scratch) / "site"
        build_repository(root, args.files)
        schoollint = [sys.executable, "-m", "schoollint"]
        check = best_of(args.repeat, "check", "schoollint check --no-cache", args.files,
                        [*schoollint, "check", "--no-cache", "--no-progress", "--no-vision", "--exit-zero"], root)
        history_command = [*schoollint, "history", "--output-format", "json", "-o", os.devnull]
        at_head = best_of(args.repeat, "history", "schoollint history (blobs at HEAD)", args.files,
                          history_command, root)
        git(root, "rm", "-q", "-r", "images")
        git(root, "commit", "-q", "-m", "every photo taken down")
        removed = best_of(args.repeat, "history", "schoollint history (blobs only in history)", args.files,
                          history_command, root)
    print(f"{args.files} image blobs, {os.cpu_count()} cores, best of {args.repeat}, "
          f"load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after (the machine is shared)")
    print("| task | wall s | CPU s | peak RSS MB | / check (wall) | / check (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for timing in (check, at_head, removed):
        print(f"| {timing.tool} | {timing.seconds:.2f} | {timing.cpu_seconds:.2f} | {timing.peak_rss_mb:.0f} "
              f"| {timing.seconds / check.seconds:.2f}x | {timing.cpu_seconds / check.cpu_seconds:.2f}x |")
    for timing in (at_head, removed):
        verdict = "met" if timing.seconds / check.seconds < TARGET else "NOT met"
        print(f"{timing.tool}: target under {TARGET:.0f}x the wall time of check: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
