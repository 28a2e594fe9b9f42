"""`schoollint check` through its command line, on real files in real Git repositories."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PIL import Image

from tests.kit.git import git
from tests.kit.sites import make_png, make_png_header_only


def test_clean_site_exits_zero(repo, cli):
    make_png(repo / "images" / "hall.png")
    code, out, _ = cli("check")
    assert code == 0
    assert "no findings in 1 file checked" in out


def test_oversized_image_names_size_and_limit(repo, cli):
    make_png(repo / "images" / "wide.png", size=(2400, 300))
    code, out, _ = cli("check", "--no-cache")
    assert code == 1
    assert "images/wide.png" in out
    assert "SL201 oversized-image" in out
    assert "2400x300 pixels, larger than the 1600 px limit" in out
    assert "1 finding in 1 file (1 fixable with --fix)" in out


def test_exit_zero_and_fail_level(repo, cli):
    make_png(repo / "wide.png", size=(2400, 300))
    assert cli("check", "--exit-zero")[0] == 0
    assert cli("check", "--fail-level", "error")[0] == 0   # SL201 is a warning
    assert cli("check", "--fail-level", "warning")[0] == 1


@pytest.mark.parametrize("flags, expected", [
    (["--select", "SL102"], {"SL102"}),
    (["--select", "oversized-image"], {"SL201"}),
    (["--select", "SL2"], {"SL201"}),
    (["--ignore", "SL201"], {"SL102"}),
    (["--select", "SL201", "--extend-select", "identifying-metadata"], {"SL102", "SL201"}),
    (["--select", "SL1,SL2", "--ignore", "SL1"], {"SL201"}),
])
def test_rule_selection(repo, cli, flags, expected):
    make_png(repo / "wide.png", size=(2400, 300), text={"Comment": "sports day"})
    code, out, _ = cli("check", "--output-format", "json", *flags)
    assert {f["code"] for f in json.loads(out)["findings"]} == expected


def test_unknown_rule_is_a_usage_error(repo, cli):
    code, _, err = cli("check", "--select", "SL999")
    assert code == 2
    assert "unknown rule or prefix: 'SL999'" in err


def test_missing_path_is_an_error_not_a_pass(repo, cli):
    code, out, err = cli("check", "no-such-folder")
    assert code == 2
    assert "no-such-folder: no such file or folder" in err
    assert "Traceback" not in err


def test_paths_in_a_repository_and_outside_it_are_each_checked_from_their_own_root(repo, cli, tmp_path):
    """Changed on purpose (trial 6 item 3): was an error ("is outside the repository")."""
    make_png(repo / "here.png")
    outside = make_png(tmp_path / "elsewhere.png", size=(3000, 10))
    code, out, err = cli("check", "here.png", str(outside))
    assert code == 1, err
    assert "(Git repository) ==" in out and "(plain folder, its own files) ==" in out
    assert "elsewhere.png" in out and "SL201" in out


def test_another_repository_named_by_path_is_checked_from_its_own_root(repo, cli, tmp_path):
    other = tmp_path / "other-site"
    make_png(other / "img" / "wide.png", size=(3000, 10))
    git(other, "init", "-q")
    (other / ".schoollint.yml").write_text("SL201: {max-edge: 2000}\n")
    code, out, _ = cli("check", "--output-format", "json", str(other))
    [finding] = json.loads(out)["findings"]
    assert finding["path"] == "img/wide.png"
    assert "2000 px limit" in finding["message"]


@pytest.mark.parametrize("in_git", [True, False], ids=["parent-folder-in-git", "parent-folder-outside-git"])
def test_a_site_below_the_current_folder_is_checked_from_its_own_root(tmp_path, cli, monkeypatch, in_git):
    # An IT technician in the folder that holds several schools' sites: `schoollint check stmarys`.
    sites = tmp_path / "sites"
    site = sites / "stmarys"
    make_png(site / "img" / "wide.png", size=(3000, 10))
    (site / "index.html").write_text('<img src="/img/wide.png" alt="The hall">\n', encoding="utf-8")
    git(site, "init", "-q")
    (site / ".schoollint.yml").write_text("SL201: {max-edge: 2000}\n")
    if in_git:                       # the parent folder is a repository of its own too
        git(sites, "init", "-q")
    monkeypatch.chdir(sites)
    code, out, _ = cli("check", "--output-format", "json", "stmarys")
    findings = json.loads(out)["findings"]
    assert [(f["path"], f["code"]) for f in findings] == [("img/wide.png", "SL201")], findings
    assert "2000 px limit" in findings[0]["message"]      # the site's own configuration was read


def test_gitignore_is_respected_and_untracked_files_are_checked(repo, cli):
    (repo / ".gitignore").write_text("_site/\n")
    make_png(repo / "_site" / "built.png", size=(3000, 10))
    make_png(repo / "new.png", size=(3000, 10))   # untracked, not ignored
    make_png(repo / "old.png", size=(3000, 10))
    git(repo, "add", "old.png")
    code, out, _ = cli("check", "--output-format", "json")
    assert sorted(f["path"] for f in json.loads(out)["findings"]) == ["new.png", "old.png"]


def test_paths_are_relative_to_the_root_from_a_subfolder(repo, cli, monkeypatch):
    make_png(repo / "images" / "trips" / "wide.png", size=(3000, 10))
    make_png(repo / "other.png", size=(3000, 10))
    monkeypatch.chdir(repo / "images")
    code, out, _ = cli("check", "--output-format", "json", "trips")
    assert [f["path"] for f in json.loads(out)["findings"]] == ["images/trips/wide.png"]
    code, out, _ = cli("check", "--output-format", "json")
    assert [f["path"] for f in json.loads(out)["findings"]] == ["images/trips/wide.png"]


def test_outside_git_the_folder_is_walked(tmp_path, cli, monkeypatch):
    make_png(tmp_path / "plain" / "a" / "wide.png", size=(3000, 10))
    monkeypatch.chdir(tmp_path / "plain")
    code, out, _ = cli("check", "--output-format", "json")
    assert code == 1
    assert [f["path"] for f in json.loads(out)["findings"]] == ["a/wide.png"]


def test_symlink_out_of_the_repository_is_never_followed(repo, cli, tmp_path):
    secret = make_png(tmp_path / "private" / "pupil.png", size=(3000, 10))
    os.symlink(secret, repo / "link.png")
    os.symlink(tmp_path / "private", repo / "linkdir")
    code, out, err = cli("check", "--output-format", "json")
    assert json.loads(out)["findings"] == []
    assert "link.png: skipped, a symlink that points outside the repository" in err
    code, out, err = cli("check", "--fix")
    assert Image.open(secret).size == (3000, 10)


def test_non_utf8_file_name(repo, cli):
    name = os.fsdecode(b"caf\xe9-wide.png")
    make_png(repo / name, size=(3000, 10))
    code, out, err = cli("check", "--output-format", "json")
    assert code == 1
    assert "Traceback" not in err
    [finding] = json.loads(out)["findings"]
    assert finding["code"] == "SL201"
    code, out, _ = cli("check")
    assert "caf\\xe9-wide.png" in out


@pytest.mark.parametrize("content, expected", [
    (b"", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"<html>not an image</html>", "not a recognised image"),
])
def test_unreadable_media_is_reported_and_the_run_goes_on(repo, cli, content, expected):
    (repo / "bad.png").write_bytes(content)
    make_png(repo / "wide.png", size=(3000, 10))
    code, out, _ = cli("check", "--output-format", "json")
    findings = {f["path"]: f for f in json.loads(out)["findings"]}
    assert findings["bad.png"]["code"] == "SL105"
    assert expected in findings["bad.png"]["message"]
    assert findings["wide.png"]["code"] == "SL201"
    assert code == 1


def test_decompression_bomb_is_refused_from_its_header(repo, cli):
    make_png_header_only(repo / "bomb.png", 50_000, 50_000)
    code, out, _ = cli("check", "--output-format", "json")
    [finding] = json.loads(out)["findings"]
    assert finding["code"] == "SL105"
    assert "decompression-bomb limit" in finding["message"]


def test_python_dash_m_entry_point(repo):
    make_png(repo / "wide.png", size=(3000, 10))
    result = subprocess.run([sys.executable, "-m", "schoollint", "check", "--no-cache"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "SL201" in result.stdout


def test_worker_pool_gives_the_same_findings(repo, cli):
    for index in range(30):
        make_png(repo / f"photos/p{index:02}.png", size=(1700 + index, 20), text={"Comment": f"n{index}"})
    one = json.loads(cli("check", "--no-cache", "--jobs", "1", "--output-format", "json")[1])
    two = json.loads(cli("check", "--no-cache", "--jobs", "2", "--output-format", "json")[1])
    assert one["findings"] == two["findings"]
    assert len(one["findings"]) == 60


def test_cache_is_tagged_ignored_and_reused(repo, cli):
    make_png(repo / "wide.png", size=(3000, 10))
    first = cli("check", "--output-format", "json")[1]
    cache = repo / ".schoollint_cache"
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache / ".gitignore").read_text() == "*\n"
    stored = json.loads((cache / "results.json").read_bytes().partition(b"\n")[2])  # after the signature line
    assert stored["stat"]["wide.png"][2] and len(stored["results"]) == 1
    assert cli("check", "--output-format", "json")[1] == first
    # A changed file is checked again, not served from the cache.
    make_png(repo / "wide.png", size=(100, 10))
    assert json.loads(cli("check", "--output-format", "json")[1])["findings"] == []


def test_no_cache_writes_nothing(repo, cli):
    make_png(repo / "a.png")
    cli("check", "--no-cache")
    assert not (repo / ".schoollint_cache").exists()


def test_identical_files_keep_their_own_path_dependent_findings(repo, cli):
    """The cache is keyed by content and path: a clean copy never inherits a name in a file name."""
    make_png(repo / "zoe-smith.png")
    (repo / "a.png").write_bytes((repo / "zoe-smith.png").read_bytes())
    for _ in range(2):  # cold, then from the cache
        code, out, _ = cli("check", "--output-format", "json", "--select", "SL301")
        assert [f["path"] for f in json.loads(out)["findings"]] == ["zoe-smith.png"]


def test_a_symlinked_folder_out_of_the_repository_is_never_fixed(repo, cli, tmp_path):
    outside = make_png(tmp_path / "outside" / "big.png", size=(3000, 10))
    before = outside.read_bytes()
    os.symlink(tmp_path / "outside", repo / "linkdir")
    code, out, err = cli("check", "--fix", "linkdir/big.png")
    assert outside.read_bytes() == before
    assert "linkdir/big.png: skipped, a symlink that points outside the repository" in err


def test_jobs_must_be_positive(repo, cli):
    with pytest.raises(SystemExit) as stop:
        cli("check", "--jobs", "0")
    assert stop.value.code == 2


def test_the_worker_pool_also_works_where_workers_are_spawned(repo, cli, monkeypatch):
    """macOS and Windows start workers afresh and send them the analyser by pickling."""
    import multiprocessing

    real = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: real("spawn"))
    for index in range(30):
        make_png(repo / f"p{index:02}.png", size=(1700, 20))
    # --no-vision: without the vision extra installed, a run notes on stderr that SL401-SL403 were not checked.
    code, out, err = cli("check", "--no-cache", "--jobs", "2", "--output-format", "json", "--no-vision")
    assert err == "" and len(json.loads(out)["findings"]) == 30


def test_a_turned_photo_is_sized_as_shown_by_the_finding_and_the_diff_alike(repo, cli):
    """Trial item 19: a phone portrait stored 2400x1800 with EXIF orientation 6 is shown 1800x2400;
    the finding said 2400x1800 while --diff said 1800x2400 -> 1200x1600."""
    from tests.kit.images import encode, photo
    from tests.kit.metadata import tiff_exif

    (repo / "portrait.jpg").write_bytes(encode(photo((2400, 1800)), "JPEG",
                                               exif=b"Exif\0\0" + tiff_exif(orientation=6, gps=False)))
    code, out, _ = cli("check", "--no-cache", "--select", "SL201")
    assert "1800x2400 pixels, larger than the 1600 px limit" in out
    code, out, _ = cli("check", "--no-cache", "--select", "SL201", "--diff")
    assert "downscale 1800x2400 -> 1200x1600" in out
