"""Saints' days and feast days in the pages' languages (issue 10, heldout_o's wrong report "Santa Lucia"):
"Saint" as Italian, Spanish, Catalan, Portuguese, German, French, Dutch or Polish write it, before a given
name, is a saint ("Santa Lucia procession", "fiesta de San Juan Bautista", "Sankt Martin"), no pupil; the
Latvian girl's name "Santa Ozola" (a surname after "Santa") and the pupils named beside the saints still are.
Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import html, names_reported

CAPTIONS = (("en", "Santa Lucia procession for St Lucy's Day, led by Year 5"),
            ("es", "La fiesta de San Juan Bautista con Lucía Pérez"),
            ("it", "La processione di Santa Lucia in piazza"),
            ("pt", "Festa de São João com Beatriz Carvalho"),
            ("de", "Sankt Martin Umzug mit Jonas Becker"),
            ("lv", "Santa Ozola (7. klase) uzvarēja konkursā"))


def test_saints_days_are_no_pupils(tmp_path):
    pages = {f"site/{number}.html": html(f'<figure><img src="/images/{number}.jpg" alt=""><figcaption>{caption}'
                                         "</figcaption></figure>", lang)
             for number, (lang, caption) in enumerate(CAPTIONS)}
    assert names_reported(tmp_path, pages) == {"site/1.html": {"Lucía Pérez"},
                                               "site/3.html": {"Beatriz Carvalho"},
                                               "site/4.html": {"Jonas Becker"}, "site/5.html": {"Santa Ozola"}}
