"""A book's cover and its credit: the markup tells a work's title and its author from a pupil beside a photo.

A reading list, a library page or a book review shows each cover with "<cite>Holes</cite> by Louis Sachar"
(`<cite>` is the title of a work, WHATWG HTML Living Standard, section 4.5.6; `<em>` and `<i>` are what
editors write for it). Beside a book's cover the title and "by" and the names after it are the work's
credit, not a caption naming the people in a photo, so they are left out of the cover's words; the rest
of those words are read as usual ("Mrs Patel reads <cite>Holes</cite> by Louis Sachar to Nadia Okafor").
A pupil's artwork ("<em>Sunflowers</em> by Amelia Watson, Year 4" beside its photo) is no book's cover,
so its credit names the pupil: a finding, as before; and a title with no "by" after it credits no one (a
name in bold beside a cover is a name). A photo is a book's cover by its own words: its alt text or title
says "cover" or "jacket" (not "book" alone: "World Book Day" photos show pupils in costume), its file name
says "cover" or "jacket" or holds an ISBN-13, or it sits in an element of a book's class, a whole class
name ("book", "book-cover"; "book-week" is none). A page's front matter is about a book when it gives an `isbn`, a
book layout or type, or an `author` beside a `cover` photo written as one address (a theme's post cover is
a mapping: `cover: {image: ...}`): its title is then the work's, not a caption of the cover.
"""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Iterable, Iterator
from itertools import islice

from .html_captions import OUTERMOST, Captions
from .model import PageImage, TextSpan

_WORDS = re.compile(r"[^\W\d_]+|\d{13}")
# "Book" alone says too little: "World Book Day" photos show pupils in costume.
COVER_WORDS = frozenset({"cover", "covers", "jacket", "bookcover"})
# Class names, whole: "book-week" is no book.
BOOK_CLASSES = frozenset({"book", "books", "book-cover", "bookcover", "book_cover", "book-jacket", "book-item"})
BOOK_KINDS = frozenset({"book", "books", "bookreview", "bookreviews"})     # a front matter's layout or type
_ISBN13 = re.compile(r"97[89]\d{10}")
_ANY_COVER_WORD = re.compile(r"cover|jacket")
TITLE_TAGS = ("cite", "em", "i")
_BY = re.compile(r"[\s,\u201d\"'\u2019]*\bby\s+")
_NAME_WORD = re.compile(r"\S+")
PARTICLES = frozenset({"de", "del", "der", "di", "da", "du", "la", "le", "van", "von", "bin", "al", "el", "mac"})
JOINS = frozenset({"and", "&"})
MAX_CREDIT_WORDS = 8


def said_cover(alt: str | None, title: str | None, src: str | None) -> bool:
    """Do a photo's alt text, title or file name say it is a book's cover? (Substrings first: every photo of
    every page is asked.)"""
    said = f"{alt or ''} {title or ''}".lower()
    if _ANY_COVER_WORD.search(said) and COVER_WORDS & set(_WORDS.findall(said)):
        return True
    name = (src or "").rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    return bool(_ANY_COVER_WORD.search(name) and COVER_WORDS & set(_WORDS.findall(name)) or _ISBN13.search(name))


def is_cover(image, climb: int = 3) -> bool:
    """Is this lxml photo element a book's cover (its alt, title, file name, or a "book" class around it)?"""
    if said_cover(image.get("alt"), image.get("title"), image.get("src")):
        return True
    for element in islice((image, *image.iterancestors()), climb + 1):
        classes = (element.get("class") or "").lower()
        if "book" in classes and BOOK_CLASSES & set(classes.split()):
            return True
    return False


def cited_titles(captions: Captions, image) -> list[str]:
    """The titles (`<cite>`, `<em>`, `<i>`) written with a photo: in the wrapper holding it up to the first that
    holds words, and in the two elements after that wrapper (a caption paragraph)."""
    holder = image
    while (parent := holder.getparent()) is not None and parent.tag not in OUTERMOST and not captions.own_text(parent):
        holder = parent
    parent = holder.getparent()
    places = [holder if parent is None or parent.tag in OUTERMOST else parent, *islice(holder.itersiblings(), 2)]
    return [title for place in places if isinstance(place.tag, str) for element in place.iter(*TITLE_TAGS)
            if (title := captions.text_of(element).strip())]


# Markdown's emphasis (CommonMark 6.2: `*Title*`, `_Title_`, doubled) and raw <cite>/<em>/<i>, on one line.
_MARKED_TITLE = re.compile(r"(\*{1,2}|_{1,2})(?=\S)([^*_\n]+?)(?<=\S)\1|<(cite|em|i)>([^<\n]+)</\3>")


def uncredited(image: PageImage, source: str) -> PageImage:
    """A Markdown photo with its book's credit left out of its captions when it is a cover: the titles are
    the emphasised words on its captions' lines of `source` (the page as written)."""
    if not image.captions or not said_cover(image.alt, image.title, image.src):
        return image
    lines = source.split("\n")
    titles = [(found.group(2) or found.group(4)).strip() for span in image.captions
              for line in lines[span.line - 1:span.line + span.text.count("\n")]
              for found in _MARKED_TITLE.finditer(line)]
    return replace(image, captions=tuple(without_credits(image.captions, titles))) if titles else image


def without_credits(spans: Iterable[TextSpan], titles: list[str]) -> Iterator[TextSpan]:
    """Each span with every "Title by Name [and Name]" of `titles` blanked (spaces, newlines kept); a title
    with no "by" after it is left as written (a name in bold beside a cover is still a name)."""
    for span in spans:
        text = span.text
        for title in titles:
            start = 0
            while (at := text.find(title, start)) >= 0:
                end = _credit_end(text, at + len(title))
                if end > at + len(title):           # a title with no "by" after it credits no one: kept
                    text = text[:at] + re.sub(r"[^\n]", " ", text[at:end]) + text[end:]
                start = max(end, at + 1)
        yield span if text == span.text else TextSpan(text, span.line, span.label, span.lang)


def _credit_end(text: str, after: int) -> int:
    """Where the credit after a title ends: past "by" and the capitalised names after it (particles and
    "and" between them); just past the title when no "by" follows it."""
    by = _BY.match(text, after)
    if by is None:
        return after
    end, words = by.end(), 0
    for word in _NAME_WORD.finditer(text, by.end()):
        bare = word.group().strip(",.;:!?()")
        if words >= MAX_CREDIT_WORDS or not bare or not (bare[0].isupper() or bare.lower() in PARTICLES | JOINS):
            break
        words += 1
        end = word.start() + len(word.group().rstrip(",.;:!?)"))
        if word.group().rstrip(")").endswith((".", ";", ":", "!", "?")) and len(bare) > 1:
            break                               # a sentence ends after the last name (not an initial's dot)
    return end


def about_a_book(front: dict) -> bool:
    """Is a page's front matter about a book (an `isbn`, a book layout or type, or `author` beside a `cover`
    that is one photo address)?"""
    keys = {key.lower().replace("-", "_"): value for key, value in front.items() if isinstance(key, str)}
    if any(key.startswith("isbn") for key in keys):
        return True
    kinds = " ".join(str(keys.get(key, "")) for key in ("layout", "type", "category", "categories")).lower()
    if BOOK_KINDS & set(_WORDS.findall(kinds.replace("_", "").replace("-", ""))):     # book, book-review
        return True
    return isinstance(keys.get("author"), str) and isinstance(keys.get("cover"), str)
