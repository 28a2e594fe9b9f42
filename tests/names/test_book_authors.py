"""Book authors beside a book's cover (issue 10, heldout_o's wrong report "Louis Sachar"): the authors of the
class readers and reading lists schools show (the stop list's `authors`: a list, so an author it lacks is
still reported), here in an Astro component's list of books, are no pupils;
a pupil's review beside the same cover still names the pupil. Through the command line, real JPEGs, with
and without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import names_reported

BOOKS = """---
const books = [
  { title: "Wonder", author: "R. J. Palacio", cover: "/images/wonder.jpg" },
  { title: "Holes", author: "Louis Sachar", cover: "/images/holes.jpg" },
  { title: "Because of Winn-Dixie", author: "Kate DiCamillo", cover: "/images/book-3.jpg" },
];
---
<ul class="books">
  {books.map((b) => (
    <li><img src={b.cover} alt="" /><em>{b.title}</em> by {b.author}</li>
  ))}
</ul>
"""
REVIEW = "![](/images/holes-review.jpg)\n\nHoles by Louis Sachar, reviewed by Imogen Fairweather (Year 6).\n"


def test_book_authors_beside_covers_are_no_pupils(tmp_path):
    pages = {"src/pages/reading.astro": BOOKS, "site/review.md": REVIEW}
    expected = {"site/review.md": {"Imogen Fairweather"}}
    assert names_reported(tmp_path / "without", pages) == expected
    assert names_reported(tmp_path / "with", pages, [("Imogen", "Fairweather")]) == expected
