"""--fix never replaces a file the user may not write, nor one whose owner or group the new file
could not keep (trial 7 items 7 and 18; README "What --fix promises"): run as nobody, through the
command line, on real photos in a real Git repository nobody works in. Was: "team.jpg: fixed",
the file then nobody's; a folder nobody could not write gave "[Errno 13] Permission denied:
'.../.18186-043xk1qd.schoollint-tmp'".
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from schoollint.fsio import temporary_beside
from tests.kit.git import git
from tests.kit.other_user import NOBODY, as_nobody, give_to_nobody, needs_another_user, shared_folder
from tests.kit.sites import photo_with_gps


@pytest.fixture
def site():
    """A Git repository nobody owns, in a folder nobody can enter; HOME is its sibling `home/`."""
    with shared_folder() as folder:
        root = folder / "site"
        root.mkdir()
        git(root, "init", "-q", "-b", "main")
        (root / "index.html").write_text('<img src="team.jpg" alt="the team">\n')
        give_to_nobody(root)
        yield root


def fix(site: Path, *more: str) -> tuple[int, str, str]:
    return as_nobody(site, "check", "--no-vision", "--select", "SL101", "--fix", *more, home=site.parent / "home")


def state(path: Path) -> tuple[bytes, int, int, int]:
    """What must not change: the bytes, owner, group and mode."""
    now = path.stat()
    return path.read_bytes(), now.st_uid, now.st_gid, now.st_mode


def leftovers(site: Path) -> list[str]:
    return [str(path) for path in site.rglob("*.schoollint-tmp")]


@needs_another_user
@pytest.mark.parametrize("force", [(), ("--force",)], ids=["plain", "forced"])
def test_a_file_of_roots_that_the_user_cannot_write_is_refused(site, force):
    team = photo_with_gps(site / "team.jpg")
    os.chown(team, 0, 0)
    team.chmod(0o664)     # rw-rw-r--: root's and root's group's to write, not nobody's
    before = state(team)
    code, out, err = fix(site, *force)
    assert state(team) == before and code == 1
    assert ("team.jpg: not fixed: not changed: a fix writes a new file in its place, and the new "
            "file would be yours: it belongs to root (only root may give a file to another user), and its "
            "group root is not one of yours; run the fix as root") in out
    assert "Errno" not in out + err and leftovers(site) == []


@needs_another_user
def test_a_file_whose_group_the_user_is_not_in_is_refused(site):
    team = photo_with_gps(site / "team.jpg")
    os.chown(team, NOBODY, 0)   # nobody's, in group root: writable, but a new file could not be in group root
    before = state(team)
    code, out, err = fix(site)
    assert state(team) == before
    assert "team.jpg: not fixed: not changed: a fix writes a new file in its place, and the new file would be yours: " \
           "its group root is not one of yours; run the fix as root, or give the file a group of yours first" in out


@needs_another_user
def test_a_folder_the_user_cannot_write_is_said_in_words(site):
    photo = photo_with_gps(site / "img" / "team.jpg")
    give_to_nobody(site / "img")
    os.chown(site / "img", 0, 0)   # the photo is nobody's, its folder root's (rwxr-xr-x)
    before = state(photo)
    code, out, err = fix(site)
    assert state(photo) == before and code == 1
    assert ("img/team.jpg: not fixed: not changed: you may not create or remove files in img/, "
            "as a fix must (it writes the fixed file beside the original, or moves or deletes it)") in out
    assert "Errno" not in out + err and "schoollint-tmp" not in out + err


@needs_another_user
def test_the_users_own_read_only_file_is_fixed_with_force_keeping_owner_group_and_mode(site):
    team = photo_with_gps(site / "team.jpg")
    os.chown(team, NOBODY, NOBODY)
    team.chmod(0o444)
    before = state(team)
    code, out, err = fix(site)
    assert state(team) == before
    assert ("team.jpg: not fixed: read-only, so not changed (make it writable, or use --force to fix read-only "
            "files too)") in out
    code, out, err = fix(site, "--force")
    assert "team.jpg: fixed" in out
    after = state(team)
    assert after[0] != before[0] and after[1:] == before[1:]
    assert as_nobody(site, "check", "--no-vision", "--select", "SL101", home=site.parent / "home")[0] == 0


def test_a_temporary_file_that_cannot_be_made_is_said_for_the_file_it_replaces(tmp_path):
    """The message names the file being replaced and its folder, not mkstemp's random name."""
    with pytest.raises(FileNotFoundError) as error:
        temporary_beside(tmp_path / "gone" / "team.jpg")
    assert str(error.value) == (f"cannot create a file in {tmp_path / 'gone'} to write team.jpg in its place "
                                "(No such file or directory)")


@needs_another_user
def test_a_large_video_streamed_in_place_is_refused_alike(site):
    """Over fsio.MAP_THRESHOLD (64 MiB) a video's strip is streamed (formats/fixes.strip_streamed),
    by a path of its own: the same refusal holds there. The padding is sparse: no 64 MiB written."""
    from schoollint.fsio import MAP_THRESHOLD
    from tests.kit.isobmff import ISO6709, box, movie, qt_text

    video = site / "clip.mp4"
    head = movie(box(b"udta", qt_text(b"\xa9xyz", ISO6709)))
    size = MAP_THRESHOLD + 4096
    with open(video, "wb") as handle:    # a `free` box up to `size`, its body a hole
        handle.write(head + (size - len(head)).to_bytes(4, "big") + b"free")
        handle.truncate(size)
    os.chown(video, 0, 0)
    video.chmod(0o664)
    before = state(video)
    code, out, err = fix(site)
    assert state(video) == before
    assert ("clip.mp4: not fixed: not changed: a fix writes a new file in its place, and the new file would be "
            "yours: it belongs to root (only root may give a file to another user), and its group root is not one "
            "of yours; run the fix as root; nothing was changed") in out


@needs_another_user
def test_a_rename_in_a_folder_the_user_cannot_write_is_said_in_words(site):
    """A rename (SL301, --unsafe-fixes) changes the photo's folder: refused before anything moves."""
    photo = photo_with_gps(site / "img" / "oliver-harrington-sports-day.jpg")
    (site / "index.html").write_text('<img src="img/oliver-harrington-sports-day.jpg" alt="Sports day">\n')
    give_to_nobody(site / "img")
    os.chown(site / "img", 0, 0)
    before = state(photo)
    code, out, err = as_nobody(site, "check", "--no-vision", "--select", "SL301", "--fix", "--unsafe-fixes",
                               home=site.parent / "home")
    assert state(photo) == before and code == 1
    assert ("img/oliver-harrington-sports-day.jpg: not fixed: not changed: you may not create or remove files "
            "in img/") in out
    assert "Errno" not in out + err and "Traceback" not in out + err
