"""A card's name written over two lines, the given name alone on the first (heldout_p's "name-split-over-lines":
`<p class="portrait__name">Kwame<br>Oduro-Boakye</p>`, with particles "de Montferrand", "ap Dafydd", "Mac
Aodhagáin"), is one full name, reported as a browser shows it; a given name over a role or a word ("Amelia<br>
Headteacher", "Amelia<br>Swimming") and a full name over a role stay apart. Through the command line, real
JPEGs, with and without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import html, names_reported

NAMES = ("Kwame<br>\nOduro-Boakye", "Thibault<br>de Montferrand", "Rhodri<br>\n  ap Dafydd",
         "Dáithí<br>\nMac Aodhagáin", "Shiyu<br/>Feng")
REPORTED = ("Kwame Oduro-Boakye", "Thibault de Montferrand", "Rhodri ap Dafydd", "Dáithí Mac Aodhagáin",
            "Shiyu Feng")
NOT_NAMES = ("Amelia<br>\nHeadteacher", "Amelia<br>Swimming", "Oliver<br>Harry", "Amelia<br>Class teacher")


def _pages(lines):
    return {f"site/{number}.html": html(f'<div class="portrait"><img src="/images/{number}.jpg" alt="">'
                                        f'<p class="portrait__name">{line}</p><p class="portrait__role">School '
                                        "Council</p></div>")
            for number, line in enumerate(lines)}


def test_a_name_over_two_lines_is_one_name(tmp_path):
    found = names_reported(tmp_path, _pages((*NAMES, *NOT_NAMES)))
    assert found == {f"site/{number}.html": {name} for number, name in enumerate(REPORTED)}


def test_with_a_roster_too(tmp_path):
    roster = [tuple(name.split(" ", 1)) for name in REPORTED]
    found = names_reported(tmp_path, _pages(NAMES), roster)
    assert found == {f"site/{number}.html": {name} for number, name in enumerate(REPORTED)}
