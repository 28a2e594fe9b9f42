"""Hints must work where the user is: under pre-commit (PRE_COMMIT=1) a fix hint names a hook the user's
.pre-commit-config.yaml has, or says the line to add first (pre-commit answers "No hook with id ..." for
one it lacks), and "explains" points to something other than a `schoollint` command that may not be on
the PATH. One test follows the hint through the real pre-commit."""

from __future__ import annotations

import yaml

from tests.integrations.test_precommit import config_using, pre_commit, pre_commit_home  # noqa: F401 (fixture)
from tests.kit.git import git
from tests.kit.sites import photo_with_gps
from tests.kit.tools import needs_pre_commit

UNSAFE = "pre-commit run schoollint-fix-unsafe --hook-stage manual --all-files"


def pre_commit_config(root, *hook_ids: str) -> None:
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{
        "repo": "https://github.com/schoollint/schoollint", "rev": "v0.1.0",
        "hooks": [{"id": hook} for hook in hook_ids]}]}), encoding="utf-8")


def named_photo_site(root) -> None:
    (root / "images").mkdir()
    photo_with_gps(root / "images" / "gala.jpg")
    (root / "index.html").write_text('<img src="images/gala.jpg" alt="Amelia Watson running">\n', encoding="utf-8")


def hinted(cli, monkeypatch) -> str:
    monkeypatch.setenv("PRE_COMMIT", "1")
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--no-vision", "images/gala.jpg", "index.html")
    assert code == 1
    return out


def test_only_the_safe_hook_configured_says_what_to_add_for_the_unsafe_one(repo, cli, monkeypatch):
    named_photo_site(repo)
    pre_commit_config(repo, "schoollint-fix")    # the README's minimal setup
    out = hinted(cli, monkeypatch)
    assert "(run `pre-commit run schoollint-fix --all-files`)" in out
    assert (f"add `- id: schoollint-fix-unsafe` to the schoollint hooks in .pre-commit-config.yaml, "
            f"then run `{UNSAFE}`") in out
    assert "schoollint check --fix" not in out and "with --unsafe-fixes" not in out


def test_both_hooks_configured_name_the_commands_alone(repo, cli, monkeypatch):
    named_photo_site(repo)
    pre_commit_config(repo, "schoollint-fix", "schoollint-fix-unsafe")
    out = hinted(cli, monkeypatch)
    assert f"(run `{UNSAFE}`)" in out and "add `- id:" not in out


def test_only_the_check_hook_says_to_add_the_fix_hook_too(repo, cli, monkeypatch):
    named_photo_site(repo)
    pre_commit_config(repo, "schoollint")
    out = hinted(cli, monkeypatch)
    assert "add `- id: schoollint-fix` to the schoollint hooks in .pre-commit-config.yaml, then run" in out
    assert "fixable with the schoollint-fix hook" in out


def test_explains_points_to_the_readme_not_a_command(repo, cli, monkeypatch):
    named_photo_site(repo)
    out = hinted(cli, monkeypatch)
    assert "`schoollint rule" not in out
    assert "(see SL101 under Rules in schoollint's README)" in out
    monkeypatch.delenv("PRE_COMMIT")
    assert "(`schoollint rule SL101` explains)" in cli("check", "--no-cache", "--no-progress", "--no-vision")[1]


@needs_pre_commit
def test_following_the_hint_under_real_pre_commit_works(repo, pre_commit_home, tmp_path):  # noqa: F811
    """The trial's case: only `schoollint-fix` configured; the hint's command is run as it says."""
    from PIL import Image

    (repo / "images").mkdir()
    Image.new("RGB", (32, 24), "teal").save(repo / "images" / "amelia-watson.png")
    (repo / "index.html").write_text('<img src="images/amelia-watson.png" alt="Sports day">\n', encoding="utf-8")
    config_using(repo, "schoollint-fix").rename(repo / ".pre-commit-config.yaml")
    git(repo, "add", "--all")
    first = pre_commit(repo, pre_commit_home, "run", "--all-files")
    output = first.stdout + first.stderr
    assert first.returncode == 1 and "add `- id: schoollint-fix-unsafe`" in output, output
    settings = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    settings["repos"][0]["hooks"].append({"id": "schoollint-fix-unsafe"})     # what the hint says to add
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    git(repo, "add", "--all")
    followed = pre_commit(repo, pre_commit_home, *UNSAFE.split()[1:])
    output = followed.stdout + followed.stderr
    assert "No hook with id" not in output
    assert "renamed images/amelia-watson.png -> " in output, output
    assert not (repo / "images" / "amelia-watson.png").exists()
