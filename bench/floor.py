"""The floor on this machine: issue 18's targets against the least work a sound Python tool must do.

    python bench/floor.py [--files 1000] [--rounds 5] [--keep DIR | --reuse DIR] [--no-site]

Builds the trees bench/run.py builds (N phone-like photos, the large mixed site), or takes them
from DIR (`--keep DIR` builds them there if they are missing and keeps them; `--reuse DIR` reads
DIR/pristine, DIR/check and DIR/site as bench/run.py --keep left them, and writes only into a
scratch folder), then times, in rounds as bench/run.py does (each round runs everything once,
starting one further along; medians; each ratio the median of the per-round ratios):

  (a) the cold-check floor (floor_prototypes.py cold: read + segment walk + scan to EOI, two
      processes; and the same over a memory map with MAP_POPULATE)
  (b) the warm floor (list + lstat + read one signed, compact results cache)
  (c) the fix floor (read, lossless strip, header-level verification, temporary file beside,
      one syncfs for the batch, rename; two processes)
  (d) the 3-file floor (Python start-up and the fix of 3 photos, one process)
  (e) the large site's cold (and warm) floor

beside `schoollint check --no-vision` and ExifTool / exif-stripper in the same rounds, then prints
each target of the issue with the floor's ratio and schoollint's: a target the floor itself
misses is out of reach for a Python tool on this machine. floor_prototypes.py says what each
prototype does and what it leaves out compared with schoollint.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import floor_prototypes  # noqa: E402
import run  # noqa: E402  (bench/run.py: the same trees, timing and rounds)

# Each prototype runs from its compiled module, as an installed tool would (not as a script).
PROTOTYPE = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
             "import floor_prototypes; floor_prototypes.main(sys.argv[1:])"]
# (what, wanted speed-up, floor, schoollint, compared with): issue 18's targets, each (task, tool)
TARGETS = (
    ("check cold vs exiftool -fast", 15.0, ("check", "floor (read)"), ("check", "schoollint (cold)"),
     ("check", "exiftool")),
    ("check cold vs exiftool -fast", 15.0, ("check", "floor (map)"), ("check", "schoollint (cold)"),
     ("check", "exiftool")),
    ("check warm vs exiftool -fast", 50.0, ("check", "floor (warm)"), ("check", "schoollint (warm)"),
     ("check", "exiftool")),
    ("fix vs ExifTool's keep-idiom", 7.0, ("fix", "floor"), ("fix", "schoollint"), ("fix", "exiftool")),
    ("fix vs exif-stripper", 15.0, ("fix", "floor"), ("fix", "schoollint"), ("fix", "exif-stripper")),
    ("3 files vs exif-stripper", 2.0, ("3 files", "floor"), ("3 files", "schoollint"),
     ("3 files", "exif-stripper")),
    ("large site cold vs exiftool -fast", 3.0, ("site check", "floor"), ("site check", "schoollint (cold)"),
     ("site check", "exiftool")),
    ("large site warm vs exiftool -fast", 10.0, ("site check", "floor (warm)"), ("site check", "schoollint (warm)"),
     ("site check", "exiftool")),
)


def trees(source: Path, files: int, site: bool) -> None:
    """bench/run.py's trees under `source` (pristine photos, their copy to check, the site), where missing."""
    if not (source / "pristine").is_dir():
        run.build_dataset(source / "pristine", files, run.phone_jpeg())
    if not (source / "check").is_dir():
        shutil.copytree(source / "pristine", source / "check")
    if site and not (source / "site").is_dir():
        run.build_site(source / "site", run.phone_jpeg((3000, 2000)))


def fresh(folder: Path, pristine: Path, names: list[str]):
    """How to make `folder` hold pristine copies of `names` again (a fix measure's `prepare`)."""
    def reset():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for name in names:
            shutil.copyfile(pristine / name, folder / name)
        os.sync()    # so that a fixer's own sync writes back its own files, not this copy
    reset()
    return reset


