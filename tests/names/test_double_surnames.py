"""Two surnames without a hyphen (issue 10, heldout_o's "Filipa Sousa Lobo", reported as "Filipa Sousa" in
six page shapes): Portuguese and Spanish names carry two, and the whole name is the pupil's; a listed
surname after the first that is neither a given name nor an English word belongs to it. Two pupils run
together ("Amelia Watson Thomas Smith") stay apart. Through the command line,
real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import html, names_reported

CAPTIONS = ("Filipa Sousa Lobo with the certificate for 100% attendance since Reception",
            "Lucía Pérez Gallardo (Year 4) reading her poem",
            "Amelia Watson Thomas Smith, Year 6 captains")


def test_double_surnames_are_one_name(tmp_path):
    pages = {f"site/{number}.html": html(f'<figure><img src="/images/{number}.jpg" alt=""><figcaption>{caption}'
                                         "</figcaption></figure>")
             for number, caption in enumerate(CAPTIONS)}
    assert names_reported(tmp_path, pages) == {"site/0.html": {"Filipa Sousa Lobo"},
                                               "site/1.html": {"Lucía Pérez Gallardo"},
                                               "site/2.html": {"Amelia Watson", "Thomas Smith"}}
