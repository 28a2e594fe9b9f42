"""A name in the heading that titles the article or section holding the photo (issue 10, heldout_m's
misses): "Pupil spotlight: ..." in an `<h2>`, then the photo in a `<div>`, through the command line on real
pages and JPEGs; and the traps: a section with two photos, a page's own title above its one photo, a photo
whose own figcaption says what it shows (the heading is the story's).
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint, names


def test_the_heading_of_an_article_or_section_holding_one_photo(tmp_path):
    found = lint(tmp_path / "s", {
        "spotlight.html": html('<article class="spotlight"><h2 class="spotlight__title">Pupil spotlight: Tobiah '
                               'Nwachukwu-Reyes</h2>\n<div class="spotlight__image"><img src="/images/s/a.jpg" alt="" '
                               'loading="lazy"></div>\n<p>This term\'s spotlight goes to a Year 11 volunteer.</p>'
                               '</article>'),
        "news.html": html('<section><header><h3>Congratulations, Marisol Featherstone-Iwu</h3></header>\n'
                          '<p>A county medal in the 200 m.</p><div><div><img src="/images/s/b.jpg" alt=""></div></div>'
                          '</section>'),
    })
    assert {(path, value) for _code, path, value in found} == {
        ("spotlight.html", "Tobiah Nwachukwu-Reyes"), ("news.html", "Marisol Featherstone-Iwu")}


def test_a_heading_over_two_photos_or_over_the_whole_page_is_not_one_photos(tmp_path):
    found = lint(tmp_path / "s", {
        "thanks.html": html('<section><h2>Thank you, Leontyne Abernathy-Oke</h2>\n<div><img src="/images/t/a.jpg" '
                            'alt=""></div>\n<div><img src="/images/t/b.jpg" alt=""></div></section>'),
        "page.html": html('<h1>A message from Cornelius Ashdown-Blake</h1>\n<p>Our new term starts on Monday and '
                          'we have much to look forward to this year in school, with new clubs and trips.</p>\n'
                          '<p>More news follows below this paragraph, which is long enough to be the page text '
                          'that no caption would ever be; it goes on and on about the term ahead.</p>\n'
                          '<div><img src="/images/t/c.jpg" alt=""></div>'),
        "story.html": html('<article><h2>Ambrosine Kettleby-Oduya wins the county final</h2>\n<p>Story text.</p>\n'
                           '<figure><img src="/images/t/d.jpg" alt=""><figcaption>The finish line</figcaption>'
                           '</figure></article>'),        # the photo's own caption says what it shows
    })
    assert names(found) == set()


def test_a_components_article_heading_too(tmp_path):
    page = '''---
const pupil = { name: "Anastazja Oduya-Brennan", photo: "/images/c/spot.jpg" };
---
<article class="spotlight"><h2>Pupil spotlight: {pupil.name}</h2>
  <div class="spotlight__image"><img src={pupil.photo} alt="" /></div>
  <p>This term's spotlight goes to a Year 11 pupil who volunteers at the food bank.</p>
</article>
'''
    found = lint(tmp_path / "s", {"src/pages/spotlight.astro": page, "src/pages/two.astro": page.replace(
        '<p>This', '<div><img src="/images/c/other.jpg" alt="" /></div><p>This').replace("/c/spot", "/c/spot2")})
    assert {(path, value) for _code, path, value in found} == {("src/pages/spotlight.astro", "Anastazja Oduya-Brennan")}
