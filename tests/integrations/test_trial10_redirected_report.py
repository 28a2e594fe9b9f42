"""Trial 10 item 2: `schoollint check --show-values --output-format json > news/r2.json` wrote a pupil's
name and a GPS position, mode 0644, into a plain site's folder (everything in it is uploaded), where
`-o news/r2.json` is refused. Standard output redirected to a file is now judged as `-o`'s file is, in
any format (`schoollint audit > file` already was): refused inside the site when it holds personal
values (exit 2, nothing written), private (0600) when it may be written, and a report without values
written there gets the same warning as `-o`'s."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.audit.sites import gps_jpeg, write
from tests.kit.git import git


def _site(root: Path) -> Path:
    write(root, "index.html", '<img src="news/a.jpg" alt="Jessica Thompson">\n')
    write(root, "news/a.jpg", gps_jpeg())
    return root


def _check(root: Path, target: Path, *words: str) -> subprocess.CompletedProcess:
    with open(target, "w") as stdout:
        return subprocess.run([sys.executable, "-m", "schoollint", "check", "--no-progress", *words],
                              cwd=root, stdout=stdout, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def plain(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    return _site(tmp_path / "plain")


@pytest.mark.parametrize("output_format", ["json", "text", "sarif", "summary"])
def test_values_redirected_into_a_plain_site_are_refused(plain, output_format):
    target = plain / "news/r2.out"
    run = _check(plain, target, "--show-values", "--output-format", output_format)
    assert run.returncode == 2, run.stderr
    assert target.read_bytes() == b""
    assert "news/r2.out: not written" in run.stderr and "--force" in run.stderr
    assert "Jessica" not in run.stderr


def test_values_redirected_outside_the_site_are_private(plain):
    target = plain.parent / "r.json"
    run = _check(plain, target, "--show-values", "--output-format", "json")
    assert run.returncode == 1, run.stderr
    assert "Jessica Thompson" in target.read_text()
    assert target.stat().st_mode & 0o777 == 0o600


def test_force_writes_values_into_the_site_private_with_a_warning(plain):
    target = plain / "news/r3.json"
    run = _check(plain, target, "--show-values", "--output-format", "json", "--force")
    assert run.returncode == 1, run.stderr
    assert target.stat().st_mode & 0o777 == 0o600
    assert "schoollint: warning: news/r3.json: this report holds pupils' photos" in run.stderr


def test_a_report_without_values_redirected_into_the_site_gets_the_o_warning(plain):
    target = plain / "news/r.sarif"
    run = _check(plain, target, "--output-format", "sarif")
    assert run.returncode == 1, run.stderr
    assert "Jessica" not in target.read_text()
    assert "schoollint: warning: news/r.sarif: this report holds no personal value" in run.stderr


def test_values_redirected_into_a_git_site_not_ignored_are_refused_ignored_written(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    root = _site(tmp_path / "oakfield")
    git(root, "init", "-q", "-b", "main")
    write(root, ".gitignore", "private/\n")
    (root / "private").mkdir()
    refused = _check(root, root / "out.sarif", "--show-values", "--output-format", "sarif")
    assert refused.returncode == 2 and (root / "out.sarif").read_bytes() == b""
    assert "where Git does not ignore it" in refused.stderr
    kept = _check(root, root / "private/out.sarif", "--show-values", "--output-format", "sarif")
    assert kept.returncode == 1, kept.stderr
    assert (root / "private/out.sarif").stat().st_mode & 0o777 == 0o600


def test_history_values_redirected_into_the_site_are_refused(tmp_path, monkeypatch):
    """`schoollint history --show-values > file` is judged as check's standard output is."""
    from tests.kit.git import commit_all

    monkeypatch.delenv("CI", raising=False)
    root = _site(tmp_path / "oakfield")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "photos")
    target = root / "h.txt"
    with open(target, "w") as stdout:
        run = subprocess.run([sys.executable, "-m", "schoollint", "history", "--show-values"], cwd=root,
                             stdout=stdout, stderr=subprocess.PIPE, text=True)
    assert run.returncode == 2, run.stderr
    assert target.read_bytes() == b"" and "h.txt: not written" in run.stderr
