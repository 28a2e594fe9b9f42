"""Benchmark `schoollint history` against `schoollint check` on the same photos.

    python bench/history.py [--files 2000] [--rounds 3] [--keep DIR]

(run it from the repository root; PYTHONPATH=DIR times the schoollint in DIR instead)

Builds a Git repository whose history holds N distinct phone-like JPEG blobs
(bench/run.py's 1600x1200 photo with GPS, thumbnail, XMP, IPTC and ICC),
committed in four commits, all still at HEAD; then two repositories where a
last commit deletes them all, so every blob is only in history:

  loose   a local clone sharing the first one's objects (hard links): loose
          objects, as `git add` and `git commit` write them (zlib level 1)
  packed  the same, repacked into one pack at the default zlib level, with no
          deltas (`--window=0`). The bench photos differ only in 32 bytes, so a
          delta search would store 1,999 of them as tiny deltas of one another;
          a school's photos are distinct pictures and are stored whole (a photo
          and its own stripped version are the exception: tests/audit/
          test_history_objects.py covers those deltas)

and times, as separate processes, interleaved in rounds (each round runs every
measurement once, starting one further along the list): `schoollint check
--no-cache --no-vision` (cold: the N files in the work tree, in the worker
pool) and `schoollint history` on each repository. Medians over the rounds; each
ratio is the median of the per-round ratios to check, in wall and CPU seconds
(user + system of every process). Target (issue 14): history under 2x check.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import Measure, build_dataset, in_rounds, phone_jpeg, speedup  # bench/run.py, beside this file

TARGET = 2.0


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.org",
           "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.org"}
    subprocess.run(["git", *args], cwd=cwd, check=True, env=env, stdout=subprocess.DEVNULL)


def build_repositories(folder: Path, count: int) -> dict[str, Path]:
    """{"at HEAD": the photos committed and still there, "loose", "packed": only in history}; those
    a previous --keep left in `folder` are used again."""
    site = folder / "site"
    layouts = {"at HEAD": site, "loose": folder / "loose", "packed": folder / "packed"}
    if all((path / ".git").is_dir() for path in layouts.values()):
        return layouts
    paths = build_dataset(site / "images", count, phone_jpeg())
    git(site, "init", "-q")
    step = max(1, len(paths) // 4)
    for start in range(0, len(paths), step):
        git(site, "add", *[str(p.relative_to(site)) for p in paths[start:start + step]])
        git(site, "commit", "-q", "-m", f"photos {start}..{start + step}")
    repositories = {"at HEAD": site}
    for layout in ("loose", "packed"):
        clone = repositories[layout] = folder / layout
        git(folder, "clone", "-q", "--local", str(site), str(clone))
        git(clone, "rm", "-q", "-r", "images")
        git(clone, "commit", "-q", "-m", "every photo taken down")
        if layout == "packed":
            git(clone, "repack", "-q", "-a", "-d", "-f", "--window=0")
            git(clone, "prune-packed")
    return repositories


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", help="build the repositories here and keep them (or use those kept there)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        repositories = build_repositories(Path(args.keep or scratch), args.files)
        schoollint = [sys.executable, "-m", "schoollint"]
        history = [*schoollint, "history", "--no-vision", "--output-format", "json", "-o", os.devnull]
        check = Measure("check", "schoollint check --no-cache (cold)", args.files,
                        [*schoollint, "check", "--no-cache", "--no-progress", "--no-vision", "--exit-zero"],
                        repositories["at HEAD"])
        measures = [check] + [Measure("history", f"schoollint history (blobs {where})", args.files, history, path)
                              for where, path in (("at HEAD", repositories["at HEAD"]),
                                                  ("only in history, loose", repositories["loose"]),
                                                  ("only in history, packed", repositories["packed"]))]
        load_before = os.getloadavg()[0]
        in_rounds(measures, args.rounds, 1)
        load_after = os.getloadavg()[0]
    print(f"{args.files} image blobs, {os.cpu_count()} cores, medians of {args.rounds} interleaved rounds, "
          f"load average {load_before:.1f} before and {load_after:.1f} after (the machine is shared)")
    print("| task | wall s | CPU s | peak RSS MB | / check (wall) | / check (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for measure in measures:
        timing = measure.timing()
        print(f"| {timing.tool} | {timing.seconds:.2f} | {timing.cpu_seconds:.2f} | {timing.peak_rss_mb:.0f} "
              f"| {speedup(check, measure, 0):.2f}x | {speedup(check, measure, 1):.2f}x |")
    for measure in measures[1:]:
        verdict = "met" if speedup(check, measure, 0) < TARGET else "NOT met"
        print(f"{measure.tool}: target under {TARGET:.0f}x the wall time of check: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
