"""Issue 18: the photos a batch fix replaced are freed after their renames, not inside them
(durable.hold and release: a rename over a file whose old copy is still held returns without
waiting for the disk to trim the old blocks).

Real files, real renames, and the process's own descriptor table (/proc/self/fd) read back.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from schoollint.durable import hold, release, wait_released
from schoollint.fsio import commit_staged, stage

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="O_PATH and /proc/self/fd are Linux's")


def deleted_files_held(folder: Path) -> list[str]:
    """What this process's descriptors hold in `folder` that no name leads to any more (an old copy
    not yet freed; pytest's own unnamed temporary files are elsewhere)."""
    held = []
    for descriptor in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{descriptor}")
        except OSError:      # the descriptor listdir itself used, closed since
            continue
        if target.startswith(f"{folder}/") and target.endswith(" (deleted)"):
            held.append(target)
    return held


@linux_only
def test_a_batch_is_renamed_into_place_and_every_old_copy_is_freed_by_the_end(tmp_path):
    targets = [tmp_path / f"p{number:02}.jpg" for number in range(40)]
    for number, target in enumerate(targets):
        target.write_bytes(b"old %d " % number * 5000)
    staged = [stage(target, b"new %d " % number * 4000) for number, target in enumerate(targets)]
    assert commit_staged(list(zip(staged, targets, strict=True))) == [None] * 40
    assert [target.read_bytes() for target in targets] == [b"new %d " % number * 4000 for number in range(40)]
    wait_released()
    assert deleted_files_held(tmp_path) == []
    assert sorted(path.name for path in tmp_path.iterdir()) == [target.name for target in targets]


@linux_only
def test_the_old_copy_is_held_through_the_rename_and_freed_when_released(tmp_path):
    target = tmp_path / "photo.jpg"
    target.write_bytes(b"the original")
    old = hold(target)
    assert old is not None
    replacement = tmp_path / "new"
    replacement.write_bytes(b"the fixed file")
    os.replace(replacement, target)
    assert deleted_files_held(tmp_path) == [f"{target} (deleted)"]   # alive, nameless, until released
    release(old)
    wait_released()
    assert deleted_files_held(tmp_path) == []
    assert target.read_bytes() == b"the fixed file"


@linux_only
def test_holding_a_symlink_holds_the_link_not_what_it_points_to(tmp_path):
    outside = tmp_path / "outside.jpg"
    outside.write_bytes(b"not ours")
    link = tmp_path / "link.jpg"
    link.symlink_to(outside)
    held = hold(link)
    assert held is not None
    try:
        assert stat.S_ISLNK(os.fstat(held).st_mode)
    finally:
        release(held)
        wait_released()
    assert outside.read_bytes() == b"not ours"


def test_a_file_that_is_not_there_is_not_held(tmp_path):
    assert hold(tmp_path / "missing.jpg") is None
    release(None)     # nothing to close: no error
    wait_released()


def test_a_path_object_or_str_is_taken(tmp_path: Path):
    target = tmp_path / "a.jpg"
    target.write_bytes(b"x")
    for name in (target, str(target)):
        held = hold(name)
        release(held)
    wait_released()
    assert target.read_bytes() == b"x"
