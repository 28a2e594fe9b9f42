"""Attribute-object props: `<NuxtPicture :img-attrs="{ alt: '...' }">` and its like, read as spreads.

Some image components take the inner `<img>`'s attributes as one object prop rather than as props of their
own: Nuxt Image's `<NuxtPicture :img-attrs="{ alt, class }">` (Nuxt Image docs, "NuxtPicture", `imgAttrs`),
and design systems' `imgProps` / `imageProps` / `pictureAttrs`. The object's properties are the image's
attributes, so the prop is read as a spread (`spread.py`) of that object: its literal `alt` becomes the
image's alt text, and an object that cannot be read (`:img-attrs="attrs"` bound to a value the reader cannot
see) is listed as unknown by the spread reader, never read as no alt (no silent pass). A literal string
value (`img-attrs="x"`, no binding) is no object and stays as written.
"""

from __future__ import annotations

from .markup_model import Markup
from .props import is_component, prop_key
from .spread import SPREAD

_OBJECT_PROPS = frozenset({"imgprops", "imageprops", "pictureprops", "imgattrs", "imageattrs", "pictureattrs",
                           "imgattributes", "imageattributes", "pictureattributes"})


def attrs_as_spreads(element: Markup) -> None:
    """Replace, in place and in source order, each attribute-object prop bound to an expression on a
    component by a spread of that expression (named SPREAD + its position, as the readers name spreads)."""
    if not is_component(element.tag) or not any(prop_key(name) in _OBJECT_PROPS for name in element.attributes):
        return
    element.attributes = {
        f"{SPREAD}attrs{position}" if prop_key(name) in _OBJECT_PROPS and value.node is not None else name: value
        for position, (name, value) in enumerate(element.attributes.items())}
