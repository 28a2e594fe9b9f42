"""Issue 18: the floor's prototypes (bench/floor_prototypes.py) do the sound work they claim, so
the floor bench/floor.py measures is not a floor of something cheaper than a sound tool.

Real files (Pillow, raw segments), the prototypes run as their own processes as the benchmark
runs them; the fixed photos judged by schoollint's own reader.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from schoollint.formats.registry import read_media
from tests.kit.images import decoded
from tests.kit.jpeg import mpo, phone_jpeg, segment

PROTOTYPES = Path(__file__).parents[2] / "bench" / "floor_prototypes.py"


def prototype(*arguments: str, cwd: Path) -> str:
    return subprocess.run([sys.executable, str(PROTOTYPES), *arguments], cwd=cwd, capture_output=True, text=True,
                          check=True, timeout=60).stdout


def test_the_cold_floor_finds_every_trailer_and_second_image_and_each_cut(tmp_path):
    photo = phone_jpeg()
    (tmp_path / "clean.jpg").write_bytes(photo + b"\0" * 64)                  # zero padding is no trailer
    (tmp_path / "trailer.jpg").write_bytes(photo + b"hidden video bytes")
    (tmp_path / "second.jpg").write_bytes(mpo(photo, phone_jpeg(orientation=1)))
    (tmp_path / "cut.jpg").write_bytes(photo[:len(photo) - 40])              # inside the scan: no EOI
    for how in ("cold", "cold-map"):
        said = prototype(how, ".", cwd=tmp_path)
        assert said.startswith("4 files: 2 with bytes after their end, 1 damaged; kinds: "), said
        assert all(kind in said for kind in ("'location'", "'identifying'", "'preview'", "'timestamp'"))


def test_the_fix_floor_is_lossless_and_leaves_nothing_a_whole_read_finds(tmp_path):
    photo = phone_jpeg()
    late = photo[:-2] + segment(0xFE, b"Taken by Mr Smith, after the scan") + b"\xff\xd9"
    originals = {"plain.jpg": photo + b"trailer", "late.jpg": late}
    for name, data in originals.items():
        (tmp_path / name).write_bytes(data)
    assert prototype("fix", ".", cwd=tmp_path).strip() == "2 fixed, 0 refused"
    for name in originals:
        fixed = (tmp_path / name).read_bytes()
        facts = read_media(fixed, ".jpg")
        assert facts.items == () and facts.orientation == 6
        assert decoded(fixed) == decoded(photo)
        assert fixed.endswith(photo[photo.rindex(b"\xff\xda"):])   # the image data, as it was
    assert sorted(os.listdir(tmp_path)) == sorted(originals)                  # no temporary file left


def test_the_warm_floor_reads_a_file_again_when_its_stat_changed(tmp_path):
    photo = phone_jpeg()
    for number in range(3):
        (tmp_path / f"{number}.jpg").write_bytes(photo)
    old = time.time() - 10      # older than the cache by more than the racily-clean margin
    for number in range(3):
        os.utime(tmp_path / f"{number}.jpg", (old, old))
    cache = str(tmp_path.parent / "floor-cache")
    prototype("warm-build", ".", cache, cwd=tmp_path)
    assert prototype("warm", ".", cache, cwd=tmp_path).strip() == "3 results from the cache, 0 files read again"
    (tmp_path / "1.jpg").write_bytes(photo + b"changed")
    os.utime(tmp_path / "1.jpg", (old, old))    # the same mtime: size, ctime and the signature still tell
    assert prototype("warm", ".", cache, cwd=tmp_path).strip() == "2 results from the cache, 1 files read again"
    Path(cache).write_bytes(Path(cache).read_bytes()[:40] + b"x" + Path(cache).read_bytes()[41:])
    assert prototype("warm", ".", cache, cwd=tmp_path).strip() == "0 results from the cache, 3 files read again"
