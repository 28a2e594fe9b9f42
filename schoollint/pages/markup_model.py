"""The neutral tree component readers build (`Markup` elements holding `Value`s), and what it says
without looking at the page around it: whether an element shows an image, its ancestors, and what a
value can be (`evaluate`, through `script.Script`).

An element is an image when its tag is an image tag (props.IMAGE_TAGS) or, a component, when a media
prop (props.media_key) holds a media address or an expression (read per loop item).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .props import IMAGE_TAGS, media_key, props
from .script import Script, Values
from .treesitter import text as node_text

MEDIA_ADDRESS = re.compile(r"^data:image/|/|\.(?:jpe?g|jfif|png|gif|webp|avif|heic|heif|tiff?|jxl|bmp|svg)\b",
                           re.IGNORECASE)


@dataclass
class Value:
    """An attribute or a piece of text: a literal, a script expression, or parts of both joined."""

    literal: str | None
    node: object | None
    line: int
    parts: tuple[Value, ...] = ()

    def written(self) -> str:
        if self.parts:
            return "".join(part.written() for part in self.parts)
        if self.literal is not None:
            return self.literal
        return node_text(self.node) if self.node is not None else ""


@dataclass
class Markup:
    """An element (or a loop: tag "#loop") with its attributes and its children in order."""

    tag: str
    line: int
    attributes: dict[str, Value] = field(default_factory=dict)
    children: list[Markup | Value] = field(default_factory=list)
    parent: Markup | None = None
    loop: tuple[object, object] | None = None     # (array expression, parameter pattern)
    photo_count: int | None = None
    origin: Markup | None = None                  # the element this one's spread props were read from

    def add(self, child: Markup | Value) -> None:
        if isinstance(child, Markup):
            child.parent = self
        self.children.append(child)

    def elements(self) -> Iterator[Markup]:
        stack: list[Markup] = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed([child for child in element.children if isinstance(child, Markup)]))

    def photos(self) -> int:
        """How many images the element holds (counted once: a gallery's cards ask again and again)."""
        if self.photo_count is None:
            self.photo_count = sum(is_image(element) for element in self.elements())
        return self.photo_count

    def attribute(self, name: str) -> Value | None:
        return self.attributes.get(name) or self.attributes.get(f":{name}") or \
            self.attributes.get(f"v-bind:{name}")


def is_image(element: Markup) -> bool:
    return element.tag.lower() in IMAGE_TAGS or media_prop(element) is not None


def media_prop(element: Markup) -> Value | None:
    """The prop giving a component its photo: a media address, or an expression (read per loop item)."""
    return next((value for _name, value in props(element.tag, element.attributes, media_key)
                 if value.literal is None or MEDIA_ADDRESS.search(value.literal)), None)


def ancestors(element: Markup) -> Iterator[Markup]:
    node: Markup | None = element
    while node is not None:
        yield node
        node = node.parent


def evaluate(value: Value | None, env: dict, script: Script) -> Values | None:
    if value is None:
        return []
    if value.literal is not None:
        return [(value.literal, value.line)]
    if value.parts:                 # "{first} {last}": known when every part has one value
        joined, first_line = "", None
        for part in value.parts:
            got = evaluate(part, env, script)
            if not got or len(got) != 1:
                return None
            joined += got[0][0]
            first_line = first_line if first_line is not None or part.literal is not None else got[0][1]
        return [(joined, first_line or value.line)]
    return script.values(value.node, env) if value.node is not None else None


def next_element(parent: Markup, block: Markup) -> Markup | None:
    """The element right after `block` among its parent's children; None when text comes first."""
    after = parent.children[next(at for at, child in enumerate(parent.children) if child is block) + 1:]
    for child in after:
        if isinstance(child, Markup):
            return child
        if child.literal is None or child.literal.strip():
            return None
    return None
