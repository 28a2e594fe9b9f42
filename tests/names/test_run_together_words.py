"""Two everyday words run together in a file name are no full name (trial 7, item 16: `readonly.jpg`
and `christmasfair.jpg` were read as a given name and a surname no list knows, "rea" + "donly" and
"chris" + "tmasfair", and a rename was offered); a given name and a surname run together still are.
Real Git sites, through the command line, without a roster."""

from __future__ import annotations

from tests.kit.sites import clean_photo, committed_and_checked

WORDS = ("readonly.jpg", "christmasfair.jpg", "summerfair2024.jpg", "sportsdayfinal.jpg")
NAMES = ("rubyfrancis.jpg", "hamzaqureshi.jpg", "zofianowak.jpg")


def test_words_run_together_are_no_name_and_names_run_together_are(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    for name in WORDS + NAMES:
        clean_photo(site / "images" / name)
    report = committed_and_checked(site, monkeypatch, capsys, "--select", "SL301")
    assert sorted(f["path"] for f in report["findings"]) == sorted(f"images/{name}" for name in NAMES)


def test_names_that_are_words_run_together_are_words(tmp_path, monkeypatch, capsys):
    """ "hollybush.jpg" is Holly + Bush only as two everyday words are: a holly bush (last session's ambiguous
    report); "rosewood", "lilypad" alike. Given names and surnames that are no words still are one."""
    site = tmp_path / "site"
    for name in ("hollybush.jpg", "rosewood.jpg", "lilypad.jpg") + NAMES:
        clean_photo(site / "images" / name)
    report = committed_and_checked(site, monkeypatch, capsys, "--select", "SL301")
    assert sorted(f["path"] for f in report["findings"]) == sorted(f"images/{name}" for name in NAMES)
