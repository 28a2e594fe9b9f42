"""A paired figure shortcode's body is the photo's caption (issue 10, session 9's "Hugo's own figure shortcode
body" left known): a theme's `{{< figure src="a.jpg" >}}Name ...{{< /figure >}}` in Markdown, beside the
`caption=` parameter already read; read through the command line on real pages and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint

PAGE = '---\ntitle: Sports day\n---\n{{< figure src="/images/%s.jpg" >}}\nAnselm Treharne-Vos wins the egg and ' \
       'spoon.\n{{< /figure >}}\n\nMore photos next week.\n'


def test_a_hugo_figure_shortcodes_body(tmp_path):
    found = lint(tmp_path / "s", {"content/news/sports.md": PAGE % "fb1"})
    assert found == [("SL303", "content/news/sports.md", "Anselm Treharne-Vos")]


def test_text_after_an_unpaired_figure_is_not_its_body(tmp_path):
    """The trap: a figure with no closing tag has no body; the post's later words are not its caption, and a
    closing tag of a later figure belongs to that figure."""
    page = '{{< figure src="/images/fb2.jpg" >}}\n\n## Thanks\n\nThanks to Anselm Treharne-Vos and his mum for the ' \
           'cakes, and to the PTA, who ran the stall all day long, every single year since the school opened.\n\n' \
           '{{< figure src="/images/fb3.jpg" >}}The relay{{< /figure >}}\n'
    assert lint(tmp_path / "s", {"content/news/thanks.md": page}) == []
