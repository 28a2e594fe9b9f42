"""A Markdown page's front matter: read (YAML between "---" lines, read by `data`; TOML 1.0 between "+++",
Hugo's), and its featured pictures read with the text a theme or a shared link's card shows beside them.

A post's own pictures are one media address under any top-level key (`cover_image`, `thumbnail`) or in a
mapping under an image key (`cover: {image: ...}`): shown above the body, they go with the summary keys
and the opening paragraph. The first of a list under an image key that is no gallery (Hugo's `images:
[...]`, the page's og:image) goes with the summary keys, which a shared link's card shows. A page about
one person (a governor's or staff member's page: `full_name:` beside `headshot:`) names them under a key
of its own: every key naming a person (`name`, `full_name`, `displayName`, `pupil`, a first and a last name
in fields) goes with the page's own pictures, as its title does. A photo under a photo key (`og_image`,
`image`, `heroImage`) of a mapping of the page's settings at any depth (`seo: {og_image: ...}`, `header:
{teaser: ...}`, `params: {social: {image: ...}}`) is the page's own picture too; not in a list (a gallery's,
a committee's) nor under an author's or photographer's key (their card, not the post's). The title of a
page about a book (`book_covers.about_a_book`) is the work's, not a caption of its cover.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from .book_covers import about_a_book
from .data import FRONT_MATTER_IMAGE_KEYS, LineStr, images_of_item, load_yaml, locate_strings, split_names
from .model import PageError, PageImage, TextSpan
from .props import NOT_TEXT, media_key, prop_key
from .urls import links_to_media

_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
_GALLERY_KEYS = ("gallery", "photos")   # front-matter lists of a page's many pictures, none featured
# Keys (as props.prop_key spells them) that say whom a page is about, besides any key ending in "name".
PERSON_KEYS = frozenset({"person", "pupil", "student", "who", "pictured", "people", "pupils", "students", "names"})
# Whose these are: a post's author, editor or photographer (an `author: {name:, avatar:}` card), not the post's.
MAKER_KEYS = frozenset({"author", "authors", "editor", "publisher", "creator", "contributor", "photographer",
                        "credit", "credits", "sponsor", "owner"})
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


def front_matter_images(front: dict, relpath: str, root: Path | None) -> list[PageImage]:
    """The post's own images, under any key ("featured_img", "header_image"), and the images of the
    lists it holds ("people: [{name, photo}]"); the post's title, caption (any key ending in "caption":
    "featured_image_caption") and the person it is about (`full_name`, `first_name` + `last_name`) go with
    its own images."""
    book = about_a_book(front)      # its title is a work's, not the cover's caption
    post_text = [TextSpan(value, value.line, f"front-matter {key}") for key, value in front.items()
                 if (key == "title" and not book or key.lower().endswith("caption") or _names_a_person(key))
                 and isinstance(value, LineStr)] + split_names({key: value for key, value in front.items()
                                                                if isinstance(value, LineStr)}, "front-matter")
    images = []
    # (key, value, reached through mappings only from the top, past no maker's key: the post's own settings)
    stack: list[tuple[str, Any, bool]] = [(key, value, prop_key(key) not in MAKER_KEYS) for key, value in front.items()]
    while stack:
        key, value, own = stack.pop()
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, LineStr) and links_to_media(item):
                images.extend(images_of_item({key: item}, relpath, root, "front-matter", post_text))
            elif isinstance(item, dict):
                featured = key in FRONT_MATTER_IMAGE_KEYS or own and not isinstance(value, list) and any(
                    isinstance(nested, str) and links_to_media(nested) and _photo_key(inner)
                    for inner, nested in item.items())
                images.extend(images_of_item(item, relpath, root, "front-matter", post_text if featured else ()))
                stack.extend((inner, nested, own and not isinstance(value, list) and prop_key(inner) not in MAKER_KEYS)
                             for inner, nested in item.items() if isinstance(nested, (dict, list)))
    return sorted(images, key=lambda image: image.line)


def _photo_key(key: str) -> bool:
    """`image`, `og_image`, `shareImage`, `banner`: a key whose value is a photo the page shows as its own."""
    return key in FRONT_MATTER_IMAGE_KEYS or media_key(prop_key(key))


def front_matter_language(front: dict | None) -> str:
    """The page's language from its front matter (`lang`, `language`, `locale`; BCP 47), "" when none."""
    for key in ("lang", "language", "locale"):
        value = (front or {}).get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _names_a_person(key: str) -> bool:
    """`full_name`, `displayName`, `governor-name`, `pupil`: a key naming whom the page is about; `filename`,
    `username` and their like name code, not people."""
    bare = prop_key(key)
    return bare in PERSON_KEYS or bare.endswith("name") and bare not in NOT_TEXT


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
