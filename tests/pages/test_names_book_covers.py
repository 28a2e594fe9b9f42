"""Book authors beside book covers, told by the page's markup (issue 10, session 9's "book authors are a list,
not a rule"): beside a book's cover, "<cite>Title</cite> by Name" (or `<em>`, `<i>`) is the work's credit; a
pupil's artwork "<em>Sunflowers</em> by Name" beside its photo is a finding, and so is a name in bold beside a
"World Book Day" photo; a page whose front matter is about a book (an `author` beside a `cover` address, an
`isbn`) has the work's title, not a caption. Through the command line on real pages and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint

READING_LIST = html(
    '<h2>Year 5 reading list</h2>\n<ul class="reading-list">\n'
    '<li><img src="/images/bk1.jpg" alt="Book cover"> <cite>The Velvet Orchard</cite> by Marguerite Ellsworthy</li>\n'
    '<li><img src="/images/9780000000002.jpg" alt=""> <cite>Lantern Street</cite> by J. K. Tobias Quennell and '
    'Odalys Fairbrother.</li>\n</ul>\n'
    '<figure class="book-cover"><img src="/images/bk3.jpg" alt=""><figcaption><em>Salt Marsh Summer</em> by Ignatius '
    'Pemberley</figcaption></figure>')


def test_a_book_covers_credit_names_no_pupil(tmp_path):
    assert lint(tmp_path / "s", {"library/reading.html": READING_LIST}) == []


def test_a_pupils_artwork_and_a_pupil_beside_a_cover_are_findings(tmp_path):
    artwork = html('<figure><img src="/images/art1.jpg" alt="Painting"><figcaption><em>Sunflowers</em> by '
                   'Amelisse Wetherburn, Year 4</figcaption></figure>')
    review = html('<figure><img src="/images/bk4-cover.jpg" alt=""><figcaption>Clementine Oyelaran-Briggs (Year 5) '
                  'recommends <cite>The Velvet Orchard</cite> by Marguerite Ellsworthy</figcaption></figure>')
    found = lint(tmp_path / "s", {"art/gallery.html": artwork, "library/review.html": review})
    assert {(path, value) for _code, path, value in found} == {
        ("art/gallery.html", "Amelisse Wetherburn"), ("library/review.html", "Clementine Oyelaran-Briggs")}


def test_a_book_pages_front_matter_title_is_the_works(tmp_path):
    book = "---\ntitle: The Velvet Orchard\nauthor: Marguerite Ellsworthy\ncover: /images/bk5.jpg\n---\nA great read.\n"
    post = "---\ntitle: Saoirse Vandermeer wins the county cross-country\nauthor: Mrs Okafor\ncover:\n" \
           "  image: /images/bk6.jpg\n---\nWell done!\n"
    found = lint(tmp_path / "s", {"content/books/velvet.md": book, "content/news/race.md": post})
    assert [(path, value) for _code, path, value in found] == [("content/news/race.md", "Saoirse Vandermeer")]


def test_a_markdown_reading_lists_emphasised_titles(tmp_path):
    """The same in Markdown: `*Title* by Name` (or `_Title_`) on a cover's caption lines is the work's credit."""
    page = "---\ntitle: Reading list\n---\n![Book cover](/images/velvet-cover.jpg)\n\n*The Velvet Orchard* by " \
           "Marguerite Ellsworthy\n\n![](/images/lantern-jacket.jpg)\n\n- _Lantern Street_ by Tobias Quennell\n"
    art = "![](/images/sunflowers.jpg)\n\n*Sunflowers* by Amelisse Wetherburn, Year 4\n"
    found = lint(tmp_path / "s", {"content/reading.md": page, "content/art.md": art})
    assert found == [("SL303", "content/art.md", "Amelisse Wetherburn")]


def test_a_book_day_photo_and_a_bold_name_beside_a_cover_are_findings(tmp_path):
    """"Book" alone says no cover (World Book Day costumes), and an emphasised name with no "by" is no credit."""
    day = '![Book week costumes](/images/bd1.jpg "Book week")\n\n**Tamsin Oyelaran-Whitby** came as the Gruffalo.\n'
    cover = '![Book cover](/images/bd2-cover.jpg)\n\n**Ambrose Fenwick-Osei** (Year 3) chose this one.\n'
    found = lint(tmp_path / "s", {"content/book-day.md": day, "content/choice.md": cover})
    assert {(path, value) for _code, path, value in found} == {
        ("content/book-day.md", "Tamsin Oyelaran-Whitby"), ("content/choice.md", "Ambrose Fenwick-Osei")}
