"""Trial 8 item 1: photos inside a Git submodule are published with the site, so `check` reads them,
named from the run's repository (`gallery/photos/gps.jpg`); a submodule that is not checked out is
said as not checked, never passed over as if the site had no such folder."""

from __future__ import annotations

import json
from pathlib import Path

from tests.audit.sites import gps_jpeg, write
from tests.kit.git import commit_all, git


def _repository(folder: Path, files: dict[str, bytes | str]) -> Path:
    folder.mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    for relpath, data in files.items():
        write(folder, relpath, data)
    commit_all(folder, "files")
    return folder


def _add_submodule(site: Path, source: Path, where: str) -> None:
    git(site, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(source), where)
    commit_all(site, f"submodule {where}")


def _site_with_gallery(repo: Path, tmp_path: Path) -> Path:
    """The site (`repo`) showing a photo with GPS that lives in its submodule gallery/."""
    gallery = _repository(tmp_path / "gallery-source", {"photos/gps.jpg": gps_jpeg()})
    write(repo, "index.html", '<img src="gallery/photos/gps.jpg" alt="Sports day">')
    commit_all(repo, "page")
    _add_submodule(repo, gallery, "gallery")
    return repo


def check_json(cli, *args):
    code, out, err = cli("check", "--output-format", "json", *args)
    return code, json.loads(out), err


def test_a_submodules_photo_is_checked_under_the_runs_path(repo, tmp_path, cli):
    _site_with_gallery(repo, tmp_path)
    code, report, err = check_json(cli)
    assert code == 1, err
    found = {(f["path"], f["code"]) for f in report["findings"]}
    assert {("gallery/photos/gps.jpg", "SL101"), ("gallery/photos/gps.jpg", "SL102")} <= found
    assert report["files_not_checked"] == {}
    code, again, err = check_json(cli)      # from the cache: the same
    assert {(f["path"], f["code"]) for f in again["findings"]} == found
    assert again["files_checked"] == report["files_checked"]


def test_a_submodule_not_checked_out_is_said_not_checked(repo, tmp_path, monkeypatch, cli):
    _site_with_gallery(repo, tmp_path)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))     # no --recurse-submodules: gallery/ is empty
    assert list((clone / "gallery").iterdir()) == []
    monkeypatch.chdir(clone)
    code, report, err = check_json(cli)
    assert report["files_not_checked"] == {"submodule not checked out": 1}
    said = [note for note in report["notes"] if note["text"].startswith("gallery/")]
    assert len(said) == 1 and said[0]["not_checked"]
    assert "git submodule update --init" in said[0]["text"] and "submodules:" in said[0]["text"]
    code, out, err = cli("check")
    assert "not checked: 1 submodule not checked out" in out


def test_a_submodule_inside_a_submodule_is_read_too(repo, tmp_path, cli):
    inner = _repository(tmp_path / "inner-source", {"trip.jpg": gps_jpeg()})
    outer = _repository(tmp_path / "outer-source", {"README.md": "gallery\n"})
    _add_submodule(outer, inner, "inner")
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(outer), "gallery")
    git(repo, "-c", "protocol.file.allow=always", "submodule", "update", "-q", "--init", "--recursive")
    commit_all(repo, "gallery")
    code, report, err = check_json(cli)
    assert ("gallery/inner/trip.jpg", "SL101") in {(f["path"], f["code"]) for f in report["findings"]}


def test_an_untracked_repository_inside_the_site_is_read(repo, tmp_path, cli):
    write(repo, "index.html", "<p>Home</p>")
    commit_all(repo, "page")
    _repository(repo / "events", {"fair.jpg": gps_jpeg()})   # cloned into the site, not added to Git
    code, report, err = check_json(cli)
    assert ("events/fair.jpg", "SL101") in {(f["path"], f["code"]) for f in report["findings"]}


def test_a_path_inside_the_submodule_is_checked(repo, tmp_path, cli):
    _site_with_gallery(repo, tmp_path)
    code, report, err = check_json(cli, "gallery/photos/gps.jpg")
    assert {f["path"] for f in report["findings"]} == {"gallery/photos/gps.jpg"}


def test_naming_the_submodule_checks_it_under_the_runs_path(repo, tmp_path, cli):
    _site_with_gallery(repo, tmp_path)
    code, report, err = check_json(cli, "gallery")
    assert {f["path"] for f in report["findings"]} == {"gallery/photos/gps.jpg"}
