"""A list of names beside one photo (issue 10, heldout_n's `prize-list` misses), through the command line on
real pages and JPEGs: a prize list or a squad right after the photo, or after a heading or a lead-in ending
in a colon that follows it ("Prize winners", "Our quiz team:"), item by item, in HTML and Markdown; "Back
row: ..." lines. Traps: a list of clubs, first names only, a list after the article's long paragraph.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import findings, html, lint


def test_a_prize_list_under_a_heading_after_the_photo(tmp_path):
    found = findings(tmp_path / "s", {"news/awards.html": html(
        '<section class="prizegiving"><img src="/images/p/awards.jpg" alt="Prize winners on stage">\n'
        "<h3>Prize winners</h3>\n"
        "<ul><li>Citizenship award – Ottoline Barraclough-Eze</li>\n"
        "<li>Reading award – Dragomir Petrescu-Hale</li></ul></section>")})
    assert [(f["field"], f["value"], f["line"]) for f in found] == [
        ("list below the photo", "Ottoline Barraclough-Eze", 5), ("list below the photo", "Dragomir Petrescu-Hale", 6)]


def test_lead_ins_tables_markdown_lists_and_back_rows(tmp_path):
    found = lint(tmp_path / "s", {
        "news/quiz.html": html('<section><p><img src="/images/q/quiz.jpg" alt=""></p>\n<p>Our quiz team:</p>\n'
                               "<ol><li>Anneliese Wrigglesworth</li><li>Baptiste Okorafor-Lund</li></ol>\n"
                               "<p>They came second.</p></section>"),
        "news/relay.html": html('<div><img src="/images/r/relay.jpg" alt=""><h4>Results</h4>\n'
                                "<table><tr><td>1st</td><td>Zoltan Fennimore-Abe</td></tr></table></div>"),
        "content/squad.md": ("![The squad](/images/s/squad.jpg)\n\n### The squad\n\n- Marguerite Oyelowo-Dane (GK)\n"
                             "- Leopold Szymanski-Roe\n\nWe lost 2–1.\n"),
        "content/speech.md": ("![](/images/s/speech.jpg)\n\n**Prize winners:**\n\n"
                              "1. Debating – Anastasius Pemberton-Asante\n2. Drama – Clothilde Ferreira-Nunes\n"),
        "news/rounders.html": html('<div class="report"><img src="/images/r/rounders.jpg" alt="">\n'
                                   "<p>Back row: Wilhelmina Achebe-Ross, Percival Lindgren. Front row: Octavia "
                                   "Mbatha-Kerr.</p></div>"),
    })
    assert {(path, value) for _code, path, value in found} == {
        ("news/quiz.html", "Anneliese Wrigglesworth"), ("news/quiz.html", "Baptiste Okorafor-Lund"),
        ("news/relay.html", "Zoltan Fennimore-Abe"),
        ("content/squad.md", "Marguerite Oyelowo-Dane"), ("content/squad.md", "Leopold Szymanski-Roe"),
        ("content/speech.md", "Anastasius Pemberton-Asante"), ("content/speech.md", "Clothilde Ferreira-Nunes"),
        ("news/rounders.html", "Wilhelmina Achebe-Ross; Percival Lindgren; Octavia Mbatha-Kerr")}


def test_clubs_first_names_and_lists_after_the_article_are_not_the_photos(tmp_path):
    article = ("The governing body meets once a half-term. Its committees look at the curriculum, the budget and "
               "the buildings, and each governor visits the school at least twice a year to see lessons and talk "
               "to pupils and staff. Minutes are published here once they have been agreed at the next meeting.")
    found = lint(tmp_path / "s", {
        "clubs.html": html('<section><img src="/images/c/clubs.jpg" alt=""><h3>Clubs</h3>\n'
                           "<ul><li>Monday – Netball</li><li>Tuesday – Coding Club</li></ul></section>"),
        "news/bakers.html": html('<section><img src="/images/b/bake.jpg" alt=""><h3>Star bakers</h3>\n'
                                 "<ul><li>Imogen</li><li>Rafferty</li></ul></section>"),
        "governors.html": html(f'<section><img src="/images/g/school.jpg" alt=""><p>{article}</p>\n'
                               "<ul><li>Chair: Lysander Hollingworth-Obi</li></ul></section>"),
        "content/bake.md": "![](/images/b/cake.jpg)\n\nOur cakes sold out by noon, raising money for the library.\n\n"
                           "- Perpetua Agbaje-Stone\n",
    })
    assert found == []


def test_a_squad_after_the_photos_figure(tmp_path):
    """A figure with its own caption, then the team's list (under a heading or not), in HTML and a component."""
    found = lint(tmp_path / "s", {
        "news/netball.html": html('<article><figure><img src="/images/n/netball.jpg" alt="">'
                                  "<figcaption>Under-11 netball, county finals</figcaption></figure>\n"
                                  "<h4>The team</h4>\n"
                                  "<ul><li>Georgiana Featherby (GS)</li><li>Olamide Thistlewood (C)</li></ul>\n"
                                  "<p>They finished third.</p></article>"),
        "src/Chess.jsx": ('const players = [{ name: "Casimir Wolstenholme" }, { name: "Itzel Brackenbury" }];\n\n'
                          "export default function Chess() {\n  return (\n    <article>\n      <figure>\n"
                          '        <img src="/images/c/chess.jpg" alt="" />\n'
                          "        <figcaption>The chess team</figcaption>\n      </figure>\n"
                          "      <ol>{players.map((p) => <li key={p.name}>{p.name}</li>)}</ol>\n"
                          "    </article>\n  );\n}\n"),
        "news/trip.html": html('<article><figure><img src="/images/t/trip.jpg" alt="">'
                               "<figcaption>Year 5 at the museum</figcaption></figure>\n<p>Next time, bring:</p>\n"
                               "<ul><li>A packed lunch</li><li>A permission slip</li></ul>"
                               "</article>"),
    })
    assert {(path, value) for _code, path, value in found} == {
        ("news/netball.html", "Georgiana Featherby"), ("news/netball.html", "Olamide Thistlewood"),
        ("src/Chess.jsx", "Casimir Wolstenholme"), ("src/Chess.jsx", "Itzel Brackenbury")}
