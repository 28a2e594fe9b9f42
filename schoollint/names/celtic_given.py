"""Welsh given names the given-name lists lack, which Welsh pages use as first and as second given names.

"Elin Haf Roberts", "Mali Haf Jones", "Rhys Wyn Jones": Welsh families often give two given names, the
second a Welsh word-name (haf "summer", fflur "flower", heulwen "sunshine", wyn "white, fair") that the
given-name lists (names/data/given_names.txt, built from records of England and other countries) lack,
so "Haf" was read as the surname and the name cut to "Elin Haf". As given names: the second is a middle
name before the surname (`heuristic._Run._surname_end`), and "Elin Haf" alone is two given names, which
the guidance allows. Checked against the lists: each is missing from them (the Irish given names of
trial 8, Aoife, Niamh, Saoirse, Siobhán, Róisín, Tadhg and their like, are in them). Keys as
`words.plain` writes them. Source: the given names of the Welsh-medium school rolls the trial's sites
and the guidance's examples use; Welsh Government "Welsh names" guidance lists the same forms.
"""

from __future__ import annotations

WELSH_GIVEN = frozenset({"haf", "fflur", "heulwen", "elain", "mabli", "wyn", "tegwen", "betrys", "beca", "elliw",
                         "nanw", "mali"})
