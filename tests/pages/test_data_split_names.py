"""A full name written across two fields beside a photo (trial 5, problem 2): first_name/last_name,
firstName/lastName, forename/surname, given_name/family_name, first/last, a nested `name:` mapping,
a list of people, in YAML, JSON, Hugo's TOML data files and Markdown front matter. A first name
alone is no full name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.kit.git import commit_all
from tests.kit.sites import clean_photo


def beside(repo: Path, cli, files: dict[str, str]) -> list[tuple[str, int, str]]:
    clean_photo(repo / "img" / "prize.jpg")
    for relpath, text in files.items():
        (repo / relpath).parent.mkdir(parents=True, exist_ok=True)
        (repo / relpath).write_text(text)
    commit_all(repo, "site")
    code, out, err = cli("check", "--no-cache", "--no-progress", "--select", "SL303", "--output-format", "json")
    assert "Traceback" not in err
    return [(f["path"], f["line"], f["field"]) for f in json.loads(out)["findings"]]


@pytest.mark.parametrize("entry, line, field", [
    ("- first_name: Zainab\n  last_name: Oyelaran\n  photo: /img/prize.jpg\n", 1, "data first_name/last_name"),
    ("- firstName: Zainab\n  lastName: Oyelaran\n  image: /img/prize.jpg\n", 1, "data firstName/lastName"),
    ("- forename: Zainab\n  surname: Oyelaran\n  image: /img/prize.jpg\n", 1, "data forename/surname"),
    ("- image: /img/prize.jpg\n  family_name: Oyelaran\n  given_name: Zainab\n", 2,
     "data given_name/family_name"),
    ("- First-Name: Zainab\n  Middle-Name: Grace\n  Last-Name: Oyelaran\n  image: /img/prize.jpg\n", 1,
     "data First-Name/Middle-Name/Last-Name"),
    ("- name:\n    first: Zainab\n    last: Oyelaran\n  photo: /img/prize.jpg\n", 2, "data name first/last"),
    ("- photo: /img/prize.jpg\n  award: Spelling bee\n  pupils:\n    - forename: Zainab\n      surname: Oyelaran\n",
     4, "data pupils forename/surname"),
], ids=["snake", "camel", "forename-surname", "given-family", "with-middle-name", "nested-name", "list-of-people"])
def test_a_name_split_across_yaml_fields_is_a_full_name(repo, cli, entry, line, field):
    assert beside(repo, cli, {"_data/prizes.yml": entry}) == [("_data/prizes.yml", line, field)]


def test_json_toml_and_front_matter_read_split_names_too(repo, cli):
    found = beside(repo, cli, {
        "src/_data/pupils.json": '[\n  {"givenName": "Barnaby", "familyName": "Featherstonehaugh",\n'
                                 '   "photo": "/img/prize.jpg"}\n]\n',
        "data/staff.toml": '[[staff]]\nfirst = "Ottilie"\nlast = "Braithwaite"\nphoto = "/img/prize.jpg"\n',
        "_posts/2025-07-18-prizes.md": "---\ntitle: Prize day\nwinners:\n  - first_name: Zainab\n"
                                       "    last_name: Oyelaran\n    photo: /img/prize.jpg\n---\nWell done!\n",
    })
    assert sorted(found) == [
        ("_posts/2025-07-18-prizes.md", 4, "front-matter first_name/last_name"),
        ("data/staff.toml", 2, "data first/last"),
        ("src/_data/pupils.json", 2, "data givenName/familyName"),
    ]


def test_a_first_name_alone_is_no_full_name(repo, cli):
    assert beside(repo, cli, {
        "_data/prizes.yml": "- first_name: Zainab\n  photo: /img/prize.jpg\n"
                            "- first_name: Poppy\n  last_name: ''\n  photo: /img/prize.jpg\n",
    }) == []
