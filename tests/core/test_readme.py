"""The README's promises: the rule table and the test command are the real ones."""

from __future__ import annotations

import re

from tests.kit import REPO_ROOT


def readme() -> str:
    return (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_table_matches_the_catalogue():
    import importlib.util

    spec = importlib.util.spec_from_file_location("sync_readme", REPO_ROOT / "tools" / "sync_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.synced(readme()) == readme(), "run `python tools/sync_readme.py`"


def test_ci_runs_exactly_the_readme_test_command():
    commands = re.findall(r"```sh\n(.*?)\n```", readme(), re.DOTALL)
    install_and_run, tests = commands[0], commands[1]
    assert "pip install" in install_and_run and "schoollint check" in install_and_run
    ci_lines = (REPO_ROOT / ".ci" / "run").read_text().splitlines()
    assert tests in ci_lines


def test_readme_rev_pyproject_version_and_release_tag_agree():
    """`rev: vX.Y.Z` in the README must be a real release: the package's version, and its tag."""
    import subprocess

    import schoollint

    pyproject = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"$', pyproject, re.MULTILINE).group(1)
    assert schoollint.__version__ == version
    assert set(re.findall(r"rev: (\S+)", readme())) == {f"v{version}"}
    # the Action's ref too, in the README and the workflow to copy: a tag that exists (trial item 19)
    workflow = (REPO_ROOT / "examples" / "workflows" / "schoollint.yml").read_text(encoding="utf-8")
    assert set(re.findall(r"uses: schoollint/schoollint@(\S+)", readme() + workflow)) == {f"v{version}"}
    tags = subprocess.run(["git", "tag", "--list", "v*"], cwd=REPO_ROOT, capture_output=True, text=True).stdout.split()
    if tags:  # a clone made without tags has none to compare
        assert f"v{version}" in tags, "tag the release: git tag v" + version
