"""Names run together in a file name (issue 10, heldout_n's misses): what an editor or a CMS appends to an
uploaded photo's name (WordPress "-edited", "-scaled", "-rotated", "-e1712345678"; TinyPNG "-min") leaves
the name before it standing alone, as "rubyfrancis.jpg" does; and a given name no list knows run into a
known surname that is no English word ("tavleenminhas") is a full name alone. Two everyday words run
together stay words, with or without the suffix. Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import html, names_reported

NAMES = {"jorisvanbeek-edited.jpg": "jorisvanbeek", "hamzaqureshi-scaled.jpg": "hamzaqureshi",
         "tavleenminhas.jpg": "tavleenminhas", "tavleenminhas-e1712345678.jpg": "tavleenminhas",
         "mirembebukenya-rotated-min.jpg": "mirembebukenya"}
WORDS = ("bakesale-edited.jpg", "christmasfair-scaled.jpg", "sportsday-min.jpg", "photokhan-edited.jpg")


def test_names_run_together_before_an_editors_suffix_are_full_names(tmp_path):
    pages = {"site/gallery.html": html("".join(f'<img src="/images/{photo}" alt="">' for photo in (*NAMES, *WORDS)))}
    found = names_reported(tmp_path, pages)
    assert found == {f"images/{photo}": {name} for photo, name in NAMES.items()}
