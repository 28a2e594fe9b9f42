"""The page model's displayed sizes and shares, read from real page bytes by each reader."""

from __future__ import annotations

import pytest

from schoollint.pages.registry import PageError, read_page


def _images(relpath: str, text: str, root=None):
    return [(image.target, image.width, image.height, image.alternates)
            for image in read_page(root, relpath, text.encode()).images]


@pytest.mark.parametrize("tag, size", [
    ('<img src="a.jpg" width="300" height="200">', (300, 200)),
    ('<img src="a.jpg" width="300px">', (300, None)),
    ('<img src="a.jpg" width="50%">', (None, None)),
    ('<img src="a.jpg" width="300" style="width: 120px">', (120, None)),           # CSS beats the attribute
    ('<img src="a.jpg" width="300" style="width: 40em">', (None, None)),           # ... in any unit
    ('<img src="a.jpg" width="900" style="max-width:250px">', (250, None)),         # max-width bounds it
    ('<img src="a.jpg" style="width: 100%; max-width: 250px !important">', (250, None)),
    ('<img src="a.jpg" srcset="a.jpg 400w" sizes="(min-width: 900px) 400px, 320px">', (400, None)),
    ('<img src="a.jpg" srcset="a.jpg 400w" sizes="(min-width: 900px) 400px, 90vw">', (None, None)),
    ('<img src="a.jpg" srcset="a.jpg 400w" sizes="calc(100vw - 2rem)">', (None, None)),
    ('<img src="a.jpg" srcset="a.jpg 1x, b.jpg 2x" sizes="300px">', (None, None)),  # sizes needs w descriptors
    ('<img src="a.jpg" width="0">', (None, None)),
    ('<img src="a.jpg" width="99999999999">', (None, None)),
])
def test_html_displayed_sizes(tag, size):
    [(target, width, height, _)] = _images("index.html", tag)
    assert (target, (width, height)) == ("a.jpg", size)


def test_srcset_and_picture_sources_are_alternates_shown_at_the_same_size():
    [image] = _images("index.html", '<picture><source srcset="a.avif 1x, a@2x.avif 2x" type="image/avif">'
                      '<img src="a.jpg" srcset="a.jpg 1x, a@2x.jpg 2x" width="300"></picture>')
    assert image == ("a.jpg", 300, None, ("a.jpg", "a@2x.jpg", "a.avif", "a@2x.avif"))


def test_a_link_to_a_photo_has_no_displayed_size():
    assert _images("index.html", '<a href="a.jpg" width="300">the full photo</a>') == [("a.jpg", None, None, ())]


def test_markdown_attribute_lists_size_the_image_and_are_not_caption_words():
    page = read_page(None, "post.md", b'![Choir](a.jpg){: width="320" .photo} Sang well\n\n'
                                      b"![Band](b.jpg){height=100}\n\n![Hall](c.jpg) {: width=9}\n")
    assert [(i.target, i.width, i.height) for i in page.images] == [("a.jpg", 320, None), ("b.jpg", None, 100),
                                                                   ("c.jpg", None, None)]
    assert [span.text for span in page.images[0].captions] == [" Sang well"]


def test_shortcode_widths():
    page = read_page(None, "content/post.md", b'{{< figure src="/a.jpg" width="300" caption="x" >}}\n\n'
                                              b'{% include image.html src="/b.jpg" width="250px" %}\n')
    assert [(i.target, i.width) for i in page.images] == [("a.jpg", 300), ("b.jpg", 250)]


def test_component_props():
    page = read_page(None, "src/A.jsx", b"const W = 280;\nexport default () => <div>\n"
                                        b'<img src="/a.jpg" width={300} />\n<Image src="/b.jpg" width={W} />\n'
                                        b'<img src="/c.jpg" width="300" style={{width: "100%"}} /></div>;\n')
    assert [(i.target, i.width) for i in page.images] == [("a.jpg", 300), ("b.jpg", 280), ("c.jpg", None)]


def test_html_share_tags_and_json_ld(tmp_path):
    (tmp_path / "img").mkdir()
    for name in ("a.jpg", "b.jpg", "c.jpg", "d.jpg"):
        (tmp_path / "img" / name).write_bytes(b"")
    page = read_page(tmp_path, "news/index.html", b"""<html><head>
<meta property="og:image" content="https://school.example/img/a.jpg">
<meta name="twitter:image" content="../img/b.jpg">
<meta property="og:image" content="https://school.example/img/missing.jpg">
<meta property="og:image" content="data:image/png;base64,AAAA">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsArticle", "image": ["/img/c.jpg", {"@type": "ImageObject", "contentUrl": "/img/d.jpg"}],
  "author": {"name": "x", "url": "/img/a.jpg"}}]}</script>
<script type="application/ld+json">{broken</script>
</head></html>""")
    assert [(s.target, s.line, s.kind) for s in page.shares] == [
        ("img/a.jpg", 2, "og:image"), ("img/b.jpg", 3, "twitter:image"), (None, 4, "og:image"),
        (None, 5, "og:image"), ("img/c.jpg", 7, "JSON-LD image"), ("img/d.jpg", 7, "JSON-LD image")]


def test_front_matter_images_that_seo_templates_share():
    page = read_page(None, "_posts/2024-01-01-a.md", b"---\ntitle: A\nimage:\n  path: /img/a.jpg\n"
                                                     b"images: [/img/b.jpg]\n---\nText\n")
    assert [(s.target, s.line) for s in page.shares] == [("img/a.jpg", 4), ("img/b.jpg", 5)]


def test_a_templated_feed_shares_nothing_and_broken_xml_is_a_page_error():
    templated = b'---\nlayout: null\n---\n<rss>{% for post in site.posts %}<enclosure url="{{ post.image }}"/>'
    assert read_page(None, "feed.xml", templated).shares == ()
    with pytest.raises(PageError, match="feed.xml: not well-formed XML"):
        read_page(None, "feed.xml", b"<rss><channel><item><enclosure url=")


def test_deep_json_is_bounded():
    deep = b'<script type="application/ld+json">' + b"[" * 100_000 + b"]" * 100_000 + b"</script>"
    assert read_page(None, "index.html", deep).shares == ()
    manifest = b'{"icons": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(PageError, match="not a JSON web app manifest"):
        read_page(None, "site.webmanifest", manifest)


@pytest.mark.parametrize("config, name", [("baseURL = 'https://oakfield.example/'\n", "hugo.toml"),
                                          ("title: Oakfield\nurl: \"https://oakfield.example\"\n", "_config.yml")])
def test_an_absolute_url_counts_only_on_the_site_s_own_host_when_the_configuration_names_it(tmp_path, config, name):
    from schoollint.pages.shares import site_hosts

    site_hosts.cache_clear()
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.jpg").write_bytes(b"")
    page = b"""<meta property="og:image" content="https://oakfield.example/img/a.jpg">
<meta property="og:image" content="https://cdn.example.net/img/a.jpg">"""
    assert [s.target for s in read_page(tmp_path, "index.html", page).shares] == ["img/a.jpg", "img/a.jpg"]
    (tmp_path / name).write_text(config)
    site_hosts.cache_clear()
    assert [s.target for s in read_page(tmp_path, "index.html", page).shares] == ["img/a.jpg", None]
