"""Trial 5, problem 6: the rename of an identifying file name keeps the words around the name, not its
punctuation ("Ellie Márquez (Y5).JPG" -> "Y5-<tag>.JPG"), and a page whose TOML front matter cannot be
read says where, on the file's own line numbers, as a data file's TOML error does. Through the CLI."""

from __future__ import annotations

import re

import pytest

from schoollint.cli import main
from tests.names.test_issue10_kinds import JPEG, findings


@pytest.mark.parametrize("name, kept", [("Ellie Márquez (Y5).JPG", "Y5"), ("[Year 6] Noah Patel!.jpg", "Year-6"),
                                        ("sports day, Amelia Watson & friends.jpg", "sports-day-friends")])
def test_a_renamed_photo_keeps_words_not_brackets(tmp_path, name, kept):
    site = tmp_path / "s"
    (site / "images").mkdir(parents=True)
    (site / "images" / name).write_bytes(JPEG)
    found = findings(site, {})
    assert [f["code"] for f in found] == ["SL301"]
    findings(site, {}, "--fix", "--unsafe-fixes")
    [renamed] = [path.name for path in (site / "images").iterdir()]
    stem, suffix = renamed.rsplit(".", 1)
    assert re.fullmatch(rf"{re.escape(kept)}-[0-9a-f]{{6}}", stem) and suffix == name.rsplit(".", 1)[1], renamed
    assert (site / "images" / renamed).read_bytes() == JPEG
    assert findings(site, {}) == []              # re-read: no name left in the file name


def test_toml_front_matter_error_names_the_file_line(tmp_path, capsys):
    site = tmp_path / "s"
    (site / "content").mkdir(parents=True)
    page = '+++\ntitle = "Sports day"\ndate = 2024-07-01\nimage = = "a.jpg"\nsummary = "Hi"\n+++\n\nHi.\n'
    (site / "content" / "post.md").write_text(page, encoding="utf-8")
    main(["check", str(site), "--no-cache", "--no-progress"])
    out, err = capsys.readouterr()
    # the fourth line of the file (the TOML's third), as tomllib counts columns
    assert re.search(r"front matter: not valid TOML, line 4, column 9: invalid value", out + err), out + err
