"""Alt texts and captions written in a script the name finder cannot read: unknown, never clean.

The name finder (`names.heuristic`, `names.filenames`) reads Latin script by capital letters and
word lists keyed by `words.plain` (Latin letters, accents removed), and Arabic script (Arabic, Urdu,
Persian) by its own lists (`names.arabic_script`, session 10); Hebrew, Devanagari, Chinese, Japanese,
Korean, Thai and most other scripts have no capitals (Unicode Standard 15.0, section 4.2 "Case") and
no list. So "عائشة صديقي" in an alt text, or a `<figcaption lang="ur">` in
Urdu, gives no finding and would pass as clean (trial 8 item 10). Each such text beside a photo (alt,
title, aria-label, caption) is added to the page's unknown alts, which the run's note counts as not
checked for names (no silent pass). Latin letters beyond ASCII (U+00C0 to U+024F, and Latin Extended
Additional, Vietnamese) are read; a text that mixes scripts ("Eid Mubarak! Ayesha Siddiqui کو انعام ملا")
is judged for its Latin names and also counted as unknown for the rest.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from .model import Page

# Characters that may be a letter of another script: not Basic Latin to Latin Extended-B, not Latin
# Extended Additional (Vietnamese), not General Punctuation (the readers' U+2029 paragraph marks), found by
# one regex scan in C (a caption shared by 5,000 photos is scanned once per photo: no Python loop a character).
_MAYBE_OTHER = re.compile("[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")


@lru_cache(maxsize=4096)
def _read(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith(("LATIN", "ARABIC"))


def unread_script(text: str) -> bool:
    """Whether `text` holds a letter of a script the finder does not read: neither Latin nor Arabic (a
    digit, mark, symbol or emoji is no letter)."""
    return not text.isascii() and any(ch.isalpha() and not _read(ch) for ch in _MAYBE_OTHER.findall(text))


def with_unread_scripts(page: Page) -> Page:
    """`page`, its images' texts in a script the finder cannot read added to its unknown alts (the same
    page when there are none: most pages)."""
    judged: dict[str, bool] = {}                 # one caption is often every photo's in a container
    unread = []
    for image in page.images:
        for span in (*image.labels(), *image.captions):
            if span.text not in judged:
                judged[span.text] = unread_script(span.text)
            if judged[span.text]:
                unread.append(span)
    if not unread:
        return page
    known = set(page.unknown_alts)
    return replace(page, unknown_alts=page.unknown_alts + tuple(
        span for span in dict.fromkeys(unread) if span not in known))

