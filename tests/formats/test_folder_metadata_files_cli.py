"""SL109 folder-metadata-file through the command line (trial 6 item 12: Thumbs.db and .DS_Store
in a copied photo folder appeared nowhere): found in a Git repository and in a plain folder,
a file so named that is not one said and counted as not checked, and deleted with the removal
staged by `--fix --unsafe-fixes` only when Git holds it in a commit."""

from __future__ import annotations

import json

import pytest

from tests.formats.test_folder_metadata_files import WHERE_FROMS, apple_double, ds_store, thumbs_db
from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo

FOLDER = "images/summer-fete"


def _copied_folder(root) -> dict[str, bytes]:
    """A photo folder copied from a Windows PC and a Mac, with what each left in it."""
    clean_photo(root / FOLDER / "IMG_0412.jpg")
    files = {"Thumbs.db": thumbs_db(14), ".DS_Store": ds_store(),
             "._IMG_0412.jpg": apple_double({"com.apple.metadata:kMDItemWhereFroms": WHERE_FROMS}),
             "desktop.ini": b"[.ShellClassInfo]\r\nIconResource=C:\\Windows\\system32\\imageres.dll,-113\r\n"}
    for name, data in files.items():
        (root / FOLDER / name).write_bytes(data)
    return {f"{FOLDER}/{name}": data for name, data in files.items()}


def _findings(cli, *extra: str) -> tuple[dict[str, set[str]], dict]:
    code, out, err = cli("check", "--no-cache", "--no-progress", "--output-format", "json", *extra)
    assert code in (0, 1) and "Traceback" not in err, err
    report = json.loads(out)
    by_path: dict[str, set[str]] = {}
    for finding in report["findings"]:
        by_path.setdefault(finding["path"], set()).add(finding["code"])
    return by_path, report


def test_every_folder_file_is_reported_in_a_git_repository_and_deleted_and_staged_under_unsafe_fixes(repo, cli):
    files = _copied_folder(repo)
    commit_all(repo, "photos from the fete")
    found, _ = _findings(cli)
    assert {path: codes for path, codes in found.items() if path in files} == {path: {"SL109"} for path in files}
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--select", "SL109")
    assert code == 1 and "holds 14 thumbnails" in out and "where it was downloaded from" in out
    assert "photos.example" not in out                                # never the attribute's value

    assert cli("check", "--fix", "--no-cache", "--no-progress")[0] in (0, 1)
    assert all((repo / path).exists() for path in files)               # a safe fix deletes nothing
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert code in (0, 1), (out, err)
    assert not any((repo / path).exists() for path in files) and (repo / FOLDER / "IMG_0412.jpg").is_file()
    assert sorted(git(repo, "status", "--porcelain").splitlines()) == sorted(f"D  {path}" for path in files)
    assert f"{FOLDER}/Thumbs.db was deleted: staged in Git" in err
    assert _findings(cli)[0] == {}


def test_an_uncommitted_folder_file_is_left_alone_with_a_message(repo, cli):
    clean_photo(repo / FOLDER / "IMG_0412.jpg")
    commit_all(repo, "photo")
    (repo / FOLDER / "Thumbs.db").write_bytes(thumbs_db(3))          # untracked, not ignored: Git lists it
    assert _findings(cli)[0] == {f"{FOLDER}/Thumbs.db": {"SL109"}}
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert (repo / FOLDER / "Thumbs.db").is_file()
    assert "not committed to Git" in out + err


def test_folder_files_are_found_in_a_plain_folder(tmp_path, cli, monkeypatch):
    site = tmp_path / "nursery-site"
    (site / "index.html").parent.mkdir(parents=True)
    (site / "index.html").write_text("<p>Summer fete</p>")
    files = _copied_folder(site)
    monkeypatch.chdir(site)
    found, _ = _findings(cli)
    assert {path: codes for path, codes in found.items() if path in files} == {path: {"SL109"} for path in files}


@pytest.mark.parametrize("name, data", [("Thumbs.db", b"\xef\xea\x06\xd7" * 512), (".DS_Store", b"x")])
def test_a_file_named_as_one_that_is_not_one_is_said_and_counted_as_not_checked(repo, cli, name, data):
    (repo / FOLDER).mkdir(parents=True)
    (repo / FOLDER / name).write_bytes(data)
    found, report = _findings(cli)
    assert found == {f"{FOLDER}/{name}": {"SL107", "SL109"}}
    (message,) = [finding["message"] for finding in report["findings"] if finding["code"] == "SL109"]
    assert message.startswith("named as a ") and "its content is not one" in message
    code, out, err = cli("check", "--no-cache", "--no-progress")
    assert "not checked: 1" in out + err


def test_a_photo_named_as_an_apple_double_file_is_checked_as_the_photo_it_is(repo, cli):
    from tests.kit.jpeg import phone_jpeg

    (repo / FOLDER).mkdir(parents=True)
    (repo / FOLDER / "._IMG_0412.jpg").write_bytes(phone_jpeg())
    found, report = _findings(cli)
    assert {"SL101", "SL109"} <= found[f"{FOLDER}/._IMG_0412.jpg"] and "SL107" not in found[f"{FOLDER}/._IMG_0412.jpg"]
    (finding,) = [finding for finding in report["findings"] if finding["code"] == "SL109"]
    assert "but it is a JPEG, checked as one" in finding["message"] and finding["fix"] is None
