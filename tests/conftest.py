"""Fixtures shared by every test: a real Git repository as the current folder, and schoollint
run in-process. What tests build (files, repositories, the corpus) is in `tests.kit`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit.git import git


def pytest_configure(config):
    config.addinivalue_line("markers", "needs(resource): run only where the tests.kit.tools.Resource is present")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Skip a test whose `needs` resources are absent, with each resource's one reason."""
    for mark in item.iter_markers("needs"):
        mark.args[0].require()


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """An empty Git repository, as the current directory."""
    root = tmp_path / "site"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    monkeypatch.chdir(root)
    monkeypatch.delenv("SCHOOLLINT_ROSTER", raising=False)
    monkeypatch.delenv("CI", raising=False)
    return root


@pytest.fixture
def cli(capsys):
    """Run schoollint in-process: returns (exit code, stdout, stderr).

    Without the vision extra every run notes that faces and text were not checked; that line
    depends on the machine, not on the test, so it is left out of stderr here (the vision tests
    assert it through the command line themselves).
    """
    from schoollint.cli import main

    def run(*argv: str):
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, "".join(line for line in err.splitlines(keepends=True)
                                  if not line.startswith(VISION_NOTE))

    return run


VISION_NOTE = "schoollint: note: install schoollint[vision]"
