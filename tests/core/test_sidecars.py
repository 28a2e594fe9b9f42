"""Issue 12 kind 8: sidecars beside photos (XMP, Google Takeout JSON) are read (SL101, SL102, SL104),
emptied by --fix, and deleted under --unsafe-fixes (SL108) with the removal staged in Git; through
the command line, in real Git repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.kit.git import commit_all, git
from tests.kit.metadata import person_xmp
from tests.kit.sites import clean_photo

NAME = "Amelia Watson"


def takeout(latitude: float = 51.5034, longitude: float = -0.1276) -> str:
    """A Google Takeout sidecar as Takeout writes one (members in its order)."""
    place = {"latitude": latitude, "longitude": longitude, "altitude": 12.0, "latitudeSpan": 0.0,
             "longitudeSpan": 0.0}
    return json.dumps({
        "title": "IMG_1234.jpg", "description": f"{NAME} wins the relay", "imageViews": "3",
        "creationTime": {"timestamp": "1560000000", "formatted": "8 Jun 2019, 13:20:00 UTC"},
        "photoTakenTime": {"timestamp": "1559990000", "formatted": "8 Jun 2019, 10:33:20 UTC"},
        "geoData": place, "geoDataExif": place, "people": [{"name": NAME}],
        "url": "https://photos.google.com/photo/AF1QipExample",
        "googlePhotosOrigin": {"mobileUpload": {"deviceType": "ANDROID_PHONE"}},
    }, indent=2)


def report(cli, *extra: str) -> dict:
    code, out, err = cli("check", "--no-cache", "--no-progress", "--output-format", "json", *extra)
    assert code in (0, 1), err
    assert "Traceback" not in err
    return json.loads(out)


def codes(found: dict) -> dict[str, set[str]]:
    by_path: dict[str, set[str]] = {}
    for finding in found["findings"]:
        by_path.setdefault(finding["path"], set()).add(finding["code"])
    return by_path


@pytest.mark.parametrize("name", ["photos/IMG_1234.jpg.json", "photos/IMG_1234.json",
                                  "photos/IMG_1234.jpg.supplemental-metadata.json"])
def test_a_takeout_sidecar_is_read_emptied_by_fix_and_deleted_and_staged_under_unsafe_fixes(repo, cli, name):
    clean_photo(repo / "photos" / "IMG_1234.jpg")
    (repo / name).write_text(takeout(), encoding="utf-8")
    commit_all(repo, "photos from Takeout")

    found = report(cli)
    assert codes(found) == {name: {"SL101", "SL102", "SL104", "SL108"}}
    code, out, err = cli("check", "--no-cache", "--no-progress")
    assert NAME not in out + err and "51.5" not in out + err      # values only with --show-values
    assert "Google Takeout geoData" in out and "Google Takeout people" in out

    fixed = report(cli, "--fix")
    assert codes(fixed) == {name: {"SL108"}} and fixed["errors"] == []
    left = json.loads((repo / name).read_text(encoding="utf-8"))
    assert NAME not in json.dumps(left) and left["geoData"]["latitude"] == 0.0 and "people" not in left

    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert code in (0, 1), (out, err)
    assert not (repo / name).exists() and (repo / "photos" / "IMG_1234.jpg").is_file()
    assert git(repo, "status", "--porcelain").splitlines() == [f"D  {name}"]
    assert f"{name} was deleted: staged in Git" in err
    assert report(cli)["findings"] == []


def test_an_xmp_sidecar_is_deleted_under_unsafe_fixes_and_the_removal_staged(repo, cli):
    clean_photo(repo / "img" / "relay.jpg")
    (repo / "img" / "relay.jpg.xmp").write_bytes(person_xmp(NAME))
    commit_all(repo, "site")
    assert codes(report(cli)) == {"img/relay.jpg.xmp": {"SL102", "SL104", "SL108"}}
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert not (repo / "img" / "relay.jpg.xmp").exists()
    assert git(repo, "status", "--porcelain").splitlines() == ["D  img/relay.jpg.xmp"]


def test_a_sidecar_git_does_not_hold_is_never_deleted(repo, cli):
    clean_photo(repo / "IMG_1234.jpg")
    commit_all(repo, "photo")
    (repo / "IMG_1234.jpg.json").write_text(takeout(), encoding="utf-8")      # not committed
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert (repo / "IMG_1234.jpg.json").is_file()          # the refused delete changes nothing of its own,
    assert "not committed to Git, so deleting it would lose it" in out + err
    assert NAME not in (repo / "IMG_1234.jpg.json").read_text(encoding="utf-8")    # the safe strip still stands


def test_json_that_is_no_takeout_sidecar_and_a_sidecar_without_a_position_give_no_false_alarm(repo, cli):
    (repo / "site.json").write_text(json.dumps({"title": "Our school", "people": [{"name": NAME}]}),
                                    encoding="utf-8")
    (repo / "IMG_9.jpg.json").write_text(json.dumps({"title": "", "description": "", "imageViews": "0",
                                                     "geoData": {"latitude": 0.0, "longitude": 0.0}}),
                                         encoding="utf-8")
    assert codes(report(cli)) == {"IMG_9.jpg.json": {"SL108"}}


def test_a_broken_takeout_sidecar_is_reported_unreadable_naming_the_file(repo, cli):
    (repo / "IMG_1.jpg.json").write_text(takeout()[:200], encoding="utf-8")      # cut short
    found = report(cli)
    assert codes(found) == {"IMG_1.jpg.json": {"SL105"}}
    assert "not well-formed JSON" in found["findings"][0]["message"]


def test_a_stopped_run_that_was_deleting_a_sidecar_is_finished_by_the_next_run(repo, cli):
    from schoollint.cache import cache_folder

    clean_photo(repo / "a.jpg")
    (repo / "a.jpg.xmp").write_bytes(person_xmp(NAME))
    commit_all(repo, "site")
    journal = {"version": 1, "renames": [], "writes": [], "deletes": ["a.jpg.xmp"]}   # as carry_out writes it
    folder: Path = cache_folder(repo, create=True)
    (folder / "journal.json").write_text(json.dumps(journal), encoding="utf-8")
    code, out, err = cli("check", "--fix", "--no-cache", "--no-progress")
    assert "finished a fix an earlier run was stopped in" in err and "deleted a.jpg.xmp" in err
    assert not (repo / "a.jpg.xmp").exists() and (repo / "a.jpg").is_file()


def test_a_sidecar_named_after_a_person_is_deleted_not_renamed(repo, cli):
    (repo / "amelia-watson.xmp").write_bytes(person_xmp(NAME))
    commit_all(repo, "site")
    assert codes(report(cli)) == {"amelia-watson.xmp": {"SL102", "SL104", "SL108", "SL301"}}
    cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert list(repo.glob("*.xmp")) == []
    assert git(repo, "status", "--porcelain").splitlines() == ["D  amelia-watson.xmp"]
