"""A phrase in another language ending in a particle ("Comhghairdeas le", Irish "congratulations to") before a
full name whose given name is a surname too ("Jesse van Gelderen", heldout_p's non-English miss, which was
reported as "Comhghairdeas le Jesse"): the name is the given name and what follows it; the phrase before a
first name alone is still no name ("Comhghairdeas le Saoirse"). Through the command line, real JPEGs, without
a roster."""

from __future__ import annotations

from tests.names.kinds_kit import figure_pages, names_reported

CAPTIONS = {
    ("ga", "Comhghairdeas le Jesse van Gelderen as Rang a Sé a bhuaigh an comórtas"): "Jesse van Gelderen",
    "Comhghairdeas le Jesse van Gelderen on the storytelling prize": "Jesse van Gelderen",
}
NOT_NAMES = (("ga", "Comhghairdeas le Saoirse as Rang a Sé"), "Comhghairdeas le Saoirse!")


def test_a_phrase_before_a_full_name_is_no_part_of_it(tmp_path):
    found = names_reported(tmp_path, figure_pages((*CAPTIONS, *NOT_NAMES)))
    assert found == {f"site/{number}.html": {name} for number, name in enumerate(CAPTIONS.values())}
