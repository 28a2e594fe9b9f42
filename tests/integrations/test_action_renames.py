"""The action's fix step when a fix moves a file: `git status -z` gives a rename or a copy two
paths, and the commit holds the move and the pages rewritten to follow it.

Trial (session 6, item 6): `SCHOOLLINT_FIX=commit SCHOOLLINT_ARGS=--unsafe-fixes python
action/fix.py` on a pull request whose photo `images/Ella Morgan sports.jpg` was renamed ended in
a traceback (`git add ... 'ges/Ella Morgan sports.jpg'`: three characters cut off the rename's
source path), exit 1, no outputs, and the rename left staged, not committed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.kit import REPO_ROOT
from tests.kit.git import commit_all, git

PHOTO = "images/Ella Morgan [Y5] sports.jpg"
PAGE = "sports.html"


def photo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (16, 12), "teal").save(path, "JPEG")


@pytest.fixture
def pull_request(repo, tmp_path):
    """A site pushed to a bare origin; the pull request's branch adds a photo named after a pupil
    (spaces and brackets in its name) and a page that shows it."""
    photo(repo / "images" / "logo.jpg")
    (repo / "index.html").write_text('<img src="images/logo.jpg" alt="Logo">\n', encoding="utf-8")
    base = commit_all(repo, "base")
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", str(origin))
    git(repo, "remote", "add", "origin", str(origin))
    git(repo, "push", "-q", "origin", "main")
    git(repo, "checkout", "-q", "-b", "photos")
    photo(repo / PHOTO)
    (repo / PAGE).write_text(f'<p>Sports day</p>\n<img src="{PHOTO}" alt="Sports day">\n', encoding="utf-8")
    head = commit_all(repo, "sports day")
    git(repo, "push", "-q", "origin", "photos")
    return repo, origin, base, head


def run_fix_step(site: Path, base: str, head: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess, str, str]:
    """action/fix.py as the action's fix step runs it (`fix: commit`, `args: --unsafe-fixes`), with
    this checkout's schoollint; (the process, GITHUB_OUTPUT's text, the job summary's text)."""
    event = {"pull_request": {"number": 7, "base": {"sha": base, "ref": "main"},
                              "head": {"sha": head, "ref": "photos", "repo": {"full_name": "school/site"}}}}
    (tmp_path / "event.json").write_text(json.dumps(event), encoding="utf-8")
    outputs, summary = tmp_path / "output", tmp_path / "summary.md"
    outputs.write_text("", encoding="utf-8")
    summary.write_text("", encoding="utf-8")
    env = {**os.environ, "GITHUB_EVENT_NAME": "pull_request", "GITHUB_REPOSITORY": "school/site",
           "GITHUB_EVENT_PATH": str(tmp_path / "event.json"), "GITHUB_OUTPUT": str(outputs),
           "GITHUB_STEP_SUMMARY": str(summary), "SCHOOLLINT_FIX": "commit", "SCHOOLLINT_ARGS": "--unsafe-fixes",
           "SCHOOLLINT_PYTHON": sys.executable}
    done = subprocess.run([sys.executable, str(REPO_ROOT / "action" / "fix.py")], cwd=site, env=env,
                          capture_output=True, text=True, timeout=300)
    return done, outputs.read_text(encoding="utf-8"), summary.read_text(encoding="utf-8")


