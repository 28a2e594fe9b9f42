"""A Markdown page's front matter: read (YAML between "---" lines, read by `data`; TOML 1.0 between "+++",
Hugo's), and its featured pictures read with the text a theme or a shared link's card shows beside them.

A post's own pictures are one media address under any top-level key (`cover_image`, `thumbnail`) or in a
mapping under an image key (`cover: {image: ...}`): shown above the body, they go with the summary keys
and the opening paragraph. The first of a list under an image key that is no gallery (Hugo's `images:
[...]`, the page's og:image) goes with the summary keys, which a shared link's card shows.
"""

from __future__ import annotations

from dataclasses import replace

from .data import FRONT_MATTER_IMAGE_KEYS, LineStr, load_yaml, locate_strings
from .model import PageError, PageImage, TextSpan
from .urls import links_to_media

_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
_GALLERY_KEYS = ("gallery", "photos")   # front-matter lists of a page's many pictures, none featured
SUMMARY_KEYS = ("summary", "description", "excerpt", "subtitle", "lead", "intro", "abstract", "teaser_text")


def with_summary(front: dict, images: list[PageImage], opening: TextSpan | None) -> list[PageImage]:
    """`images` (the front matter's), the post's own pictures with the summary keys (and `opening`, the
    body's first paragraph, for a picture shown above the body) as captions."""
    own = _own_pictures(front)
    if not own:
        return images
    summary = [TextSpan(value, value.line, f"front-matter {key}") for key in SUMMARY_KEYS
               if isinstance(value := front.get(key), LineStr)]
    beside = {True: summary + ([opening] if opening else []), False: summary}
    return [replace(image, captions=image.captions + tuple(beside[own[image.src, image.line]]))
            if (image.src, image.line) in own else image for image in images]


def _own_pictures(front: dict) -> dict[tuple[str, int], bool]:
    """{(address, line): shown above the body} of the post's featured pictures: one media address at the
    front matter's top level or in a mapping under an image key (`cover: {image: ...}`), shown above the
    opening paragraph; or first in a list under an image key that is no gallery (Hugo's `images: [...]`:
    the page's og:image, which a shared link's card shows with the title and description, not the body)."""
    found = {}
    for key, value in front.items():
        if isinstance(value, dict) and key in FRONT_MATTER_IMAGE_KEYS:
            items, above = list(value.values()), True
        elif isinstance(value, list) and value and key in FRONT_MATTER_IMAGE_KEYS and key not in _GALLERY_KEYS:
            items, above = value[:1], False
        else:
            items, above = [value], True
        for item in items:
            if isinstance(item, LineStr) and links_to_media(item):
                found[str(item), item.line] = above
    return found


def split_front_matter(text: str, relpath: str) -> tuple[dict | None, str, int]:
    """(front matter, body with the front matter blanked out, lines the front matter takes)."""
    lines = text.split("\n")
    closers = _FRONT_MATTER.get(lines[0].rstrip())
    if closers is None:
        return None, text, 0
    end = next((number for number in range(1, len(lines)) if lines[number].rstrip() in closers), None)
    if end is None:
        return None, text, 0
    source = "\n".join(lines[1:end])
    if lines[0].startswith("+"):
        front = _toml(source, relpath)
    else:
        documents = load_yaml(source, first_line=2, where=f"{relpath} front matter")
        front = documents[0] if documents else {}
    body = "\n" * (end + 1) + "\n".join(lines[end + 1:])
    return front if isinstance(front, dict) else {}, body, end + 1


def _toml(source: str, relpath: str) -> dict:
    import tomllib

    try:
        return locate_strings(tomllib.loads(source), source, 2)
    except tomllib.TOMLDecodeError as exc:
        from .data_errors import toml_problem

        raise PageError(f"{relpath} front matter: not valid TOML, {toml_problem(exc, 2)}") from None
