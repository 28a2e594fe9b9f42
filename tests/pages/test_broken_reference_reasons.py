"""SL304 on pages written on Windows and macOS (trial 7, item 14): a path written with backslashes
leads where browsers take it (WHATWG URL Standard: "\\" is "/" in an http(s) URL), and a reference
that breaks only on the web server says why: a file whose name differs only in case, or only in how
its accented letters are stored (NFC in the page, NFD as macOS wrote the file), never the name
itself. Real Git sites, through the command line."""

from __future__ import annotations

import json
import unicodedata

from schoollint.pages.near_miss import CASE, FORM
from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo, committed_and_checked

PAGE = """<!doctype html><html lang="en"><body>
<img src="images\\IMG_0002.jpg" alt="Hall">
<img src="images/img_0001.jpg" alt="Sports day">
<img src="images/Chloé Dubois.jpg" alt="Art prize">
<img src="Images/IMG_0001.JPG" alt="Field">
<img src="images/gone.jpg" alt="Gone">
</body></html>
"""


def test_backslashes_lead_where_browsers_take_them_and_near_misses_say_why(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    for name in ("IMG_0002.jpg", "IMG_0001.JPG", unicodedata.normalize("NFD", "Chloé Dubois.jpg")):
        clean_photo(site / "images" / name)
    (site / "index.html").write_text(unicodedata.normalize("NFC", PAGE), encoding="utf-8")
    report = committed_and_checked(site, monkeypatch, capsys, "--select", "SL304")
    found = {f["line"]: f["message"] for f in report["findings"]}
    lead = "a JPG file reference written here leads to no file in the site"
    assert found == {3: f"{lead}: {CASE}", 4: f"{lead}: {FORM}", 5: f"{lead}: {CASE}", 6: lead}
    shown = json.dumps(report)
    assert "Chlo" not in shown and "img_0001" not in shown     # the written path is the value, not shown


def test_the_text_output_names_the_difference_without_the_name(tmp_path, monkeypatch, capsys):
    from schoollint.cli import main

    site = tmp_path / "site"
    clean_photo(site / "photos" / unicodedata.normalize("NFD", "José Álvarez.jpg"))
    (site / "index.html").write_text('<img src="photos/José Álvarez.jpg" alt="Winner">\n', encoding="utf-8")
    git(site, "init", "-q")
    commit_all(site, "site")
    monkeypatch.chdir(site)

    assert main(["check", "--no-vision", "--no-cache", "--select", "SL304"]) == 1
    out = capsys.readouterr().out
    assert "Unicode NFC against NFD" in out and "Álvarez" not in out
