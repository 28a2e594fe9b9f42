"""Apostrophes inside names (trial 8 item 3): O'Neill, D'Souza, N'Golo with ' or ’, in file names (as Windows
saves them: "Aoife O'Neill.jpg", "JAMES O’CONNOR.jpg", "aoife-o'neill.jpg") and in text, with and without a
roster; a possessive or a contraction is no name. Through the command line on real JPEGs and pages."""

from __future__ import annotations

import pytest

from tests.kit.images import encode, photo
from tests.names.test_issue10_kinds import html, lint

JPEG = encode(photo(), "JPEG")
NAMED = {"Aoife O'Neill.jpg": "Aoife O'Neill", "James O'Connor.jpg": "James O'Connor",
         "aoife-o'neill.jpg": "aoife-o'neill", "JAMES O’CONNOR.jpg": "JAMES O’CONNOR",
         "priya_d'souza_y6.jpg": "priya_d'souza", "N'Golo Mensah.jpg": "N'Golo Mensah",
         "Siobhán O’Sullivan.jpeg": "Siobhán O’Sullivan"}
NOT_NAMED = ("children's-art.jpg", "pupils'-work-y6.jpg", "don't-run.jpg", "rock-o'clock.jpg", "Year 6's trip.jpg")


def site(root, roster: str | None = None) -> list[str]:
    (root / "img").mkdir(parents=True)
    for name in (*NAMED, *NOT_NAMED):
        (root / "img" / name).write_bytes(JPEG)
    extra = []
    if roster is not None:
        (root.parent / "pupils.csv").write_text(roster, encoding="utf-8")
        extra = ["--roster", str(root.parent / "pupils.csv")]
    return extra


@pytest.mark.parametrize("roster", [None, "first_name,last_name\nAoife,O'Neill\nJames,O’Connor\nPriya,D'Souza\n"
                                          "N'Golo,Mensah\nSiobhán,O'Sullivan\n"])
def test_a_name_with_an_apostrophe_in_a_file_name_is_found(tmp_path, roster):
    root = tmp_path / "s"
    extra = site(root, roster)
    found = lint(root, {"index.html": html('<p><img src="/images/a.jpg" alt="Priya D’Souza and N\'Golo Mensah">'
                                           '</p>\n<p><img src="/images/b.jpg" alt="The children\'s art show"></p>')},
                 *extra)
    by_file = {path.rpartition("/")[2]: value for code, path, value in found if code == "SL301"}
    assert by_file == NAMED
    assert {value for code, _path, value in found if code == "SL302"} == {"Priya D’Souza; N'Golo Mensah"}
