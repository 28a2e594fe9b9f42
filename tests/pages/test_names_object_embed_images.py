"""A photo shown by `<object data>` or `<embed src>` (old CMS templates, WHATWG HTML 4.8.7-8) is a photo like an
<img>: its caption names whoever it shows. Read through the command line on real pages and JPEGs (issue 10).
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint


def test_object_and_embed_photos_have_captions(tmp_path):
    found = lint(tmp_path / "s", {
        "news/badge.html": html('<figure><object data="/images/ob1.jpg" type="image/jpeg" width="480" height="320">'
                                '</object><figcaption>Tamsin Polglaze receives a badge in assembly</figcaption>'
                                '</figure>'),
        "news/debate.html": html('<div class="frame"><embed src="/images/em1.jpg" type="image/jpeg" width="480">'
                                 '<p class="caption">Oluwaseun Adebayo-Hart, Year 9, at the debate final</p></div>'),
    })
    assert {(code, path, value) for code, path, value in found} == {
        ("SL303", "news/badge.html", "Tamsin Polglaze"), ("SL303", "news/debate.html", "Oluwaseun Adebayo-Hart")}


def test_an_object_showing_a_document_is_no_photo(tmp_path):
    """The trap: an <object> embedding a PDF or a map is no photo; the names beside it are beside no photo."""
    found = lint(tmp_path / "s", {
        "about/letter.html": html('<figure><object data="/docs/letter.pdf" type="application/pdf"></object>'
                                  '<figcaption>A letter from Tamsin Polglaze</figcaption></figure>'),
    })
    assert found == []
