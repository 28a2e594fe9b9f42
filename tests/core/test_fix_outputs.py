"""Issue 18: `check --fix` fixes each file while its analysis holds the bytes (fix/ahead.py), and
judges the fixed file from the bytes its fix verified (fix/outputs.py) instead of reading it back
after the renames. That must be what a fresh `check` of the fixed tree gives: the same findings,
and the same cache entries (stat signature, content key, record), so the next run can take them;
and a fix made ahead that the run does not apply (a baselined finding, a file changed since it
was read) must leave the file as it was and no temporary file behind.

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
    """The fix run reads each file once: its analysis, which also fixes it, and never again."""
    from schoollint.analysis import Analyser

    build_tree(repo, 3)
    analysed: list[str] = []
    original = Analyser.analyse

    def counting(self, relpath, *rest):
        analysed.append(relpath)
        return original(self, relpath, *rest)

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


def test_fixes_made_ahead_for_findings_the_baseline_accepts_are_dropped(repo, cli):
    """Made ahead during the analysis, the baselined file's strip is not applied: the file stays
    byte for byte, its temporary file is removed; the new photo beside it is fixed."""
    from schoollint.fsio import TEMP_SUFFIX

    old = phone_jpeg()
    (repo / "old.jpg").write_bytes(old)
    assert cli("check", "--no-vision", "--write-baseline")[0] == 0
    (repo / "new.jpg").write_bytes(old[:2] + b"\xff\xfe\x00\x05new" + old[2:])
    cli("check", "--no-vision", "--fix")
    assert (repo / "old.jpg").read_bytes() == old
    assert (repo / "new.jpg").read_bytes() != old and len((repo / "new.jpg").read_bytes()) < len(old)
    assert list(repo.rglob(f"*{TEMP_SUFFIX}")) == []
    assert findings(cli, "--no-baseline", "--no-cache", "new.jpg") == []


def test_a_fix_made_ahead_of_a_file_changed_since_it_was_read_is_made_again(tmp_path):
    """fix/ahead.taken on real staged files: a fix made ahead is taken only for the same fixes of a
    file whose signature is the one read; otherwise its staged file is removed and the job left."""
    from schoollint.cache import signature_of
    from schoollint.fix.ahead import taken
    from schoollint.fix.model import Change, Fix
    from schoollint.fix.outputs import stamp_of
    from schoollint.fsio import stage

    strip, rename = Fix("strip-metadata", ("location",)), Fix("rename", ("x.jpg",))
    made, jobs = {}, []
    for name in ("same.jpg", "changed.jpg", "other-fixes.jpg", "not-wanted.jpg"):
        (tmp_path / name).write_bytes(b"original")
        temporary = stage(tmp_path / name, b"fixed")
        made[name] = (([strip], Change(name, []), [(temporary, name, stamp_of(os.stat(temporary)))]),
                      signature_of(os.stat(tmp_path / name)))
        jobs.append((name, [strip] if name != "other-fixes.jpg" else [strip, rename], True, False))
    (tmp_path / "changed.jpg").write_bytes(b"edited!!")
    kept, left = taken(tmp_path, made, jobs[:3])
    assert list(kept) == ["same.jpg"] and [job[0] for job in left] == ["changed.jpg", "other-fixes.jpg"]
    assert made == {}
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".schoollint-tmp")] == \
        [os.path.basename(kept["same.jpg"][1][0][0])]
