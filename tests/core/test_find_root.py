"""discover.find_root asks Git only when Git could find a work tree: a `.git` in the folder or one
above it as the file system has them (through symlinks), or GIT_DIR set; a plain folder starts no
process, and the answers are Git's own."""

from __future__ import annotations

import subprocess

from schoollint import discover
from schoollint.discover import find_root
from tests.kit.git import git


def test_a_plain_folder_is_its_own_root_and_no_git_is_run(tmp_path, monkeypatch):
    (tmp_path / "site" / "images").mkdir(parents=True)
    calls = []
    monkeypatch.setattr(discover.subprocess, "run", lambda *a, **k: calls.append(a) or subprocess.run(*a, **k))
    assert find_root(tmp_path / "site" / "images") == ((tmp_path / "site" / "images").resolve(), False)
    assert calls == []


def test_a_folder_inside_a_work_tree_finds_its_top(tmp_path):
    repo = tmp_path / "repo"
    (repo / "content" / "posts").mkdir(parents=True)
    git(repo, "init", "-q")
    assert find_root(repo / "content" / "posts") == (repo.resolve(), True)


def test_a_link_into_a_work_tree_is_followed_as_git_follows_it(tmp_path):
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    git(repo, "init", "-q")
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "link").symlink_to(repo / "content")         # no .git above the link's own path
    assert find_root(plain / "link") == (repo.resolve(), True)


def test_git_dir_set_asks_git(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("GIT_DIR", str(repo / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(elsewhere))
    root, in_git = find_root(elsewhere)
    assert in_git and root == elsewhere.resolve()
