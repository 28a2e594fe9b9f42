"""Review dates: SL604 stale-pupil-photo, SL605 review-overdue and the review log, with real commit dates."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from schoollint.review import months_before
from tests.audit.sites import clean_jpeg, page, write
from tests.kit.git import commit_all


def codes_of(cli, *args) -> dict[str, list[dict]]:
    code, out, err = cli("audit", "--format", "json", "--no-thumbnails", *args)
    assert code == 0, err
    report = json.loads(out)
    found: dict[str, list[dict]] = {}
    for card in report["photos"]:
        for finding in card["findings"]:
            found.setdefault(finding["code"], []).append({**finding, "card": card})
    for finding in report["run_findings"]:
        found.setdefault(finding["code"], []).append(finding)
    return found


def days_ago(days: int) -> str:
    return (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)).isoformat(timespec="seconds")


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert months_before(dt.date(2025, 1, 15), 24) == dt.date(2023, 1, 15)
    assert months_before(dt.date(2025, 1, 15), 13) == dt.date(2023, 12, 15)


def test_stale_photo_by_first_published_date_following_renames(repo, cli):
    write(repo, "images/old.jpg", clean_jpeg())
    write(repo, "index.html", page(("images/old.jpg", "x")))
    commit_all(repo, "old photo", days_ago(800))          # about 26 months ago
    (repo / "images/old.jpg").rename(repo / "images/renamed.jpg")
    write(repo, "images/new.jpg", clean_jpeg(colour="red"))
    write(repo, "index.html", page(("images/renamed.jpg", "x"), ("images/new.jpg", "y")))
    commit_all(repo, "renamed, and a new photo shown", days_ago(10))
    [stale] = codes_of(cli)["SL604"]
    assert stale["card"]["path"] == "images/renamed.jpg"
    published = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=800)).date()
    assert stale["card"]["first_published"] == published.isoformat()
    assert "more than 24 months ago" in stale["message"]
    (repo / ".schoollint.yml").write_text("SL604: {max-age: 36}\n")
    assert "SL604" not in codes_of(cli)


def test_per_path_ignore_and_not_shown_photos_are_not_stale(repo, cli):
    write(repo, "images/brand/logo.jpg", clean_jpeg())
    write(repo, "images/unused.jpg", clean_jpeg())
    write(repo, "index.html", page(("images/brand/logo.jpg", "logo")))
    write(repo, ".schoollint.yml", 'per-path:\n  "images/brand/**":\n    ignore:\n'
                                   '      - {rule: SL604, reason: the school logo shows no pupil}\n')
    commit_all(repo, "logo", days_ago(1500))
    assert "SL604" not in codes_of(cli)


def test_front_matter_date_when_git_has_no_history(repo, cli):
    write(repo, "images/fete.jpg", clean_jpeg())
    write(repo, "news/fete.md", "---\ntitle: Fete\ndate: 2019-05-01\n---\n\n![The fete](/images/fete.jpg)\n")
    [stale] = codes_of(cli)["SL604"]
    assert stale["card"]["first_published"] == "2019-05-01" and stale["card"]["date_source"] == "page"


def test_review_overdue_only_once_configured(repo, cli):
    write(repo, "images/a.jpg", clean_jpeg())
    commit_all(repo, "a", days_ago(5))
    assert "SL605" not in codes_of(cli)
    write(repo, ".schoollint.yml", "review-overdue: {review-every: 12}\n")
    write(repo, ".schoollint-review.yml", "reviews:\n- date: 2020-01-02\n  reviewer: AB\n  commit: null\n")
    [overdue] = codes_of(cli)["SL605"]
    assert "every 12 months; the last was on 2020-01-02" in overdue["message"]
    last_month = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=31)).date().isoformat()
    with (repo / ".schoollint-review.yml").open("a") as log:
        log.write(f"- date: {last_month}\n  reviewer: CD\n  commit: null\n")
    assert "SL605" not in codes_of(cli)


@pytest.mark.parametrize("text", ["reviews: [", "reviews:\n- who: AB\n", "reviews:\n- date: last tuesday\n"])
def test_a_broken_review_log_is_one_clear_error(repo, cli, text):
    write(repo, ".schoollint-review.yml", text)
    code, _, err = cli("audit", "--format", "json")
    assert code == 2 and err.startswith("schoollint: error: .schoollint-review.yml:") and "Traceback" not in err


def test_check_over_the_whole_site_reminds_ci_of_an_overdue_review(repo, cli):
    write(repo, "images/a.jpg", clean_jpeg())
    write(repo, ".schoollint.yml", "SL605: {review-every: 6}\n")
    commit_all(repo, "a", days_ago(5))
    code, out, _ = cli("check", "--output-format", "json")
    [overdue] = json.loads(out)["findings"]
    assert code == 1 and overdue["code"] == "SL605" and overdue["path"] == ".schoollint-review.yml"
    assert overdue["severity"] == "warning" and "none is recorded" in overdue["message"]
    assert [f["code"] for f in json.loads(cli("check", "--output-format", "json", ".")[1])["findings"]] == ["SL605"]
    code, out, _ = cli("check", "--output-format", "json", "images/a.jpg")  # some files: not the site
    assert code == 0 and json.loads(out)["findings"] == []
    assert json.loads(cli("check", "--output-format", "json", "--diff-base", "HEAD")[1])["findings"] == []
    assert cli("audit", "--record-review", "AB", "-o", str(repo.parent / "audit.html"))[0] == 0
    assert cli("check")[0] == 0
