"""Schema.org items in JSON-LD pair a picture with a name (issue 10, heldout_n's `json-ld-person` misses),
through the command line on real pages and JPEGs.

A `Person` with an `image`, an `ImageObject` with its `caption`, an `Article` with its `headline` and what
it is `about`, in `@graph` arrays and nested in other items (a team's athletes), each with the picture a
search result shows it beside; and the traps: an item's makers (author, founder) are no caption of its
picture, a school's logo is no person's photo, a broken block pairs nothing.
"""

from __future__ import annotations

import json

from tests.names.test_issue10_kinds import findings, lint


def _page(document, body: str = "<main><h1>News</h1></main>") -> str:
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>News</title>\n"
            f"<script type=\"application/ld+json\">\n{json.dumps(document, indent=1)}\n</script></head>\n"
            f"<body>{body}</body></html>\n")


def test_a_person_with_an_image_is_their_name_beside_their_photo(tmp_path):
    found = findings(tmp_path / "s", {"about/head.html": _page({
        "@context": "https://schema.org", "@type": "Person", "name": "Rosalind Okafor-Brandt",
        "jobTitle": "Headteacher", "image": "/images/staff/head.jpg"})})
    assert [(f["code"], f["field"], f["value"]) for f in found] == [("SL303", "JSON-LD name", "Rosalind Okafor-Brandt")]
    assert found[0]["line"] == 7            # the line the name is written on inside the block
    assert "/images/staff/head.jpg" in found[0]["message"]


def test_graph_arrays_nested_people_image_objects_and_articles(tmp_path):
    found = lint(tmp_path / "s", {
        "news/chess.html": _page({"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": "Oakfield Primary"},
            {"@type": "NewsArticle", "headline": "Ignatius Marchetti-Bowe wins the county chess title",
             "image": {"@type": "ImageObject", "url": "/images/news/chess.jpg"}}]}),
        "sport/team.html": _page({"@type": "SportsTeam", "name": "Under-13 girls' football", "athlete": [
            {"@type": "Person", "givenName": "Philippa", "familyName": "Brandvold-Eze",
             "image": {"@type": "ImageObject", "contentUrl": "/images/team/p1.jpg"}}]}),
        "music/choir.html": _page({"@type": "ImageObject", "contentUrl": "/images/music/choir.jpg",
                                   "caption": "Benedikt Lorimer-Aziz sings the solo"}),
        "news/spotlight.html": _page([{"@type": "Article", "headline": "Pupil spotlight",
                                       "image": ["/images/news/spot.jpg"],
                                       "about": {"@type": "Person", "name": "Cosimo Fairbairn-Oduya"}}]),
    })
    assert {(path, value) for _code, path, value in found} == {
        ("news/chess.html", "Ignatius Marchetti-Bowe"), ("sport/team.html", "Philippa Brandvold-Eze"),
        ("music/choir.html", "Benedikt Lorimer-Aziz"), ("news/spotlight.html", "Cosimo Fairbairn-Oduya")}


def test_makers_logos_items_without_a_picture_and_broken_blocks_pair_nothing(tmp_path):
    broken = _page({"@type": "Person", "name": "Thaddeus Quenby-Lark", "image": "/images/b/a.jpg"})
    found = lint(tmp_path / "s", {
        "news/sports.html": _page({"@type": "BlogPosting", "headline": "Sports day results",
                                   "image": "/images/news/sports.jpg",
                                   "author": {"@type": "Person", "name": "Gwendolen Ashcombe-Reyes"}}),
        "contact.html": _page({"@type": "School", "name": "St Hilda's School", "logo": "/images/logo.png",
                               "founder": {"@type": "Person", "name": "Hildegard Ravenscroft-Iqbal"}}),
        "news/letter.html": _page({"@type": "Person", "name": "Torvald Ingebrigtsen-Moss"}),
        "news/broken.html": broken.replace('"/images/b/a.jpg"', '"/images/b/a.jpg",'),
    })
    assert found == []


def test_the_pages_body_is_read_as_before(tmp_path):
    """A page with JSON-LD still has its body's photos and captions read (the block adds, it hides nothing)."""
    found = lint(tmp_path / "s", {"news/x.html": _page(
        {"@type": "WebPage", "name": "News"},
        '<figure><img src="/images/x/a.jpg" alt=""><figcaption>Ottilie Varga-Nkemelu on stage</figcaption></figure>')})
    assert [value for _code, _path, value in found] == ["Ottilie Varga-Nkemelu"]


def test_a_block_of_many_people_is_read_in_linear_time():
    """20,000 people with photos in one block: every string placed on its line in one pass, not searched for
    from the top each time (which took 12 s of CPU here); CPU seconds of this process, not wall time."""
    import time

    from lxml import etree

    from schoollint.pages.html_source import SourceLines
    from schoollint.pages.page_cards import card_images

    people = [{"@type": "Person", "name": f"Pupil {i}", "image": f"/images/p{i}.jpg"} for i in range(20_000)]
    text = _page({"@graph": people})
    elements = list(etree.fromstring(text, etree.HTMLParser(huge_tree=True)).iter(tag=etree.Element))
    started = time.process_time()
    images = card_images(elements, [], SourceLines(text, elements, 0), "a.html", None)
    assert time.process_time() - started < 5
    assert len(images) == 20_000 and images[-1].captions[0].line == images[-1].line - 1


def test_a_microdata_person_is_a_card_and_a_microdata_article_is_not(tmp_path):
    """schema.org in microdata: a Person item holding one photo is that person's card (its name before or
    after the photo); a BlogPosting holding one photo is a whole post, whose body is no caption."""
    post = ("Thank you to everyone who came to the fair on Saturday. We raised over two thousand pounds for the "
            "new library, and the weather held until the end of the afternoon. Special thanks go to the parents' "
            "association, who ran the stalls and the raffle, drawn by our chair of governors, Lucius "
            "Featherstonehaugh-Obi, whose prizes were collected before the end of the day.")
    found = lint(tmp_path / "s", {
        "about/deputy.html": ('<div itemscope itemtype="https://schema.org/Person">\n<h3 itemprop="name">Thomasina '
                              'Okereke-Vance</h3>\n<p itemprop="jobTitle">Deputy head</p>\n'
                              '<img itemprop="image" src="/images/md/deputy.jpg" alt="">\n</div>\n'),
        "news/post.html": ('<article itemscope itemtype="https://schema.org/BlogPosting">\n'
                           '<img itemprop="image" src="/images/md/fair.jpg" alt="">\n'
                           '<h2 itemprop="headline">Fair</h2>\n'
                           f'<div itemprop="articleBody"><p>{post}</p></div>\n</article>\n'),
    })
    assert [(path, value) for _code, path, value in found] == [("about/deputy.html", "Thomasina Okereke-Vance")]
