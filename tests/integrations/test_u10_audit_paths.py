"""`schoollint audit --format json` names a file as check's JSON does, the README's rule for machine
outputs: a byte of its name that is not UTF-8 is the surrogate os.fsdecode gives it (`\\udce9` in JSON,
os.fsencode gives the byte back), a newline is JSON's `\\n`; the HTML page, which a person reads, shows them
escaped as text output does (`\\xe9`, `\\n`). Was: the audit JSON said `caf\\\\xe9.jpg`, a name no file has
(session 9's leftover). Through the command line, real photos in a real Git repository.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.audit.sites import gps_jpeg

NAMES = [b"caf\xe9.jpg", b"new\nline.jpg"]


@pytest.fixture
def site(repo):
    for name in NAMES:
        (repo / os.fsdecode(name)).write_bytes(gps_jpeg())
    return repo


def test_audit_json_names_each_file_as_it_is(site, cli):
    code, out, _ = cli("audit", "--no-vision", "--format", "json")
    audit = json.loads(out)
    cards = {os.fsencode(photo["path"]): photo for photo in audit["photos"]}
    assert set(cards) == set(NAMES)
    assert all("SL101" in {f["code"] for f in card["findings"]} for card in cards.values())
    assert "\\udce9" in out and "\\\\x" not in out
    checked = json.loads(cli("check", "--no-vision", "--output-format", "json")[1])
    assert {f["path"] for f in checked["findings"]} == {photo["path"] for photo in audit["photos"]}


def test_audit_page_shows_them_escaped(site, cli, tmp_path):
    page = tmp_path / "audit.html"
    assert cli("audit", "--no-vision", "-o", str(page))[0] == 0
    html = page.read_text(encoding="utf-8")
    assert "caf\\xe9.jpg" in html and "new\\nline.jpg" in html
    assert "new\nline.jpg" not in html
