"""A photo shown as a CSS background (CSS Backgrounds and Borders Level 3, section 3.3 `background-image`:
a hero banner, a card's picture, a round avatar) and the words shown over or beside it.

Themes and page builders put photos in an inline `style="background-image: url(...)"` (Elementor, Divi and
WPBakery sections, team cards, avatars), in a rule of the page's own `<style>` for that element's class or id
(page builders write one per element), or in the attributes lazysizes' unveilhooks reads (`data-bg`,
`data-background-image`). Only photo files count: an SVG or GIF background is a pattern or an icon, and a
linked stylesheet's backgrounds (the theme's) are not matched to elements here (they are references, as
before). The words that go with such a photo:
- the text over it, its own, when short (a hero's heading, "Well done, Name!"): a background under a long
  text is the backdrop of a part of the page, whose words are the page's;
- with no text of its own, the heading or the caption- or name-classed element right after it (`span.avatar`
  then `span.name`), and the card, list item, table cell or figure it sits in, when that holds no other
  photo and a caption's length of text. A plain paragraph after it is not read: a background with no words
  of its own is as often a divider as a picture.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .html_captions import CONTAINERS, HEADINGS, MAX_NEXT_CAPTION, OUTERMOST, Captions, card_like, element_sibling
from .model import TextSpan
from .sizes import css_rules, subjects

BACKGROUND = re.compile(r"""background(?:-image)?\s*:[^;]*?url\(\s*["']?([^"'()\s]+)["']?\s*\)""", re.IGNORECASE)
# Whether a text may give a background photo at all, as BACKGROUND reads it (CSS property names and
# functions are ASCII case-insensitive, CSS Syntax 3 section 4.3): a C scan before the fuller pattern.
MENTIONS_URL = re.compile(r"url\(", re.IGNORECASE)
MENTIONS_BACKGROUND = re.compile(r"background", re.IGNORECASE)
MAX_RULES = 500
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".jfif", ".png", ".webp", ".avif", ".heic", ".heif")
_NAMING_CLASSES = frozenset({"name", "title", "caption", "heading", "label"})
HELD = frozenset({"figure", "a"}) | set(CONTAINERS)     # what holds a background photo and its words


class BackgroundRule(NamedTuple):
    """A rule of the page's own `<style>` that gives elements a background photo: its selector's subject."""

    tag: str | None
    classes: frozenset[str]
    ident: str | None
    src: str


def background_rules(document) -> tuple[BackgroundRule, ...]:
    """The rules of an lxml document's `<style>` elements that give a class or an id a background photo (a page
    builder's `.elementor-element-5f3c2a1 { background-image: url(...) }`); a type selector alone (`body`,
    `section`) styles every such element, a backdrop, and a linked sheet is the theme's: neither is read. At
    most MAX_RULES: past them, none (a hostile page stays linear)."""
    rules = []
    for style in document.iter("style"):
        for selectors, block in css_rules(style.xpath("string()")):
            found = BACKGROUND.search(block) if MENTIONS_URL.search(block) else None
            if found is not None and is_photo(found.group(1)):
                rules += [BackgroundRule(tag, classes, ident, found.group(1))
                          for tag, classes, ident in subjects(selectors) if classes or ident]
    return tuple(rules) if len(rules) <= MAX_RULES else ()


def background_src(element, rules: tuple[BackgroundRule, ...] = ()) -> str | None:
    """The photo an element shows as its background, as written (its inline style, a lazy loader's attribute,
    then the first of `rules` its type, classes and id match); None when it shows none (or a pattern)."""
    style = element.get("style")
    written = (found.group(1) if style and MENTIONS_URL.search(style) and (found := BACKGROUND.search(style))
               else None) \
        or element.get("data-bg") or element.get("data-background-image")
    if written is None and rules and (element.get("class") or element.get("id")):
        classes = set((element.get("class") or "").split())
        written = next((rule.src for rule in rules if rule.tag in (None, element.tag) and rule.classes <= classes
                        and rule.ident in (None, element.get("id"))), None)
    if written is None or element.tag in OUTERMOST:
        return None
    return written if is_photo(written) else None


def is_photo(written: str) -> bool:
    return written.split("?")[0].split("#")[0].lower().endswith(PHOTO_SUFFIXES)


def background_words(captions: Captions, element, rules: tuple[BackgroundRule, ...] = ()) -> Iterator[TextSpan]:
    """The words over a background photo, or beside it when it has none (see the module's note)."""
    over = captions.span(element, "text over the photo")
    if over.text.strip():
        if len(over.text) <= MAX_NEXT_CAPTION:
            yield over
        return
    following = element_sibling(element, "getnext")
    if following is not None and isinstance(following.tag, str) and not captions.photo_count(following) and (
            following.tag in HEADINGS or _NAMING_CLASSES & set(re.split(r"[\s_-]+", following.get("class") or ""))):
        yield captions.span(following, "next paragraph")
    for holder in element.iterancestors():
        if holder.tag in OUTERMOST or captions.photo_count(holder):
            return
        if captions.own_text(holder):
            card = captions.span(holder, "card")
            if (holder.tag in HELD or card_like(holder)) and len(card.text) <= MAX_NEXT_CAPTION \
                    and sum(isinstance(one.tag, str) and background_src(one, rules) is not None
                            for one in holder.iter()) == 1:
                yield card
            return
