"""Benchmark schoollint against ExifTool, exif-stripper and mat2 on phone-like JPEGs and a large site.

    python bench/run.py [--files 1000] [--rounds 5] [--no-site] [--keep DIR]

Builds N distinct copies of a 1600x1200 phone-like JPEG (EXIF with GPS and a
thumbnail, XMP, IPTC, ICC profile, orientation 6) and a large mixed site of the
shape of a big Hugo site (2,400 files: 1,300 PNG screenshots, 200 camera JPEGs,
500 Markdown pages, 400 other files) in a temporary folder, then times each tool
as a separate process on the same machine, in rounds: each round runs every
measurement once, starting one further along the list each round, so a busy
spell of the machine falls on every tool alike. Medians over the rounds; each
speed-up is the median of the per-round ratios.

  check      schoollint check --no-vision, cold (--no-cache) and warm (cache filled
             by a first run) vs exiftool -fast -r -GPSLatitude
  fix        schoollint check --fix vs the ExifTool idiom that keeps ICC and orientation
             vs exif-stripper vs mat2 --inplace
  3 files    schoollint check --fix on three files (a pre-commit-sized run) vs exif-stripper
  site check the large site: schoollint cold and warm, default workers and --jobs 1,
             vs exiftool -fast -r -GPSLatitude

and measures what each fixer did to the photo: PSNR of the displayed pixels against
the original (inf = lossless), ICC profile kept, displayed upright, metadata left.
Tools that are not installed are skipped with a note. Peak RSS is that of the
largest single process of the run (the tool or one of its workers).
"""

from __future__ import annotations

import argparse
import io
import math
import os
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
UNIQUE_ID_PLACEHOLDER = b"0" * 32     # EXIF ImageUniqueID: rewritten per copy so every file differs
TARGETS = (  # (what, faster tool, slower tool, minimum speed-up): issue 18
    ("check", "schoollint (cold)", "exiftool", 15.0),
    ("check", "schoollint (warm)", "exiftool", 50.0),
    ("fix", "schoollint", "exiftool", 7.0),
    ("fix", "schoollint", "exif-stripper", 15.0),
    ("3 files", "schoollint", "exif-stripper", 2.0),
    ("site check", "schoollint (cold)", "exiftool", 3.0),
    ("site check", "schoollint (warm)", "exiftool", 10.0),
    ("site check", "schoollint (cold)", "schoollint (cold, --jobs 1)", 1.0),
    ("site check", "schoollint (warm)", "schoollint (warm, --jobs 1)", 1.0),
)
PEAK_MB = 100     # peak memory of a check of the 1,000 photos
# The large site (issue 18): the shape of a big Hugo site.
SITE_SHAPE = {"screenshots": 1300, "camera photos": 200, "pages": 500, "other": 400}


# --- the sample photo ---------------------------------------------------------------------------

def phone_jpeg(size: tuple[int, int] = (1600, 1200)) -> bytes:
    """A JPEG (1600x1200 unless told) carrying what a phone writes, plus IPTC and XMP from a photo app."""
    import piexif
    from PIL import ImageCms

    picture = _photo_like(size)
    thumbnail = io.BytesIO()
    picture.resize((160, 120)).save(thumbnail, "JPEG", quality=80)
    exif = piexif.dump({
        "0th": {piexif.ImageIFD.Make: b"Apple", piexif.ImageIFD.Model: b"iPhone 13",
                piexif.ImageIFD.Orientation: 6, piexif.ImageIFD.Software: b"17.4.1",
                piexif.ImageIFD.DateTime: b"2024:05:01 10:11:12"},
        "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2024:05:01 10:11:12",
                 piexif.ExifIFD.ImageUniqueID: UNIQUE_ID_PLACEHOLDER,
                 piexif.ExifIFD.LensModel: b"iPhone 13 back camera 5.1mm f/1.6"},
        "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((51, 1), (30, 1), (123, 100)),
                piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: ((0, 1), (8, 1), (2, 100))},
        "1st": {piexif.ImageIFD.JPEGInterchangeFormat: 0, piexif.ImageIFD.JPEGInterchangeFormatLength: 0},
        "thumbnail": thumbnail.getvalue(),
    })
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    encoded = io.BytesIO()
    picture.save(encoded, "JPEG", quality=92, exif=exif, icc_profile=icc, xmp=_xmp())
    data = encoded.getvalue()
    return data[:2] + _iptc_segment() + data[2:]


