"""Issue 18: the order in which a batch of fixed photos reaches the disk (fsio.commit_staged).

Every temporary file is written and its writeback started, one sync makes them all durable,
only then is any photo renamed, and one more sync makes the renames durable. A real process is
killed at the exact step (an audit hook in that process sends it SIGKILL when it is about to
rename its Nth temporary file; schoollint's code is not touched), and strace shows the order in
which the kernel was asked to do each step.

Real photos (Pillow), the real command as a process, real SIGKILLs and syscalls.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from schoollint.fsio import TEMP_SUFFIX, commit_staged, stage
from tests.kit.sites import photo_with_gps

PHOTOS = 40   # more than pool.POOL_THRESHOLD: the fixes run in worker processes, as on a real site

# Runs schoollint with argv[2:], killed (SIGKILL) just before its argv[1]-th rename of a
# temporary file over a photo (a .jpg): os.replace raises the audit event "os.rename" before the syscall.
KILLED_AT_RENAME = f"""
import os, signal, sys
left = int(sys.argv[1])
def hook(event, args):
    global left
    if event == "os.rename" and str(args[0]).endswith({TEMP_SUFFIX!r}) and str(args[1]).endswith(".jpg"):
        left -= 1
        if left == 0:
            os.kill(os.getpid(), signal.SIGKILL)
