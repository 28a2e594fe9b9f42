"""Site data files (_data/*.yml, data/*.json) and front matter: images and the words stored with them.

Generators build galleries and staff pages from lists such as

    - name: Amelia Watson
      photo: /images/gallery/sports-day-1.jpg
      alt: Amelia crossing the line

YAML is read with PyYAML (YAML 1.1, libyaml's C parser when built in)
through a compose-node walk, so every string keeps its line and an alias is
shared rather than expanded (no "billion laughs"). JSON (RFC 8259) is read
with Python's json (a C parser, linear in time and memory; PyYAML took 151 s
and 5 GB on a 94 MB file), whose strings are then found again in the source,
in order, for their lines. TOML front matter (TOML 1.0) is placed the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .data_errors import json_problem, toml_problem, yaml_problem
from .html_source import wide_text
from .model import Page, PageError, PageImage, TextSpan
from .suppressions import comment_suppressions
from .urls import links_to_media, resolve

ALT_KEYS = ("alt", "alt_text", "image_alt", "alt-text", "image-alt")
TITLE_KEYS = ("title", "image_title")
# Where the photo was taken ("place: Stanley Park"): a place, not words beside a person.
PLACE_KEYS = frozenset({"place", "location", "venue", "where", "destination", "address", "town", "city"})
CAPTION_KEYS = ("caption", "name", "names", "description", "text", "label", "summary", "subtitle",
                "people", "pupils", "students", "children", "image_caption", "blogKey", "fullName",
                "full_name", "displayName", "display_name", "author", "heading")
# A name written in fields ("first_name: Zainab", "last_name: Oyelaran"), keys compared without case,
# "_" or "-": read as the one full name a card shows. Given, then middle, then family name.
GIVEN_KEYS = frozenset({"firstname", "first", "forename", "forenames", "givenname", "givennames", "fname",
                        "christianname", "preferredname", "preferredfirstname", "legalfirstname", "knownas"})
MIDDLE_KEYS = frozenset({"middlename", "middlenames", "middle", "othernames"})
FAMILY_KEYS = frozenset({"lastname", "last", "surname", "familyname", "lname", "legalsurname", "legallastname",
                         "preferredsurname", "preferredlastname"})
MAX_CARD_TEXT = 200     # characters: longer strings in a mapping are content, not what a card shows
# Front-matter fields that hold the post's own images.
FRONT_MATTER_IMAGE_KEYS = ("image", "images", "thumbnail", "cover", "gallery", "featured_image",
                           "feature_image", "featured", "hero", "banner", "teaser", "photo", "photos",
                           "header", "img", "src", "avatar", "picture", "coverImage", "cover_image",
                           "heroImage", "hero_image", "singleImage", "headshot", "featuredImage",
                           "og_image", "social_image", "thumb")


class LineStr(str):
    """A string that knows the line it was written on."""

    line: int

    def __new__(cls, value: str, line: int) -> "LineStr":
        text = super().__new__(cls, value)
        text.line = line
        return text


def load_yaml(text: str, first_line: int = 1, where: str = "YAML") -> list[Any]:
    """Every document in `text` as dicts, lists and LineStr scalars (so no aliases blow up)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return [_plain(node, first_line - 1, {}) for node in yaml.compose_all(text, Loader=loader)]
    except yaml.YAMLError as exc:
        raise PageError(f"{where}: not valid YAML{yaml_problem(exc, first_line)}") from None
    except RecursionError:
        raise PageError(f"{where}: nested too deeply to read") from None


def _plain(node, line_offset: int, done: dict[int, Any]) -> Any:
    """Convert a compose node; `done` maps node ids already converted (aliases reuse them)."""
    if id(node) in done:
        return done[id(node)]
    kind = node.id
    if kind == "scalar":
        # Block scalars (| and >) start on the line after their indicator.
        line = node.start_mark.line + 1 + line_offset + (node.style in ("|", ">"))
        value: Any = LineStr(node.value, line)
    elif kind == "sequence":
        value = done[id(node)] = []
        value.extend(_plain(item, line_offset, done) for item in node.value)
    else:
        value = done[id(node)] = {}
        for key, item in node.value:
            value[str(key.value) if key.id == "scalar" else f"<{key.id}>"] = _plain(item, line_offset, done)
    done[id(node)] = value
    return value


