"""Markdown pages: images with lines, front matter, raw HTML, shortcodes, captions, suppressions."""

from __future__ import annotations

import pytest

from schoollint.pages.model import PageError
from schoollint.pages.registry import read_page

POST = """\
---
title: Sports day results
image: /images/race.jpg
gallery:
  - image: /images/g1.jpg
    alt: Long jump
    caption: |
      The long jump
      final
  - /images/g2.jpg
cover:
  image: cover.png
  title: Cover title
---
Intro ![Runners](pics/run.jpg "Finish line")
and a second line.

![Reference][ref] with words

<figure>
<img src="/images/fig.jpg" alt="Figure alt">
<figcaption>Figure caption</figcaption>
</figure>

Inline <img src="inline.jpg" alt="Inline alt"> in a paragraph.

[ref]: /images/ref.jpg
"""


def read_md(text: str, path: str = "content/news/post.md", root=None):
    return read_page(root, path, text.encode("utf-8"))


def by_src(page) -> dict:
    return {image.src: image for image in page.images}


def labels(image) -> dict[str, tuple[str, int]]:
    return {span.label: (span.text, span.line) for span in image.labels() + list(image.captions)}


def test_images_and_their_lines_past_the_front_matter():
    images = by_src(read_md(POST))
    run = images["pics/run.jpg"]
    assert (run.target, run.line, run.alt, run.title) == ("content/news/pics/run.jpg", 15, "Runners", "Finish line")
    assert labels(run)["paragraph"] == ("Intro \nand a second line.", 15)
    ref = images["/images/ref.jpg"]
    assert (ref.target, ref.line, ref.alt) == ("images/ref.jpg", 18, "Reference")
    fig = images["/images/fig.jpg"]
    assert (fig.line, fig.alt, fig.alt_line) == (21, "Figure alt", 21)
    assert labels(fig)["figcaption"] == ("Figure caption", 22)
    inline = images["inline.jpg"]
    assert (inline.line, inline.alt) == (25, "Inline alt")
    assert labels(inline)["paragraph"] == ("Inline  in a paragraph.", 25)


def test_front_matter_images_carry_the_post_title_and_their_own_words():
    images = by_src(read_md(POST))
    assert images["/images/race.jpg"].line == 3
    assert labels(images["/images/race.jpg"]) == {"front-matter title": ("Sports day results", 2)}
    g1 = images["/images/g1.jpg"]
    assert (g1.alt, g1.alt_line, g1.line) == ("Long jump", 6, 5)
    assert labels(g1)["front-matter caption"] == ("The long jump\nfinal\n", 8)
    assert images["/images/g2.jpg"].line == 10
    cover = images["cover.png"]
    assert (cover.title, cover.title_line) == ("Cover title", 13)


def test_references_include_front_matter_images():
    page = read_md(POST)
    assert {"images/race.jpg", "images/g1.jpg", "images/g2.jpg", "images/fig.jpg", "images/ref.jpg",
            "content/news/pics/run.jpg", "content/news/inline.jpg"} <= page.references


def test_lists_tables_and_links_label_their_text():
    page = read_md(
        "- ![a](li.jpg) list words\n"
        "- other item\n"
        "\n"
        "| photo | who |\n"
        "|---|---|\n"
        "| ![b](cell.jpg) cell words | next |\n"
        "\n"
        "See [the fair photo](photos/fair.jpg) and [![thumb](t.jpg)](big.jpg).\n"
    )
    images = by_src(page)
    assert labels(images["li.jpg"])["list item"] == (" list words", 1)
    assert labels(images["cell.jpg"])["table cell"] == (" cell words", 6)
    assert labels(images["photos/fair.jpg"])["link text"] == ("the fair photo", 8)
    assert "big.jpg" not in images and "content/news/big.jpg" in page.references


def test_an_emphasised_paragraph_under_a_photo_is_its_caption():
    page = read_md("![](a.jpg)\n\n*A caption in italics*\n\n![](b.jpg)\n\nPlain text is not a caption.\n")
    images = by_src(page)
    assert labels(images["a.jpg"])["caption"] == ("A caption in italics", 3)
    assert "caption" not in labels(images["b.jpg"])


def test_hugo_and_jekyll_figure_captions():
    page = read_md(
        'Text\n\n{{< figure src="/images/hugo.jpg" alt="Hugo alt" title="Hugo title" caption="Hugo\n'
        'caption" >}}\n\n'
        "{% include figure.html image='/assets/j.jpg' alt=\"J alt\" caption=\"Jekyll caption\" %}\n\n"
        "```\n{{< figure src=\"/images/in-code.jpg\" caption=\"Not a page image\" >}}\n```\n"
    )
    images = by_src(page)
    hugo = images["/images/hugo.jpg"]
    assert (hugo.line, hugo.alt, hugo.alt_line) == (3, "Hugo alt", 3)
    assert labels(hugo)["figure caption"] == ("Hugo\ncaption", 3)
    assert labels(hugo)["figure title"] == ("Hugo title", 3)
    jekyll = images["/assets/j.jpg"]
    assert (jekyll.line, jekyll.alt, labels(jekyll)["figure caption"]) == (6, "J alt", ("Jekyll caption", 6))
    assert "/images/in-code.jpg" not in images


def test_toml_front_matter():
    page = read_md('+++\ntitle = "Gala night"\nimages = ["/images/gala.jpg"]\n+++\nBody\n')
    (image,) = page.images
    assert (image.target, image.line) == ("images/gala.jpg", 3)
    assert labels(image) == {"front-matter title": ("Gala night", 2)}


def test_suppressions_in_markdown_and_front_matter():
    page = read_md("---\n# schoollint: ignore SL303\ntitle: x\n---\n"
                   "<!-- schoollint: ignore SL302 -->\n![a](a.jpg)\n")
    assert {(s.line, min(s.covers), s.codes) for s in page.suppressions} == {
        (2, 3, frozenset({"SL303"})), (5, 6, frozenset({"SL302"}))}


def test_broken_front_matter_is_a_page_error():
    with pytest.raises(PageError, match="post.md front matter: not valid YAML"):
        read_md("---\ntitle: [unclosed\n---\nBody\n")


def test_page_bundle_relative_images_resolve_beside_the_page(tmp_path):
    bundle = tmp_path / "content" / "news" / "gala"
    bundle.mkdir(parents=True)
    (bundle / "photo.jpg").write_bytes(b"x")
    page = read_md("---\ncover:\n  image: photo.jpg\n---\n![x](photo.jpg)\n", "content/news/gala/index.md",
                   root=tmp_path)
    assert [image.target for image in page.images] == ["content/news/gala/photo.jpg"] * 2


def test_no_front_matter_and_crlf_lines():
    page = read_md("Title\r\n\r\n![a](a.jpg)\r\n")
    assert [(image.src, image.line) for image in page.images] == [("a.jpg", 3)]


def test_images_after_line_breaks_inside_a_paragraph_keep_their_line():
    page = read_md("First line of text\nsecond ![a](a.jpg) line  \nthird ![b](b.jpg \"B\")\n")
    assert [(image.src, image.line) for image in page.images] == [("a.jpg", 2), ("b.jpg", 3)]
