"""Trial 10 item 1: `schoollint check` in a bare repository (a mirror) checked Git's own files (objects,
hooks) as a plain folder and said "no findings in 58 files checked", exit 0, while its history held a
photo with a GPS position; `schoollint history` there said it needed a Git repository. Now `check` and
`audit` stop there (exit 2) saying there is no work tree and what to run instead, and `history` reads
the bare repository's commits as it reads a clone's. A bare repository inside a plain folder is
skipped by its walk with a note, not listed as the site's files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.audit.sites import clean_jpeg, gps_jpeg, write
from tests.kit.git import commit_all, git


def _bare_clone(tmp_path: Path, monkeypatch, *versions: dict[str, bytes | str]) -> Path:
    """A bare clone (`site.git`, the current folder) of a site committed once per version of its files."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("SCHOOLLINT_ROSTER", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q", "-b", "main")
    for number, files in enumerate(versions):
        for path, data in files.items():
            write(work, path, data)
        commit_all(work, f"version {number}")
    git(tmp_path, "clone", "-q", "--bare", str(work), "site.git")
    monkeypatch.chdir(tmp_path / "site.git")
    return tmp_path / "site.git"


@pytest.fixture
def mirror(tmp_path, monkeypatch) -> Path:
    """A bare clone of a site whose history holds a photo with GPS, replaced by a clean one."""
    return _bare_clone(tmp_path, monkeypatch,
                       {"index.html": '<img src="images/trip.jpg" alt="The trip">\n', "images/trip.jpg": gps_jpeg()},
                       {"images/trip.jpg": clean_jpeg()})


@pytest.mark.parametrize("where, words", [
    (".", ["check"]),
    ("objects", ["check"]),
    ("..", ["check", "site.git"]),
    (".", ["audit", "-o", "../audit.html"]),
])
def test_check_in_a_bare_repository_is_an_error_saying_what_to_run(mirror, cli, monkeypatch, where, words):
    monkeypatch.chdir(mirror / where)
    code, out, err = cli(*words, "--no-progress")
    assert code == 2, out + err
    assert "files checked" not in out + err and "no findings" not in out + err
    assert "a bare Git repository" in err and "no work tree" in err
    assert "schoollint history" in err and "git clone" in err


def test_history_reads_a_bare_repository(mirror, cli):
    code, out, err = cli("history", "--no-progress")
    assert code == 1, err
    assert "needs a Git repository" not in err
    assert "images/trip.jpg @" in out and "SL101" in out
    assert "2 commits" in out


def test_a_bare_repository_in_a_plain_folder_is_skipped_with_a_note(mirror, cli, monkeypatch):
    holder = mirror.parent
    write(holder, "index.html", '<img src="a.jpg" alt="Sports day">\n')
    write(holder, "a.jpg", clean_jpeg())
    shutil.rmtree(holder / "work")    # the clone it was made from: no second site in the way
    monkeypatch.chdir(holder)
    code, out, err = cli("check", "--no-progress", "--output-format", "json")
    assert code in (0, 1), err
    import json

    paths = {finding["path"] for finding in json.loads(out)["findings"]}
    assert not any(path.startswith("site.git/") for path in paths)
    assert "site.git/: skipped, a bare Git repository" in err


def test_history_in_a_bare_repository_reads_the_configuration_at_head(tmp_path, monkeypatch, cli):
    _bare_clone(tmp_path, monkeypatch, {".schoollint.yml": "ignore: [SL102]\n", "images/trip.jpg": gps_jpeg()})
    code, out, err = cli("history", "--no-progress")
    assert code == 1, err
    assert "SL101" in out and "SL102" not in out
    code, out, err = cli("config")
    assert code == 0 and "source: .schoollint.yml" in out, err


@pytest.mark.parametrize("where, words", [(".git", []), (".git/refs", []), (".", [".git"])])
def test_a_work_trees_git_folder_is_no_site(repo, cli, monkeypatch, where, words):
    """The same silent pass from inside a work tree's own `.git` folder (hooks and refs listed as a plain
    folder's files, "No findings in 0 files checked", exit 0)."""
    write(repo, "a.jpg", gps_jpeg())
    commit_all(repo, "a photo")
    monkeypatch.chdir(repo / where)
    code, out, err = cli("check", "--no-progress", *words)
    assert code == 2, out + err
    assert "Git's own folder of a repository" in err and "schoollint check" in err


def test_purge_advice_in_a_bare_repository_fixes_head_in_a_clone(tmp_path, monkeypatch, cli):
    """A bare repository has no work tree, so `schoollint check --fix` cannot be run in it: the advice
    to fix what is still at HEAD before rewriting history says to do it in a clone and push."""
    _bare_clone(tmp_path, monkeypatch, {"index.html": '<img src="images/trip.jpg" alt="The trip">\n',
                                        "images/trip.jpg": gps_jpeg()})
    code, out, err = cli("history", "--no-progress")
    assert code == 1, err
    assert "still at HEAD first in a clone (git clone" in out and "push" in out
    assert "(`schoollint check --fix`, or by hand)" not in out
