"""Where a plain folder's site starts (no Git work tree): `cd ~ && schoollint check Pictures/trip` took
the home folder for the site and listed and read everything in it (83 s from /tmp). The site is the
current folder only when it is one (a schoollint configuration, a generator's configuration, an index
page), else the nearest such folder above the named files, else the named folder, with a note that
pages outside it were not read. Real folders, through the command line."""

from __future__ import annotations

import json

import pytest

from tests.kit.images import encode, gradient
from tests.kit.sites import photo_with_gps

WIDE = (1200, 800)      # SL202 speaks when a page shows it at 300 px


def _home(tmp_path):
    """A home folder (no Git anywhere above: tmp_path) with a trip of photos and, elsewhere in it, a page
    showing one of them small, so a run that read that page would report SL202."""
    home = tmp_path / "home"
    photo_with_gps(home / "Pictures" / "trip" / "beach.jpg")
    (home / "Pictures" / "trip" / "wide.jpg").write_bytes(encode(gradient(WIDE), "JPEG", quality=90))
    (home / "notes").mkdir()
    (home / "notes" / "trip.html").write_text('<img src="../Pictures/trip/wide.jpg" width="300" alt="x">\n')
    return home


def _check(monkeypatch, capsys, cwd, *argv: str) -> tuple[int, dict, str]:
    from schoollint.cli import main

    monkeypatch.chdir(cwd)
    code = main(["check", "--no-vision", "--no-cache", "--output-format", "json", *argv])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return code, json.loads(out), err


def _codes(report: dict) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["path"], set()).add(finding["code"])
    return found


def test_a_folder_below_a_plain_current_folder_is_its_own_site_and_the_run_says_so(tmp_path, monkeypatch, capsys):
    home = _home(tmp_path)
    _code, report, _err = _check(monkeypatch, capsys, home, "Pictures/trip")
    codes = _codes(report)
    assert set(codes) == {"beach.jpg"}      # the site is the trip: paths are its own, notes/ was never read
    assert "SL101" in codes["beach.jpg"]
    said = [note for note in report["notes"] if note["text"].startswith("Pictures/trip/: ")]
    assert said and "pages outside it were not read" in said[0]["text"] and said[0]["not_checked"]


def test_a_current_folder_that_is_a_site_stays_the_site(tmp_path, monkeypatch, capsys):
    home = _home(tmp_path)
    (home / "index.html").write_text("<h1>Our school</h1>\n")
    _code, report, _err = _check(monkeypatch, capsys, home, "Pictures/trip")
    codes = _codes(report)
    assert "SL202" in codes["Pictures/trip/wide.jpg"]      # notes/trip.html was read: it shows it at 300 px
    assert not any("pages outside it were not read" in note["text"] for note in report["notes"])


@pytest.mark.parametrize("marker", [".schoollint.yml", "hugo.toml", "pyproject.toml"])
def test_the_nearest_site_above_the_named_folder_is_the_site(tmp_path, monkeypatch, capsys, marker):
    home = tmp_path / "home"
    school = home / "school"
    photo_with_gps(school / "static" / "img" / "beach.jpg")
    (school / "static" / "img" / "wide.jpg").write_bytes(encode(gradient(WIDE), "JPEG", quality=90))
    (school / "content").mkdir(parents=True)
    (school / "content" / "trip.md").write_text('<img src="/img/wide.jpg" width="300" alt="x">\n')
    (school / marker).write_text("[tool.schoollint]\n" if marker == "pyproject.toml" else "title = 'School'\n"
                                 if marker == "hugo.toml" else "exclude: []\n")
    _code, report, _err = _check(monkeypatch, capsys, home, "school/static/img")
    codes = _codes(report)
    assert codes["static/img/beach.jpg"] >= {"SL101"}
    assert "SL202" in codes["static/img/wide.jpg"]      # the site's page was read
    assert not any("pages outside it were not read" in note["text"] for note in report["notes"])
    # the same from a folder inside the site, naming the photos by a path that leaves it
    _code, report, _err = _check(monkeypatch, capsys, school / "content", "../static/img")
    assert "SL202" in _codes(report)["static/img/wide.jpg"]


def test_an_index_page_marks_the_top_of_a_built_site(tmp_path, monkeypatch, capsys):
    """Every section of a built site has its index page, and the folder above its top none: the outermost wins."""
    home = tmp_path / "home"
    site = home / "www" / "school"
    (site / "news" / "img").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Our school</h1>\n")
    (site / "news" / "index.html").write_text("<h1>News</h1>\n")
    (site / "news" / "img" / "wide.jpg").write_bytes(encode(gradient(WIDE), "JPEG", quality=90))
    (site / "about.html").write_text('<img src="news/img/wide.jpg" width="300" alt="x">\n')
    _code, report, _err = _check(monkeypatch, capsys, home, "www/school/news/img")
    assert "SL202" in _codes(report)["news/img/wide.jpg"]


def test_a_plain_site_does_not_list_other_sites_and_tools_folders(tmp_path, monkeypatch, capsys):
    """A nested Git work tree, a virtual environment and a tagged cache folder are not the site's: not
    entered (a home folder holds many), each said; named, each is checked."""
    home = tmp_path / "home"
    (home / "index.html").parent.mkdir(parents=True)
    (home / "index.html").write_text("<h1>Our school</h1>\n")
    photo_with_gps(home / "img" / "beach.jpg")
    for folder, marker in (("project", ".git"), ("venv", "pyvenv.cfg"), ("thumbs", "CACHEDIR.TAG")):
        photo_with_gps(home / folder / "leak.jpg")
        (home / folder / marker).mkdir() if marker == ".git" else (home / folder / marker).write_text("x\n")
    _code, report, _err = _check(monkeypatch, capsys, home)
    assert set(_codes(report)) == {"img/beach.jpg"}
    notes = "\n".join(note["text"] for note in report["notes"])
    for folder, what in (("project", "a Git work tree of its own"), ("venv", "a Python virtual environment"),
                         ("thumbs", "a cache folder")):
        assert f"{folder}/: skipped, {what}" in notes
    _code, report, _err = _check(monkeypatch, capsys, home, "venv")
    assert "SL101" in _codes(report)["venv/leak.jpg"]



def test_a_git_site_does_not_list_virtual_environments_and_tagged_caches_git_does_not_ignore(tmp_path, monkeypatch,
                                                                                            capsys):
    """Git stops at a nested work tree by itself; a virtual environment or a tagged cache folder that the
    site's .gitignore does not name is listed by Git, and is not the site's either: skipped, said, and
    checked when named."""
    import subprocess

    site = tmp_path / "site"
    photo_with_gps(site / "img" / "beach.jpg")
    for folder, marker in (("venv", "pyvenv.cfg"), ("thumbs", "CACHEDIR.TAG")):
        photo_with_gps(site / folder / "deep" / "leak.jpg")
        (site / folder / marker).write_text("x\n")
    subprocess.run(["git", "init", "-q"], cwd=site, check=True)
    _code, report, _err = _check(monkeypatch, capsys, site)
    assert set(_codes(report)) == {"img/beach.jpg"}
    notes = "\n".join(note["text"] for note in report["notes"])
    assert "venv/: skipped, a Python virtual environment" in notes
    assert "thumbs/: skipped, a cache folder (CACHEDIR.TAG)" in notes
    _code, report, _err = _check(monkeypatch, capsys, site, "thumbs")
    assert "SL101" in _codes(report)["thumbs/deep/leak.jpg"]
