"""`schoollint history`: findings in Git history, placed by commit, on real repositories."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.audit.sites import clean_jpeg, gps_jpeg, page, write
from tests.kit.git import commit_all, git


@pytest.fixture
def story(repo):
    """Photos committed, renamed, changed and deleted; a page that named a pupil, since fixed."""
    shas = {}
    write(repo, "images/gala.jpg", gps_jpeg(colour="teal"))
    write(repo, "images/team.jpg", gps_jpeg(colour="red"))
    write(repo, "news.html", page(("images/team.jpg", "Amelia Watson with the cup")))
    shas["first"] = commit_all(repo, "first", "2022-01-01T10:00:00+00:00")
    (repo / "images/team.jpg").rename(repo / "images/cup-winners.jpg")
    write(repo, "news.html", page(("images/cup-winners.jpg", "The cup winners")))
    shas["rename"] = commit_all(repo, "rename, and no name in the alt text", "2022-02-01T10:00:00+00:00")
    write(repo, "images/gala.jpg", clean_jpeg(colour="teal"))
    shas["clean"] = commit_all(repo, "metadata removed", "2022-03-01T10:00:00+00:00")
    (repo / "images/cup-winners.jpg").unlink()
    write(repo, "news.html", page())
    shas["delete"] = commit_all(repo, "photo taken down", "2022-04-01T10:00:00+00:00")
    return repo, shas


def history(cli, *args):
    code, out, err = cli("history", "--output-format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out)


def test_history_finds_what_head_no_longer_shows(story, cli):
    _repo, shas = story
    code, report = history(cli)
    assert code == 1
    where = {(f["path"], f["code"]): f for f in report["findings"]}
    gala = where[("images/gala.jpg", "SL101")]
    assert (gala["first_commit"], gala["last_commit"], gala["removed_in"]) == (shas["first"], shas["rename"],
                                                                                shas["clean"])
    team = where[("images/team.jpg", "SL101")]      # renamed: the old path ends at the rename
    assert (team["first_commit"], team["removed_in"]) == (shas["first"], shas["rename"])
    renamed = where[("images/cup-winners.jpg", "SL101")]
    assert (renamed["first_commit"], renamed["removed_in"]) == (shas["rename"], shas["delete"])
    assert renamed["blob"] == team["blob"], "one blob, checked once, reported under both paths"
    alt = where[("news.html", "SL302")]
    assert (alt["first_commit"], alt["removed_in"], alt["line"]) == (shas["first"], shas["rename"], 2)
    assert not any(f["still_at_head"] for f in report["findings"])
    assert report["commits"] == 4 and report["blobs_checked"] == 6 and report["not_checked"] == []
    assert "Amelia" not in json.dumps(report) and "value" not in alt


def test_text_report_places_each_finding_and_says_how_to_purge(story, cli):
    repo, shas = story
    code, out, _ = cli("history")
    assert code == 1
    line = next(line for line in out.splitlines() if line.startswith("images/gala.jpg") and "SL101" in line)
    assert line.startswith(f"images/gala.jpg @ {shas['first'][:10]}..{shas['rename'][:10]} "
                           f"(replaced in {shas['clean'][:10]}): SL101 location-metadata")
    gala_blob = git(repo, "rev-parse", f"{shas['first']}:images/gala.jpg").strip()
    assert gala_blob in out and "git filter-repo --strip-blobs-with-ids" in out
    assert "Every existing clone and fork still has these files" in out and "purge" in out
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "4", "history is never rewritten"


def test_still_at_head_and_since(story, cli):
    repo, _shas = story
    write(repo, "images/new.jpg", gps_jpeg(colour="blue"))
    head = commit_all(repo, "new photo", "2023-01-01T10:00:00+00:00")
    _, report = history(cli, "--since", "2022-12-01")
    assert {f["path"] for f in report["findings"]} == {"images/new.jpg"}
    [located] = [f for f in report["findings"] if f["code"] == "SL101"]
    assert located["still_at_head"] and located["last_commit"] == head and located["removed_in"] is None
    assert report["commits"] == 1


def test_lfs_pointer_without_its_object_is_not_checked_and_said(repo, cli):
    pointer = ("version https://git-lfs.github.com/spec/v1\n"
               f"oid sha256:{hashlib.sha256(b'photo').hexdigest()}\nsize 5\n")
    write(repo, "images/big.jpg", pointer)
    commit_all(repo, "lfs", "2022-01-01T10:00:00+00:00")
    code, report = history(cli)
    assert code == 1, "not checked is not clean"
    blob = git(repo, "rev-parse", "HEAD:images/big.jpg").strip()
    assert report["not_checked"] == [{"where": f"images/big.jpg @ {blob[:10]}",
                                      "why": "Git LFS pointer: LFS object not present here"}]


def test_lfs_pointer_with_its_object_present_is_checked(repo, cli):
    photo = gps_jpeg()
    oid = hashlib.sha256(photo).hexdigest()
    write(repo, "images/big.jpg", f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {len(photo)}\n")
    commit_all(repo, "lfs", "2022-01-01T10:00:00+00:00")
    write(repo, f".git/lfs/objects/{oid[:2]}/{oid[2:4]}/{oid}", photo)
    _, report = history(cli)
    assert report["not_checked"] == [] and "SL101" in {f["code"] for f in report["findings"]}


def test_shallow_clone_says_how_deep_it_looked(story, tmp_path, cli, monkeypatch):
    repo, shas = story
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "2", repo.as_uri(), str(clone))
    monkeypatch.chdir(clone)
    _code, out, _ = cli("history")
    assert f"shallow clone: only the 2 commits back to {shas['clean'][:10]} were looked at" in out
    assert "git fetch --unshallow" in out
    _, report = history(cli)
    assert report["shallow"] == {"boundary": [shas["clean"]]}
    # The shallow root shows gala.jpg's clean version only: its GPS version is not in this clone.
    assert not any(f["path"] == "images/gala.jpg" for f in report["findings"])


def test_partial_clone_reports_missing_blobs_without_fetching(story, tmp_path, cli, monkeypatch):
    repo, _shas = story
    git(repo, "config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "partial"
    git(tmp_path, "clone", "-q", "--filter=blob:none", "--no-checkout", repo.as_uri(), str(clone))
    before = git(clone, "count-objects", "-v").strip()
    monkeypatch.chdir(clone)
    code, report = history(cli)
    assert code == 1
    why = {entry["why"] for entry in report["not_checked"]}
    assert why == {"blob not present in this partial clone"}
    assert len(report["not_checked"]) == 7 and report["blobs_checked"] == 0  # 6 blobs, one under 2 paths
    assert git(clone, "count-objects", "-v").strip() == before, "nothing was fetched"


def test_outside_git_is_a_usage_error(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("history")
    assert code == 2 and "needs a Git repository" in err


def test_a_changed_work_tree_file_does_not_hide_the_committed_blob(repo, cli):
    write(repo, "images/gala.jpg", gps_jpeg())
    commit_all(repo, "gala", "2022-01-01T10:00:00+00:00")
    write(repo, "images/gala.jpg", clean_jpeg())        # cleaned on disk, not committed
    _, report = history(cli)
    [located] = [f for f in report["findings"] if f["code"] == "SL101"]
    assert located["still_at_head"] and report["blobs_checked"] == 1


def test_purge_list_holds_exactly_the_flagged_blobs(story, cli, tmp_path):
    repo, shas = story
    listing = tmp_path / "blobs.txt"
    code, out, _ = cli("history", "--purge-list", str(listing))
    flagged = {f["blob"] for f in history(cli)[1]["findings"]}
    assert listing.read_text().split() == sorted(flagged)
    assert git(repo, "rev-parse", f"{shas['first']}:images/gala.jpg").strip() in flagged
    assert f"git filter-repo --strip-blobs-with-ids {listing}" in out and "written by --purge-list" in out


def test_a_photo_only_on_another_branch_is_found_and_said_so(repo, cli):
    write(repo, "index.html", page())
    commit_all(repo, "site", "2022-01-01T10:00:00+00:00")
    git(repo, "checkout", "-q", "-b", "draft")
    write(repo, "images/draft.jpg", gps_jpeg())
    draft = commit_all(repo, "draft photo", "2022-02-01T10:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    code, out, _ = cli("history")
    assert code == 1
    assert f"images/draft.jpg @ {draft[:10]}..{draft[:10]} (not at HEAD: still in another ref): SL101" in out
    _, report = history(cli, "main")           # only the revisions given
    assert report["findings"] == []


def test_blobs_read_and_checked_in_worker_processes_give_what_one_process_gives(repo, cli, monkeypatch):
    """Blobs spread over worker processes, each reading its share through a git cat-file of its own:
    the same findings, placed on the same commits, as one process reading them all."""
    from schoollint import history_check, pool

    for number in range(16):
        write(repo, f"images/gone-{number:02d}.jpg", gps_jpeg(colour=(number * 15, 90, 200 - number * 10)))
        write(repo, f"images/kept-{number:02d}.jpg", gps_jpeg(colour=(200 - number * 10, number * 15, 90)))
    commit_all(repo, "photos", "2022-01-01T10:00:00+00:00")
    for number in range(16):
        (repo / f"images/gone-{number:02d}.jpg").unlink()
    commit_all(repo, "half taken down", "2022-02-01T10:00:00+00:00")
    _, alone = history(cli, "--jobs", "1")
    monkeypatch.setattr(history_check, "BLOBS_PER_JOB", 1)       # 32 jobs: enough for the pool
    started = []
    real = pool._pooled
    monkeypatch.setattr(pool, "_pooled", lambda *args, **kwargs: started.append(1) or real(*args, **kwargs))
    _, pooled = history(cli, "--jobs", "2")
    assert started, "the worker pool ran"
    assert sorted(json.dumps(f, sort_keys=True) for f in pooled["findings"]) == \
        sorted(json.dumps(f, sort_keys=True) for f in alone["findings"])
    assert pooled["blobs_checked"] == alone["blobs_checked"] == 32
    gone = {f["path"] for f in pooled["findings"] if f["code"] == "SL101" and not f["still_at_head"]}
    assert len(gone) == 16 and all(path.startswith("images/gone-") for path in gone)