def locate_strings(tree: Any, text: str, first_line: int) -> Any:
    """LineStr every string of an already parsed tree (JSON, TOML) by finding it in the source, in order.

    One forward pass over the source: lines are counted from the last string
    found, so the whole walk is linear in the size of the text.
    """
    cursor = 0
    line = first_line

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: (find(key), walk(item))[1] for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        return find(value) if isinstance(value, str) else value

    def find(value: str) -> LineStr:
        nonlocal cursor, line
        for written in _spellings(value):
            at = text.find(written, cursor)
            if at >= 0:
                line += text.count("\n", cursor, at)
                cursor = at + len(written)
                found = LineStr(value, line)
                line += written.count("\n")
                return found
        return LineStr(value, line)

    return walk(tree)


def _spellings(value: str) -> Iterator[str]:
    """How JSON or TOML may write a string, plainest first (each made only when the one before is not found)."""
    yield value
    escaped = json.dumps(value, ensure_ascii=False)[1:-1]
    if escaped != value:
        yield escaped
    ascii_only = json.dumps(value)[1:-1]
    if ascii_only != escaped:
        yield ascii_only


def decode_text(data: bytes) -> tuple[str, str | None]:
    """A page's or data file's text, and the fallback encoding it was read in (None: UTF-8).

    UTF-8, a byte-order mark dropped; bytes that are not valid UTF-8 are read as Windows-1252,
    the fallback of the WHATWG HTML standard (section 13.2.3, "The input byte stream") for most
    locales, which is how a browser shows such a page: "Fran\xe7ois" stays a name rather than
    becoming U+FFFD. The five bytes Windows-1252 leaves undefined become U+FFFD. UTF-16 or UTF-32
    (by its byte-order mark, or without one by its zero bytes: html_source.wide_text) is read as
    such, not as UTF-8 full of NULs, and named as the fallback too: site generators read only
    UTF-8. The reader puts the fallback in Page.fallback_encoding, and SL002 says so once per page.
    """
    wide = wide_text(data)
    if wide:
        return data.decode(wide[0], errors="replace"), wide[1]
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def read(relpath: str, data: bytes, root: Path | None = None) -> Page:
    text, fallback = decode_text(data)
    if relpath.lower().endswith((".json", ".toml")):
        documents = [_load_tree(text, relpath)]
        suppressions = [] if relpath.lower().endswith(".json") else comment_suppressions(text, r"#[^\n]*")
    elif relpath.lower().endswith(".csv"):
        documents, suppressions = [_table_rows(text, relpath)], []
    else:
        documents = load_yaml(text, where=relpath)
        suppressions = comment_suppressions(text, r"#[^\n]*")
    images = [image for document in documents for image in data_images(document, relpath, root)]
    references = frozenset(image.target for image in images if image.target)
    return Page(relpath, tuple(images), tuple(suppressions), references, fallback_encoding=fallback)


def _table_rows(text: str, relpath: str) -> list[dict[str, LineStr]]:
    """Jekyll's `_data/*.csv` (RFC 4180): a header row, then a mapping per row, each value on its line."""
    import csv

    rows: list[dict[str, LineStr]] = []
    reader = csv.reader(text.splitlines())
    try:
        header = next(reader, [])
        rows += [{key: LineStr(value, reader.line_num) for key, value in zip(header, row, strict=False) if value}
                 for row in reader]                     # a short row has no value for the last columns
    except csv.Error as exc:
        raise PageError(f"{relpath}: not a CSV table that can be read, line {reader.line_num}: {exc}") from None
    return rows


