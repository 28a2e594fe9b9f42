"""Names in a feed item or an image sitemap beside its picture (issue 10, heldout_o's feed-item and
sitemap-image misses): an RSS item's title and description with its `media:content`, `media:thumbnail` or
`<enclosure>`, an Atom entry's title and summary with its `<link rel="enclosure">`, an image sitemap's
`image:title`/`image:caption` with its `image:loc`; in files named as feeds and sitemaps and in any `.xml`
whose root element says it is one. Read through the command line on real XML files and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint

RSS = '''<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Oakfield Primary School - News</title>
    <link>https://www.oakfield.sch.uk/news/</link>
    <description>News from Oakfield Primary School</description>
    <image><url>https://www.oakfield.sch.uk/images/logo.png</url></image>
    <item>
      <title>Chess champion</title>
      <%s />
      <description>&lt;p&gt;Wilberforce Adeyemi-Castellanos took on forty players.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>
'''
ATOM = '''<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Hillside Academy blog</title>
  <id>https://www.hillside.sch.uk/</id>
  <updated>2025-05-20T08:00:00Z</updated>
  <entry>
    <title>Congratulations to Rosalind Ekwueme-Tarrant, young musician of the year</title>
    <id>https://www.hillside.sch.uk/blog/young-musician/</id>
    <updated>2025-05-20T08:00:00Z</updated>
    <link rel="enclosure" type="image/jpeg" href="https://www.hillside.sch.uk/images/f/atom.jpg" />
    <summary>A Year 10 cellist takes the regional title.</summary>
  </entry>
</feed>
'''
SITEMAP = '''<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://www.oakfield.sch.uk/about/head-girl/</loc>
    <image:image>
      <image:loc>https://www.oakfield.sch.uk/images/f/head.jpg</image:loc>
      <image:title>Marguerite Olanrewaju-Fitch</image:title>
      <image:caption>Head girl 2025-26</image:caption>
    </image:image>
    <image:image><image:loc>https://www.oakfield.sch.uk/images/f/hall.jpg</image:loc>
      <image:caption>The new hall</image:caption></image:image>
  </url>
</urlset>
'''


def test_an_rss_items_words_beside_its_media_content_thumbnail_or_enclosure(tmp_path):
    found = lint(tmp_path / "s", {
        "feed.xml": RSS % 'media:content url="https://www.oakfield.sch.uk/images/f/content.jpg" medium="image"',
        "news.rss": RSS % 'media:thumbnail url="/images/f/thumb.jpg"',
        "site/news-items.xml": RSS % 'enclosure url="/images/f/enclosure.jpg" type="image/jpeg" length="1"',
    })
    assert {(path, value) for _code, path, value in found} == {
        (path, "Wilberforce Adeyemi-Castellanos") for path in ("feed.xml", "news.rss", "site/news-items.xml")}


def test_an_atom_entrys_title_beside_its_enclosure_link(tmp_path):
    found = lint(tmp_path / "s", {"atom.xml": ATOM, "site/blog.xml": ATOM})
    assert {(path, value) for _code, path, value in found} == {
        ("atom.xml", "Rosalind Ekwueme-Tarrant"), ("site/blog.xml", "Rosalind Ekwueme-Tarrant")}


def test_an_image_sitemaps_title_beside_its_image_loc(tmp_path):
    found = lint(tmp_path / "s", {"sitemap.xml": SITEMAP, "site/images.xml": SITEMAP})
    assert {(path, value) for _code, path, value in found} == {
        ("sitemap.xml", "Marguerite Olanrewaju-Fitch"), ("site/images.xml", "Marguerite Olanrewaju-Fitch")}


def test_other_xml_and_a_feed_without_names_name_no_one(tmp_path):
    """The traps: a build file naming its author, and a feed item naming no one."""
    build = '<?xml version="1.0"?>\n<project><developer>Cornelius Fairweather-Obi</developer>' \
            '<icon>/images/f/build.jpg</icon></project>\n'
    quiet = RSS.replace("Wilberforce Adeyemi-Castellanos took", "Year 5 took") % 'enclosure url="/images/f/q.jpg"'
    assert lint(tmp_path / "s", {"pom.xml": build, "site/quiet.xml": quiet}) == []


def test_a_broken_feed_of_no_feeds_name_is_reported_not_checked(tmp_path):
    from tests.names.test_issue10_kinds import findings

    broken = RSS.replace("</channel>\n</rss>\n", "") % 'enclosure url="/images/f/b.jpg"'
    found = findings(tmp_path / "s", {"site/broken.xml": broken, "pom.xml": "<project><feedback>"}, "--select", "SL002")
    assert [(f["code"], f["path"]) for f in found] == [("SL002", "site/broken.xml")]
