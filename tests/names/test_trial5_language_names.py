"""Trial 5, problem 1: on a page in another language, the names of that language's people were read as
its ordinary words (wordfreq's counts include names: "Zofia", "Nowak", "Lena", "Schneider"), so no
full name was found. Each language with a word list gets a realistic caption and traps of its own
(capitalised ordinary words, places, a month) that must stay no name. The names appear in no
tests/names/cases split."""

from __future__ import annotations

import pytest

from tests.names.test_issue10_kinds import html, lint, names

CAPTIONS = {  # language: (captions naming someone, the names, captions that name nobody)
    "pl": (["Zofia Nowak z nagrodą", "Jan Kowalski na podium"], {"Zofia Nowak", "Jan Kowalski"},
           ["Wycieczka do Krakowa w Maju", "Dzień Sportu w Szkole Podstawowej"]),
    "es": (["Lucía García con su premio", "Pablo Fernández en la final"], {"Lucía García", "Pablo Fernández"},
           ["Excursión a Madrid en Mayo", "Día del Deporte en la Escuela"]),
    "de": (["Lena Schneider mit ihrem Preis", "Jonas Becker beim Sportfest"], {"Lena Schneider", "Jonas Becker"},
           ["Bilder von der Klassenfahrt nach Berlin", "Hugo Sommer Fest mit Kuchen"]),
    "it": (["Giulia Rossi con il premio", "Luca Bianchi alla gara"], {"Giulia Rossi", "Luca Bianchi"},
           ["Gita Scolastica a Firenze", "Festa di Primavera nel Cortile"]),
    "nl": (["Sanne de Vries met haar prijs", "Daan Jansen op het podium"], {"Sanne de Vries", "Daan Jansen"},
           ["Schoolreisje naar Amsterdam in Mei", "Sportdag op het Schoolplein"]),
    "pt": (["João Silva com o prémio", "Beatriz Costa na final"], {"João Silva", "Beatriz Costa"},
           ["Visita de Estudo a Lisboa", "Dia do Desporto na Escola"]),
    "fr": (["Marie Dubois avec son prix", "Lucas Moreau au concours"], {"Marie Dubois", "Lucas Moreau"},
           ["Sortie Scolaire à Paris en Mai", "Fête de la Musique dans la Cour"]),
}


def _page(captions: list[str], lang: str) -> str:
    return html("".join(f'<figure><img src="/images/{lang}{n}.jpg" alt=""><figcaption>{caption}</figcaption>'
                        "</figure>" for n, caption in enumerate(captions)), lang=lang)


@pytest.mark.parametrize("lang", sorted(CAPTIONS))
def test_names_of_the_page_languages_people_are_names(tmp_path, lang):
    named, expected, traps = CAPTIONS[lang]
    assert names(lint(tmp_path / "s", {"a.html": _page(named + traps, lang)})) == expected


@pytest.mark.parametrize("lang", ["de", "es", "pl", "it", "nl", "pt", "fr", "cy", "en-GB"])
def test_full_names_in_alt_text_whatever_the_page_language(tmp_path, lang):
    # the trial's pages: six that differ only in lang, each with the same three alt texts
    page = html("".join(f'<p><img src="/images/l{n}.jpg" alt="{alt}"></p>'
                        for n, alt in enumerate(("Lena Schneider", "Maria Kowalska", "Oliver Smith"))), lang=lang)
    assert names(lint(tmp_path / "s", {"l.html": page})) == {"Lena Schneider", "Maria Kowalska", "Oliver Smith"}
