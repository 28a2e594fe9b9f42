"""A component's words as a photo's caption: its own text props, and those of the components around and after
the photo (React, Vue, Svelte and Astro markup, read as `markup` reads it).

A component that shows a photo says who is in it through its text props (`<StaffCard photo= fullName=>`,
`prop_text`). Gatsby and MDX sites also wrap a photo in a component of their own that takes the caption as a
prop (`<Figure caption="Name in the play"><StaticImage src=.../></Figure>`, `<ImageWithCaption title=...>`):
a component holding this one photo and a caption's length of text, and giving no photo of its own, shows its
text props with it (a layout holds the page's text, a gallery more photos). A caption
component right after the photo or after a wrapper that holds only the photo (`<StaticImage/><Caption
text="Name"/>`, `<ImageCaption>Name</ImageCaption>`: its name says caption, legend or name) is its caption,
as a caption-classed element is in HTML. A text prop whose value is not known here goes in `unread`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from .html_captions import BOUNDARIES, MAX_NEXT_CAPTION
from .markup_model import Markup, ancestors, evaluate, media_prop, next_element
from .markup_text import text_span
from .model import TextSpan
from .props import NAME_PARTS, is_component, props, text_key
from .script import Script

CAPTION_COMPONENT_WORDS = frozenset({"caption", "figcaption", "legend", "name"})
MAX_WRAPPERS = 8        # components around a photo: further out is a layout, not the photo's wrapper


def prop_text(element: Markup, env: dict, script: Script, unread: list[TextSpan],
              content: bool = True) -> Iterator[TextSpan]:
    """A component's own text: its text props (a first and a last name prop read as one) and, with `content`,
    its children. A text prop whose value is unknown goes in `unread`."""
    for name, value in props(element.tag, element.attributes, text_key):
        got = evaluate(value, env, script)
        if got is None:
            unread.append(TextSpan(value.written(), value.line, f"{name} prop"))
        for text, line in got or ():
            yield TextSpan(text, line, f"{name} prop")
    first, last = (next((value for _name, value in props(element.tag, element.attributes, keys.__contains__)),
                        None)
                   for keys in NAME_PARTS)
    firsts, lasts = evaluate(first, env, script), evaluate(last, env, script)
    if first is not None and last is not None and firsts and lasts and len(firsts) == len(lasts) == 1:
        yield TextSpan(f"{firsts[0][0]} {lasts[0][0]}", firsts[0][1], "name props")
    if content and element.children:
        yield text_span(element, "content", env, script, unread)


def wrapper_captions(image: Markup, env: dict, script: Script, unread: list[TextSpan]) -> Iterator[TextSpan]:
    """The text props of the components holding the photo alone, and the caption component after it or after
    a wrapper holding it alone."""
    block = image.origin or image
    for holder in islice(ancestors(block), 1, MAX_WRAPPERS):
        if holder.tag.startswith("#") or holder.tag.lower() in BOUNDARIES or holder.photos() != 1 \
                or is_component(holder.tag) and len(text_span(holder, "", env, script, []).text) > MAX_NEXT_CAPTION:
            return                              # a gallery's or a layout's words, not the photo's
        following = next_element(holder, block)
        if following is not None and is_component(following.tag) and not following.photos() \
                and CAPTION_COMPONENT_WORDS & {word.lower() for word in re.findall(r"[A-Z]?[a-z]+", following.tag)}:
            yield from prop_text(following, env, script, unread)
        if is_component(holder.tag) and media_prop(holder) is None:
            yield from prop_text(holder, env, script, unread, content=False)
        block = holder
