"""Two everyday words run together in a file name are no full name (trial 7, item 16: `readonly.jpg`
and `christmasfair.jpg` were read as a given name and a surname no list knows, "rea" + "donly" and
"chris" + "tmasfair", and a rename was offered); a given name and a surname run together still are.
Real Git sites, through the command line, without a roster."""

from __future__ import annotations

import json

from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo

WORDS = ("readonly.jpg", "christmasfair.jpg", "summerfair2024.jpg", "sportsdayfinal.jpg")
NAMES = ("rubyfrancis.jpg", "hamzaqureshi.jpg", "zofianowak.jpg")


def test_words_run_together_are_no_name_and_names_run_together_are(tmp_path, monkeypatch, capsys):
    from schoollint.cli import main

    site = tmp_path / "site"
    for name in WORDS + NAMES:
        clean_photo(site / "images" / name)
    git(site, "init", "-q")
    commit_all(site, "site")
    monkeypatch.chdir(site)
    code = main(["check", "--no-vision", "--no-cache", "--select", "SL301", "--output-format", "json"])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert sorted(f["path"] for f in json.loads(out)["findings"]) == sorted(f"images/{name}" for name in NAMES)
