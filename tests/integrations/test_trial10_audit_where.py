"""Trial 10 item 10e: `schoollint audit --format json` gave a finding's `where` as "line 1: ", text output's
label with its dangling colon; the JSON now says "line 1" (the page adds the colon where it writes the
message after it). Through the command line, a real page and photo in a real Git repository.
"""

from __future__ import annotations

import json

from tests.audit.sites import clean_jpeg, page, write
from tests.kit.git import commit_all


def test_json_where_is_a_label_without_a_dangling_colon(repo, cli, tmp_path):
    write(repo, "images/relay.jpg", clean_jpeg())
    write(repo, "news.html", page(("images/relay.jpg", "Amelia Watson running")))
    commit_all(repo, "news")
    code, out, err = cli("audit", "--no-vision", "--format", "json")
    assert code == 0, err
    audit = json.loads(out)
    on_card = [f for photo in audit["photos"] for f in photo["findings"] if f["code"] == "SL302"]
    on_page = [f for other in audit["other_files"] for f in other["findings"] if f["code"] == "SL302"]
    assert on_card and on_page
    assert {f["where"] for f in on_card + on_page} == {"line 2"}
    html = tmp_path / "audit.html"
    assert cli("audit", "--no-vision", "-o", str(html))[0] == 0
    text = html.read_text(encoding="utf-8")
    assert "on news.html line 2: <strong>" in text           # the photo's card
    assert "</span> line 2: <strong>" in text                # the page's own list
