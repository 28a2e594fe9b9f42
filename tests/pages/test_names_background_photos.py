"""A photo shown as a CSS background and the words over or beside it (issue 10, real school sites: a hero
banner with the pupil's name in its overlaid heading, a staff card's or avatar's `background-image`, lazysizes'
`data-bg`), read through the command line on real pages and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint


def test_the_heading_over_a_background_hero(tmp_path):
    page = html('<section class="hero" style="background-image: url(\'/images/bh1.jpg\')">\n'
                '<div class="hero-overlay"><h1>Well done, Peregrine Ashdown-Whyte!</h1></div></section>\n'
                '<p>Our school news.</p>')
    assert lint(tmp_path / "s", {"news/hero.html": page}) == [("SL303", "news/hero.html", "Peregrine Ashdown-Whyte")]


def test_a_background_cards_name_and_a_lazy_avatar(tmp_path):
    page = html('<div class="card"><div class="card-image" style="background:#eee url(/images/bc1.jpg) center/cover">'
                '</div>\n<h3 class="card-title">Peregrine Ashdown-Whyte</h3><p>Head boy</p></div>\n'
                '<ul class="staff"><li><span class="avatar lazyload" data-bg="/images/bc2.jpg"></span>'
                '<span class="name">Jocasta Merriweather-Oyelowo</span></li></ul>')
    found = lint(tmp_path / "s", {"about/staff.html": page})
    assert {value for _code, _path, value in found} == {"Peregrine Ashdown-Whyte", "Jocasta Merriweather-Oyelowo"}


def test_a_background_under_a_whole_section_or_before_a_paragraph_names_no_one(tmp_path):
    """The traps: a backdrop under a long text is the page's, a divider's paragraph after it is the page's, and
    an SVG or GIF background is a pattern."""
    thanks = "Thanks to Peregrine Ashdown-Whyte for organising the fair. "
    page = html(f'<section style="background-image:url(/images/bt1.jpg)"><h2>News</h2><p>{thanks * 6}</p></section>\n'
                f'<div class="divider" style="background-image:url(/images/bt2.jpg)"></div><p>{thanks}</p>\n'
                f'<div class="hero" style="background-image:url(/images/pattern.svg)"><h1>{thanks}</h1></div>')
    assert lint(tmp_path / "s", {"news/fair.html": page}) == []


def test_a_background_given_by_the_pages_own_style_rule(tmp_path):
    """A page builder writes each element's background in a `<style>` rule for its class or id; a rule for a
    type alone (`section`) is a backdrop of every section, and a linked sheet is the theme's: not read."""
    page = ('<!doctype html>\n<html lang="en"><head><style>\n.elementor-element-5f3c2a1 { background-image: '
            'url("/images/bs1.jpg"); } #hero-7 { background: url(/images/bs2.jpg) } section { background-image: '
            'url(/images/bs3.jpg) }\n</style><link rel="stylesheet" href="/theme.css"></head><body>\n'
            '<div class="elementor-element elementor-element-5f3c2a1"><h2>Well done, Anwen Pritchard-Oyelaran!</h2>'
            '</div>\n<div id="hero-7"><h1>Fionnuala Castellane-Ward, head girl</h1></div>\n'
            '<section><h2>Thanks to Gideon Ashworth-Mbeki for the cakes</h2></section>\n'
            '<div class="banner"><h2>Thanks to Gideon Ashworth-Mbeki again</h2></div>\n</body></html>\n')
    found = lint(tmp_path / "s", {"news/builder.html": page, "theme.css": ".banner{background:url(/images/bs4.jpg)}"})
    assert {value for _code, _path, value in found} == {"Anwen Pritchard-Oyelaran", "Fionnuala Castellane-Ward"}


def test_a_background_written_in_capitals_is_read_as_in_lower_case(tmp_path):
    """CSS property names and functions are case-insensitive (CSS Syntax 3, 4.3): `BACKGROUND-IMAGE: URL(...)`
    in a `<style>` rule or an inline style is the same photo as in lower case, not a page with none."""
    page = ('<!doctype html>\n<html lang="en"><head><style>\n.HeroBanner { BACKGROUND-IMAGE: URL("/images/bu1.jpg") }'
            '\n</style></head><body>\n<div class="HeroBanner"><h2>Well done, Anwen Pritchard-Oyelaran!</h2></div>\n'
            '<div style="Background: URL(/images/bu2.jpg) center/cover"><h2>Fionnuala Castellane-Ward</h2></div>\n'
            '</body></html>\n')
    found = lint(tmp_path / "s", {"news/capitals.html": page})
    assert {value for _code, _path, value in found} == {"Anwen Pritchard-Oyelaran", "Fionnuala Castellane-Ward"}
