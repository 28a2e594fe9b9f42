"""Front-matter people under keys of their own (issue 10, heldout_m's misses): a page about one person (a
governor's or staff member's page) names them beside its photo under any key naming a person, through the
command line on real Markdown pages and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint, names


def test_a_page_about_one_person_names_them_under_any_name_key(tmp_path):
    found = lint(tmp_path / "s", {
        "content/governors/a.md": "---\nlayout: governor\nfull_name: Theodora Wainwright-Obi\nheadshot: "
                                  "/images/gov/a.jpg\ncategory: Parent governor\n---\nAppointed in 2023.\n",
        "content/staff/b.md": "---\ndisplayName: Casimir Lindqvist\navatar: /images/staff/b.jpg\n---\n",
        "content/staff/c.md": "---\nfirst_name: Eulalia\nlast_name: Marchetti-Ross\nphoto: /images/staff/c.jpg\n---\n",
        "content/pupils/d.md": "+++\npupil = \"Anselm Abiodun\"\nportrait = \"/images/pupils/d.jpg\"\n+++\n",
    })
    assert {(path, value) for _code, path, value in found} == {
        ("content/governors/a.md", "Theodora Wainwright-Obi"), ("content/staff/b.md", "Casimir Lindqvist"),
        ("content/staff/c.md", "Eulalia Marchetti-Ross"), ("content/pupils/d.md", "Anselm Abiodun")}


def test_keys_that_name_code_or_the_posts_author_are_not_the_pictured_person(tmp_path):
    found = lint(tmp_path / "s", {
        "content/news/e.md": "---\nauthor: Griselda Fairbrother\nimage: /images/news/e.jpg\nfilename: Report Card"
                             " Final\nusername: Hamish Tolliver\n---\nOur new library opened today.\n",
    })
    assert names(found) == set()
