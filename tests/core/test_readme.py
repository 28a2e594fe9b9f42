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