def test_a_rename_by_unsafe_fixes_is_committed_with_the_page_and_counted(pull_request, tmp_path):
    site, origin, base, head = pull_request
    done, outputs, summary = run_fix_step(site, base, head, tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr + done.stdout, done.stderr + done.stdout
    # the step output: the photo (moved) and its page, as Git counts the files of the commit
    assert outputs.splitlines()[0].startswith("fixed<<") and outputs.splitlines()[1] == "2"

    pushed = git(origin, "rev-parse", "photos").strip()
    assert pushed != head and git(origin, "rev-parse", "photos~1").strip() == head
    assert git(origin, "log", "-1", "--format=%an", "photos").strip() == "github-actions[bot]"
    # what the fixes did, counted (no path: the old one held the pupil's name)
    assert git(origin, "log", "-1", "--format=%s", "photos").strip() == (
        "schoollint: rename 1 file whose name identified someone, update 1 other")
    changes = git(origin, "diff", "--name-status", "-z", "-M", head, "photos").split("\0")
    [new] = [path for path in git(origin, "ls-tree", "-r", "--name-only", "photos", "images/").splitlines()
             if path != "images/logo.jpg"]
    assert "Ella" not in new and "Morgan" not in new
    assert changes[:3] == [changes[0], PHOTO, new] and changes[0].startswith("R")
    assert changes[3:] == ["M", PAGE, ""]
    page = git(origin, "show", f"photos:{PAGE}")
    assert page == f'<p>Sports day</p>\n<img src="{new}" alt="Sports day">\n'

    assert git(site, "status", "--porcelain") == ""             # nothing left staged or behind
    assert git(site, "rev-parse", "HEAD").strip() == pushed
    assert "committed fixes for 2 file(s) to photos" in done.stdout
    assert summary.startswith("### schoollint fixed and committed 2 files to photos\n")
    assert "Ella Morgan \\[Y5\\] sports\\.jpg →" in summary


def test_status_entries_with_two_paths_and_awkward_names_are_read_whole(repo, monkeypatch):
    """Renames and copies (R and C, `status.renames=copies`), staged and in the work tree, untracked
    files, names holding spaces, newlines, `->`, quotes and bytes that are not UTF-8."""
    monkeypatch.syspath_prepend(str(REPO_ROOT / "action"))
    import fix

    names = ["a b.jpg", "line\nbreak.jpg", "x -> y.jpg", '"quoted".jpg', "keep.jpg", "copied.jpg"]
    for index, name in enumerate(names):
        (repo / name).write_bytes(f"photo {index} ".encode() * 200)
    weird = os.fsdecode(b"caf\xe9.jpg")
    (repo / weird).write_bytes(b"latin-1 name " * 200)
    commit_all(repo, "base")
    git(repo, "config", "status.renames", "copies")
    git(repo, "mv", "a b.jpg", "c d.jpg")
    git(repo, "mv", "line\nbreak.jpg", "moved\nagain.jpg")
    git(repo, "mv", "x -> y.jpg", "z.jpg")
    git(repo, "mv", weird, "cafe.jpg")
    (repo / "copy of copied.jpg").write_bytes((repo / "copied.jpg").read_bytes())
    (repo / "copied.jpg").write_bytes((repo / "copied.jpg").read_bytes() + b"edited")   # a copy's source
    git(repo, "add", "--", "copy of copied.jpg", "copied.jpg")                       # is found among changes
    (repo / '"quoted".jpg').write_bytes(b"changed")
    (repo / "new file.jpg").write_bytes(b"new")
    changed = fix.changed_paths()
    assert changed == {
        "c d.jpg": fix.Changed("a b.jpg", False),
        "moved\nagain.jpg": fix.Changed("line\nbreak.jpg", False),
        "z.jpg": fix.Changed("x -> y.jpg", False),
        "cafe.jpg": fix.Changed(weird, False),
        "copy of copied.jpg": fix.Changed("copied.jpg", False),
        "copied.jpg": fix.Changed(None, False),
        '"quoted".jpg': fix.Changed(None, True),
        "new file.jpg": fix.Changed(None, True),
    }


def test_a_rename_stages_exactly_its_own_paths_however_they_are_named(repo, cli):
    """Git reads a path it is given as a pattern unless told otherwise (gitglossary(7), "pathspec"):
    staging the rename of `Ella Morgan [Y5].jpg` staged the user's `Ella Morgan 5.jpg` too,
    an edit of theirs that was not staged."""
    photo(repo / "images" / "Ella Morgan [Y5].jpg")
    photo(repo / "images" / "Ella Morgan 5.jpg")
    (repo / PAGE).write_text('<img src="images/Ella Morgan [Y5].jpg" alt="Sports day">\n', encoding="utf-8")
    commit_all(repo, "site")
    (repo / "images" / "Ella Morgan 5.jpg").write_bytes(b"the user's edit, not staged")
    cli("check", "--no-cache", "--fix", "--unsafe-fixes", "--select", "SL301", "images/Ella Morgan [Y5].jpg")
    staged = git(repo, "diff", "--cached", "--name-status", "-z").split("\0")
    assert "images/Ella Morgan [Y5].jpg" in staged and "images/Ella Morgan 5.jpg" not in staged, staged
    assert git(repo, "status", "--porcelain=v1", "-z", "--", "images/Ella Morgan 5.jpg").startswith(" M ")


def test_a_commit_git_refuses_is_undone_and_said_with_no_traceback(pull_request, tmp_path):
    """A repository that requires signed commits, with no key on the runner: the fixes are undone
    (the check then reports the branch as it is), a warning says why, and the step's output is 0."""
    site, origin, base, head = pull_request
    git(site, "config", "commit.gpgsign", "true")
    git(site, "config", "gpg.program", "false")
    done, outputs, summary = run_fix_step(site, base, head, tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr + done.stdout, done.stderr + done.stdout
    assert outputs.splitlines()[1] == "0" and summary == ""
    assert "::warning title=schoollint fixes not committed::git could not commit the fixes" in done.stdout
    assert "they were undone" in done.stdout
    assert git(site, "rev-parse", "HEAD").strip() == head == git(origin, "rev-parse", "photos").strip()
    assert git(site, "status", "--porcelain", "--untracked-files=all") == ""
    assert (site / PHOTO).is_file()
