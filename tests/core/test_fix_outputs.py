"""Issue 18: `check --fix` judges each fixed file from the bytes its fix verified (fix/outputs.py)
instead of reading it back after the renames. That must be what a fresh `check` of the fixed tree
gives: the same findings, and the same cache entries (stat signature, content key, record), so
the next run can take them.

Real files of every format the fix rewrites (JPEG, PNG, WebP, TIFF, GIF, PDF, DOCX, MP4), built
with Pillow, pikepdf, python-docx and ffmpeg; the real command; enough of them for the worker
pool (pool.POOL_THRESHOLD), and a few for the in-process path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.kit.chunks import gif_comment, gif_insert
from tests.kit.documents import letter_docx, newsletter_pdf
from tests.kit.images import encode, photo
from tests.kit.jpeg import phone_jpeg
from tests.kit.sites import gps_exif, make_png, photo_with_gps
from tests.kit.tiff import tiff_file


def build_tree(root: Path, photos: int) -> None:
    """`photos` distinct phone JPEGs, one named after a pupil, and one file of each other format the fix
    rewrites."""
    base = phone_jpeg()
    for number in range(photos):   # a comment makes each distinct: no two share a content
        (root / f"IMG_{number:03}.jpg").write_bytes(base[:2] + b"\xff\xfe\x00\x08" + b"%06d" % number + base[2:])
    (root / "emily-johnson-sports-day.jpg").write_bytes(base)   # its name stays reported (renames are unsafe)
    make_png(root / "chart.png", text={"Author": "Emily Johnson", "Software": "Paint"})
    photo_with_gps(root / "trip.png")
    (root / "banner.webp").write_bytes(encode(photo((40, 30)), "WEBP", exif=gps_exif()))
    (root / "scan.tif").write_bytes(tiff_file(artist=b"Emily Johnson"))
    (root / "wave.gif").write_bytes(gif_insert(encode(photo((20, 10)), "GIF"), gif_comment(b"Emily Johnson")))
    (root / "newsletter.pdf").write_bytes(newsletter_pdf())
    (root / "letter.docx").write_bytes(letter_docx())
    if shutil.which("ffmpeg"):
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-t", "1",
                        "-c:v", "mpeg4", "-metadata", "location=+51.5074-000.1278/", "-metadata",
                        "artist=Emily Johnson", str(root / "sports.mp4")], check=True, timeout=60)


def findings(cli, *args: str) -> list[dict]:
    return json.loads(cli("check", "--no-vision", "--output-format", "json", *args)[1])["findings"]


def cache_of(root: Path) -> tuple[dict, dict]:
    """(path: stat entry less its `trusted` flag, result key: record) of the folder's cache."""
    from schoollint.cache import Cache

    cache = Cache(root)
    return {path: entry[:6] for path, entry in cache.stats.items()}, cache.results


@pytest.mark.parametrize("photos", [3, 30], ids=["in process", "worker pool"])
def test_the_fix_run_reports_and_caches_what_a_fresh_check_of_the_fixed_files_gives(repo, cli, photos):
    build_tree(repo, photos)
    before = {path.name: path.read_bytes() for path in repo.iterdir() if path.is_file()}
    fixed_run = findings(cli, "--fix")
    changed = sorted(name for name, data in before.items() if (repo / name).read_bytes() != data)
    assert {"emily-johnson-sports-day.jpg", "chart.png", "trip.png", "banner.webp", "scan.tif", "wave.gif",
            "newsletter.pdf", "letter.docx"} <= set(changed)
    assert len(changed) >= photos + 8 + bool(shutil.which("ffmpeg"))
    stats, records = cache_of(repo)

    assert fixed_run == findings(cli, "--no-cache")          # the findings: a fresh read of every file
    assert fixed_run, "the file name stays reported"

    shutil.rmtree(repo / ".schoollint_cache")
    findings(cli)                                            # a fresh check, writing a cache of its own
    fresh_stats, fresh_records = cache_of(repo)
    kept = {name: _records(records, stats[name][4], name) for name in changed}
    for name in changed:
        assert stats[name] == fresh_stats[name], name        # signature, content key, SHA-256 when known
        assert kept[name] == _records(fresh_records, fresh_stats[name][4], name), name   # what the checks said
    assert kept["emily-johnson-sports-day.jpg"] == []         # a rename's tag is written nowhere (codec.cacheable)
    assert all(len(kept[name]) == 1 for name in changed if name != "emily-johnson-sports-day.jpg")


def _records(records: dict, content: str, name: str) -> list[dict]:
    """The records kept for the file `name` under its content key `content`."""
    return [record for key, record in records.items() if key.startswith(content + ":") and key.endswith(":" + name)]


def test_a_fixed_file_is_not_read_again_after_the_renames(repo, cli, monkeypatch):
    """The fix run reads each fixed photo twice (to judge it, to fix it) and never a third time."""
    from schoollint.analysis import Analyser

    build_tree(repo, 3)
    analysed: list[str] = []
    original = Analyser.analyse

    def counting(self, relpath, known=None):
        analysed.append(relpath)
        return original(self, relpath, known)

    monkeypatch.setattr(Analyser, "analyse", counting)
    cli("check", "--no-vision", "--fix", "--no-cache")
    assert sorted(analysed) == sorted(path.name for path in repo.iterdir() if path.is_file())


def test_the_proof_that_a_renamed_file_holds_the_bytes_staged(tmp_path):
    """fix/outputs.landed_as_staged on real files: the stat right after the rename proves it; a file
    written again after the rename, or another file at the path, proves nothing."""
    import time

    from schoollint.fix.outputs import landed_as_staged, stamp_of
    from schoollint.fsio import commit_staged, stage

    targets = [tmp_path / f"f{number}.jpg" for number in range(3)]
    for target in targets:
        target.write_bytes(b"old")
    staged = [stage(target, b"new bytes") for target in targets]
    stamps = [stamp_of(os.stat(temporary)) for temporary in staged]
    time.sleep(0.02)                 # a clock tick or more between the writes and the renames
    landed: dict[int, os.stat_result] = {}
    assert commit_staged(list(zip(staged, targets, strict=True)), landed) == [None] * 3
    assert [landed_as_staged(stamp, landed[index]) for index, stamp in enumerate(stamps)] == \
        [(9, info.st_mtime_ns, info.st_ino, info.st_ctime_ns) for info in map(os.stat, targets)]
    time.sleep(0.02)
    targets[1].write_bytes(b"NEW BYTES")              # same size, written after the rename
    assert landed_as_staged(stamps[1], os.stat(targets[1])) is None
    os.replace(targets[0], targets[2])                # another file now at the path
    assert landed_as_staged(stamps[2], os.stat(targets[2])) is None
    assert landed_as_staged(stamps[0], None) is None
