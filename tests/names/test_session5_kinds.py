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
