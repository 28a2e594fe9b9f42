"""Template macros and tags that hand a photo as a positional argument (issue 10, heldout_n's `template-macro`
misses), through the command line on real templates and JPEGs: a Jinja or Nunjucks macro call
(`{{ figure("a.jpg", "caption") }}`), a Django simple tag (`{% staff_card "a.jpg" "Name" %}`), a Hugo
shortcode with positional parameters, a call mixing positional and keyword arguments. Traps: a caption
naming no one, `{% static %}` and `{% trans %}` tags with one string each.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import findings, lint


def test_a_macro_given_the_photo_and_its_caption_positionally(tmp_path):
    found = findings(tmp_path / "s", {"templates/prom.html": (
        '{% extends "layout.html" %}\n{% from "macros.html" import figure %}\n{% block body %}\n'
        '{{ figure("/images/prom/a.jpg", "Rosamund Tiernan-Osei arrives at the prom") }}\n{% endblock %}\n')})
    assert [(f["code"], f["field"], f["value"], f["line"]) for f in found] == [
        ("SL303", "template argument 2", "Rosamund Tiernan-Osei", 4)]


def test_nunjucks_django_hugo_and_mixed_arguments(tmp_path):
    found = lint(tmp_path / "s", {
        "src/prefects.njk": ("---\ntitle: Prefects\n---\n{% from \"macros/cards.njk\" import photoCard %}\n"
                             "{{ photoCard('/images/pf/boy.jpg', 'Ambrose Kettleborough', 'Head boy') }}\n"),
        "templates/staff.html": ('{% load staff_tags %}\n'
                                 '{% staff_card "/images/st/bursar.jpg" "Cordelia Mwangi-Holt" "Bursar" %}\n'),
        "content/chess.md": '---\ntitle: Chess\n---\n{{< pupil "/images/ch/a.jpg" "Maximilian Ashworth-Obi" >}}\n',
        "templates/trip.html": '{{ card("/images/tr/a.jpg", caption="Desdemona Farquharson at the summit") }}\n',
    })
    assert {(path, value) for _code, path, value in found} == {
        ("src/prefects.njk", "Ambrose Kettleborough"), ("templates/staff.html", "Cordelia Mwangi-Holt"),
        ("content/chess.md", "Maximilian Ashworth-Obi"), ("templates/trip.html", "Desdemona Farquharson")}


def test_captions_naming_no_one_and_single_string_tags_are_not_reported(tmp_path):
    found = lint(tmp_path / "s", {"templates/garden.html": (
        '{{ figure("/images/g/garden.jpg", "Our Year 1 vegetable patch in June") }}\n'
        "<img src=\"{% static 'images/g/logo.png' %}\" alt=\"{% trans 'Rosalind Achebe-Moore' %}\">\n"
        '{% include "photo.html" with src="/images/g/b.jpg" caption="The pond in May" %}\n')})
    assert found == []