def measures(source: Path, scratch: Path, site: bool) -> tuple[list[run.Measure], list[str], dict]:
    """Every measurement, what each prototype found on a first (untimed) run, and the fix folders."""
    check, pristine = source / "check", source / "pristine"
    names = sorted(path.name for path in pristine.iterdir() if path.suffix == ".jpg")
    count = len(names)
    exiftool, stripper = run.tool_path("exiftool"), run.tool_path("exif-stripper")
    found = []

    def prototype(*arguments: str, cwd: Path) -> list[str]:
        command = PROTOTYPE + list(arguments)
        found.append(f"{' '.join(arguments)}: " + subprocess.run(
            command, cwd=cwd, env=run.TOOL_ENVIRONMENT, capture_output=True, text=True, check=True).stdout.strip())
        return command

    def filled(folder: Path, name: str) -> str:
        """A warm floor's cache for `folder` (built once its files are 2 s old, so none is racily clean)."""
        cache = str(scratch / f"{name}.floor-cache")
        newest = max(info.st_mtime for _, info in floor_prototypes.listing(str(folder)))
        time.sleep(max(0.0, 2.1 - (time.time() - newest)))
        subprocess.run(PROTOTYPE + ["warm-build", ".", cache], cwd=folder, env=run.TOOL_ENVIRONMENT,
                           capture_output=True, check=True)
        run.timed(run.schoollint_metadata(), folder)     # and schoollint's
        return cache

    listed = [run.Measure("check", "floor (read)", count, prototype("cold", ".", cwd=check), check),
              run.Measure("check", "floor (map)", count, prototype("cold-map", ".", cwd=check), check),
              run.Measure("check", "schoollint (cold)", count, run.schoollint_metadata("--no-cache"), check),
              run.Measure("check", "floor (warm)", count, prototype("warm", ".", filled(check, "check"), cwd=check),
                          check),
              run.Measure("check", "schoollint (warm)", count, run.schoollint_metadata(), check)]
    if exiftool:
        listed.append(run.Measure("check", "exiftool", count, [exiftool, "-fast", "-r", "-GPSLatitude", "."], check))
    fixers = [("floor", PROTOTYPE + ["fix", "."]), ("schoollint", run.schoollint_metadata("--fix", "--no-cache"))]
    if exiftool:
        fixers.append(("exiftool", [exiftool, "-all=", "--icc_profile:all", "-tagsfromfile", "@", "-Orientation",
                                    "-overwrite_original", "-r", "."]))
    if stripper:
        fixers.append(("exif-stripper", [stripper, *names]))
    folders = {}
    for tool, command in fixers:
        folders[tool] = folder = scratch / f"fix-{tool}"
        listed.append(run.Measure("fix", tool, count, command, folder, fresh(folder, pristine, names)))
    three = [("floor", PROTOTYPE + ["fix3", *names[:3]]), ("schoollint", run.schoollint_metadata("--fix", *names[:3]))]
    three += [("exif-stripper", [stripper, *names[:3]])] if stripper else []
    for tool, command in three:
        folder = scratch / f"small-{tool}"
        listed.append(run.Measure("3 files", tool, 3, command, folder, fresh(folder, pristine, names[:3])))
    if site:
        where = source / "site"
        files = len(floor_prototypes.listing(str(where)))
        listed += [run.Measure("site check", "floor", files, prototype("site", ".", cwd=where), where),
                   run.Measure("site check", "schoollint (cold)", files, run.schoollint_metadata("--no-cache"), where),
                   run.Measure("site check", "floor (warm)", files,
                               prototype("warm", ".", filled(where, "site"), cwd=where), where),
                   run.Measure("site check", "schoollint (warm)", files, run.schoollint_metadata(), where)]
        if exiftool:
            listed.append(run.Measure("site check", "exiftool", files,
                                      [exiftool, "-fast", "-r", "-GPSLatitude", "."], where))
    return listed, found, folders


