"""SL202 and the page's own <style> rules (trial item 11b): a rule that may match the image and
sets its width wins over the width attribute, so the displayed size is unknown and SL202 says
nothing; `max-width` never enlarges, and a rule that cannot match the image changes nothing."""

from __future__ import annotations

import json

import pytest

from tests.kit.images import encode, gradient


def _site(repo, style: str, img: str = '<img src="images/choir.jpg" width="300" alt="The choir">') -> None:
    (repo / "images").mkdir()
    (repo / "images" / "choir.jpg").write_bytes(encode(gradient((1200, 800)), "JPEG", quality=90))
    (repo / "index.html").write_text(f"<html><head><style>\n{style}\n</style></head><body>\n"
                                     f'<div class="hero">{img}</div></body></html>\n', encoding="utf-8")


def _sl202(cli) -> list[str]:
    code, out, err = cli("check", "--no-cache", "--select", "SL202", "--output-format", "json")
    assert code in (0, 1), err
    return [finding["message"] for finding in json.loads(out)["findings"] if finding["code"] == "SL202"]


@pytest.mark.parametrize("style", [
    ".hero img { width: 100% }",
    "img { width: 50vw; }",
    "@media (min-width: 800px) { .hero > img { min-width: 100% } }",
    "div img.photo, .hero img { width: auto }",
    "#main .hero img { width: 40em }",
])
def test_a_style_rule_that_sets_the_width_makes_it_unknown(repo, cli, style):
    _site(repo, style)
    assert _sl202(cli) == []


@pytest.mark.parametrize("style", [
    "img { max-width: 100%; }",             # never enlarges: the attribute still bounds it
    ".card p { width: 100% }",              # cannot match an img
    "img.banner { width: 100% }",           # a class this image does not have
    ".hero img::after { width: 100% }",     # a pseudo-element is another box
    "/* .hero img { width: 100% } */",
])
def test_a_rule_that_cannot_widen_the_image_keeps_the_attribute(repo, cli, style):
    _site(repo, style)
    found = _sl202(cli)
    assert len(found) == 1 and "at most 300 px wide" in found[0], found


def test_an_inline_px_width_wins_over_a_rule_unless_the_rule_is_important(repo, cli):
    img = '<img src="images/choir.jpg" style="width: 300px" alt="The choir">'
    _site(repo, ".hero img { width: 100% }", img)
    assert len(_sl202(cli)) == 1
    (repo / "index.html").unlink()
    (repo / "images" / "choir.jpg").unlink()
    (repo / "images").rmdir()
    _site(repo, ".hero img { width: 100% !important }", img)
    assert _sl202(cli) == []


def test_a_linked_stylesheet_of_the_site_counts_as_the_page_style_does(repo, cli):
    _site(repo, "")
    page = (repo / "index.html").read_text(encoding="utf-8")
    (repo / "index.html").write_text(page.replace("<head>", '<head><link rel="stylesheet" href="css/site.css">'),
                                     encoding="utf-8")
    (repo / "css").mkdir()
    (repo / "css" / "site.css").write_text("img { max-width: 100%; height: auto }\n", encoding="utf-8")
    assert len(_sl202(cli)) == 1                       # max-width and height: the width stays 300 px
    (repo / "css" / "site.css").write_text(".hero img { width: 100%; height: auto }\n", encoding="utf-8")
    assert _sl202(cli) == []
