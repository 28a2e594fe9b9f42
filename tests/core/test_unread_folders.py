"""Nothing schoollint could not read passes silently (trial 7 items 4 and 17): a folder the user
cannot open, a file below a folder it may list but not enter, what Git warned while listing, and a
symlink out of the repository are each said with why and counted as not checked, in a Git
repository and in a plain folder, through the command line on real files.

A run as nobody is needed for the permissions (root opens everything): tests/kit/other_user.py.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.kit.git import commit_all, git
from tests.kit.other_user import as_nobody, as_nobody_json, give_to_nobody, needs_another_user, shared_folder
from tests.kit.sites import clean_photo, make_png, photo_with_gps



@pytest.fixture
def shared():
    """A folder nobody can enter, removed after."""
    with shared_folder() as folder:
        yield folder


PAGE = '<html><body><img src="hall.jpg" alt="the school hall"></body></html>\n'


def _site(root, git_repo: bool):
    """A site with one clean photo at its top and a GPS photo in private/ (root's, 0700)."""
    root.mkdir()
    (root / "index.html").write_text(PAGE)
    clean_photo(root / "hall.jpg")
    photo_with_gps(root / "private" / "trip.jpg")
    if git_repo:
        git(root, "init", "-q", "-b", "main")
    give_to_nobody(root)
    os.chown(root / "private", 0, 0)
    os.chown(root / "private" / "trip.jpg", 0, 0)
    (root / "private").chmod(0o700)
    return root


@needs_another_user
@pytest.mark.parametrize("git_repo", [True, False], ids=["git", "plain"])
def test_a_folder_the_user_cannot_open_is_not_checked_with_why(shared, git_repo):
    """Was: "No findings in 2 files checked", exit 0, Git's "could not open directory" swallowed."""
    site = _site(shared / "site", git_repo)
    code, report, err = as_nobody_json(site, home=shared / "home")
    assert code == 2, err
    assert "private/: cannot read the folder: Permission denied; nothing in it was checked" in err
    assert report["errors"] == ["private/: cannot read the folder: Permission denied; nothing in it was checked"]
    assert report["files_not_checked"] == {"folder": 1}
    assert report["files_checked"] == 2
    code, out, err = as_nobody(site, "check", "--no-vision", home=shared / "home")
    assert code == 2 and "not checked: 1 folder" in out


@needs_another_user
def test_tracked_files_in_folders_the_user_cannot_enter_are_each_not_checked(shared):
    """A folder it may list but not enter (r without x): Git lists the files, lstat fails; was
    dropped without a word. One it cannot open at all: its tracked files and the folder are said."""
    site = shared / "site"
    site.mkdir()
    (site / "index.html").write_text(PAGE)
    clean_photo(site / "hall.jpg")
    photo_with_gps(site / "listed" / "a.jpg")
    photo_with_gps(site / "closed" / "b.jpg")
    git(site, "init", "-q", "-b", "main")
    commit_all(site, "site")
    give_to_nobody(site)
    for folder, mode in (("listed", 0o744), ("closed", 0o700)):
        os.chown(site / folder, 0, 0)
        (site / folder).chmod(mode)
    code, report, err = as_nobody_json(site, home=shared / "home")
    assert code == 2
    assert report["files_not_checked"] == {".jpg": 2, "folder": 1}
    assert set(report["errors"]) == {"listed/a.jpg: cannot read: Permission denied",
                                     "closed/b.jpg: cannot read: Permission denied",
                                     "closed/: cannot read the folder: Permission denied; nothing in it was checked"}


@needs_another_user
def test_what_git_warns_while_listing_is_passed_on(shared):
    """Git's warnings are read, not swallowed: an ignore file it cannot read means files it
    should leave out may be listed, or the other way round."""
    site = _site(shared / "site", git_repo=True)
    (shared / "config" / "git").mkdir(parents=True)
    (shared / "config" / "git" / "ignore").write_text("*.psd\n")
    (shared / "config").chmod(0o700)
    code, report, err = as_nobody_json(site, home=shared / "home", env={"XDG_CONFIG_HOME": str(shared / "config")})
    notes = [note["text"] for note in report["notes"]]
    assert any(note.startswith("git ls-files said: warning: unable to access") and "git/ignore" in note
               for note in notes), notes


@pytest.mark.parametrize("git_repo", [True, False], ids=["git", "plain"])
def test_a_symlink_out_of_the_repository_counts_as_not_checked(tmp_path, cli, monkeypatch, git_repo):
    """Was a note only ("skipped"), not flagged as not checked, no count, while a page shows it."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<img src="team.png" alt="the team">\n')
    make_png(tmp_path / "elsewhere" / "team.png")
    os.symlink(tmp_path / "elsewhere" / "team.png", site / "team.png")
    if git_repo:
        git(site, "init", "-q", "-b", "main")
    monkeypatch.chdir(site)
    code, out, err = cli("check", "--output-format", "json")
    report = json.loads(out)
    assert report["files_not_checked"] == {"symlink out of the repository": 1}
    [note] = [note for note in report["notes"] if note["text"].startswith("team.png:")]
    assert note["not_checked"] is True
    assert "team.png: skipped, a symlink that points outside the repository (not checked" in note["text"]
    code, out, err = cli("check")
    assert "not checked: 1 symlink out of the repository" in out


@pytest.mark.parametrize("git_repo", [True, False], ids=["git", "plain"])
def test_a_folder_whose_path_the_file_system_rejects_is_not_checked(tmp_path, cli, monkeypatch, git_repo):
    """A path longer than PATH_MAX (4096 bytes: 18 folders of 250 letters) cannot be opened by
    name: os.walk and Git both fail on it; was dropped without a word."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(PAGE)
    folder = os.open(site, os.O_RDONLY)
    for _ in range(18):   # each step relative to the last, as no single path may be this long
        os.mkdir("d" * 250, dir_fd=folder)
        folder, above = os.open("d" * 250, os.O_RDONLY, dir_fd=folder), folder
        os.close(above)
    with open(os.open("trip.jpg", os.O_WRONLY | os.O_CREAT, dir_fd=folder), "wb") as photo:
        photo.write(photo_with_gps(tmp_path / "trip.jpg").read_bytes())
    os.close(folder)
    if git_repo:
        git(site, "init", "-q", "-b", "main")
    monkeypatch.chdir(site)
    code, out, err = cli("check", "--output-format", "json")
    report = json.loads(out)
    assert code == 2
    assert report["files_not_checked"] == {"folder": 1}
    [error] = report["errors"]
    assert error.startswith("ddd") and ": cannot read the folder: " in error


@needs_another_user
def test_a_folder_the_user_cannot_open_beside_repositories_is_not_checked(shared):
    """An agency's plain folder of Git repositories: the folder's own files are checked as a site
    of their own; one it cannot open was no file of its own, so the run left it unsaid."""
    top = shared / "agency"
    top.mkdir()
    (top / "oakfield").mkdir()
    (top / "oakfield" / "index.html").write_text(PAGE)
    clean_photo(top / "oakfield" / "hall.jpg")
    git(top / "oakfield", "init", "-q", "-b", "main")
    photo_with_gps(top / "private" / "trip.jpg")
    give_to_nobody(top)
    os.chown(top / "private", 0, 0)
    (top / "private").chmod(0o700)
    code, out, err = as_nobody(top, "check", "--no-vision", home=shared / "home")
    assert code == 2
    assert "== ./ (plain folder, its own files) ==" in out and "not checked: 1 folder" in out
    assert "private/: cannot read the folder: Permission denied; nothing in it was checked" in err
