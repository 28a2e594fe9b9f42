"""Component markup (JSX, Svelte, Vue templates, Astro) as one neutral tree, and the images it shows.

Each component reader turns its parser's tree into `Markup` elements whose
attributes and text are literals or script expressions (tree-sitter nodes),
and marks the elements a loop repeats (`.map()`, `{#each}`, `v-for`) with the
array and the loop's parameter. `page_images` then finds every image, its
src/alt/title/aria-label and the text that goes with it, the same way the
HTML reader does (`html_captions`: figcaption, the paragraph, list item or
table cell, a card holding this one photo), evaluating expressions with
`script.Script` once per item of the array being looped over. A spread
(`{...p}`, Vue's `v-bind="p"`) gives the element its object's properties as
props (`spread`). An alt, a caption's expression or a text prop that cannot be
resolved, and a spread on an image or a card that cannot be read, are listed
as unknown, never read as clean. A `lang` attribute (`<html lang="de">` in an Astro page) is the language of
the photos inside it, as in HTML. The tree itself is `markup_model`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from dataclasses import dataclass, field
from pathlib import Path

from .aria import markup_aria
from .attrs_props import attrs_as_spreads
from .component_backgrounds import background_images
from .component_captions import prop_text, wrapper_captions
from .definition_lists import markup_group_of
from .html_captions import (BOUNDARIES, CARD_WORDS, CONTAINERS, HEADINGS, MAX_NEXT_CAPTION, NEXT_CAPTION_TAGS,
                            OUTERMOST, SECOND_PARAGRAPH, TITLED, UNDER_PHOTO)
from .markup_model import MEDIA_ADDRESS, Markup, Value, ancestors, evaluate, is_image, media_prop, next_element
from .markup_text import is_fallback, listed, text_span
from .model import PageImage, TextSpan
from .props import ALT_PROPS, IMAGE_TAGS, is_component, props
from .script import Script, Values, bind
from .sizes import displayed
from .spread import SPREAD, has_spread, listed_items, spread_out
from .treesitter import line as node_line
from .urls import resolve

LABELS = (("alt", "alt text"), ("title", "title"), ("aria-label", "aria-label"))
SOURCES = ("src", "data-src", "poster", "image", "srcset")
SIZE_ATTRIBUTES = ("width", "height", "style", "sizes", "srcset")
MAX_CLIMB = 32          # elements above a photo: text further up is the page's, not the photo's


@dataclass
class Found:
    images: list[PageImage] = field(default_factory=list)
    unknown: list[TextSpan] = field(default_factory=list)


def page_images(document: Markup, script: Script, relpath: str, root: Path | None) -> Found:
    """Every image the markup shows, one per array item when a loop repeats it."""
    found = Found()
    seen: set = set()
    for element in document.elements():
        attrs_as_spreads(element)           # `:img-attrs="{ alt }"`: the inner <img>'s attributes
        spreads = has_spread(element.attributes)
        listing = is_component(element.tag) and any(value.node is not None for value in element.attributes.values())
        if not spreads and not listing and not is_image(element):
            if "style" in element.attributes:   # a hero's background photo and the words over it
                for env in environments(element, script):
                    found.images += background_images(element, env, script, relpath, root, found.unknown)
            continue
        for env in environments(element, script):
            shown = [element] if spreads or is_image(element) else []
            # A gallery's items: photos of their own, whose text is their own props, not the page around them.
            for item in listed_items(element.attributes, lambda value: value.node, env, script) if listing else ():
                shown.append(Markup(element.tag, node_line(item), {SPREAD: Value(None, item, node_line(item))}))
            for one_env in (_spread_out(one, env, script, found) if has_spread(one.attributes) else one
                            for one in shown):
                for one in _image(one_env, env, script, relpath, root, found) if one_env is not None else ():
                    key = (one.src, one.alt, one.line, one.alt_line, one.captions)
                    if key not in seen:
                        seen.add(key)
                        found.images.append(one)
    return found


def _spread_out(element: Markup, env: dict, script: Script, found: Found) -> Markup | None:
    """The element with its spread props read for this loop item (`spread.spread_out`); None when it
    shows no photo. A spread that cannot be read leaves its props unknown: listed, never clean."""
    attributes, unknown = spread_out(element.attributes, lambda value: value.node, lambda node, row:
                                     Value(None, node, row), env, script)
    merged = Markup(element.tag, element.line, attributes, element.children, element.parent, origin=element)
    if unknown is not None and (is_image(merged) or _card_words(element.tag)):
        found.unknown.append(TextSpan("{..." + unknown.written() + "}", unknown.line, "props"))
    return merged if is_image(merged) else None


def environments(element: Markup, script: Script) -> list[dict]:
    loops = [node for node in ancestors(element) if node.loop is not None]
    if not loops:
        return [{}]
    receiver, pattern = loops[0].loop or (None, None)
    outer = environments(loops[0], script) if len(loops) > 1 else [{}]
    envs = []
    for env in outer:
        items = script.items(receiver, env)
        if items is None:
            envs.append({**env, **{name: None for name in bind(pattern, None)}})
        else:
            envs += [{**env, **bind(pattern, item)} for item in items]
    return envs[:2000] or [{}]


def _image(element: Markup, env: dict, script: Script, relpath: str, root: Path | None, found: Found):
    component = element.tag.lower() not in IMAGE_TAGS
    attribute = None if component else next((name for name in SOURCES if element.attribute(name) is not None), None)
    src_value = media_prop(element) if component else element.attribute(attribute) if attribute else None
    sources = evaluate(src_value, env, script) if src_value is not None else None
    if component and sources and not any(MEDIA_ADDRESS.search(src) for src, _line in sources):
        return []           # `cover={true}`, `image={"star"}`: the prop holds no picture
    if not sources:
        written = src_value.written() if src_value is not None else f"<{element.tag}>"
        sources = [("{" + written + "}" if src_value is not None and src_value.literal is None else written,
                    element.line)]
    labels: dict[str, Values] = {}
    for attribute, label in LABELS:
        value = element.attribute(attribute)
        if component and attribute != "aria-label":     # a component's title is its text, read below
            alt_props = props(element.tag, element.attributes, ALT_PROPS.__contains__)
            value = next((value for _name, value in alt_props), None) if attribute == "alt" else None
        got = evaluate(value, env, script)
        if got is None and value is not None:
            found.unknown.append(TextSpan(value.written(), value.line, label))
        got = got or []
        labels[attribute] = got
    unread: list[TextSpan] = []
    captions = tuple(span for span in (*prop_text(element, env, script, unread),
                                       *_captions(element, env, script, unread),
                                       *wrapper_captions(element, env, script, unread),
                                       *markup_aria(element, env, script, unread),
                                       *markup_group_of(element, env, script, unread)) if span.text.strip())
    found.unknown += [span for span in dict.fromkeys(unread) if span not in found.unknown]
    width, height = _size(element, env, script)
    images = []
    alts: list[tuple[str | None, int | None]] = list(labels["alt"]) or [(None, None)]
    title: tuple[str | None, int | None] = labels["title"][0] if labels["title"] else (None, None)
    aria: tuple[str | None, int | None] = labels["aria-label"][0] if labels["aria-label"] else (None, None)
    for src, _line in sources:
        # only a srcset is a list of candidates (WHATWG HTML 4.8.4.3.1); a src is one path, commas and all
        src = (src.split(",")[0].split()[0] if attribute == "srcset" else src.strip()) if src.strip() else src
        resolved = resolve(src, relpath, root) if src else None
        for alt, alt_line in alts:
            images.append(PageImage(src=src, target=resolved.target if resolved else None, line=element.line,
                                    alt=alt, title=title[0], aria_label=aria[0], alt_line=alt_line,
                                    title_line=title[1], aria_label_line=aria[1], captions=captions,
                                    width=width, height=height, lang=_lang(element)))
    return images


def _lang(element: Markup) -> str:
    """The language its markup gives it: the nearest `lang` written as a literal (an Astro page's
    `<html lang="de">`; WHATWG HTML section 3.2.6.2, inherited), "" when none."""
    for ancestor in ancestors(element.origin or element):
        value = ancestor.attributes.get("lang")
        if value is not None and value.literal:
            return value.literal
    return ""


def _size(element: Markup, env: dict, script: Script) -> tuple[int | None, int | None]:
    """The displayed size its props give (`width={300}`, `width="300"`, a style string, `sizes`)."""
    attributes: dict[str, str | None] = {}
    for name in SIZE_ATTRIBUTES:
        got = evaluate(element.attribute(name), env, script)
        attributes[name] = got[0][0] if got and len(got) == 1 else None
        if name == "style" and element.attribute(name) is not None and attributes[name] is None:
            return None, None       # a style object or expression: it may set any size
    srcset = attributes.get("srcset") or ""
    return displayed(attributes, any(part.split()[1:2] and part.split()[1].endswith("w")
                                     for part in srcset.split(",")))


def _captions(image: Markup, env: dict, script: Script, unread: list[TextSpan]) -> Iterator[TextSpan]:
    """The text that goes with the image, innermost first, as `html_captions` finds it in HTML; the
    expressions in it that cannot be resolved go in `unread`."""
    for sibling in image.parent.children if image.parent else ():
        if isinstance(sibling, Markup) and sibling is not image and sibling is not image.origin \
                and "caption" in _classes(sibling):
            yield text_span(sibling, "caption", env, script, unread)
        elif isinstance(sibling, Markup) and is_fallback(sibling):     # <AvatarFallback>: stands for the photo
            yield text_span(sibling, "avatar fallback", env, script, unread)
    yield from _after_photo(image, env, script, unread)
    for ancestor in islice(ancestors(image), 1, MAX_CLIMB):
        tag = ancestor.tag.lower()
        if tag.startswith("#"):
            continue
        card = bool(CARD_WORDS.intersection(re.split(r"[\s_-]+", _classes(ancestor))))
        if tag in BOUNDARIES and not card:
            heading = next((one for one in ancestor.elements() if one.tag.lower() in HEADINGS), None)
            if tag in TITLED and heading is not None and ancestor.photos() == 1 and not any(
                    one.tag.lower() == "figcaption" for figure in ancestors(image) if figure.tag.lower() == "figure"
                    for one in figure.elements()):      # a figure's own caption says what the photo shows
                yield text_span(heading, "heading of its article", env, script, unread)
            return
        if tag == "a":
            yield text_span(ancestor, "link text", env, script, unread)
        if (title := ancestor.attribute("title")) is not None and ancestor.photos() == 1 \
                and (tag == "a" or not _shows_text(ancestor, env, script)):    # the link's or wrapper's tooltip
            got = evaluate(title, env, script)
            unread += [] if got is not None else [TextSpan(title.written(), title.line, "link title")]
            yield from (TextSpan(text, row, "link title") for text, row in got or ())
        if tag == "figure":
            for caption in ancestor.elements():
                if caption.tag.lower() == "figcaption":
                    yield text_span(caption, "figcaption", env, script, unread)
        if tag in CONTAINERS:
            yield text_span(ancestor, CONTAINERS[tag], env, script, unread)
            return
        if card and ancestor.photos() == 1:
            span = text_span(ancestor, "card", env, script, unread)
            yield span
            if span.text.strip():               # "div.card__photo" holds only the photo: the card is further out
                return
        elif is_component(ancestor.tag) and ancestor.photos() == 1:
            # A compound card (`<Card><Card.Img/><Card.Title>`, MUI's CardMedia beside a Typography,
            # a named slot `<template #title>`): the instance's other children are the photo's caption,
            # when its name says card or its text is caption-sized (a page layout's is not).
            span = text_span(ancestor, "component", env, script, unread)
            if span.text.strip() and (_card_words(ancestor.tag)
                                      or len(" ".join(span.text.split())) <= MAX_NEXT_CAPTION):
                yield span
                return


def _after_photo(image: Markup, env: dict, script: Script, unread: list[TextSpan]) -> Iterator[TextSpan]:
    """The block right after the photo when the photo's wrappers hold nothing else (`<NuxtImg/>` then
    `<p class="governor__name">`), as `html_captions` reads it in HTML: its "next paragraph" (and a short
    paragraph after that one). Not read
    when the photo sits in a paragraph, figure, link or card (read whole anyway) or in a gallery."""
    photo = block = image.origin or image
    while (parent := block.parent) is not None and parent.tag.lower() not in OUTERMOST \
            and not parent.tag.startswith("#") and parent.tag.lower() not in ("td", "th", "li", "table", "ul", "ol") \
            and parent.photos() <= 1 and not _shows_text(parent, env, script):
        block = parent
    if parent is None or block is photo and parent.photos() > 1:
        return
    tag = parent.tag.lower()
    if tag == "figure" and parent.photos() == 1 and parent.parent is not None:
        yield from _list_after(parent.parent, parent, env, script, unread)      # the figure, then its squad
    if tag in CONTAINERS or tag in ("figure", "a") or (_card_words(parent.tag) or CARD_WORDS.intersection(
            re.split(r"[\s_-]+", _classes(parent)))) and parent.photos() == 1:
        return                                  # its whole text is read anyway
    following = next_element(parent, block)
    squad = list(_list_after(parent, block, env, script, unread, following)) if following is not None else []
    if squad:
        yield from squad                        # a team's squad under its photo, a prize list under its heading
        return
    if following is None or following.tag.lower() not in NEXT_CAPTION_TAGS or following.photos() \
            or "caption" in _classes(following):
        return
    span = text_span(following, "next paragraph", env, script, unread)
    if len(span.text) <= MAX_NEXT_CAPTION:
        yield span
        second = next_element(parent, following) if following.tag.lower() == "p" else None
        if second is not None and second.tag.lower() == "p" and not second.photos() and len(
                (after := text_span(second, SECOND_PARAGRAPH, env, script, unread)).text) <= MAX_NEXT_CAPTION:
            yield after                         # a short post names the photo's pupil a sentence later


def _list_after(parent: Markup, block: Markup, env: dict, script: Script, unread: list[TextSpan],
                following: Markup | None = None) -> Iterator[TextSpan]:
    """The list or table right after `block` (the photo, its wrapper or its figure; `following`: the element
    after it, when known), or after a short heading or a lead-in ending in a colon that follows it, as
    `html_captions.list_after` reads it in HTML."""
    following = next_element(parent, block) if following is None else following
    if following is None:
        return
    if following.tag.lower() in HEADINGS or following.tag.lower() == "p" and "caption" not in _classes(following):
        under = next_element(parent, following)
        if under is None or under.tag.lower() not in UNDER_PHOTO or following.photos():
            return                              # no list after it (the usual paragraph): no more is read
        lead = text_span(following, "next paragraph", env, script, unread)
        if following.tag.lower() == "p" and not lead.text.rstrip().endswith(":") or len(lead.text) > MAX_NEXT_CAPTION:
            return
        yield lead
        following = under
    if following.tag.lower() in UNDER_PHOTO and not following.photos():
        yield from listed(following, env, script, unread)


def _shows_text(element: Markup, env: dict, script: Script) -> bool:
    """Does the element show text: words, or an expression not known here (a loop's `{{ speaker }}`)?"""
    unknown: list[TextSpan] = []
    return bool(text_span(element, "", env, script, unknown).text.strip() or unknown)


def _card_words(tag: str) -> frozenset[str]:
    """The words of a component's name that say it is a card ("ProfileCard", "v-card")."""
    return CARD_WORDS & {word.lower() for word in re.findall(r"[A-Z]?[a-z]+", tag)}


def _classes(element: Markup) -> str:
    value = element.attributes.get("className") or element.attributes.get("class")
    return (value.literal or "").lower() if value is not None else ""
