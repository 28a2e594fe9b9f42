"""Trial 8 item 13, the smaller ones: counts of kinds in words take their plural ("2 special files"),
a [tool.schoollint] table that .schoollint.yml shadows is said, and a reviewer's initials may be
letters of any script."""

from __future__ import annotations

import json
import os

from tests.audit.sites import clean_jpeg, write
from tests.kit.git import commit_all, git


def test_two_special_files_are_counted_in_the_plural(repo, cli):
    write(repo, "index.html", "<p>Home</p>")
    commit_all(repo, "page")
    os.mkfifo(repo / "images.pipe")
    os.mkfifo(repo / "upload.jpg")
    code, out, err = cli("check")
    assert "not checked: 2 special files" in out
    code, out, err = cli("check", "--output-format", "json")
    assert json.loads(out)["files_not_checked"] == {"special file": 2}


def test_a_shadowed_pyproject_table_is_said(repo, cli):
    write(repo, "images/a.jpg", clean_jpeg())
    write(repo, ".schoollint.yml", "select: [SL1]\n")
    write(repo, "pyproject.toml", "[tool.schoollint]\nselect = ['SL2']\n")
    code, out, err = cli("check")
    assert "pyproject.toml: [tool.schoollint] not read: .schoollint.yml is the configuration" in err
    (repo / ".schoollint.yml").unlink()
    code, out, err = cli("check")
    assert "pyproject.toml" not in err


def test_initials_in_any_script_are_recorded(repo, tmp_path, cli):
    write(repo, "images/a.jpg", clean_jpeg())
    write(repo, "index.html", '<img src="images/a.jpg" alt="The hall">')
    commit_all(repo, "site")
    for initials in ("SÓN", "ŁK", "SO\u0301N"):     # the last as a macOS terminal may give it (NFD)
        code, out, err = cli("audit", "--record-review", initials, "-o", str(tmp_path / "audit.html"))
        assert code == 0, err
    log = (repo / ".schoollint-review.yml").read_text(encoding="utf-8")
    assert log.count('reviewer: "SÓN"') == 2 and 'reviewer: "ŁK"' in log
    code, out, err = cli("audit", "--record-review", "S1", "-o", str(tmp_path / "audit.html"))
    assert code == 2 and "initials" in err


def test_a_diff_base_older_than_a_shallow_clone_says_to_fetch_more(repo, tmp_path, monkeypatch, cli):
    write(repo, "index.html", "<p>Home</p>")
    commit_all(repo, "first")
    write(repo, "images/a.jpg", clean_jpeg())
    commit_all(repo, "second")
    code, out, err = cli("check", "--diff-base", "HEAD~1", "-q")
    assert code == 0, err
    code, out, err = cli("check", "--diff-base", "no-such-branch")
    assert code == 2 and "--diff-base no-such-branch: no such commit, branch or tag" in err and "\\n" not in err
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    monkeypatch.chdir(clone)
    code, out, err = cli("check", "--diff-base", "HEAD~1")
    assert code == 2 and "\\n" not in err and "ambiguous argument" not in err
    assert "which is shallow" in err and "git fetch --deepen" in err and "fetch-depth: 0" in err


def test_two_photos_whose_names_differ_only_in_case_are_said(repo, cli):
    write(repo, "images/Team.jpg", clean_jpeg())
    write(repo, "images/team.JPG", clean_jpeg(colour="red"))
    write(repo, "index.html", '<img src="images/team.JPG" alt="The team">')
    commit_all(repo, "team")
    code, out, err = cli("check", "--output-format", "json")
    said = [note["text"] for note in json.loads(out)["notes"] if "differ only in case" in note["text"]]
    assert len(said) == 1 and said[0].startswith("images/Team.jpg and images/team.JPG")
    (repo / "images/Team.jpg").unlink()
    code, out, err = cli("check", "--output-format", "json")
    assert not [note for note in json.loads(out)["notes"] if "differ only in case" in note["text"]]
