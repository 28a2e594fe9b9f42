"""Trial 8 item 9: a Git LFS pointer committed where a photo or video should be (a clone made without
git-lfs, actions/checkout without `lfs: true`) is said as not checked, "Git LFS object not fetched",
with how to fetch it; never as a damaged file to replace (SL105)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess

import pytest

from tests.audit.sites import gps_jpeg, write
from tests.kit.git import commit_all, git


def pointer(content: bytes) -> bytes:
    """The pointer git-lfs writes for `content` (git-lfs docs/spec.md, v1: version, oid, size, LF each)."""
    return (b"version https://git-lfs.github.com/spec/v1\n"
            + f"oid sha256:{hashlib.sha256(content).hexdigest()}\nsize {len(content)}\n".encode())


@pytest.fixture
def lfs_site(repo):
    """A site whose photo and video are in Git LFS, cloned without their objects: pointers on disk."""
    write(repo, ".gitattributes", "".join(f"*.{kind} filter=lfs diff=lfs merge=lfs -text\n" for kind in ("jpg", "mp4")))
    write(repo, "images/sports-day.jpg", pointer(gps_jpeg()))
    write(repo, "video/assembly.mp4", pointer(b"\0\0\0\x18ftypmp42" + bytes(5000)))
    write(repo, "index.html", '<img src="images/sports-day.jpg" alt="Sports day">')
    commit_all(repo, "photos in LFS")
    return repo


def test_a_pointer_is_not_checked_and_says_how_to_fetch(lfs_site, cli):
    code, out, err = cli("check", "--output-format", "json")
    report = json.loads(out)
    assert code == 2
    errors = {line.split(":")[0]: line for line in report["errors"]}
    assert set(errors) == {"images/sports-day.jpg", "video/assembly.mp4"}
    for line in errors.values():
        assert "not checked: Git LFS object not fetched" in line
        assert "git lfs pull" in line and "lfs: true" in line and "damaged" not in line
    assert not [f for f in report["findings"] if f["path"] in errors]      # no SL105 "replace the broken file"
    assert report["files_not_checked"] == {".jpg": 1, ".mp4": 1}


def test_the_text_report_never_calls_it_damaged(lfs_site, cli):
    code, out, err = cli("check")
    assert code == 2
    assert "Git LFS object not fetched" in err and "SL105" not in out
    assert "damaged" not in out + err and "Replace the broken file" not in out + err
    assert "not checked: 1 .jpg, 1 .mp4" in out


def test_a_text_file_starting_like_a_pointer_but_no_pointer_is_still_damaged(repo, cli):
    write(repo, "images/odd.jpg", b"version https://git-lfs.github.com/spec/v1\nnothing else\n")
    commit_all(repo, "odd")
    code, out, err = cli("check", "--output-format", "json")
    report = json.loads(out)
    assert [f["code"] for f in report["findings"]] == ["SL105"] and report["errors"] == []


@pytest.mark.skipif(shutil.which("git-lfs") is None, reason="git-lfs is not installed (apt-get install git-lfs)")
def test_the_pointer_is_what_git_lfs_itself_writes(tmp_path):
    photo = tmp_path / "sports-day.jpg"
    photo.write_bytes(gps_jpeg())
    written = subprocess.run(["git", "lfs", "pointer", f"--file={photo}"], capture_output=True, check=True).stdout
    assert written == pointer(photo.read_bytes())


@pytest.mark.skipif(shutil.which("git-lfs") is None, reason="git-lfs is not installed (apt-get install git-lfs)")
def test_a_clone_made_without_git_lfs_is_said_not_checked(tmp_path, monkeypatch, cli):
    """git-lfs's own clean filter writes the pointer; a clone with GIT_LFS_SKIP_SMUDGE keeps it on disk."""
    source = tmp_path / "source"
    source.mkdir()
    git(source, "init", "-q", "-b", "main")
    git(source, "lfs", "install", "--local")
    write(source, ".gitattributes", "*.jpg filter=lfs diff=lfs merge=lfs -text\n")
    write(source, "images/sports-day.jpg", gps_jpeg())
    commit_all(source, "photo in LFS")
    clone = tmp_path / "clone"
    monkeypatch.setenv("GIT_LFS_SKIP_SMUDGE", "1")
    git(tmp_path, "clone", "-q", str(source), str(clone))
    assert (clone / "images/sports-day.jpg").read_bytes().startswith(b"version https://git-lfs")
    monkeypatch.chdir(clone)
    code, out, err = cli("check")
    assert code == 2 and "images/sports-day.jpg: not checked: Git LFS object not fetched" in err
