"""Issue 10 kinds that heldout_i missed or wrongly reported, each built as a real page (or file name)
and checked through the command line: a name and a role in adjacent inline elements, places after
"at"/"in", surname-first file names without a roster, short surnames that are English words, and a
roster run that reports what is not on the roster only on strong evidence. The names appear in no
tests/names/cases split."""

from __future__ import annotations

from tests.names.test_cards_and_roster_kinds import roster
from tests.names.test_issue10_kinds import html, lint, names


def test_card_layout_name_and_role_in_adjacent_inline_elements(tmp_path):
    page = html('<ul class="governors"><li class="governor"><img src="/images/g1.jpg" alt="">'
                '<div class="governor__text"><strong>Bronagh Tierney</strong><em>Co-opted governor</em></div>'
                '</li></ul>')
    assert names(lint(tmp_path / "s", {"governors.html": page})) == {"Bronagh Tierney"}
    school = roster(tmp_path / "roster.csv", [("Bronagh", "Tierney")])
    assert names(lint(tmp_path / "r", {"governors.html": page}, "--roster", str(school))) == {"Bronagh Tierney"}


def test_card_layout_drop_cap_in_an_inline_element_stays_part_of_its_word(tmp_path):
    # "<b>A</b>ngharad": a lower-case letter follows, so a reader sees one word, as a browser joins it.
    page = html('<figure><img src="/images/g2.jpg" alt=""><figcaption><b>A</b>ngharad Pumphrey with the '
                'county cup</figcaption></figure>')
    assert names(lint(tmp_path / "s", {"cup.html": page})) == {"Angharad Pumphrey"}


def test_named_after_people_places_after_at_and_in(tmp_path):
    files = {"trip.html": html('<figure><img src="/images/p1.jpg" alt=""><figcaption>Year 4 at the Jane Austen '
                               'Centre in Bradford Peverell</figcaption></figure>'),
             "src/Fair.vue": ('<template>\n  <EventCard cover="/images/p2.jpg" title="Summer fair at Lily Meadows" '
                              'date="Saturday" />\n</template>\n'),
             "party.html": html('<figure><img src="/images/p3.jpg" alt=""><figcaption>Fun at Tamsin Quartley\'s '
                                'party</figcaption></figure>'),
             "visit.html": html('<figure><img src="/images/p4.jpg" alt=""><figcaption>A visit from Ruairi Noakes '
                                'of the fire service</figcaption></figure>')}
    # a place after "at"/"in" unless plainly a person: a possessive, or a name after "from"
    assert names(lint(tmp_path / "s", files)) == {"Tamsin Quartley", "Ruairi Noakes"}


def test_roster_names_it_lacks_need_a_known_given_name(tmp_path):
    files = {"a.html": html('<figure><img src="/images/q1.jpg" alt=""><figcaption>Dawnsio Tregwynt with '
                            'Priya Halloran and Mrs Etheridge</figcaption></figure>')}
    assert names(lint(tmp_path / "s", files)) == {"Dawnsio Tregwynt", "Priya Halloran"}
    school = roster(tmp_path / "roster.csv", [("Gethin", "Morcom")])
    # with a roster: no pupil is named so; "Priya" is a given name (a parent, a member of staff), the
    # unlisted "Dawnsio" is not evidence enough when the roster holds every pupil
    assert names(lint(tmp_path / "r", files, "--roster", str(school))) == {"Priya Halloran"}


def test_non_english_names_short_vietnamese_surnames_that_are_english_words(tmp_path):
    files = {"content/finals.md": "![](/images/v1.jpg \"Finals\")\n\nPhong Do lifts the shield for 7R.\n",
             "list.html": html('<p><img src="/images/v2.jpg" alt=""></p><p>Vo, Thinh (4M) - attendance award</p>'),
             "alt.html": html('<img src="/images/v3.jpg" alt="huy le at the gala">'),
             "files.html": html('<img src="/images/c4/khangvu2.jpg" alt="">'),
             "traps.html": html('<figure><img src="/images/v5.jpg" alt=""><figcaption>Will Do it again? Can Do '
                                'attitude!</figcaption></figure><img src="/images/c6/amelia-do-it.jpg" alt="">')}
    assert names(lint(tmp_path / "s", files)) == {"Phong Do", "Vo, Thinh", "huy le", "khangvu"}


def test_filename_hyphenated_surname_first_without_a_roster(tmp_path):
    files = {"leavers.html": html('<p><img src="/images/c1/greenhalgh-catriona-y6.jpg" alt=""></p>'
                                  '<p><img src="/images/c3/kowalczyk-trophy.jpg" alt=""></p>')}
    # a known surname, then a known given name that is no surname; not a surname before a word
    assert names(lint(tmp_path / "s", files)) == {"greenhalgh-catriona"}


def test_non_english_names_given_name_that_the_page_language_counts_as_a_word(tmp_path):
    # German word counts include "Lena" (a name in German text): before a surname that is no German
    # word it is a given name still; before a German noun it is not read as one
    files = {"a.html": html('<figure><img src="/images/w1.jpg" alt=""><figcaption>Lena Adeyinka gewinnt den '
                            'Vorlesewettbewerb</figcaption></figure>', lang="de"),
             "b.html": html('<figure><img src="/images/w2.jpg" alt=""><figcaption>Hugo Sommer Fest mit Lena '
                            'Kuchen</figcaption></figure>', lang="de")}
    assert names(lint(tmp_path / "s", files)) == {"Lena Adeyinka"}
