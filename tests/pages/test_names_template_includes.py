"""Template includes with data (issue 10, heldout_m's misses): a template tag that hands a partial a photo
and a name, read as the record it is, through the command line on real pages and JPEGs.

Hugo shortcodes of a site's own (`{{% council-member name= photo= %}}`, `{{< staff-card ... >}}`) and
partials given a `dict`, Jekyll and Liquid includes and renders, Jinja/Nunjucks macro calls with keyword
arguments, and Nunjucks/Jinja/Twig object literals set before an include; and the traps: a record without a
photo, a comparison in an `{% if %}`, a shortcode shown in a code block.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint


def test_hugo_shortcodes_and_partials_with_a_name_and_a_photo(tmp_path):
    found = lint(tmp_path / "s", {
        "content/council.md": ('## Our school council\n\n{{% council-member name="Ottoline Ferreira-Banks" '
                               'photo="/images/council/a.jpg" role="Chair, Year 6" %}}\n\n'
                               "{{< staff-card\n    fullName=\"Barnaby Oyelowo-Hart\"\n"
                               "    headshot=\"/images/staff/b.jpg\" >}}\n"),
        "layouts/partials/team.html": html('{{ partial "person.html" (dict "name" "Clementine Adeyemi-Roth" '
                                           '"image" "/images/team/c.jpg") }}'),
    })
    assert {(path, value) for _code, path, value in found} == {
        ("content/council.md", "Ottoline Ferreira-Banks"), ("content/council.md", "Barnaby Oyelowo-Hart"),
        ("layouts/partials/team.html", "Clementine Adeyemi-Roth")}
    # each finding is on the line its name is written on
    assert {line for _code, path, _names, line in _findings(tmp_path / "s") if path == "content/council.md"} == {3, 6}


def test_jekyll_liquid_and_nunjucks_includes_with_their_data(tmp_path):
    found = lint(tmp_path / "s", {
        "_includes/x.html": "",
        "about/governors.html": html('{% include governor.html name="Lysander Mbatha-Cole" photo="/images/g/d.jpg" %}\n'
                                     "{% render 'card', name: \"Philippa Nakashima\", picture: \"/images/g/e.jpg\" %}"),
        "src/head-pupils.njk": ('---\nlayout: base.njk\n---\n{% set headPupil = { name: "Evander Kowalczuk-Amos",'
                                ' photo: "/images/hp/f.jpg", role: "Head pupil" } %}\n{% set pupil = headPupil %}\n'
                                '{% include "partials/pupil-card.njk" %}\n'
                                '{{ card(name="Rosalind Achebe-Moore", image="/images/hp/g.jpg") }}\n'),
    })
    assert {(path, value) for _code, path, value in found} == {
        ("about/governors.html", "Lysander Mbatha-Cole"), ("about/governors.html", "Philippa Nakashima"),
        ("src/head-pupils.njk", "Evander Kowalczuk-Amos"), ("src/head-pupils.njk", "Rosalind Achebe-Moore")}


def test_records_without_a_photo_comparisons_and_code_blocks_are_not_read_as_photos(tmp_path):
    found = lint(tmp_path / "s", {
        "content/howto.md": ('How to add a member:\n\n```\n{{% council-member name="Isadora Quartey-Blum" '
                             'photo="/images/doc/h.jpg" %}}\n```\n'),
        "src/list.njk": ('{% set head = { name: "Benedikt Osei-Fairley", role: "Head pupil" } %}\n'
                         '{% if pupil.name == "Marguerite Adebayo-Lunn" %}<img src="/images/l/i.jpg" alt="">'
                         '{% endif %}\n'),
    })
    assert found == []


def test_a_markdown_tag_takes_the_paragraphs_around_it_and_is_no_paragraph_itself(tmp_path):
    """A shortcode on a line of its own is read as a figure shortcode is: the short paragraph before it and
    the one after it go with its photo; its own parameters are no caption of the photo before it."""
    found = lint(tmp_path / "s", {
        "content/prize.md": ('![](/images/m/cup.jpg)\n\n{{% winner photo="/images/m/winner.jpg" name="Cressida '
                             'Amankwah-Lowe" %}}\n\nCongratulations to Fitzgerald Obi-Marchetti too.\n'),
    })
    assert {(value, line) for _code, _path, value, line in _findings(tmp_path / "s")} == {
        ("Cressida Amankwah-Lowe", 3), ("Fitzgerald Obi-Marchetti", 5)}      # each name's own line; none for cup.jpg
    assert sorted(value for _code, _path, value in found) == ["Cressida Amankwah-Lowe", "Fitzgerald Obi-Marchetti"]


def _findings(root):
    """(code, path, names, line) of each finding of the last run on `root` (its JSON report beside it)."""
    import json

    report = json.loads((root.parent / f"{root.name}.json").read_text())
    return [(f["code"], f["path"], f.get("value", ""), f["line"]) for f in report["findings"]]


def test_unclosed_tags_before_a_record_leave_it_read(tmp_path):
    """A page of 100,000 unclosed `{%` (hostile or broken) is read in n log n, and the record after it still is."""
    page = "{% " * 100_000 + '\n{% set p = { name: "Ottilie Marchbank-Osei", photo: "/images/u/a.jpg" } %}\n'
    found = lint(tmp_path / "s", {"src/broken.njk": page})
    assert [(path, value) for _code, path, value in found] == [("src/broken.njk", "Ottilie Marchbank-Osei")]
