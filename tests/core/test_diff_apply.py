"""`check --diff` prints what `--fix` writes: its diff, applied with `git apply` or `patch -p1`,
gives every page byte for byte as `--fix --unsafe-fixes` leaves it (trial 6, item 10).

The trial's kind of page: one that a fix of its own (a pupil's surname taken out of an alt text)
and the renames of the photos it shows (SL301) all rewrite, in a Hugo page bundle and in a Jekyll
post whose paths start with `{{ site.baseurl }}`. Each site is built twice from the same commit:
one copy is fixed, the other previewed and patched. Photos are renamed and stripped by --fix only
(a diff cannot carry them), so only the text files are compared.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.kit.git import commit_all, git
from tests.kit.sites import photo_with_gps

HUGO = {
    "hugo.toml": 'baseURL = "https://greenfield.example.sch.uk/"\n',
    "content/news/sports-day/index.md": (
        '---\ntitle: "Sports Day"\nresources:\n  - src: amelia-watson-relay.jpg\n    title: "Relay"\n---\n'
        "What a day!\n\n"
        '{{< figure src="amelia-watson-relay.jpg" alt="Amelia Watson running the last leg" >}}\n\n'
        "![Long jump](sophie-turner-long-jump.jpg)\n"),
}
HUGO_PHOTOS = ["content/news/sports-day/amelia-watson-relay.jpg", "content/news/sports-day/sophie-turner-long-jump.jpg"]

JEKYLL = {
    "_config.yml": "title: Hill Top Primary\nbaseurl: /hilltop\n",
    "_posts/2025-03-08-chess.md": (
        "---\nlayout: post\ntitle: Chess club\n---\n"
        '<img src="{{ site.baseurl }}/assets/img/news/oscar-bennett-chess.jpg" alt="Oscar Bennett at the board">\n'
        "![Art]({{ site.baseurl }}/assets/img/news/sophie-turner-art.jpg)"),      # no line feed at the end
    "_data/gallery.yml": "- image: /assets/img/news/oscar-bennett-chess.jpg\n  caption: Chess club\n",
}
JEKYLL_PHOTOS = ["assets/img/news/oscar-bennett-chess.jpg", "assets/img/news/sophie-turner-art.jpg"]


def built(root: Path, pages: dict[str, str], photos: list[str]) -> None:
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    for relpath, text in pages.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_bytes(text.encode("utf-8"))
    for relpath in photos:
        photo_with_gps(root / relpath)
    commit_all(root, "site")


def run(root: Path, cli, monkeypatch, *argv: str) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    return cli("check", "--no-cache", "--unsafe-fixes", *argv)


def text_files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*")
            if path.is_file() and ".git" not in path.parts and "schoollint_cache" not in str(path)
            and path.suffix.lower() not in (".jpg", ".jpeg")}


@pytest.mark.parametrize("pages, photos", [(HUGO, HUGO_PHOTOS), (JEKYLL, JEKYLL_PHOTOS)], ids=["hugo", "jekyll"])
@pytest.mark.parametrize("applier", [["git", "apply"], ["patch", "-p1", "--quiet", "--no-backup-if-mismatch"]],
                         ids=["git-apply", "patch"])
def test_the_diff_applied_gives_what_fix_writes(tmp_path, cli, monkeypatch, pages, photos, applier):
    built(tmp_path / "fixed", pages, photos)
    shutil.copytree(tmp_path / "fixed", tmp_path / "previewed", symlinks=True)
    original = text_files(tmp_path / "fixed")

    code, diff, err = run(tmp_path / "previewed", cli, monkeypatch, "--diff")
    assert code == 1, diff + err
    for relpath in pages:       # each page shown once, as all its fixes leave it
        assert diff.count(f"--- a/{relpath}\n") <= 1, diff
    subprocess.run(applier, cwd=tmp_path / "previewed", input=diff, text=True, check=True, capture_output=True)
    run(tmp_path / "fixed", cli, monkeypatch, "--fix")

    fixed = text_files(tmp_path / "fixed")
    assert fixed != original                       # the fixes rewrote pages
    assert text_files(tmp_path / "previewed") == fixed
    for relpath in photos:
        assert not (tmp_path / "fixed" / relpath).exists()     # renamed by --fix, so its pages were rewritten


def test_the_summary_agrees_with_the_lines_above(repo, cli):
    # oscar's rename is refused (a template expression where its path starts); its strip is made;
    # sophie's photo is renamed and stripped in full
    pages = {"_config.yml": JEKYLL["_config.yml"],
             "index.html": '<img src="<?php echo $base; ?>/assets/img/news/oscar-bennett-chess.jpg" alt="Chess">\n'
                           '<img src="assets/img/news/sophie-turner-art.jpg" alt="Art">\n'}
    for relpath, text in pages.items():
        (repo / relpath).write_text(text, encoding="utf-8")
    for relpath in JEKYLL_PHOTOS:
        photo_with_gps(repo / relpath)
    commit_all(repo, "site")
    code, out, err = cli("check", "--no-cache", "--diff", "--unsafe-fixes")
    assert code == 1, out + err
    assert out.count(": cannot fix: ") == 1 and f"{JEKYLL_PHOTOS[0]}: cannot fix: " in out, out
    assert "2 files would be fixed, 1 of them only in part (0 could not be fixed at all)" in err, err
