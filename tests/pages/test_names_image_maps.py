"""An image map's area alt texts name regions of the photo (issue 10, real school sites: a team photo with each
player's region linked): `<img usemap="#team">` and `<map name="team"><area alt="Name">`, read through the
command line on real pages and JPEGs (WHATWG HTML 4.8.13-14).
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint

MAP = html('<img src="/images/map1.jpg" usemap="#%s" alt="The under-11 team">\n'
           '<map name="team"><area shape="rect" coords="0,0,100,200" alt="Leopold Fairclough-Dunn" href="#p1">\n'
           '<area shape="rect" coords="100,0,200,200" alt="Viveka Strandqvist" title="Goalkeeper" href="#p2"></map>')


def test_an_image_maps_area_alt_texts(tmp_path):
    found = lint(tmp_path / "s", {"sport/team.html": MAP % "team"})
    assert {(code, value) for code, _path, value in found} == {
        ("SL303", "Leopold Fairclough-Dunn"), ("SL303", "Viveka Strandqvist")}


def test_a_map_no_image_uses_names_no_photo(tmp_path):
    """The trap: areas of a map the photo does not use (another reference) are not its words."""
    assert lint(tmp_path / "s", {"sport/team.html": MAP % "other"}) == []
