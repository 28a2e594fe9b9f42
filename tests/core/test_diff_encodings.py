"""`check --diff` on pages written on Windows applies byte for byte (trial 7 item 8): CRLF line
endings, Windows-1252 (declared and undeclared), UTF-16 with and without a byte-order mark. Its
diff, applied with `git apply` or `patch -p1`, gives every page as `--fix --unsafe-fixes` writes
it. Was: "patch does not apply" on all of them (carriage returns dropped, Windows-1252 written as
UTF-8) and "utf16.htm: binary file". Through the command line as a subprocess, since the diff is
bytes (a pipe, as `schoollint check --diff > fix.diff` or `| git apply` has it).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo

PHOTO = "images/oliver-harrington-sack-race.jpg"    # SL301: renamed, and every page that shows it rewritten


def html(charset: str = "") -> str:
    head = f'<meta charset="{charset}">' if charset else ""
    return (f"<!DOCTYPE html>\r\n<html><head>{head}<title>Résumé</title></head><body>\r\n"
            f'<p>Café day: crème brûlée for everyone.</p>\r\n'
            f'<img src="{PHOTO}" alt="Oliver Harrington wins the sack race">\r\n</body></html>\r\n')


PAGES = {
    "news.html": html("windows-1252").encode("cp1252"),                # declared, CRLF
    "nodecl.html": html().encode("cp1252").rstrip(b"\r\n"),            # undeclared, no line feed at the end
    "index.html": html("utf-8").encode("utf-8"),                       # UTF-8, CRLF
    "utf16.htm": b"\xff\xfe" + html().encode("utf-16-le"),             # UTF-16 LE with its BOM, CRLF
    "utf16be-nobom.html": html().encode("utf-16-be"),                  # UTF-16 BE, no BOM (told by its zero bytes)
    "gallery.md": ("---\r\ntitle: Galerie – été\r\n---\r\n\r\n"
                   f"![Oliver Harrington holding the cup]({PHOTO})\r\n").encode("cp1252"),
}


def built(root: Path) -> None:
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    for relpath, data in PAGES.items():
        (root / relpath).write_bytes(data)
    clean_photo(root / PHOTO)
    commit_all(root, "site")


def schoollint(root: Path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "schoollint", "check", "--no-cache", "--no-vision",
                           "--unsafe-fixes", *argv], cwd=root, capture_output=True, timeout=300)


def pages(root: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in root.iterdir() if path.is_file()}


@pytest.mark.parametrize("applier", [["git", "apply"], ["patch", "-p1", "--quiet", "--no-backup-if-mismatch"]],
                         ids=["git-apply", "patch"])
def test_the_diff_of_windows_pages_applies_byte_for_byte(tmp_path, applier):
    built(tmp_path / "fixed")
    shutil.copytree(tmp_path / "fixed", tmp_path / "previewed", symlinks=True)
    original = pages(tmp_path / "fixed")

    shown = schoollint(tmp_path / "previewed", "--diff")
    assert shown.returncode == 1, shown.stderr
    for relpath in PAGES:
        assert f"--- a/{relpath}\n".encode() in shown.stdout, shown.stdout
    assert b"binary file" not in shown.stdout
    applied = subprocess.run(applier, cwd=tmp_path / "previewed", input=shown.stdout, capture_output=True)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    schoollint(tmp_path / "fixed", "--fix")

    fixed = pages(tmp_path / "fixed")
    assert fixed != original, "the fix changed nothing: the test would prove nothing"
    for relpath in PAGES:
        assert fixed[relpath] != original[relpath], relpath
        assert pages(tmp_path / "previewed")[relpath] == fixed[relpath], relpath


def test_a_carriage_return_before_a_workflow_command_is_escaped(tmp_path):
    """A lone CR is a line break to a GitHub Actions log: a page's text after it must not start a
    workflow command. The escape makes that line's hunk not apply: the price of a page so written."""
    root = tmp_path / "site"
    built(root)
    (root / "index.html").write_bytes(PAGES["index.html"].replace(b"<p>Caf", b"<p>\r::error::pwned\r\n<p>Caf"))
    shown = schoollint(root, "--diff")
    assert b"\r::" not in shown.stdout and b"\\r::error::pwned" in shown.stdout