def _photo_like(size):
    """Gradients, fractal detail and sensor-like noise: compresses like a photo, not like a test card."""
    from PIL import Image, ImageChops

    rightwards = Image.linear_gradient("L").rotate(90).resize(size)
    downwards = Image.linear_gradient("L").resize(size)
    detail = Image.effect_mandelbrot((400, 300), (-2.2, -1.2, 1.0, 1.2), 96).resize(size)
    noise = Image.effect_noise(size, 8)
    channels = [ImageChops.add(channel, noise, scale=1.0, offset=-128) for channel in (rightwards, downwards, detail)]
    return Image.merge("RGB", channels)


def _xmp() -> bytes:
    return b"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
 photoshop:City="Leeds" xmp:CreatorTool="Photos 9.0">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Year 4 sports day</rdf:li></rdf:Alt></dc:description>
<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Amelia Pupil</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>
</rdf:Description></rdf:RDF></x:xmpmeta>"""


def _iptc_segment() -> bytes:
    def dataset(number: int, value: bytes) -> bytes:
        return bytes([0x1C, 2, number]) + len(value).to_bytes(2, "big") + value

    iim = dataset(90, b"Leeds") + dataset(80, b"Jane Teacher") + dataset(120, b"Amelia at sports day")
    resource = b"8BIM" + (0x0404).to_bytes(2, "big") + b"\0\0" + len(iim).to_bytes(4, "big") + iim
    resource += b"\0" * (len(iim) & 1)
    payload = b"Photoshop 3.0\0" + resource
    return b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload


def build_dataset(folder: Path, count: int, template: bytes) -> list[Path]:
    folder.mkdir(parents=True)
    at = template.index(UNIQUE_ID_PLACEHOLDER)
    paths = []
    for number in range(count):
        path = folder / f"IMG_{number:05d}.jpg"
        path.write_bytes(template[:at] + b"%032x" % number + template[at + len(UNIQUE_ID_PLACEHOLDER):])
        paths.append(path)
    return paths


# --- the large mixed site -----------------------------------------------------------------------

def screenshot_png(size: tuple[int, int] = (1280, 800)) -> bytes:
    """A screenshot-like PNG: flat panels, a title bar and many small glyph-like marks."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", size, (246, 246, 248))
    draw = ImageDraw.Draw(picture)
    shuffle = random.Random(18)
    draw.rectangle((0, 0, size[0], 48), fill=(40, 44, 52))
    draw.rectangle((0, 48, 240, size[1]), fill=(228, 230, 235))
    for _ in range(2500):              # "text": short dark strokes in lines
        x, y = shuffle.randrange(260, size[0] - 20), 70 + 18 * shuffle.randrange(0, (size[1] - 90) // 18)
        draw.rectangle((x, y, x + shuffle.randrange(3, 9), y + 10), fill=(shuffle.randrange(30, 90),) * 3)
    encoded = io.BytesIO()
    picture.save(encoded, "PNG")
    return encoded.getvalue()


def _png_text(keyword: bytes, text: bytes) -> bytes:
    body = keyword + b"\0" + text
    return struct.pack(">I", len(body)) + b"tEXt" + body + struct.pack(">I", zlib.crc32(b"tEXt" + body))


def build_site(folder: Path, photo: bytes, seed: int = 18) -> int:
    """A generated site of SITE_SHAPE under `folder` (Hugo's layout: content/, static/, assets/,
    data/, layouts/); every file distinct. The number of files."""
    shuffle = random.Random(seed)
    png = screenshot_png()
    header = 8 + 25          # the signature and IHDR: a screenshot tool's text chunk follows them
    screens = folder / "static" / "images" / "screens"
    screens.mkdir(parents=True)
    for number in range(SITE_SHAPE["screenshots"]):
        (screens / f"screen-{number:04d}.png").write_bytes(
            png[:header] + _png_text(b"Software", b"Screenshot tool build %d" % number) + png[header:])
    build_dataset(folder / "static" / "images" / "photos", SITE_SHAPE["camera photos"], photo)
    photos = sorted(path.name for path in (folder / "static" / "images" / "photos").iterdir())
    posts = folder / "content" / "posts"
    posts.mkdir(parents=True)
    alts = ["a screenshot of the menu", "the timetable page", "pupils at the summer fair", "Year 4 on the trip",
            "the new library", "a diagram of the water cycle", "Emily Johnson receives her award"]
    for number in range(SITE_SHAPE["pages"]):
        body = [f'---\ntitle: "News {number}"\ndate: 2024-{1 + number % 12:02d}-{1 + number % 28:02d}\n'
                f'tags: [news, year{1 + number % 6}]\n---\n']
        for paragraph in range(shuffle.randrange(2, 6)):
            body.append(f"Paragraph {paragraph} of post {number}: " + "the school week in words. " * 12 + "\n")
            if shuffle.random() < 0.6:
                target = (f"/images/screens/screen-{shuffle.randrange(SITE_SHAPE['screenshots']):04d}.png"
                          if shuffle.random() < 0.7 else f"/images/photos/{shuffle.choice(photos)}")
                body.append(f"![{shuffle.choice(alts)}]({target})\n")
        (posts / f"post-{number:04d}.md").write_text("\n".join(body))
    other = SITE_SHAPE["other"]
    kinds = [("assets/css", "css", lambda n: f".card-{n} {{ margin: {n % 9}px; color: #{n % 4096:03x}; }}\n" * 40),
             ("assets/js", "js",
              lambda n: f"export function widget{n}(root) {{ return root.querySelector('.w{n}'); }}\n"),
             ("data", "json", lambda n: '{"events": [' + ",".join(f'{{"day": {d}, "what": "club {n}"}}'
                                                                      for d in range(20)) + "]}\n"),
             ("static/icons", "svg", lambda n: f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                                               f'<circle cx="12" cy="12" r="{1 + n % 11}"/></svg>\n'),
             ("layouts/partials", "html",
              lambda n: f'<nav class="menu-{n}">{{{{ range .Site.Menus.main }}}}'
                        f'<a href="{{{{ .URL }}}}">{{{{ .Name }}}}</a>{{{{ end }}}}</nav>\n')]
    for number in range(other):
        where, extension, text = kinds[number % len(kinds)]
        (folder / where).mkdir(parents=True, exist_ok=True)
        (folder / where / f"file-{number:04d}.{extension}").write_text(text(number))
    return sum(SITE_SHAPE.values())


# --- running tools ------------------------------------------------------------------------------

@dataclass
class Timing:
    task: str
    tool: str
    files: int
    seconds: float
    cpu_seconds: float     # user + system, all processes: what the run costs on a busy machine
    peak_rss_mb: float

    @property
    def files_per_second(self) -> float:
        return self.files / self.seconds if self.seconds else math.inf


def timed(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall time, CPU time (user + system) and peak RSS in MB of the largest process.

    GNU time measures CPU and RSS: a child forked from this (large) Python process
    would report our own peak RSS as its own, since Linux carries it across exec.
    """
    with tempfile.NamedTemporaryFile("r") as usage:
        wrapper = [GNU_TIME, "-f", "%U %S %M", "-o", usage.name] if GNU_TIME else []
        started = time.perf_counter()
        finished = subprocess.run(wrapper + command, cwd=cwd, env=TOOL_ENVIRONMENT, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - started
        if finished.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(command[:4])}... exited {finished.returncode}: "
                               f"{finished.stderr.decode('utf-8', 'replace')[-800:]}")
        measured = usage.read().split()[-3:] if GNU_TIME else []
    if len(measured) != 3:
        return elapsed, math.nan, math.nan
    user, system, kilobytes = measured
    return elapsed, float(user) + float(system), int(kilobytes) / 1024


def best_of(repeat: int, task: str, tool: str, files: int, command: list[str], cwd: Path,
            prepare=None) -> Timing:
    """The fastest of `repeat` runs (least disturbed by the machine); `prepare` resets the files first."""
    runs = []
    for _ in range(repeat):
        if prepare:
            prepare()
        runs.append(timed(command, cwd))
    seconds, cpu_seconds, _ = min(runs)
    return Timing(task, tool, files, seconds, cpu_seconds, max(run[2] for run in runs))


@dataclass
class Measure:
    """One (task, tool): its command, where it runs, what resets its files first, and its runs."""

    task: str
    tool: str
    files: int
    command: list[str]
    cwd: Path
    prepare: object = None
    runs: list[tuple[float, float, float]] = field(default_factory=list)

    def timing(self) -> Timing:
        """Medians of wall and CPU seconds over the rounds; the largest peak RSS of any."""
        return Timing(self.task, self.tool, self.files, statistics.median(run[0] for run in self.runs),
                      statistics.median(run[1] for run in self.runs), max(run[2] for run in self.runs))


def in_rounds(measures: list[Measure], rounds: int, small_rounds: int) -> None:
    """Each round runs every measurement once, starting one further along the list each time;
    "3 files" measurements run `small_rounds` times a round (they take a tenth of a second).

    Every run starts with nothing waiting to be written to disk (an untimed sync): else the 690 MB
    that resetting the fix folders copies, or that the tool before wrote, would be written during
    the next run, charged to whichever tool syncs (schoollint's fix does, for crash safety) or to
    whichever the kernel's writeback happens to slow down."""
    for number in range(rounds):
        start = number % len(measures)
        for measure in measures[start:] + measures[:start]:
            for _ in range(small_rounds if measure.task == "3 files" else 1):
                if callable(measure.prepare):
                    measure.prepare()
                os.sync()
                measure.runs.append(timed(measure.command, measure.cwd))


def speedup(ours: Measure, theirs: Measure, index: int) -> float:
    """Median over the rounds of their time / ours (index 0: wall, 1: CPU), each round's own runs."""
    pairs = zip(ours.runs, theirs.runs, strict=False)
    return statistics.median(their[index] / our[index] for our, their in pairs if our[index])


def tool_path(name: str) -> str | None:
    beside_python = Path(sys.executable).with_name(name)
    return str(beside_python) if beside_python.exists() else shutil.which(name)


def schoollint(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "schoollint", "check", "--no-progress", *arguments]


def schoollint_metadata(*arguments: str) -> list[str]:
    """schoollint's metadata and page checks, as ExifTool's and the strippers' work compares: no vision."""
    return schoollint("--no-vision", *arguments)


# --- what each fixer did to the photo ----------------------------------------------------------

@dataclass
class Outcome:
    tool: str
    psnr: float
    icc_kept: bool
    upright: bool
    left: str


def outcome(tool: str, original: bytes, fixed: bytes) -> Outcome:
    from PIL import Image, ImageOps

    from schoollint.formats.model import MediaError
    from schoollint.formats.registry import read_media

    before = ImageOps.exif_transpose(Image.open(io.BytesIO(original))).convert("RGB")
    opened = Image.open(io.BytesIO(fixed))
    after = ImageOps.exif_transpose(opened).convert("RGB")
    upright = before.size == after.size
    psnr = _psnr(before, after) if upright else 0.0
    try:
        kinds = sorted({item.kind for item in read_media(fixed, ".jpg").items})
        left = ", ".join(kinds) or "none"
    except MediaError as exc:
        left = f"unreadable: {exc}"
    icc = Image.open(io.BytesIO(original)).info.get("icc_profile")
    return Outcome(tool, psnr, opened.info.get("icc_profile") == icc, upright and psnr > 20, left)


def _psnr(first, second) -> float:
    from PIL import ImageChops

    histogram = ImageChops.difference(first, second).histogram()
    squared = sum(count * (value % 256) ** 2 for value, count in enumerate(histogram))
    mean = squared / (first.width * first.height * 3)
    return math.inf if mean == 0 else 10 * math.log10(255 ** 2 / mean)


# --- the run ------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="photos in the large runs (default 1000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of every measurement; medians count (default 5)")
    parser.add_argument("--small-rounds", type=int, default=3, help="3-file runs in each round (default 3)")
    parser.add_argument("--no-site", action="store_true", help="leave out the large mixed site")
    parser.add_argument("--keep", metavar="DIR", help="build the files here and keep them")
    args = parser.parse_args(argv)

    # Other work on the machine slows every tool: say how busy it was.
    load = f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "unknown"
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="schoollint-bench-"))
    TOOL_ENVIRONMENT["PYTHONPYCACHEPREFIX"] = str(work / "bytecode")
    try:
        measures, outcomes, notes = run(work, args)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    after = f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "unknown"
    print(report(measures, outcomes, notes, args, f"{load} before, {after} after"))
    return 0


# Installed Python tools run from compiled bytecode; a session with PYTHONDONTWRITEBYTECODE would
# recompile every module on every run. Every tool gets a bytecode cache, filled by a warm-up run.
TOOL_ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run(work: Path, args) -> tuple[list[Measure], list[Outcome], list[str]]:
    template = phone_jpeg()
    pristine = work / "pristine"
    build_dataset(pristine, args.files, template)
    count = args.files
    exiftool, stripper, mat2 = tool_path("exiftool"), tool_path("exif-stripper"), tool_path("mat2")
    notes = [f"{name}: not installed, skipped" for name, found in
             (("exiftool", exiftool), ("exif-stripper", stripper), ("mat2", mat2)) if not found]
    if not GNU_TIME:
        notes.append("/usr/bin/time (GNU time) not installed: CPU time and peak RSS not measured")
    names = sorted(path.name for path in pristine.iterdir())

    def fresh(name: str, files: list[str] = names):
        """A folder holding pristine copies of `files`, and how to make it pristine again."""
        folder = work / name

        def reset():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            for file in files:
                shutil.copyfile(pristine / file, folder / file)
        reset()
        return folder, reset

    warm_up = work / "warm-up"
    build_dataset(warm_up, 3, template)
    for command in (schoollint_metadata("--fix", *names[:3]), stripper and [stripper, *names[:3]],
                    mat2 and [mat2, "--inplace", *names[:3]]):
        if command:     # untimed: fills each tool's bytecode cache
            timed(command, warm_up)

    measures: list[Measure] = []
    # check: read-only, all on one copy; the warm cache is filled once, before the rounds
    checked, _ = fresh("check")
    timed(schoollint_metadata(), checked)
    measures += [Measure("check", "schoollint (cold)", count, schoollint_metadata("--no-cache"), checked),
                 Measure("check", "schoollint (warm)", count, schoollint_metadata(), checked)]
    if exiftool:
        measures.append(Measure("check", "exiftool", count, [exiftool, "-fast", "-r", "-GPSLatitude", "."], checked))

    # fix: each tool on its own fresh copy, every round
    fixers = [("schoollint", schoollint_metadata("--fix", "--no-cache"))]
    if exiftool:
        fixers.append(("exiftool", [exiftool, "-all=", "--icc_profile:all", "-tagsfromfile", "@", "-Orientation",
                                    "-overwrite_original", "-r", "."]))
    if stripper:
        fixers.append(("exif-stripper", [stripper, *names]))
    if mat2:
        fixers.append(("mat2", [mat2, "--inplace", *names]))
    for tool, command in fixers:
        folder, reset = fresh(f"fix-{tool}")
        measures.append(Measure("fix", tool, count, command, folder, reset))

    # 3 files: what a pre-commit hook sees on a typical commit
    three = names[:3]
    small_fixers = [("schoollint", schoollint_metadata("--fix", *three))]
    if stripper:
        small_fixers.append(("exif-stripper", [stripper, *three]))
    for tool, command in small_fixers:
        folder, reset = fresh(f"small-{tool}", three)
        measures.append(Measure("3 files", tool, 3, command, folder, reset))

    # the large mixed site: read-only, one copy
    if not args.no_site:
        site = work / "site"
        files = build_site(site, phone_jpeg((3000, 2000)))
        timed(schoollint_metadata(), site)
        measures += [Measure("site check", "schoollint (cold)", files, schoollint_metadata("--no-cache"), site),
                     Measure("site check", "schoollint (cold, --jobs 1)", files,
                             schoollint_metadata("--no-cache", "--jobs", "1"), site),
                     Measure("site check", "schoollint (warm)", files, schoollint_metadata(), site),
                     Measure("site check", "schoollint (warm, --jobs 1)", files,
                             schoollint_metadata("--jobs", "1"), site)]
        if exiftool:
            measures.append(Measure("site check", "exiftool", files, [exiftool, "-fast", "-r", "-GPSLatitude", "."],
                                    site))

    in_rounds(measures, args.rounds, args.small_rounds)
    outcomes = []
    for tool, _ in fixers:
        folder = work / f"fix-{tool}"
        outcomes.append(outcome(tool, template, (folder / names[0]).read_bytes()))
    return measures, outcomes, notes


def report(measures: list[Measure], outcomes: list[Outcome], notes: list[str], args, load: str) -> str:
    by_key = {(m.task, m.tool): m for m in measures}
    lines = [f"schoollint benchmark: {args.files} photos of 1600x1200, {os.cpu_count()} cores, "
             f"Python {sys.version.split()[0]}, {args.rounds} rounds (medians), load average {load}", "",
             "| task | tool | seconds | files/s | CPU seconds | schoollint faster by | peak RSS MB |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for measure in measures:
        timing = measure.timing()
        ours = by_key.get((measure.task, "schoollint (cold)" if "check" in measure.task else "schoollint"))
        ratio = "" if measure.tool.startswith("schoollint") or not ours else f"{speedup(ours, measure, 0):.1f}x"
        lines.append(f"| {timing.task} | {timing.tool} | {timing.seconds:.2f} | {timing.files_per_second:,.0f} | "
                     f"{timing.cpu_seconds:.2f} | {ratio} | {timing.peak_rss_mb:.0f} |")
    lines += ["", "| fixer | PSNR dB (displayed pixels) | ICC kept | upright | metadata left (schoollint's reader) |",
              "| --- | ---: | --- | --- | --- |"]
    for result in outcomes:
        psnr = "inf (lossless)" if result.psnr == math.inf else f"{result.psnr:.1f}"
        lines.append(f"| {result.tool} | {psnr} | {_yes(result.icc_kept)} | {_yes(result.upright)} | {result.left} |")
    lines += ["", "Targets (median of the per-round ratios of wall time; of CPU time in brackets):"]
    for task, fast, slow, minimum in TARGETS:
        ours, theirs = by_key.get((task, fast)), by_key.get((task, slow))
        if not (ours and theirs):
            lines.append(f"- {task}: {fast} vs {slow}: not measured ({fast if not ours else slow} not run)")
            continue
        ratio = speedup(ours, theirs, 0)
        wanted = f">= {minimum:.0f}x faster" if minimum > 1 else "no slower" if minimum == 1 else \
            f"no slower than {1 / minimum:.1f}x"
        lines.append(f"- {task}: {fast} {ratio:.2f}x ({speedup(ours, theirs, 1):.2f}x) vs {slow} "
                     f"(target {wanted}): {'met' if ratio >= minimum else 'MISSED'}")
    peak = max((m.timing().peak_rss_mb for m in measures if m.task == "check" and m.tool.startswith("schoollint")),
               default=math.nan)
    lines.append(f"- check: peak memory {peak:.0f} MB (target under {PEAK_MB} MB): "
                 f"{'met' if peak < PEAK_MB else 'MISSED'}")
    lines += [f"- note: {note}" for note in notes]
    return "\n".join(lines)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


if __name__ == "__main__":
    sys.exit(main())