sys.addaudithook(hook)
from schoollint.cli import main
sys.exit(main(sys.argv[2:]))
"""


def photos(folder: Path) -> dict[str, bytes]:
    for number in range(PHOTOS):
        photo_with_gps(folder / f"p{number:02}.jpg", colour=f"#{number * 6:02x}6040", size=(320, 240))
    return {path.name: path.read_bytes() for path in folder.glob("*.jpg")}


def schoollint(site: Path, *args: str, killed_at: int | None = None) -> subprocess.CompletedProcess:
    command = ["-m", "schoollint"] if killed_at is None else ["-c", KILLED_AT_RENAME, str(killed_at)]
    return subprocess.run([sys.executable, *command, "check", "--no-progress", "--no-vision", *args],
                          cwd=site, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """(a folder of pristine photos, their bytes, the bytes an uninterrupted --fix gives each)."""
    pristine = tmp_path_factory.mktemp("pristine")
    original = photos(pristine)
    reference = tmp_path_factory.mktemp("reference") / "site"
    shutil.copytree(pristine, reference)
    assert schoollint(reference, "--fix", "--no-cache").returncode == 1
    fixed = {path.name: path.read_bytes() for path in reference.glob("*.jpg")}
    assert all(fixed[name] != original[name] for name in original)
    return pristine, original, fixed


def states(site: Path, original: dict[str, bytes], fixed: dict[str, bytes]) -> list[str]:
    return ["original" if path.read_bytes() == original[path.name] else
            "fixed" if path.read_bytes() == fixed[path.name] else f"{path.name}: neither"
            for path in sorted(site.glob("*.jpg"))]


def test_a_kill_after_the_sync_and_before_the_renames_leaves_every_photo_original(batch, tmp_path):
    pristine, original, fixed = batch
    site = tmp_path / "site"
    shutil.copytree(pristine, site)
    killed = schoollint(site, "--fix", "--no-cache", killed_at=1)
    assert killed.returncode == -signal.SIGKILL
    assert states(site, original, fixed) == ["original"] * PHOTOS
    assert len(list(site.glob(f"*{TEMP_SUFFIX}"))) == PHOTOS        # every fixed photo was staged
    # the next run removes the leftovers and fixes every photo
    rerun = schoollint(site, "--fix", "--no-cache")
    assert "removed 40 temporary files that a stopped run left" in rerun.stderr + rerun.stdout
    assert states(site, original, fixed) == ["fixed"] * PHOTOS
    assert list(site.glob(f"*{TEMP_SUFFIX}")) == []


def test_a_kill_midway_through_the_renames_leaves_each_photo_original_or_complete(batch, tmp_path):
    pristine, original, fixed = batch
    site = tmp_path / "site"
    shutil.copytree(pristine, site)
    killed = schoollint(site, "--fix", "--no-cache", killed_at=PHOTOS // 2)
    assert killed.returncode == -signal.SIGKILL
    found = states(site, original, fixed)
    assert sorted(set(found)) == ["fixed", "original"], found        # part renamed, part not, nothing else
    schoollint(site, "--no-cache")
    assert list(site.glob(f"*{TEMP_SUFFIX}")) == []


needs_strace = pytest.mark.skipif(shutil.which("strace") is None or not sys.platform.startswith("linux"),
                                  reason="needs strace (Linux)")


def traced(site: Path, log: Path, *names: str) -> tuple[list[str], list[int], list[int], list[int]]:
    """strace of a real `check --fix --no-cache` (of `names`, else the whole site): (the calls in
    order, the indices of sync_file_range, of syncfs and fsync, of renames of a temporary file
    onto a .jpg)."""
    calls = "trace=sync_file_range,syncfs,fsync,rename,renameat,renameat2"
    subprocess.run(["strace", "-f", "-qq", "-o", str(log), "-e", calls, sys.executable, "-m", "schoollint", "check",
                    "--no-progress", "--no-vision", "--fix", "--no-cache", *names],
                   cwd=site, capture_output=True, timeout=300)
    lines = [line.split(None, 1)[1] for line in log.read_text().splitlines() if "resumed>" not in line]
    started = [i for i, call in enumerate(lines) if call.startswith("sync_file_range")]
    synced = [i for i, call in enumerate(lines) if call.startswith(("syncfs", "fsync"))]
    renamed = [i for i, call in enumerate(lines) if call.startswith("rename") and TEMP_SUFFIX in call
               and ".jpg" in call.split(",")[-2 if "renameat" in call else -1]]
    return lines, started, synced, renamed


@needs_strace
def test_the_kernel_is_asked_to_sync_every_staged_file_before_any_rename(batch, tmp_path):
    """strace of the real run: sync_file_range on each temporary file as it is written (in the
    workers), a sync after the last of them (syncfs: more than durable.FSYNC_EACH_UP_TO files), every
    rename after that, a sync after the last rename (an fsync of the one folder)."""
    pristine, original, fixed = batch
    site = tmp_path / "site"
    shutil.copytree(pristine, site)
    calls, started, synced, renamed = traced(site, tmp_path / "trace")
    assert states(site, original, fixed) == ["fixed"] * PHOTOS
    assert len(started) == PHOTOS and len(renamed) == PHOTOS, calls
    assert any(max(started) < i < min(renamed) and calls[i].startswith("syncfs") for i in synced), calls
    assert max(renamed) < synced[-1]


@needs_strace
def test_a_few_files_are_synced_one_fsync_each_and_never_wait_for_the_whole_disk(batch, tmp_path):
    """A pre-commit-sized run: an fsync of each staged file before any rename, no syncfs (which
    would also wait for everything other programs wrote to the disk), an fsync after the renames."""
    pristine, original, fixed = batch
    site = tmp_path / "site"
    shutil.copytree(pristine, site)
    names = ["p00.jpg", "p01.jpg", "p02.jpg"]
    calls, started, synced, renamed = traced(site, tmp_path / "trace", *names)
    assert [path.read_bytes() == fixed[path.name] for path in sorted(site.glob("*.jpg"))] == [True] * 3 + [False] * 37
    assert len(started) == 3 and len(renamed) == 3, calls
    assert not any(call.startswith("syncfs") for call in calls)
    assert len([i for i in synced if max(started) < i < min(renamed)]) == 3
    assert max(renamed) < synced[-1]


def test_a_rename_that_fails_leaves_that_target_as_it_was_and_the_batch_goes_on(tmp_path):
    """commit_staged on real files: a target that became a folder after its file was staged
    cannot be replaced; it stays, its temporary file goes, the other 39 are renamed."""
    targets = [tmp_path / f"f{number:02}.jpg" for number in range(PHOTOS)]
    for target in targets:
        target.write_bytes(b"old")
    staged = [(stage(target, b"new " + target.name.encode()), target) for target in targets]
    os.unlink(targets[7])
    targets[7].mkdir()
    (targets[7] / "inside").write_bytes(b"")
    outcomes = commit_staged(staged)
    assert [index for index, outcome in enumerate(outcomes) if outcome is not None] == [7]
    assert isinstance(outcomes[7], OSError)
    assert targets[7].is_dir()
    assert all(target.read_bytes() == b"new " + target.name.encode() for target in targets if target != targets[7])
    assert list(tmp_path.glob(f"*{TEMP_SUFFIX}")) == []
