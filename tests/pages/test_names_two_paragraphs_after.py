"""A name two paragraphs after the photo (issue 10, heldout_m's misses): a short post shows a photo, says
a sentence, then names the pupil in the next; through the command line on real pages and JPEGs. How far is
"with the photo": the paragraph after it and, when that one is short, the one after that; not a third, not
past a long paragraph, a heading or another photo.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint

LONG = ("The match was played in heavy rain on the lower field, and both teams kept going through two long "
        "halves of hard tackling, with the ball barely leaving the middle of the pitch for the first twenty "
        "minutes. The referee stopped play twice to let the worst of the showers pass, and the spectators "
        "sheltered under the pavilion roof with flasks of tea and the good humour for which our parents are known.")


def test_the_second_paragraph_after_a_photo_in_markdown_and_html(tmp_path):
    found = lint(tmp_path / "s", {
        "content/chess.md": ("![](/images/c/a.jpg)\n\nThe junior chess club met its first visiting team this week."
                             "\n\nOur thanks go to Cordelia Nakamura-Fitz (Year 4), who kept every score sheet.\n"),
        "news/concert.html": html('<div class="entry"><p><img src="/images/c/b.jpg" alt=""></p>\n<p>Parents packed '
                                  'the hall for the spring concert.</p>\n<p>The highlight was a flute solo by '
                                  'Augustin Oyinlola-Park of Year 8.</p></div>'),
    })
    assert {(path, value) for _code, path, value in found} == {
        ("content/chess.md", "Cordelia Nakamura-Fitz"), ("news/concert.html", "Augustin Oyinlola-Park")}


def test_not_a_third_paragraph_nor_past_a_long_one_or_a_heading(tmp_path):
    found = lint(tmp_path / "s", {
        "content/a.md": ("![](/images/d/a.jpg)\n\nA short first line.\n\nA short second line.\n\n"
                         "Thanks to Seraphina Oduya-Lindgren for the tea.\n"),
        "content/b.md": f"![](/images/d/b.jpg)\n\n{LONG}\n\nThanks to Bartholomew Achterhof-Nze for refereeing.\n",
        "content/c.md": ("![](/images/d/c.jpg)\n\nA short first line.\n\n## Next week\n\n"
                         "Thanks to Octavia Mbeki-Lawrence for the minibus.\n"),
        "news/d.html": html(f'<p><img src="/images/d/d.jpg" alt=""></p>\n<p>{LONG}</p>\n'
                            '<p>Thanks to Leopold Adeyinka-Shaw for refereeing.</p>'),
    })
    assert found == []


def test_in_a_component_too(tmp_path):
    page = '''export default function Concert() {
  return (
    <article>
      <p><img src="/images/cc/a.jpg" alt="" /></p>
      <p>Parents packed the hall for the spring concert.</p>
      <p>The highlight was a flute solo by Evangeline Oyebode-Marsh of Year 8.</p>
      <p>Thanks also to Barnabas Okonkwo-Lindqvist for the programmes.</p>
    </article>
  );
}
'''
    found = lint(tmp_path / "s", {"src/Concert.jsx": page})
    assert {value for _code, _path, value in found} == {"Evangeline Oyebode-Marsh"}
