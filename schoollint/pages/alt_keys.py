"""Alt text given in front matter beside the image key: `cover` + `coverAlt`, `cover_alt`, `heroImageAlt`,
`image_alt`, a bare `alt`, Gatsby's `featuredImageAlt`.

Themes (Astro's blog starter `heroImage`, Gatsby's `featuredImage`/`featuredImageAlt`, Hugo themes' `image`
+ `image_alt`, Jekyll's `cover` + `cover_alt`) keep a post's featured picture and its alt text as two
top-level keys, which the theme writes into one `<img alt>`. A key is alt text when its last word (split
at `_`, `-`, spaces and camelCase humps) is "alt", or its last two are "alt text"; what comes before
names its picture. It is tied to the picture whose key names the same thing, a trailing "image", "img",
"photo" or "picture" ignored on both sides (`coverAlt` with `coverImage`, `image_alt` with `image`); a
bare `alt` or `image_alt` with no such key goes with the post's one featured picture. An alt key that
names no picture of the front matter, or one of several, cannot be tied: it is returned as an unknown alt
(the run's note says such texts were not checked), never dropped (no silent pass).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .data import LineStr
from .model import PageImage, TextSpan
from .urls import links_to_media

_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_PICTURE_WORDS = ("image", "img", "photo", "picture")


def _words(key: str) -> list[str]:
    return [word.lower() for word in _WORDS.findall(key)]


def _subject(words: list[str]) -> tuple[str, ...]:
    """What a key names, a trailing picture word dropped: ["cover", "image"] -> ("cover",)."""
    return tuple(words[:-1] if words and words[-1] in _PICTURE_WORDS else words)


def alt_subject(key: str) -> tuple[str, ...] | None:
    """The picture an alt key names (`heroImageAlt` -> ("hero",), `alt` -> ()); None for no alt key."""
    words = _words(key)
    if words[-1:] == ["alt"]:
        return _subject(words[:-1])
    if words[-2:] == ["alt", "text"]:
        return _subject(words[:-2])
    return None


def tie_alt_keys(front: dict, images: list[PageImage]) -> tuple[list[PageImage], list[TextSpan]]:
    """(`images` with the alt keys' texts as their alt, the alt keys' texts tied to no picture).

    `images` are the front matter's own (`front_matter.front_matter_images`); only a picture at the top
    level of `front` (one media address under a key) takes an alt key's text, and only when it has no alt."""
    pictures = {(str(value), value.line): _subject(_words(key)) for key, value in front.items()
                if isinstance(value, LineStr) and links_to_media(value)}
    alts = [(key, value, subject) for key, value in front.items()
            if isinstance(value, LineStr) and value.strip() and (subject := alt_subject(key)) is not None]
    if not alts:
        return images, []
    tied: dict[tuple[str, int], LineStr] = {}
    untied = []
    for key, value, subject in alts:
        matches = [place for place, named_as in pictures.items() if named_as == subject]
        if not matches and subject == () and len(pictures) == 1:
            matches = list(pictures)            # a bare `alt`: the post's one featured picture
        if len(matches) == 1:
            tied.setdefault(matches[0], value)
        else:
            untied.append(TextSpan(value, value.line, f"front-matter {key}"))
    return [replace(image, alt=tied[image.src, image.line], alt_line=tied[image.src, image.line].line)
            if image.alt is None and (image.src, image.line) in tied else image for image in images], untied