def _load_tree(text: str, relpath: str) -> Any:
    """JSON (RFC 8259) or TOML (1.0: Hugo's data/*.toml) with every string placed on its line."""
    import tomllib

    try:
        tree = tomllib.loads(text) if relpath.lower().endswith(".toml") else json.loads(text)
        return locate_strings(tree, text, 1)
    except RecursionError:
        raise PageError(f"{relpath}: nested too deeply to read") from None
    except json.JSONDecodeError as exc:
        raise PageError(f"{relpath}: not valid JSON, {json_problem(exc)}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PageError(f"{relpath}: not valid TOML, {toml_problem(exc)}") from None
    except ValueError as exc:       # a JSON number of more than 4300 digits
        raise PageError(f"{relpath}: not valid JSON: {exc}") from None


def data_images(tree: Any, relpath: str, root: Path | None) -> list[PageImage]:
    """Every mapping anywhere in a data file that holds a media path becomes an image; a mapping under a key
    of another (a CMS's `"avatar": {"url": ..., "alt": ""}`) is its photo, so it takes that one's captions."""
    images = []
    stack: list[tuple[Any, Sequence[TextSpan]]] = [(tree, ())]
    seen: set[int] = set()
    while stack:
        value, outer = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, dict):
            images.extend(images_of_item(value, relpath, root, "data", outer))
            nested = list(value.values())
            own = [TextSpan(text, text.line, f"data {key}") for key in CAPTION_KEYS for text in _strings(value.get(key))
                   ] + split_names(value, "data") if any(isinstance(inner, dict) for inner in nested) else []
            stack.extend((inner, own if isinstance(inner, dict) else ()) for inner in reversed(nested))
        elif isinstance(value, list):
            stack.extend((item, ()) for item in reversed(value))
    return sorted(images, key=lambda image: image.line)


def images_of_item(item: dict, relpath: str, root: Path | None, kind: str,
                   extra_captions: Sequence[TextSpan] = ()) -> list[PageImage]:
    """One image for each media path in a mapping, labelled by the mapping's alt, title and captions."""
    sources = [text for value in item.values() for text in _strings(value) if links_to_media(text)]
    if not sources:
        return []
    alt, title = (_first(item, keys) for keys in (ALT_KEYS, TITLE_KEYS))
    captions = [TextSpan(text, text.line, f"{kind} {key}") for key in CAPTION_KEYS
                for text in _strings(item.get(key))]
    # The mapping is the photo's card: its other short words go with the photo too ("person: ...").
    captions += [TextSpan(text, text.line, f"{kind} {key}") for key, value in item.items()
                 if key not in CAPTION_KEYS and key not in ALT_KEYS and key not in TITLE_KEYS
                 and key.lower() not in PLACE_KEYS for text in _strings(value) if _card_words(text)]
    captions += split_names(item, kind)
    images = []
    for src in sources:
        resolved = resolve(src, relpath, root, site_relative=True)
        images.append(PageImage(
            src=str(src), target=resolved.target if resolved else None, line=src.line,
            alt=alt, title=title, alt_line=alt.line if alt else None, title_line=title.line if title else None,
            captions=tuple(extra_captions) + tuple(captions),
        ))
    return images


def split_names(item: dict, kind: str) -> list[TextSpan]:
    """Full names written across fields, each joined into one span on its first field's line: in the
    mapping itself, in a mapping under one of its keys ("name: {first: ..., last: ...}") and in a list of
    mappings ("people: [{forename: ..., surname: ...}]")."""
    people = [(kind, item)] + [(f"{kind} {key}", inner) for key, value in item.items()
                               for inner in (value if isinstance(value, list) else [value]) if isinstance(inner, dict)]
    spans = []
    for where, person in people:
        fields = {key.lower().replace("_", "").replace("-", ""): key for key, value in person.items()
                  if isinstance(value, LineStr) and value.strip()}
        parts = [next((fields[bare] for bare in fields if bare in keys), None)
                 for keys in (GIVEN_KEYS, MIDDLE_KEYS, FAMILY_KEYS)]
        if parts[0] is None or parts[2] is None:
            continue
        keys = [key for key in parts if key is not None]
        values = [person[key] for key in keys]
        spans.append(TextSpan(" ".join(value.strip() for value in values), min(value.line for value in values),
                              f"{where} {'/'.join(keys)}"))
    return spans


def _card_words(text: str) -> bool:
    """Short prose, not a path, address or media link: words a card would show."""
    return len(text) <= MAX_CARD_TEXT and "/" not in text and not links_to_media(text) and " " in text.strip()


def _first(item: dict, keys: tuple[str, ...]) -> LineStr | None:
    for key in keys:
        if isinstance(item.get(key), LineStr):
            return item[key]
    return None


def _strings(value: Any) -> list[LineStr]:
    if isinstance(value, LineStr):
        return [value]
    return [item for item in value if isinstance(item, LineStr)] if isinstance(value, list) else []
