"""SL002 for a data file or front matter that does not parse says the file's own line and what is
wrong in plain words, never the parser's internals (`in "<unicode string>", line 1, column 4`)
(trial 5, problem 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.kit.git import commit_all


@pytest.mark.parametrize("relpath, text, said", [
    ("_data/prizes.yml", "- award: Spelling\n  name: Zainab: winner\n",
     "not valid YAML, line 2: a second ': ' on one line; put a value holding ': ' in quotes (column 15)"),
    ("_data/prizes.yml", "- award: Spelling\n  photos: [/img/a.jpg, /img/b.jpg\n- award: Maths\n",
     "not valid YAML, line 2: the list opened with '[' here is not closed with ']'"),
    ("_posts/2025-01-01-prizes.md", "---\ntitle: Prize day\ndate: 2025-01-01\nsummary: Winners: all\n---\nHi\n",
     "front matter: not valid YAML, line 4: a second ': ' on one line; put a value holding ': ' in quotes (column 17)"),
    ("_data/gallery.json", '{"photos": [\n  {"src": "/img/a.jpg"},,\n  {"src": "/img/b.jpg"}\n]}\n',
     "not valid JSON, line 2, column 25: a value is missing (a comma too many, or text without double quotes)"),
    ("_data/gallery.json", '{"photos": [\n  {"src": "/img/a.jpg"}\n  {"src": "/img/b.jpg"}\n]}\n',
     "not valid JSON, line 3, column 3: a comma is missing between two items"),
    ("data/staff.toml", '[[staff]]\nname = "Head"\nphoto = /img/head.jpg\n',
     "not valid TOML, line 3, column 9: invalid value"),
    ("site.webmanifest", '{"name": "School",\n "icons": [ {"src": "/a.png",} ]}\n',
     "not a JSON web app manifest (not valid JSON, line 2, column 30: a key is not in double quotes, or there is "
     "a comma too many before '}'); not checked"),
], ids=["yaml-colon", "yaml-open-list", "front-matter", "json-comma-too-many", "json-comma-missing", "toml",
        "manifest"])
def test_a_parse_error_names_the_files_line_in_plain_words(repo: Path, cli, relpath, text, said):
    (repo / relpath).parent.mkdir(parents=True, exist_ok=True)
    (repo / relpath).write_text(text)
    commit_all(repo, "site")
    code, out, err = cli("check", "--no-cache", "--no-progress", "--select", "SL002", "--output-format", "json")
    messages = [(f["path"], f["message"]) for f in json.loads(out)["findings"]]
    assert messages == [(relpath, f"cannot read this page: {said}")]
    assert "unicode string" not in out and "char " not in out
