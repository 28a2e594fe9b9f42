"""Issue 18: a batch staged ahead is made durable while the run settles which fixes apply
(durable.EarlySync), and the commit then syncs only what was staged after it, never renaming a
photo before its new bytes are on disk.

Real photos (Pillow), the real command as a process under strace, real files for the unit parts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from schoollint.durable import FSYNC_EACH_UP_TO, EarlySync
from schoollint.fsio import TEMP_SUFFIX, commit_staged, stage
from tests.kit.sites import photo_with_gps

needs_strace = pytest.mark.skipif(shutil.which("strace") is None or not sys.platform.startswith("linux"),
                                  reason="needs strace (Linux)")


def staged_batch(folder: Path, count: int) -> tuple[list[str], list[Path]]:
    targets = [folder / f"p{number:02}.jpg" for number in range(count)]
    for number, target in enumerate(targets):
        target.write_bytes(b"old %d" % number)
    return [stage(target, b"new %d" % number) for number, target in enumerate(targets)], targets


def test_a_batch_larger_than_a_few_files_is_made_durable_in_the_background(tmp_path):
    temporaries, targets = staged_batch(tmp_path, FSYNC_EACH_UP_TO + 1)
    assert EarlySync(temporaries).durable() == frozenset(temporaries)


def test_a_few_files_are_left_to_the_commit(tmp_path):
    temporaries, targets = staged_batch(tmp_path, 3)
    assert EarlySync(temporaries).durable() == frozenset()
    assert commit_staged(list(zip(temporaries, targets, strict=True))) == [None] * 3
    assert [target.read_bytes() for target in targets] == [b"new 0", b"new 1", b"new 2"]


def test_a_sync_that_fails_vouches_for_nothing(tmp_path):
    missing = [str(tmp_path / "gone" / f".1-{number}{TEMP_SUFFIX}") for number in range(FSYNC_EACH_UP_TO + 1)]
    assert EarlySync(missing).durable() == frozenset()


def test_a_temporary_file_removed_meanwhile_does_not_fail_the_sync(tmp_path):
    """The run removes files staged ahead whose fixes it does not apply (fix/ahead.taken) while the
    sync may still run: the sync is asked through the folder, not the file."""
    temporaries, _ = staged_batch(tmp_path, FSYNC_EACH_UP_TO + 1)
    Path(temporaries[0]).unlink()
    assert EarlySync(temporaries).durable() == frozenset(temporaries)


@needs_strace
def test_the_batch_is_synced_once_after_its_last_write_and_before_its_first_rename(tmp_path):
    """strace of a real `check --fix --no-cache` of 40 photos: a syncfs after the workers' last
    sync_file_range and before the first rename over a photo, and no second one there (the commit
    syncs only what was staged after it); an fsync of the folder after the last rename."""
    site = tmp_path / "site"
    site.mkdir()
    for number in range(40):
        photo_with_gps(site / f"p{number:02}.jpg", colour=f"#{number * 6:02x}6040", size=(320, 240))
    log = tmp_path / "trace"
    subprocess.run(["strace", "-f", "-qq", "-o", str(log), "-e", "trace=sync_file_range,syncfs,fsync,rename",
                    sys.executable, "-m", "schoollint", "check", "--no-progress", "--no-vision", "--fix",
                    "--no-cache"], cwd=site, capture_output=True, timeout=300)
    calls = [line.split(None, 1)[1] for line in log.read_text().splitlines() if "resumed>" not in line]
    written = [i for i, call in enumerate(calls) if call.startswith("sync_file_range")]
    renamed = [i for i, call in enumerate(calls) if call.startswith("rename") and TEMP_SUFFIX in call
               and ".jpg" in call.split(",")[-1]]
    synced = [i for i, call in enumerate(calls) if call.startswith("syncfs")]
    assert len(written) == 40 and len(renamed) == 40, calls
    assert len([i for i in synced if max(written) < i < min(renamed)]) == 1, calls
    assert any(call.startswith("fsync") for call in calls[max(renamed):]), calls
