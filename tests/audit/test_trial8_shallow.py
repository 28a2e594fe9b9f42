"""Trial 8 item 6: a shallow clone (`git clone --depth 1`) has no history before the commit it stops
at, so a photo first committed there has no known first-published date: the audit says so and SL604
does not judge it, never presenting the clone's date as when the photo was first published."""

from __future__ import annotations

import json
from pathlib import Path

from tests.audit.sites import clean_jpeg, page, write
from tests.kit.git import commit_all, git


def _shallow_clone(repo: Path, tmp_path: Path, monkeypatch) -> Path:
    """`repo` with a photo on a page first committed in 2020, then a later commit; cloned `--depth 1`."""
    write(repo, "images/sports-2019.jpg", clean_jpeg())
    write(repo, "index.html", page(("images/sports-2019.jpg", "Sports day")))
    commit_all(repo, "sports day", "2020-01-01T10:00:00+00:00")
    write(repo, "news.html", "<p>News</p>")
    commit_all(repo, "news", "2026-01-05T10:00:00+00:00")
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    monkeypatch.chdir(clone)
    return clone


def test_a_shallow_clone_never_dates_a_photo_by_its_cut(repo, tmp_path, monkeypatch, cli):
    code, out, err = cli("audit", "--format", "json")
    assert code == 0, err
    _shallow_clone(repo, tmp_path, monkeypatch)
    code, out, err = cli("audit", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    card = {p["path"]: p for p in report["photos"]}["images/sports-2019.jpg"]
    assert card["first_published"] is None and card["date_source"] == "shallow"
    assert not [f for f in card["findings"] if f["code"] == "SL604"]
    said = [note for note in report["not_judged"] if note.startswith("shallow clone")]
    assert len(said) == 1 and "git fetch --unshallow" in said[0] and "SL604" in said[0]
    assert "1 photo shown on pages" in said[0] and "shallow clone" in err


def test_the_full_history_still_dates_and_judges_it(repo, cli):
    write(repo, "images/sports-2019.jpg", clean_jpeg())
    write(repo, "index.html", page(("images/sports-2019.jpg", "Sports day")))
    commit_all(repo, "sports day", "2020-01-01T10:00:00+00:00")
    code, out, err = cli("audit", "--format", "json")
    report = json.loads(out)
    card = {p["path"]: p for p in report["photos"]}["images/sports-2019.jpg"]
    assert card["first_published"] == "2020-01-01" and card["date_source"] == "git"
    assert [f["code"] for f in card["findings"]].count("SL604") == 1
    assert "shallow clone" not in err


def test_a_photo_added_after_the_cut_keeps_its_date(repo, tmp_path, monkeypatch, cli):
    clone = _shallow_clone(repo, tmp_path, monkeypatch)
    write(clone, "images/new.jpg", clean_jpeg(colour="red"))
    write(clone, "news.html", page(("images/new.jpg", "New")))
    commit_all(clone, "a new photo", "2026-02-01T10:00:00+00:00")
    code, out, err = cli("audit", "--format", "json", "-o", str(tmp_path / "a.json"))
    report = json.loads((tmp_path / "a.json").read_text())
    cards = {p["path"]: p for p in report["photos"]}
    assert cards["images/new.jpg"]["first_published"] == "2026-02-01"
    assert cards["images/sports-2019.jpg"]["date_source"] == "shallow"


def test_the_html_card_says_the_date_is_unknown(repo, tmp_path, monkeypatch, cli):
    _shallow_clone(repo, tmp_path, monkeypatch)
    code, out, err = cli("audit", "-o", str(tmp_path / "a.html"))
    html = (tmp_path / "a.html").read_text()
    assert "history is cut short" in html and "not committed yet" not in html and "2026-" not in html.split(
        "First published")[1].split("</dl>")[0]
