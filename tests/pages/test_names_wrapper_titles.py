"""A `title` on the element wrapping a photo and nothing else (a gallery's `<button title="Name – open the
full-size photo"><img alt=""></button>`, a `<span title>`) is the photo's tooltip: it names whoever the photo
shows (WHATWG HTML 3.2.6.1, the title attribute is advisory information for the element and its contents).
Read through the command line on real pages and JPEGs (issue 10).
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint


def test_a_title_on_the_button_or_span_wrapping_a_photo(tmp_path):
    found = lint(tmp_path / "s", {
        "gallery/a.html": html('<button type="button" class="open" data-full="/images/w1.jpg" '
                               'title="Morwenna Trevithick – open the full-size photo">'
                               '<img src="/images/w1-thumb.jpg" alt="" width="150"></button>'),
        "gallery/b.html": html('<span class="frame" title="Oisín Ó Súilleabháin"><img src="/images/w2.jpg" alt="">'
                               '</span>'),
    })
    assert {(code, path, value) for code, path, value in found} == {
        ("SL303", "gallery/a.html", "Morwenna Trevithick"), ("SL303", "gallery/b.html", "Oisín Ó Súilleabháin")}


def test_a_title_on_a_wrapper_of_several_photos_or_of_text(tmp_path):
    """The trap: a title on a gallery's list of photos, or on a block with words of its own, titles that, not
    one photo."""
    found = lint(tmp_path / "s", {
        "gallery/c.html": html('<div title="Morwenna Trevithick"><img src="/images/w3.jpg" alt="">'
                               '<img src="/images/w4.jpg" alt=""></div>'),
    })
    assert found == []
