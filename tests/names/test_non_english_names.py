"""Names from outside the English-speaking world (issue 10, heldout_n's misses, by kind): Welsh given names
the lists lacked (built into given_names.txt by tools/name_supplement.py: "Dyfrig", "Cadfan", the word-names
"Haf", "Wyn", and "Nest", "Mali", which are words too) and the Welsh particle "ab" before a vowel; Irish
"Mac Con" surnames; Dutch given names that are English words before a particle ("Puck van Wijngaarden",
"Ties van der Velde"); the Italian particle "Lo"; and on a Welsh page, where "mali" and "haf" are words, a
given name at the start of a run of names ("Mali Haf Pritchard"). On pages in other languages too (the
page's words are no names). Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import html, names_reported

CAPTIONS = {
    "welsh": ("cy", "Llongyfarchiadau i Dyfrig ab Ithel am ennill y gadair", "Dyfrig ab Ithel"),
    "welsh-fr": ("fr", "Bravo à Cadfan ab Einion (CM2), qui a remporté le concours", "Cadfan ab Einion"),
    "welsh-given-as-word": ("cy", "Da iawn Mali Haf Pritchard a Nest Wyn Griffiths", "Mali Haf Pritchard"),
    "irish": ("en", "Well done Ciarán Mac Con Midhe (5B) on his medal", "Ciarán Mac Con Midhe"),
    "irish-pt": ("pt", "Parabéns a Ciarán Mac Con Midhe, do 6.º A", "Ciarán Mac Con Midhe"),
    "dutch": ("nl", "Gefeliciteerd Puck van Wijngaarden met de prijs", "Puck van Wijngaarden"),
    "dutch-it": ("it", "Un grande applauso per Ties van der Velde (classe 5ª B)", "Ties van der Velde"),
    "italian": ("it", "Complimenti a Mirella Lo Bianco per la vittoria", "Mirella Lo Bianco"),
}


def test_names_from_outside_the_english_speaking_world_are_found(tmp_path):
    figure = '<figure><img src="/images/{}.jpg" alt=""><figcaption>{}</figcaption></figure>'
    pages = {f"site/{kind}.html": html(figure.format(kind, text), lang)
             for kind, (lang, text, _name) in CAPTIONS.items()}
    found = names_reported(tmp_path, pages)
    expected = {f"site/{kind}.html": {name} for kind, (_lang, _text, name) in CAPTIONS.items()}
    expected["site/welsh-given-as-word.html"].add("Nest Wyn Griffiths")
    assert found == expected


def test_welsh_given_names_in_file_names(tmp_path):
    """A Welsh given name the lists lacked, surname first as MIS exports write it, and run together."""
    photos = ("AbIthel_Dyfrig_6B.jpg", "cadfan-ab-einion.jpg", "heddwynpritchard.jpg")
    pages = {"site/class.html": html("".join(f'<img src="/images/{photo}" alt="">' for photo in photos))}
    found = names_reported(tmp_path, pages)
    assert found == {"images/AbIthel_Dyfrig_6B.jpg": {"AbIthel_Dyfrig"},
                     "images/cadfan-ab-einion.jpg": {"cadfan-ab-einion"},
                     "images/heddwynpritchard.jpg": {"heddwynpritchard"}}
