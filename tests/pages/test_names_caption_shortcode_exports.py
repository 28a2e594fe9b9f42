"""WordPress's classic [caption] shortcode in exported post content (issue 10, real school sites): `[caption
id= align= width=]<img ...> Caption[/caption]` renders as a captioned block holding the photo and its words; in
a WordPress export (WXR) and in a page saved without paragraphs round it, beside other photos, its words were
not read. Through the command line on a real export and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint

CONTENT = ('[caption id="attachment_21" align="aligncenter" width="300"]<img class="wp-image-21" src="/images/cs1.jpg" '
           'alt="" width="300" height="200" /> Barnaby Quennell-Haig with his trophy[/caption]\n'
           '[caption id="attachment_22" align="alignnone" width="640"]<a href="/images/cs2.jpg">'
           '<img src="/images/cs2.jpg" alt="" /></a> Sports day[/caption]\n'
           'Thanks to Ignatia Fairclough-Obi for the prizes.\n')
EXPORT = ('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
          'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">\n'
          '<channel><title>School</title>\n<item><title>Sports day</title><wp:post_type>post</wp:post_type>\n'
          f'<content:encoded><![CDATA[{CONTENT}]]></content:encoded>\n</item></channel></rss>\n')


def test_a_caption_shortcode_in_an_export_and_a_page(tmp_path):
    """Before, the first caption's words went unread and the sentence after the second block was read as its
    caption (the link's text after it); a block's words end at its closing tag."""
    export = "export/school.WordPress.2024-05-20.xml"
    found = lint(tmp_path / "s", {export: EXPORT, "news/sports.html": html(CONTENT)})
    assert {(path, value) for _code, path, value in found} == {
        (export, "Barnaby Quennell-Haig"), ("news/sports.html", "Barnaby Quennell-Haig")}
