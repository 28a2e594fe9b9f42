"""`schoollint history` on what a new user's trial found (trial 4, items 5, 6, 7, 16): symlinks and
submodules in the tree, old pages judged against their own commit, dates and revisions it cannot
read, and output that says what `check` says. Real repositories, through the command line."""

from __future__ import annotations

import json
import os

import pytest

from tests.audit.sites import clean_jpeg, gps_jpeg, page, write
from tests.kit.git import commit_all, git

SYMLINK_NOTE = "skipped, a symlink"


def history(cli, *args):
    code, out, err = cli("history", "--output-format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out), err


def test_symlinks_are_never_read_as_the_file_they_point_to(repo, tmp_path, cli):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "banner.jpg").write_bytes(gps_jpeg(colour="red"))       # GPS: must not be reported
    write(repo, "images/kept.jpg", gps_jpeg(colour="blue"))
    write(repo, "images/plain.jpg", clean_jpeg())
    os.symlink(outside / "banner.jpg", repo / "images/outside.jpg")
    os.symlink("../../elsewhere/banner.jpg", repo / "images/relative.jpg")
    os.symlink("/dev/zero", repo / "zero.jpg")
    os.symlink("kept.jpg", repo / "images/inside.jpg")             # within the repository
    os.symlink("/etc/passwd", repo / "passwd.html")
    commit_all(repo, "links", "2022-01-01T10:00:00+00:00")
    assert "120000" in git(repo, "ls-files", "-s", "images/outside.jpg")
    (repo / "images/relative.jpg").unlink()                         # a removed link: its old blob too
    commit_all(repo, "one link gone", "2022-02-01T10:00:00+00:00")

    code, report, err = history(cli)
    assert code == 1
    by_path: dict[str, set[str]] = {}
    for finding in report["findings"]:
        by_path.setdefault(finding["path"], set()).add(finding["code"])
    assert by_path == {"images/kept.jpg": {"SL101", "SL102"}}, "only the real file; no link read as its target"
    assert report["not_checked"] == [] and report["not_judged_in_full"] == []
    for link in ("images/outside.jpg", "images/relative.jpg", "zero.jpg", "images/inside.jpg", "passwd.html"):
        assert f"{link}: {SYMLINK_NOTE}" in err
    _, out, _ = cli("history")
    assert "0. fix the 1 still at HEAD first" in out, "the links check skips are not counted"
    _, _, check_err = cli("check")
    assert "images/outside.jpg: skipped, a symlink that points outside the repository" in check_err


def test_a_submodule_entry_is_not_read_as_a_file(repo, cli):
    write(repo, "index.html", page())
    commit_all(repo, "site", "2022-01-01T10:00:00+00:00")
    head = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{head},gallery/photos.jpg")
    git(repo, "commit", "-q", "-m", "gallery as a submodule")
    assert "160000" in git(repo, "ls-tree", "-r", "HEAD", "gallery")
    _, report, err = history(cli)
    assert report["findings"] == [] and report["not_checked"] == [] and report["not_judged_in_full"] == []
    assert "gallery/photos.jpg: skipped, a submodule" in err


def test_an_old_page_is_judged_against_the_files_of_its_own_commit(repo, cli):
    """The trial's case: a page and its photo added together, then both changed in one commit;
    and the other way round, a photo a page named that only came later."""
    write(repo, "index.html", page(("images/sports-day.jpg", "Sports day")))
    write(repo, "images/sports-day.jpg", clean_jpeg())
    write(repo, "news.html", page(("images/later.jpg", "Later")))
    added = commit_all(repo, "page and photo", "2022-01-01T10:00:00+00:00")
    (repo / "images/sports-day.jpg").unlink()
    write(repo, "index.html", page())
    write(repo, "images/later.jpg", clean_jpeg(colour="teal"))
    write(repo, "news.html", page(("images/later.jpg", "Later on")))
    commit_all(repo, "photo taken down; the later photo added", "2022-02-01T10:00:00+00:00")

    code, report, _ = history(cli)
    broken = [(f["path"], f["first_commit"]) for f in report["findings"] if f["code"] == "SL304"]
    assert broken == [("news.html", added)], "the photo was there for index.html, not yet for news.html"
    _, check_out, _ = cli("check")
    assert "SL304" not in check_out


def test_a_date_or_revision_it_cannot_read_is_a_usage_error(repo, cli, tmp_path):
    write(repo, "images/a.jpg", gps_jpeg())
    commit_all(repo, "photo", "2022-01-01T10:00:00+00:00")
    code, out, err = cli("history", "--since", "garbage")
    assert code == 2 and out == ""
    [line] = [line for line in err.splitlines() if "error" in line]
    assert "'garbage' is not a date" in line and "YYYY-MM-DD" in line and "days ago" in line
    for since, commits in (("2021-12-01", 1), ("2021-12-01T09:00+00:00", 1), ("2 weeks ago", 0), ("3.years.ago", 0)):
        code, report, _ = history(cli, "--since", since)
        assert report["commits"] == commits, since
    code, _, err = cli("history", "no-such-branch")
    assert code == 2 and "no-such-branch" in err
    written = tmp_path / "written.txt"
    code, _, err = cli("history", "--", f"--output={written}")
    assert code == 2 and "is not a commit" in err and not written.exists()
    code, _, err = cli("history", "HEAD:images/a.jpg")           # a blob: git log would list nothing
    assert code == 2 and "'HEAD:images/a.jpg' is not a commit" in err
    code, _, err = cli("history", "--since", "2099-01-01")
    assert code == 0 and "no commit matched" in err


