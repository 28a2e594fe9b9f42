"""Names whose accents are stored decomposed (Unicode NFD, as macOS writes file names and some
editors write text) are found as the same names composed (NFC) are, without a roster (trial 7,
item 3: "Chloé Dubois" in an alt text, `José Álvarez.jpg`, a folder `Chloé Dubois/` and
`chloé-dubois.jpg` were found in NFC only). Real Git sites, through the command line."""

from __future__ import annotations

import unicodedata

from tests.kit.sites import clean_photo, committed_and_checked


def findings(tmp_path, monkeypatch, capsys, form: str) -> list[tuple[str, str, int | None]]:
    def written(text: str) -> str:
        return unicodedata.normalize(form, text)

    site = tmp_path / form
    for photo in ("images/José Álvarez.jpg", "images/Chloé Dubois/prize.jpg", "images/chloé-dubois.jpg",
                  "images/hall.jpg"):
        clean_photo(site / written(photo))
    (site / "index.html").write_text(written(
        '<!doctype html><html lang="en"><body>\n'
        '<img src="images/hall.jpg" alt="Chloé Dubois collecting the art prize">\n'
        '<figure><img src="images/hall.jpg" alt="Art"><figcaption>Zoë Brontë and Renée Lefèvre</figcaption>'
        '</figure>\n</body></html>\n'), encoding="utf-8")
    report = committed_and_checked(site, monkeypatch, capsys, "--select", "SL301,SL302,SL303")
    return sorted((unicodedata.normalize("NFC", f["path"]), f["code"], f.get("line")) for f in report["findings"])


def test_names_stored_decomposed_are_found_as_composed_ones_are(tmp_path, monkeypatch, capsys):
    composed = findings(tmp_path, monkeypatch, capsys, "NFC")
    assert {("index.html", "SL302", 2), ("images/José Álvarez.jpg", "SL301", None),
            ("images/Chloé Dubois/prize.jpg", "SL301", None),
            ("images/chloé-dubois.jpg", "SL301", None)} <= set(composed)
    assert findings(tmp_path, monkeypatch, capsys, "NFD") == composed
