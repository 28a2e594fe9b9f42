"""Trial 10 item 9: `zoë-ellis.jpg` committed twice, once composed (NFC) and once decomposed (NFD, as
macOS writes names), got no note, while `Team.jpg`/`team.JPG` got "differ only in case". On macOS and
on a web server that normalises names the two are one file. They now get a clash note that tells the
two apart by their encoding (the names look the same)."""

from __future__ import annotations

import unicodedata

from tests.audit.sites import clean_jpeg, write
from tests.kit.git import git

NFC = unicodedata.normalize("NFC", "zoë-ellis.jpg")
NFD = unicodedata.normalize("NFD", "zoë-ellis.jpg")


def test_nfc_and_nfd_twins_get_a_clash_note(repo, cli):
    assert NFC != NFD
    write(repo, NFC, clean_jpeg())
    write(repo, NFD, clean_jpeg(colour="teal"))
    write(repo, "index.html", f'<img src="{NFC}" alt="Prize day">\n')
    git(repo, "add", "-A")
    code, _out, err = cli("check", "--no-progress", "--select", "SL101")
    assert code == 0, err
    notes = [line for line in err.splitlines() if "NFC and NFD" in line]
    assert len(notes) == 1, err
    assert f"{NFD} (decomposed, NFD) and {NFC} (composed, NFC)" in notes[0] \
        or f"{NFC} (composed, NFC) and {NFD} (decomposed, NFD)" in notes[0]
    assert "rename one of them" in notes[0]


def test_case_and_encoding_twins_together_and_plain_case_twins(repo, cli):
    write(repo, "Team.jpg", clean_jpeg())
    write(repo, "team.JPG", clean_jpeg(colour="teal"))
    write(repo, NFC.upper(), clean_jpeg(colour="red"))
    write(repo, NFD, clean_jpeg(colour="blue"))
    git(repo, "add", "-A")
    code, _out, err = cli("check", "--no-progress", "--select", "SL101")
    assert code == 0, err
    assert "Team.jpg and team.JPG differ only in case:" in err
    assert "differ only in how accented letters are encoded (Unicode NFC and NFD) and in case" in err


def test_distinct_accented_names_are_no_clash(repo, cli):
    write(repo, NFC, clean_jpeg())
    write(repo, "zoe-ellis.jpg", clean_jpeg(colour="teal"))
    git(repo, "add", "-A")
    code, _out, err = cli("check", "--no-progress", "--select", "SL101")
    assert code == 0, err
    assert "differ only" not in err
