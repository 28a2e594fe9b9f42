"""Things named after people (issue 10, heldout_m's wrong reports): a building whose two words follow the
name in English ("the Nicola Adams Sports Hall", a data file's facility), a place's word a few lower-case
words after it ("the Mary Anning fossil garden"), and, by the page's language, a library, a school, a
street or a prize whose word comes before the name (Spanish "la biblioteca Gloria Fuertes", French "le
lycée Victor Hugo", Italian "la scuola Maria Montessori", Polish "Szkoła Podstawowa im. Marii
Konopnickiej"). A pupil's name on the same pages is still reported. Through the command line, real JPEGs,
without a roster."""

from __future__ import annotations

import json

from tests.names.kinds_kit import html, names_reported

THINGS = {"es": "Los alumnos visitaron la biblioteca Gloria Fuertes", "fr": "Sortie au lycée Victor Hugo",
          "it": "Una visita alla scuola Maria Montessori", "pl": "Szkoła Podstawowa im. Marii Konopnickiej",
          "en": "Opening the new Kelly Holmes Dining Hall", "en-GB": "The Mary Anning fossil garden is open"}
PEOPLE = {"es": ("Felicidades a Lucía Fernández", "Lucía Fernández"),
          "fr": ("Bravo à Chloé Dubreuil", "Chloé Dubreuil")}


def test_things_named_after_people_are_no_pupils(tmp_path):
    figure = '<figure><img src="/images/{}.jpg" alt=""><figcaption>{}</figcaption></figure>'
    pages = {f"site/{lang}.html": html(figure.format(lang, text), lang) for lang, text in THINGS.items()}
    pages.update({f"site/{lang}-pupil.html": html(figure.format(f"{lang}-pupil", text), lang)
                  for lang, (text, _name) in PEOPLE.items()})
    pages["_data/facilities.json"] = json.dumps({"facilities": [
        {"name": "Nicola Adams Sports Hall", "image": "/images/hall.jpg", "capacity": 200}]})
    found = names_reported(tmp_path, pages)
    assert found == {f"site/{lang}-pupil.html": {name} for lang, (_text, name) in PEOPLE.items()}
