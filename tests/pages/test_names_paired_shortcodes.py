"""A paired shortcode's body as the photo's caption (issue 10, heldout_o's eleventy-paired-shortcode misses):
Eleventy's `{% figure "a.jpg" %}Name ...{% endfigure %}` in Nunjucks and in Markdown, and Hugo's
`{{< person photo="a.jpg" >}}Name{{< /person >}}`, read through the command line on real pages and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint

FIGURE = '''---
layout: post.njk
title: Science week
---
{%% figure "/images/%s.jpg", "Science week" %%}Philippa Oyediran-Holt (Year 3) shows her volcano.{%% endfigure %%}
'''


def test_an_eleventy_paired_shortcodes_body_in_nunjucks_and_markdown(tmp_path):
    found = lint(tmp_path / "s", {"src/week.njk": FIGURE % "n1", "content/week.md": FIGURE % "m1"})
    assert {(path, value) for _code, path, value in found} == {
        ("src/week.njk", "Philippa Oyediran-Holt"), ("content/week.md", "Philippa Oyediran-Holt")}


def test_a_hugo_paired_shortcodes_body(tmp_path):
    page = '---\ntitle: Governors\n---\n{{< person photo="/images/h1.jpg" >}}\nBartholomew Nakagawa-Frost, chair\n' \
           '{{< /person >}}\n'
    found = lint(tmp_path / "s", {"content/governors.md": page})
    assert {(path, value) for _code, path, value in found} == {("content/governors.md", "Bartholomew Nakagawa-Frost")}


def test_a_body_after_the_closing_tag_is_not_the_photos(tmp_path):
    """The trap: text after `{% endfigure %}` is the page's, and a body naming no one names no one."""
    page = '{% figure "/images/t1.jpg" %}The volcano{% endfigure %}\n\n' \
           '<p>Thanks to Hermione Quartey-Blackwood for the sandwiches.</p>\n\n<p>More photos next week.</p>\n'
    assert lint(tmp_path / "s", {"src/thanks.njk": page}) == []
