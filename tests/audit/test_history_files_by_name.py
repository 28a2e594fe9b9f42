"""`schoollint history` judges every file version `check` judges by its name: folder files the
operating system writes (SL109: a Thumbs.db keeps thumbnails of photos deleted since, so an old
commit that held one is what a purge is for) and formats schoollint does not read (SL107), not only
pictures, videos, documents and pages. On real Git repositories, through the command line."""

from __future__ import annotations

import json

from tests.formats.test_folder_metadata_files import ds_store, thumbs_db
from tests.kit.git import commit_all, git
from tests.kit.school_site import html_page


def history(cli) -> list[tuple[str, str, bool]]:
    code, out, err = cli("history", "--output-format", "json")
    assert code == 1 and "Traceback" not in err, err
    return sorted((f["path"], f["code"], f["still_at_head"]) for f in json.loads(out)["findings"])


def test_folder_files_and_unread_formats_removed_since_are_found_in_history(repo, cli):
    (repo / "index.html").write_text(html_page("<p>Welcome</p>"))
    (repo / "images").mkdir()
    (repo / "images" / "Thumbs.db").write_bytes(thumbs_db(6))
    (repo / "images" / ".DS_Store").write_bytes(ds_store())
    (repo / "images" / "sports-day.psd").write_bytes(b"8BPS\x00\x01" + bytes(20))
    commit_all(repo, "photos from the shared drive")
    git(repo, "rm", "-q", "images/Thumbs.db", "images/.DS_Store", "images/sports-day.psd")
    commit_all(repo, "tidy")

    assert history(cli) == [("images/.DS_Store", "SL109", False), ("images/Thumbs.db", "SL109", False),
                            ("images/sports-day.psd", "SL107", False)]


def test_history_checks_what_check_checks_at_head(repo, cli):
    (repo / "index.html").write_text(html_page("<p>Welcome</p>"))
    (repo / "Thumbs.db").write_bytes(thumbs_db(2))
    commit_all(repo, "site")

    code, out, _ = cli("check", "--output-format", "json")
    checked = sorted((f["path"], f["code"]) for f in json.loads(out)["findings"])
    assert [(path, code) for path, code, at_head in history(cli)] == checked == [("Thumbs.db", "SL109")]
