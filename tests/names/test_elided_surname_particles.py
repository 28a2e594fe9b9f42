"""A French surname with the elided particle "d'" ("Marie-Noëlle d'Aubigné", heldout_p's misses in a caption's
lead-in and beside an age) is a full name as "D'Angelo" is; "d'" inside a sentence ("un pain d'Épices") is no
name. Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import figure_pages, names_reported

CAPTIONS = {
    "Marie-Noëlle d'Aubigné, 9, with the junior chess trophy": "Marie-Noëlle d'Aubigné",
    "L to R: Marie-Noëlle d’Aubigné and Luka Barišić, the Year 12 delegation.": "Marie-Noëlle d’Aubigné",
    "Well done Louis d'Harcourt (6B)": "Louis d'Harcourt",
}
NOT_NAMES = ("Year 3 baked a pain d'Épices for the fair", "The Tour d'Azur display")


def test_elided_particles_belong_to_the_surname(tmp_path):
    found = names_reported(tmp_path, figure_pages((*CAPTIONS, *NOT_NAMES)))
    expected = {f"site/{number}.html": {name} for number, name in enumerate(CAPTIONS.values())}
    expected["site/1.html"].add("Luka Barišić")
    assert found == expected
