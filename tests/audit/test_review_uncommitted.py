"""Trial 5: `audit --record-review` recorded HEAD's commit while the audit covered files changed
since it, so the log claimed a review of a commit nobody reviewed. The entry now says how many of
the reviewed files differed from that commit, and the run says so. Real Git repositories."""

from __future__ import annotations

import yaml

from tests.audit.sites import clean_jpeg, page, write
from tests.kit.git import commit_all, git


def _entries(repo):
    return yaml.safe_load((repo / ".schoollint-review.yml").read_text(encoding="utf-8"))["reviews"]


def test_a_review_of_uncommitted_files_says_so(repo, cli, tmp_path):
    write(repo, "images/a.jpg", clean_jpeg())
    write(repo, "index.html", page(("images/a.jpg", "Sports")))
    commit_all(repo, "site", "2024-01-01T10:00:00+00:00")
    head = git(repo, "rev-parse", "HEAD").strip()
    write(repo, "images/b.jpg", clean_jpeg())                        # not yet in Git
    write(repo, "index.html", page(("images/a.jpg", "Sports"), ("images/b.jpg", "Relay")))   # changed since
    code, _, err = cli("audit", "--no-thumbnails", "--record-review", "JS", "-o", str(tmp_path / "a.html"))
    assert code == 0, err
    [entry] = _entries(repo)
    assert entry["commit"] == head and entry["uncommitted"] == 2
    assert f"2 files the audit covered differ from the last commit ({head[:12]})" in err


def test_a_review_of_a_clean_work_tree_records_only_the_commit(repo, cli, tmp_path):
    write(repo, "images/a.jpg", clean_jpeg())
    write(repo, "index.html", page(("images/a.jpg", "Sports")))
    write(repo, ".gitignore", "drafts/\n")
    commit_all(repo, "site", "2024-01-01T10:00:00+00:00")
    write(repo, "drafts/b.jpg", clean_jpeg())          # ignored by Git: not the site, not audited
    code, _, err = cli("audit", "--no-thumbnails", "--record-review", "JS", "-o", str(tmp_path / "a.html"))
    assert code == 0, err
    [entry] = _entries(repo)
    assert "uncommitted" not in entry and "differ from the last commit" not in err
    code, _, err = cli("audit", "--no-thumbnails", "--record-review", "AB", "-o", str(tmp_path / "a.html"))
    assert code == 0 and "differ" not in err, "the review log itself is no reviewed file"
