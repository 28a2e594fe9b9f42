"""Trial 9 item 4: `check --unsafe-fixes --diff | git apply` rewrote the page to the photo's new name but
left the photo under its old one (the move was a prose line, `rename old -> new`, which git apply skips):
the next run found SL304 and SL301 again. A move is now Git's rename (`diff --git a/old b/new`,
`similarity index 100%`, `rename from`, `rename to`); a photo's new bytes are not in the patch and its
line says so. Each case is applied with real `git apply` in a real repository and checked again."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.audit.sites import clean_jpeg, gps_jpeg, write
from tests.kit.git import commit_all


def _apply(repo, cli, applier=("git", "apply")) -> str:
    """The diff as a pipe gets it (its files' own bytes: diff_output.py), applied by `applier`."""
    run = subprocess.run([sys.executable, "-m", "schoollint", "check", "--unsafe-fixes", "--diff", "--no-progress",
                          "--no-vision"], cwd=repo, capture_output=True)
    assert run.returncode == 1, run
    subprocess.run(list(applier), cwd=repo, input=run.stdout, check=True, capture_output=True)
    return run.stdout.decode("utf-8", "surrogateescape")


def _codes(cli) -> dict[str, set[str]]:
    code, out, err = cli("check", "--output-format", "json", "--no-progress", "--no-vision", "--no-cache")
    found: dict[str, set[str]] = {}
    for finding in json.loads(out)["findings"]:
        found.setdefault(finding["code"], set()).add(finding["path"])
    return found


@pytest.mark.parametrize("name", ["amelia-watson.jpg", "zoë-harrington.jpg", "amelia watson.jpg"])
def test_a_rename_applied_with_git_apply_leaves_a_clean_site(repo, cli, name):
    photo = write(repo, f"images/{name}", clean_jpeg())
    original = photo.read_bytes()
    write(repo, "index.md", f"# News\n\n<img src=\"images/{name}\" alt=\"Amelia at sports day\">\n")
    commit_all(repo, "site")
    diff = _apply(repo, cli)
    assert "similarity index 100%" in diff and "rename from " in diff and "\nrename " not in diff.replace(
        "\nrename from", "").replace("\nrename to", "")
    (moved,) = [path for path in (repo / "images").iterdir()]
    assert moved.name != name and moved.read_bytes() == original
    assert f"images/{moved.name}" in (repo / "index.md").read_text(encoding="utf-8")
    assert _codes(cli) == {}


def test_a_renamed_photo_whose_metadata_goes_too_says_what_the_patch_leaves_to_fix(repo, cli):
    write(repo, "images/amelia-watson.jpg", gps_jpeg())
    write(repo, "index.md", "# News\n\n![Sports day](images/amelia-watson.jpg)\n")
    commit_all(repo, "site")
    diff = _apply(repo, cli)
    assert "images/amelia-watson.jpg: remove: " in diff and "(not in the patch: --fix writes it)" in diff
    (moved,) = [path.name for path in (repo / "images").iterdir()]
    # the patch moved the photo with its page: nothing broken, no name; its metadata is --fix's to remove
    assert _codes(cli) == {"SL101": {f"images/{moved}"}, "SL102": {f"images/{moved}"}}
    code, out, err = cli("check", "--fix", "--no-progress", "--no-vision")
    assert _codes(cli) == {}


def test_gnu_patch_applies_the_rename_too(repo, cli):
    write(repo, "images/amelia-watson.jpg", clean_jpeg())
    write(repo, "index.md", "# News\n\n![Sports day](images/amelia-watson.jpg)\n")
    commit_all(repo, "site")
    _apply(repo, cli, ("patch", "-p1", "--quiet", "--no-backup-if-mismatch"))
    assert not (repo / "images/amelia-watson.jpg").exists() and _codes(cli) == {}


def test_git_quotes_names_as_git_does():
    from schoollint.diff_output import git_quoted, git_rename

    assert git_quoted("images/a b.jpg") == "images/a b.jpg"
    assert git_quoted("zoë.jpg") == '"zo\\303\\253.jpg"'
    assert git_quoted('new\nline "x"\\.jpg') == '"new\\nline \\"x\\"\\\\.jpg"'
    assert git_quoted("bad\udce9.jpg") == '"bad\\351.jpg"'
    assert git_rename("a.jpg", "zoë.jpg")[0] == 'diff --git a/a.jpg "b/zo\\303\\253.jpg"'


def test_a_deleted_sidecar_or_folder_file_is_a_git_deletion(repo, cli):
    from tests.kit.metadata import xmp_packet

    write(repo, "images/trip.jpg", clean_jpeg())
    write(repo, "images/trip.xmp", xmp_packet("", 'photoshop:City="Leeds"'))
    write(repo, "images/.DS_Store", b"\x00\x00\x00\x01Bud1" + b"\x00" * 100)
    commit_all(repo, "site")
    diff = _apply(repo, cli)
    assert "deleted file mode 100644" in diff and "+++ /dev/null" in diff and "\ndelete " not in diff
    assert sorted(path.name for path in (repo / "images").iterdir()) == ["trip.jpg"]
    assert _codes(cli) == {}
