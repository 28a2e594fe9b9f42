"""A class list's surname-first form with a hyphenated given name ("Peyrac, Anne-Marie – 7C", heldout_p's
"reversed-or-lower-case" miss) is the whole name, without a roster and with one (which reported "Peyrac, Anne"
before). Through the command line, real JPEGs."""

from __future__ import annotations

from tests.names.kinds_kit import figure_pages, names_reported

CAPTIONS = {"Peyrac, Anne-Marie – 7C – Sports Personality of the Year": "Peyrac, Anne-Marie",
            "Okafor, Mary-Jane (5B)": "Okafor, Mary-Jane",
            "Watson, Amelia - 6W": "Watson, Amelia"}
ROSTER = [("Anne-Marie", "Peyrac"), ("Mary-Jane", "Okafor"), ("Amelia", "Watson")]


def test_hyphenated_given_names_without_a_roster(tmp_path):
    found = names_reported(tmp_path, figure_pages((*CAPTIONS, "Results, Maths-Science - 6W")))
    assert found == {f"site/{number}.html": {name} for number, name in enumerate(CAPTIONS.values())}


def test_hyphenated_given_names_with_a_roster(tmp_path):
    found = names_reported(tmp_path, figure_pages(CAPTIONS), ROSTER)
    assert found == {f"site/{number}.html": {name} for number, name in enumerate(CAPTIONS.values())}