def report(listed: list[run.Measure], found: list[str], outcomes: list, header: str) -> str:
    by_key = {(m.task, m.tool): m for m in listed}
    lines = [header, "", "| task | tool | wall s | CPU s | peak RSS MB |", "| --- | --- | ---: | ---: | ---: |"]
    for measure in listed:
        timing = measure.timing()
        lines.append(f"| {timing.task} | {timing.tool} | {timing.seconds:.2f} | {timing.cpu_seconds:.2f} | "
                     f"{timing.peak_rss_mb:.0f} |")
    lines += ["", "| target | wanted | floor: wall (CPU) | schoollint: wall (CPU) | the floor |",
              "| --- | ---: | ---: | ---: | --- |"]
    for what, wanted, floor, ours, theirs in TARGETS:
        if not all(key in by_key for key in (floor, ours, theirs)):
            lines.append(f"| {what} | {wanted:.0f}x | not measured | | |")
            continue
        verdict = ("meets it" if run.speedup(by_key[floor], by_key[theirs], 0) >= wanted
                   else "misses it: out of reach for a Python tool here")
        lines.append(f"| {what} ({floor[1]}) | {wanted:.0f}x | {_ratio(by_key[floor], by_key[theirs])} | "
                     f"{_ratio(by_key[ours], by_key[theirs])} | {verdict} |")
    lines += ["", "What each prototype found (first run, untimed):"] + [f"- {line}" for line in found]
    lines += ["", "| fixer | PSNR dB (displayed pixels) | ICC kept | upright | metadata left (schoollint's reader) |",
              "| --- | ---: | --- | --- | --- |"]
    for result in outcomes:
        psnr = "inf (lossless)" if result.psnr == float("inf") else f"{result.psnr:.1f}"
        lines.append(f"| {result.tool} | {psnr} | {run._yes(result.icc_kept)} | {run._yes(result.upright)} | "
                     f"{result.left} |")
    return "\n".join(lines)


def _ratio(ours: run.Measure, theirs: run.Measure) -> str:
    return f"{run.speedup(ours, theirs, 0):.1f}x ({run.speedup(ours, theirs, 1):.1f}x)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="photos to build (default 1000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds; medians count (default 5)")
    parser.add_argument("--small-rounds", type=int, default=3, help="3-file runs in each round (default 3)")
    parser.add_argument("--no-site", action="store_true", help="leave out the large mixed site")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--keep", metavar="DIR", help="build the trees here (where missing) and keep them")
    where.add_argument("--reuse", metavar="DIR", help="read the trees bench/run.py --keep DIR left; write elsewhere")
    args = parser.parse_args(argv)

    load = f"{os.getloadavg()[0]:.2f}"
    scratch = Path(tempfile.mkdtemp(prefix="schoollint-floor-"))
    source = Path(args.reuse or args.keep or scratch)
    run.TOOL_ENVIRONMENT["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode")
    try:
        if not args.reuse:
            trees(source, args.files, not args.no_site)
        site = not args.no_site and (source / "site").is_dir()
        listed, found, folders = measures(source, scratch, site)
        for measure in listed:     # untimed: fills each tool's bytecode cache
            if callable(measure.prepare):
                measure.prepare()
            run.timed(measure.command, measure.cwd)
        run.in_rounds(listed, args.rounds, args.small_rounds)
        first = sorted((source / "pristine").glob("*.jpg"))[0]
        outcomes = [run.outcome(tool, first.read_bytes(), (folder / first.name).read_bytes())
                    for tool, folder in folders.items()]
        photos = len(floor_prototypes.listing(str(source / "check")))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    header = (f"The floor: {photos} photos, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
              f"{args.rounds} rounds (medians), load average {load} before, "
              f"{os.getloadavg()[0]:.2f} after")
    print(report(listed, found, outcomes, header))
    return 0


if __name__ == "__main__":
    sys.exit(main())
