"""A WordPress export (WXR 1.2) saved under another name (`export.xml`, `site/backup.xml`) is found by its `rss`
root element and `wp:` namespace, and read as one: its media items' captions (`excerpt:encoded`), which a
`[gallery ids=...]` post shows beside each photo, name whoever they show (issue 10). Through the command line.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint

EXPORT = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>A school</title>
  <item>
    <title>Sports day</title>
    <content:encoded><![CDATA[<p>What a day!</p>
[gallery ids="913" columns="2"]]]></content:encoded>
    <wp:post_id>812</wp:post_id>
  </item>
  <item>
    <title>IMG_4471</title>
    <excerpt:encoded><![CDATA[%s wins the Year 5 100 m]]></excerpt:encoded>
    <wp:post_id>913</wp:post_id>
    <wp:post_type><![CDATA[attachment]]></wp:post_type>
    <wp:attachment_url><![CDATA[https://www.example.sch.uk/images/wx1.jpg]]></wp:attachment_url>
  </item>
</channel>
</rss>
"""


def test_a_renamed_export_is_read_as_an_export(tmp_path):
    found = lint(tmp_path / "s", {"backup/export.xml": EXPORT % "Gwenllian Ap-Iorwerth"})
    assert {(code, value) for code, _path, value in found} == {("SL303", "Gwenllian Ap-Iorwerth")}


def test_a_plain_rss_feed_is_no_export(tmp_path):
    """The trap: an RSS feed without the `wp:` namespace stays a feed; its item titles are not captions."""
    feed = EXPORT.replace('xmlns:wp="http://wordpress.org/export/1.2/"', 'xmlns:wp="http://example.org/wp/"')
    assert lint(tmp_path / "s", {"backup/export.xml": feed % "Gwenllian Ap-Iorwerth"}) == []
