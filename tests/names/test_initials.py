"""Names written with initials (issue 10, name forms real school pages use), decided as a safeguarding lead
reads the guidance's "first-name only approach": a given name and the initial of the surname ("Amira K.",
"Wren M.": how schools keep to that policy, traps since heldout_l) is no finding; an initial and a surname
("A. Kowalski", "M. J. Okonkwo") gives the family name and is a full name, and a middle initial ("Amelia J.
Watson") keeps the given name in it; after a title ("Mrs J. Patel") it is staff's, as "Mrs Patel" is, so
reported only with the rules' `staff` option. A book's author the stop lists name ("R. J. Palacio"), "P.E.
Kit" and "A. Level" are no names. Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

import json

from schoollint.cli import main
from tests.kit.images import encode, photo
from tests.names.kinds_kit import figure_pages, html, names_reported

CAPTIONS = ("A. Kowalski (Y5) won the chess tournament", "M. J. Okonkwo scored twice in the final",
            "Well done Amelia J. Watson on her certificate", "Well done Amira K. for her reading",
            "Star of the week: Wren M.", "We read Wonder by R. J. Palacio", "Bring your P.E. Kit on Monday",
            "Mrs J. Patel led the trip to the coast")


def test_initials(tmp_path):
    pages = figure_pages(CAPTIONS)
    assert names_reported(tmp_path, pages) == {"site/0.html": {"A. Kowalski"}, "site/1.html": {"M. J. Okonkwo"},
                                               "site/2.html": {"Amelia J. Watson"}}


def test_staff_with_initials_are_staff(tmp_path):
    root = tmp_path / "site"
    (root / "images").mkdir(parents=True)
    (root / "images/trip.jpg").write_bytes(encode(photo(), "JPEG"))
    (root / "trip.html").write_text(html('<figure><img src="/images/trip.jpg" alt=""><figcaption>Mrs J. Patel and '
                                         "Mr Okoro led the trip</figcaption></figure>"), encoding="utf-8")
    (root / ".schoollint.yml").write_text("SL303:\n  staff: warn\n", encoding="utf-8")
    out = tmp_path / "out.json"
    main(["check", str(root), "--select", "SL303", "--output-format", "json", "--show-values", "-o", str(out),
          "--no-cache", "--exit-zero", "--no-progress", "-q"])
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert {name for finding in findings for name in finding["value"].split("; ")} == {"Mrs J. Patel", "Mr Okoro"}
    assert {finding["severity"] for finding in findings} == {"warning"}


def test_initials_with_a_roster_stand_by_the_surname(tmp_path):
    """A hashed roster keeps no given name's letters: an initial and a surname someone on the roster has is
    the school's ("P. Wojciechowski"); one nobody on it has needs more evidence, as an unknown name does."""
    pages = {"site/a.html": html('<figure><img src="/images/a.jpg" alt=""><figcaption>P. Wojciechowski (Y5) and '
                                 "T. Szczepanik won the chess</figcaption></figure>")}
    assert names_reported(tmp_path, pages, roster=[("Paulina", "Wojciechowski")]) == {
        "site/a.html": {"P. Wojciechowski"}}
