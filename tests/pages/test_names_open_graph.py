"""A social card pairs the page's one shared picture with its title (issue 10, heldout_n's `open-graph`
misses), through the command line on real pages and JPEGs.

`og:image` with `og:title` or `og:description`, `twitter:image` with `twitter:title`, and the page's
`<title>` and meta description when no card title or description is given (the networks fall back to
them); the card's `og:image:alt` is the picture's alt text. Traps: first names only, a card title with no
card picture, a place, a logo.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import findings, lint


def _page(head: str, body: str = "<main><h1>News</h1></main>") -> str:
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n{head}\n</head>\n"
            f"<body>{body}</body></html>\n")


def test_the_card_title_is_a_name_beside_the_card_picture(tmp_path):
    found = findings(tmp_path / "s", {"news/poetry.html": _page(
        '<title>Poetry prize</title>\n'
        '<meta property="og:title" content="Seraphina Lindqvist-Obi wins the national poetry prize">\n'
        '<meta property="og:image" content="/images/og/poet.jpg">\n'
        '<meta name="twitter:image" content="/images/og/poet.jpg">')})
    assert [(f["code"], f["field"], f["value"], f["line"]) for f in found] == [
        ("SL303", "og:title", "Seraphina Lindqvist-Obi", 4)]     # one card: og:image and twitter:image agree


def test_twitter_cards_descriptions_alt_texts_and_the_page_title(tmp_path):
    found = findings(tmp_path / "s", {
        "news/swim.html": _page('<meta name="twitter:title" content="Cassius Amankwah-Lee breaks the record">\n'
                                '<meta name="twitter:image" content="/images/og/swim.jpg">'),
        "news/art.html": _page('<meta property="og:title" content="Art exhibition">\n'
                               '<meta property="og:description" content="Work by Leocadia Papadakis-Roe is on show.">\n'
                               '<meta property="og:image" content="/images/og/art.jpg">\n'
                               '<meta property="og:image:alt" content="Marisol Quigley-Abara with her painting">'),
        "news/award.html": _page('<title>Congratulations to Evangelina Marchetti-Dunn | Oakfield</title>\n'
                                 '<meta property="og:image" content="/images/og/award.jpg">'),
        "news/cup.html": _page('<meta property="og:title" content="Cup final">\n'
                               '<meta name="description" content="Aurelio Fitzwilliam-Ngata lifts the cup.">\n'
                               '<meta property="og:image" content="/images/og/cup.jpg">'),
    })
    assert {(f["path"], f["code"], f["field"], f["value"]) for f in found} == {
        ("news/swim.html", "SL303", "twitter:title", "Cassius Amankwah-Lee"),
        ("news/art.html", "SL303", "og:description", "Leocadia Papadakis-Roe"),
        ("news/art.html", "SL302", "alt text", "Marisol Quigley-Abara"),
        ("news/award.html", "SL303", "page title (its card's title)", "Evangelina Marchetti-Dunn"),
        ("news/cup.html", "SL303", "meta description (its card's)", "Aurelio Fitzwilliam-Ngata")}


def test_first_names_a_title_without_a_card_picture_and_places_are_not_reported(tmp_path):
    found = lint(tmp_path / "s", {
        "news/relay.html": _page('<meta property="og:title" content="Amara and Leon win the relay">\n'
                                 '<meta property="og:image" content="/images/og/relay.jpg">'),
        "news/letter.html": _page('<meta property="og:title" content="A letter from Torvald Ingebrigtsen-Moss">'),
        "news/park.html": _page('<meta property="og:title" content="Year 6 trip to Victoria Park">\n'
                                '<meta property="og:image" content="/images/og/park.jpg">'),
        "news/named.html": _page('<title>Rafferty Okonjo-Blake, our new head boy</title>\n'
                                 '<meta property="og:title" content="Our new head boy">\n'
                                 '<meta property="og:image" content="/images/og/boy.jpg">'),
        "news/governors.html": _page('<meta property="og:title" content="A letter from Isolde Featherstone-Ako">\n'
                                     '<meta property="og:image" content="/images/school-logo.png">'),
    })
    assert found == []      # a card title is given, so the <title> is no card's; a logo is no one's photo
