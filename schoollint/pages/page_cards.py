"""Photos a page pairs with words outside its body: its social card and its schema.org items (issue 10).

A link to the page shared on a social network shows one card: the Open Graph picture (`og:image`, or
`twitter:image`, X/Twitter Cards markup reference) with its title and description (`og:title`,
`og:description`, `twitter:title`, `twitter:description`; the page's `<title>` and `<meta name=description>`
when it gives no card title or description, as the networks fall back to them) and the picture's alt
text (`og:image:alt`, `twitter:image:alt`). A name in that title is a name beside that photo, wherever the
photo is shown. Search engines pair a schema.org
item's `image` with its words the same way: a `Person`'s `name` (or `givenName` and `familyName`), an
`ImageObject`'s `caption` and `name` with its `contentUrl`, an `Article`'s `headline`, `name`,
`description` and the names of what it is `about`, in JSON-LD (`<script type="application/ld+json">`, JSON-LD
1.1 section 9), at any depth and in `@graph`. Only an item's own words and its subjects' are read: its
`author`, `creator`, `publisher`, `founder` and the like made or own it, they are not what the picture
shows (a byline is no caption); a maker with an `image` of their own is an item of its own. A picture whose
file names it the school's mark (`logo.png`, `crest.jpg`, `favicon`, an SVG: a site's default card picture)
is no one's photo. Only a page with such elements pays for this: `html.scan` collects them as it goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from .data import LineStr
from .html_captions import Captions
from .html_source import SourceLines
from .model import PageImage, Share, TextSpan
from .shares import located_json_ld, target_of

CARD_TEXTS = ("og:title", "twitter:title", "og:description", "twitter:description")
CARD_ALTS = ("og:image:alt", "twitter:image:alt")
CARD_KINDS = ("og:image", "twitter:image")
IMAGE_KEYS = ("image", "thumbnailUrl", "photo")            # schema.org Thing.image, CreativeWork.thumbnailUrl
IMAGE_OBJECT_URLS = ("contentUrl", "url")
OWN_WORDS = ("name", "headline", "alternativeHeadline", "caption", "description", "alternateName")
# What an item is about and who is in it: their names go with the item's picture (schema.org `about`,
# `mentions`, `character`; ImageObject and Photograph items name who they show with `about` too).
SUBJECT_KEYS = ("about", "mentions", "character")
# A card's picture whose file says it is the school's mark (a site's default og:image): no one's photo.
EMBLEM = re.compile(r"(?:^|[^a-z])(?:logo|logos|icon|icons|crest|favicon|emblem)(?:[^a-z]|$)|\.svg$",
                    re.IGNORECASE)
MAX_DEPTH = 64
MAX_WORDS = 300         # characters: longer text is the article, not what a card or a result shows with it


def card_images(elements: list, shares: list[Share], lines: SourceLines, relpath: str,
                root: Path | None) -> list[PageImage]:
    """The social card's picture with its words, and each JSON-LD item's picture with its words, from the
    page's <meta>, <title> and <script> elements (in page order)."""
    images: list[PageImage] = []
    cards = list(dict.fromkeys((share.src, share.target, share.line) for share in shares
                               if share.kind in CARD_KINDS and not EMBLEM.search(urlsplit(share.src).path)))
    if cards:
        images += _card(elements, cards, lines)
    for element in elements:
        if element.tag == "script" and (element.get("type") or "").strip().lower() == "application/ld+json":
            images += _json_ld(element, lines, relpath, root)
    return images


