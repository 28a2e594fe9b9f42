"""Dotted file names (issue 10, heldout_n's misses): "first.last.jpg", as Gravatar-style profile pictures
and staff photos exported from an e-mail directory are named, is a full name. The checks hand the finder
the file name without its type, so the last dotted word ("juric" of "iva.juric") is the surname, not a file
type; a real type left on a name ("lenka.heic" inside a folder name) is still no surname. Through the
command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import html, names_reported

PHOTOS = ("lenka.horak.jpg", "kwame.osei.jpeg", "tomasz.wrobel.png")


def test_dotted_file_names_are_full_names(tmp_path):
    pages = {f"staff/{number}.html": html(f'<div class="profile-pic"><img src="/images/{name}" alt=""></div>')
             for number, name in enumerate(PHOTOS)}
    pages["staff/type.html"] = html('<img src="/images/lenka.heic/photo.jpg" alt="">')
    found = names_reported(tmp_path, pages)
    assert found == {"images/lenka.horak.jpg": {"lenka.horak"},
                     "images/kwame.osei.jpeg": {"kwame.osei"},
                     "images/tomasz.wrobel.png": {"tomasz.wrobel"}}
