"""A page builder's caption block beside the photo's wrapper is its caption (issue 10, real school sites):
Squarespace's `div.image-caption-wrapper` after `div.image-block-wrapper`, Drupal's `field--name-field-caption`
after `field--name-field-image`; read through the command line on real pages and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint

SQUARESPACE = html('<div class="sqs-block image-block"><div class="sqs-block-content">'
                   '<div class="image-block-wrapper"><img src="/images/sq1.jpg" alt=""></div>\n'
                   '<div class="image-caption-wrapper"><div class="image-caption"><p>Radomir Featherby, head boy</p>'
                   '</div></div></div></div>')
DRUPAL = html('<article class="node node--type-article">\n'
              '<div class="field field--name-field-image field__item"><img src="/images/dr1.jpg" alt=""></div>\n'
              '<div class="field field--name-field-caption field__item">Oriel Vandersloot, poetry prize</div>\n'
              '<div class="field field--name-body"><p>The prize was held in the hall.</p></div></article>')


def test_a_caption_block_beside_the_photos_wrapper(tmp_path):
    found = lint(tmp_path / "s", {"news/squarespace.html": SQUARESPACE, "node/12.html": DRUPAL})
    assert {(code, path, value) for code, path, value in found} == {
        ("SL303", "news/squarespace.html", "Radomir Featherby"), ("SL303", "node/12.html", "Oriel Vandersloot")}


def test_the_field_after_the_caption_is_the_articles(tmp_path):
    """The trap: the body field after the caption field is the article, not the photo's caption."""
    page = DRUPAL.replace("Oriel Vandersloot, poetry prize", "The poetry prize").replace(
        "The prize was held in the hall.", "Thanks to Oriel Vandersloot for judging.")
    assert lint(tmp_path / "s", {"node/13.html": page}) == []
