"""Where a roster may be (trial 6, item 7): a roster inside the site that Git neither tracks nor ignores was
used without a word, though the next `git add .` commits every pupil's name. It is refused as a personal
report there is (report/files.py): exit 2 naming it and a place outside the site, unless Git ignores it or
--force is given; in a plain folder (no Git, everything uploaded) inside the site folder the same. Its name
is a literal path for Git, not a pattern. Real Git repositories and folders, through the command line."""

from __future__ import annotations

from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo

ROSTER = "Forename,Surname\nTomasz,Nowak\n"


def _run(monkeypatch, capsys, cwd, *argv: str) -> tuple[int, str]:
    from schoollint.cli import main

    monkeypatch.chdir(cwd)
    code = main(["check", "--no-vision", "--no-cache", *argv])
    _out, err = capsys.readouterr()
    return code, err


def _git_site(tmp_path):
    site = tmp_path / "site"
    clean_photo(site / "img" / "trip.jpg")
    git(site, "init", "-q")
    commit_all(site, "site")
    return site


def test_a_roster_git_neither_tracks_nor_ignores_is_refused_unless_ignored(tmp_path, monkeypatch, capsys):
    site = _git_site(tmp_path)
    (site / "pupils.csv").write_text(ROSTER)
    code, err = _run(monkeypatch, capsys, site, "--roster", "pupils.csv")
    assert code == 2
    assert "pupils.csv: not used: the roster of names is inside the site and Git neither tracks nor ignores" in err
    assert "move it outside the site, or add it to .gitignore (for example to ~/pupils.csv" in err
    code, err = _run(monkeypatch, capsys, site, "--roster", "pupils.csv", "--force")
    assert code == 0 and "used because of --force" in err
    (site / ".gitignore").write_text("pupils.csv\n")
    code, err = _run(monkeypatch, capsys, site, "--roster", "pupils.csv")
    assert code == 0, err


def test_a_roster_inside_a_plain_folders_site_is_refused_and_outside_it_is_used(tmp_path, monkeypatch, capsys):
    site = tmp_path / "home" / "www"
    clean_photo(site / "img" / "trip.jpg")
    (site / "index.html").write_text("<h1>Our school</h1>\n")
    (site / "pupils.csv").write_text(ROSTER)
    code, err = _run(monkeypatch, capsys, site, "--roster", "pupils.csv")
    assert code == 2
    assert "the roster of names is inside the site folder, which has no Git: everything in it is uploaded" in err
    assert ".gitignore" not in err
    (tmp_path / "home" / "private").mkdir()
    (site / "pupils.csv").rename(tmp_path / "home" / "private" / "pupils.csv")
    code, err = _run(monkeypatch, capsys, site, "--roster", "../private/pupils.csv")
    assert code == 0, err


def test_a_roster_name_is_a_literal_path_for_git(tmp_path, monkeypatch, capsys):
    """`[p]upils.csv` as a pattern matches the tracked `pupils.csv` (a list of pupils' first names, say):
    the ignored roster of that name was refused as tracked."""
    site = _git_site(tmp_path)
    (site / "pupils.csv").write_text("Tomasz\n")
    commit_all(site, "first names")
    (site / "[p]upils.csv").write_text(ROSTER)
    (site / ".gitignore").write_text("/\\[p\\]upils.csv\n")
    code, err = _run(monkeypatch, capsys, site, "--roster", "[p]upils.csv")
    assert code == 0, err
