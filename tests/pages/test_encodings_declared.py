"""Pages read in the encoding they are written in (trial 5, problem 3): UTF-16 and UTF-32 with and
without a byte-order mark, the WHATWG Encoding Standard's labels Python's codecs do not know
(x-cp1250, iso88592, ISO-8859-9 as Windows-1254, Shift_JIS as Windows-31J), in a `<meta charset>`,
a `<meta http-equiv>` or an XML declaration; Markdown and data files in UTF-16, which no site
generator reads, are read and said so (SL002). The name must come out as written: a page read in
the wrong encoding still shows a name-like word, so the test compares the value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.kit.git import commit_all


def findings(repo: Path, cli, files: dict[str, bytes]) -> list[tuple[str, str, str | None]]:
    for relpath, data in files.items():
        (repo / relpath).parent.mkdir(parents=True, exist_ok=True)
        (repo / relpath).write_bytes(data)
    commit_all(repo, "site")
    code, out, err = cli("check", "--no-cache", "--no-progress", "--select", "SL002,SL302,SL303", "--show-values",
                         "--output-format", "json")
    assert "Traceback" not in err
    return sorted((f["code"], f["path"], f.get("value")) for f in json.loads(out)["findings"])


PAGE = '<html><head>{head}</head><body><img src="x.jpg" alt="{name} on the school trip"></body></html>\n'


@pytest.mark.parametrize("name, head, encoding", [
    ("Ava Lindqvist", '<meta charset="utf-16">', "utf-16-le"),
    ("Zoë Brontë", "", "utf-16-be"),
    ("Zoë Brontë", '<meta charset="utf-8">', "utf-32"),
    ("Zoë Brontë", "", "utf-32-le"),
    ("Łukasz Wójcik", '<meta http-equiv="Content-Type" content="text/html; charset=x-cp1250">', "cp1250"),
    ("Ayşe Yılmaz", "<meta charset='ISO-8859-9'>", "cp1254"),
    ("Ayşe Yılmaz", '<meta charset="latin5">', "cp1254"),
    ("Łukasz Wójcik", "", "iso8859-2"),      # the XML declaration below
], ids=["utf16le-no-bom-declared", "utf16be-no-bom", "utf32-bom", "utf32le-no-bom", "x-cp1250",
        "iso-8859-9-is-windows-1254", "latin5", "xml-declaration-iso88592"])
def test_a_page_is_read_in_its_own_encoding(repo, cli, name, head, encoding):
    text = PAGE.format(head=head, name=name)
    if encoding == "iso8859-2":
        text = '<?xml version="1.0" encoding="iso88592"?>\n' + text
    # Without a byte-order mark no browser reads UTF-16 or UTF-32 (WHATWG: a "utf-16" label without
    # one means UTF-8): the zero bytes are schoollint's guess, said as SL002 (trial 7, item 14).
    guessed = [("SL002", "trip.html", None)] if encoding in ("utf-16-le", "utf-16-be", "utf-32-le") else []
    assert findings(repo, cli, {"trip.html": text.encode(encoding)}) == [*guessed, ("SL302", "trip.html", name)]


def test_a_utf16_page_declared_but_written_in_utf8_is_read_as_utf8(repo, cli):
    page = PAGE.format(head='<meta charset="utf-16">', name="Zoë Brontë")
    assert findings(repo, cli, {"trip.html": page.encode()}) == [("SL302", "trip.html", "Zoë Brontë")]


def test_shift_jis_is_read_as_windows_31j(repo, cli):
    # "Ⅱ" (U+2161) is in Windows-31J, not in JIS X 0208: read as strict Shift_JIS the page fell back
    # to Windows-1252 and said the page was not UTF-8.
    page = PAGE.format(head='<meta charset="Shift_JIS">', name="Zoë Brontë").replace("school trip", "Ⅱ組")
    page = page.replace("Zoë Brontë", "Amelia Watson")
    assert findings(repo, cli, {"trip.html": page.encode("cp932")}) == [("SL302", "trip.html", "Amelia Watson")]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_markdown_and_data_in_utf16_are_read_and_said_so(repo, cli, encoding):
    post = "---\ntitle: Trip\nimage: /img/trip.jpg\n---\nZoë Brontë led the way.\n"
    data = "- name: Zoë Brontë\n  photo: /img/trip.jpg\n"
    found = findings(repo, cli, {"_posts/2025-07-01-trip.md": post.encode(encoding),
                                 "_data/trip.yml": data.encode(encoding)})
    assert [(code, path, value) for code, path, value in found if code == "SL303"] == [
        ("SL303", "_data/trip.yml", "Zoë Brontë"), ("SL303", "_posts/2025-07-01-trip.md", "Zoë Brontë")]
    assert {(code, path) for code, path, _value in found if code == "SL002"} == {
        ("SL002", "_data/trip.yml"), ("SL002", "_posts/2025-07-01-trip.md")}