def test_output_says_what_check_says(repo, cli):
    write(repo, "weird\nname.jpg", gps_jpeg())
    write(repo, "images/empty.jpg", b"")
    commit_all(repo, "odd files", "2022-01-01T10:00:00+00:00")
    code, out, _ = cli("history")
    assert code == 1
    assert not any(line.startswith("name.jpg") for line in out.splitlines()), "no raw newline in a path"
    assert "weird\\nname.jpg @ " in out
    _, check_out, _ = cli("check")
    assert "weird\\nname.jpg" in check_out
    summary = next(line for line in out.splitlines() if " not checked; " in line)
    assert "1 not checked" in summary and "1 commit and 2 blobs checked" in summary, summary
    _, report, _ = history(cli)
    empty = git(repo, "rev-parse", "HEAD:images/empty.jpg")[:10]
    assert report["not_judged_in_full"] == [f"images/empty.jpg @ {empty}"]
    assert {f["path"] for f in report["findings"]} >= {"weird\\nname.jpg", "images/empty.jpg"}


def test_a_commit_tree_answers_what_page_readers_ask_of_files(repo):
    """gittree.TreeRoot, what old page versions are judged against: the commit's files, not the work tree's."""
    from schoollint.gittree import Trees, TreeRoot

    write(repo, "site.css", "img { width: 100px }")
    write(repo, "images/a.jpg", clean_jpeg())
    os.symlink("/etc/passwd", repo / "link.css")
    first = commit_all(repo, "first", "2022-01-01T10:00:00+00:00")
    (repo / "images/a.jpg").unlink()
    write(repo, "images/b.jpg", clean_jpeg(colour="teal"))
    commit_all(repo, "second", "2022-02-01T10:00:00+00:00")
    with Trees(repo, read_blobs=True) as trees:
        then, now = TreeRoot(trees, first), TreeRoot(trees, "HEAD")
        assert (then / "images/a.jpg").is_file() and not (now / "images/a.jpg").is_file()
        assert (now / "images/b.jpg").is_file() and not (then / "images/b.jpg").is_file()
        assert not (then / "images").is_file() and (then / "images").exists()
        assert (then / "site.css").read_text() == "img { width: 100px }"
        assert (then / "site.css").stat().st_size == 20
        assert (then / "link.css").is_symlink()
        for unread in ("link.css", "nothing.css", "../site.css"):   # a link's target is never opened
            with pytest.raises(OSError):
                (then / unread).read_bytes()
    with Trees(repo, read_blobs=False) as trees:          # a partial clone: no blob is asked for
        assert (TreeRoot(trees, first) / "site.css").is_file()
        with pytest.raises(OSError):
            (TreeRoot(trees, first) / "site.css").read_bytes()


def test_inline_suppressions_and_per_path_ignores_hold_as_in_check(repo, cli):
    write(repo, ".schoollint.yml", 'per-path:\n  "staff/**":\n    ignore:\n      - rule: SL101\n'
                                   "        reason: staff photos are taken at school\n")
    write(repo, "staff/head.jpg", gps_jpeg())
    write(repo, "images/gala.jpg", clean_jpeg())
    write(repo, "index.html", page(("images/gala.jpg", "Amelia Watson")).replace(
        "<figure>", "<!-- schoollint: ignore SL302 -->\n<figure>"))
    commit_all(repo, "site", "2022-01-01T10:00:00+00:00")
    _, check_out, _ = cli("check")
    assert "SL302" not in check_out and "SL101" not in check_out
    _, report, err = history(cli)
    codes = {(f["path"], f["code"]) for f in report["findings"]}
    assert ("index.html", "SL302") not in codes and ("staff/head.jpg", "SL101") not in codes
    assert ("staff/head.jpg", "SL102") in codes, "only what is ignored is held back"
    assert "2 findings held back by inline `schoollint: ignore` comments and per-path ignores" in err
    assert not any(code == "SL001" for _path, code in codes)


def test_a_page_whose_only_finding_is_a_broken_link_is_not_offered_for_purging(repo, cli, tmp_path):
    """F4's note: history listed every page with a finding for `git filter-repo`, a page whose only
    finding was a broken link too; rewriting history is for what a file holds or shows."""
    write(repo, "index.html", page(("images/missing.jpg", "The gala"),))
    write(repo, "images/gala.jpg", gps_jpeg())
    commit_all(repo, "site", "2022-01-01T10:00:00+00:00")
    listing = tmp_path / "blobs.txt"
    cli("history", "--purge-list", str(listing))
    _, report, _ = history(cli)
    codes = {(f["path"], f["code"]) for f in report["findings"]}
    assert {code for path, code in codes if path == "index.html"} == {"SL304"}
    assert ("images/gala.jpg", "SL101") in codes
    assert listing.read_text().split() == [git(repo, "rev-parse", "HEAD:images/gala.jpg").strip()]