def _card(elements: list, cards: list[tuple[str, str | None, int]], lines: SourceLines) -> list[PageImage]:
    texts: list[TextSpan] = []
    alt: tuple[str, int] | None = None
    fallbacks: dict[str, TextSpan] = {}     # the page's <title> and meta description, which a card falls back to
    for element in elements:
        if element.tag == "title" and (element.text or "").strip():
            fallbacks.setdefault("title", TextSpan(element.text.strip(), lines.line(element),
                                                   "page title (its card's title)", Captions.lang_of(element)))
        if element.tag != "meta" or not (content := (element.get("content") or "").strip()):
            continue
        name = (element.get("property") or element.get("name") or "").strip().lower()
        if name in CARD_TEXTS and len(content) <= MAX_WORDS:
            texts.append(TextSpan(content, lines.attribute_line(element, "content"), name,
                                  Captions.lang_of(element)))
        elif name in CARD_ALTS and alt is None:
            alt = (content, lines.attribute_line(element, "content"))
        elif name == "description" and len(content) <= MAX_WORDS:
            fallbacks.setdefault("description", TextSpan(content, lines.attribute_line(element, "content"),
                                                         "meta description (its card's)", Captions.lang_of(element)))
    texts += [span for kind, span in fallbacks.items() if not any(text.label.endswith(kind) for text in texts)]
    seen: set[str] = set()
    images = []
    for src, target, line in cards:
        if src not in seen:         # og:image and twitter:image are usually one picture
            seen.add(src)
            images.append(PageImage(src=src, target=target, line=line, alt=alt[0] if alt else None,
                                    alt_line=alt[1] if alt else None, captions=tuple(texts),
                                    lang=texts[0].lang if texts else ""))
    return images


def _json_ld(script, lines: SourceLines, relpath: str, root: Path | None) -> list[PageImage]:
    first = lines.line(script)
    try:                    # parsed once for the page: shares.html_shares read this block first
        document = located_json_ld(script.text or "", first)
    except (ValueError, RecursionError):
        return []           # a broken block pairs nothing a search engine can read (shares.py says the same)
    lang = Captions.lang_of(script)
    images = []
    for pictures, words in _items(document):
        captions = tuple(TextSpan(text, getattr(text, "line", first), f"JSON-LD {key}", lang) for key, text in words)
        for url in dict.fromkeys(url for url in pictures if not EMBLEM.search(urlsplit(url).path)):
            images.append(PageImage(src=url, target=target_of(url, relpath, root), line=getattr(url, "line", first),
                                    captions=captions, lang=lang))
    return images


def _items(node, depth: int = 0) -> Iterator[tuple[list[str], list[tuple[str, str]]]]:
    """(picture URLs, [(key, words)]) of every item in a JSON-LD document that has a picture."""
    if depth > MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            yield from _items(item, depth + 1)
        return
    if not isinstance(node, dict):
        return
    pictures = [url for key in IMAGE_KEYS for url in _urls(node.get(key))]
    if _is_image_object(node):
        pictures += [value for key in IMAGE_OBJECT_URLS if isinstance(value := node.get(key), str)]
    if pictures:
        words = _words(node)
        for key in IMAGE_KEYS:          # an ImageObject's caption goes with its item's picture
            words += [word for inner in _listed(node.get(key)) if isinstance(inner, dict) for word in _words(inner)]
        for key in SUBJECT_KEYS:
            for inner in _listed(node.get(key)):
                if isinstance(inner, dict):
                    words += [(f"{key} {name}", text) for name, text in _words(inner)]
                elif isinstance(inner, str) and len(inner) <= MAX_WORDS:
                    words.append((key, inner))
        if words:
            yield pictures, words
    for key, value in node.items():
        if key not in IMAGE_KEYS and isinstance(value, (dict, list)):
            yield from _items(value, depth + 1)


def _listed(value) -> list:
    """A JSON-LD value as a list: a property may hold one value or a list of them (JSON-LD 1.1, 4.3)."""
    return value if isinstance(value, list) else [value]


def _is_image_object(node: dict) -> bool:
    return any(kind in ("ImageObject", "Photograph") for kind in _listed(node.get("@type")))


def _urls(value) -> list[str]:
    """The URLs an `image` value gives: a URL, a list, or an ImageObject's contentUrl or url."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [url for key in IMAGE_OBJECT_URLS if isinstance(url := value.get(key), str)][:1]
    if isinstance(value, list):
        return [url for item in value[:50] for url in _urls(item) if not isinstance(item, list)]
    return []


def _words(node: dict) -> list[tuple[str, str]]:
    """An item's own words (not its makers'): its name, headline, caption, and a name given in parts."""
    words = [(key, text) for key in OWN_WORDS
             if isinstance(text := node.get(key), str) and text.strip() and len(text) <= MAX_WORDS]
    given, family = node.get("givenName"), node.get("familyName")
    if isinstance(given, str) and isinstance(family, str) and not any(key == "name" for key, _text in words):
        words.append(("givenName/familyName", LineStr(f"{given} {family}", getattr(given, "line", 1))))
    return words
