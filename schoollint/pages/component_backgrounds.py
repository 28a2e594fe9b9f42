"""A photo a component shows as a CSS background (CSS Backgrounds and Borders Level 3, 3.3 `background-image`),
and the words over it: a hero banner `<section style={{ backgroundImage: "url(/images/head.jpg)" }}><h1>A
welcome from ...</h1></section>`.

JSX writes the style as an object of camelCased properties (React's `style` prop: `backgroundImage`,
`background`), whose values `script.Script` reads per loop item; Vue, Svelte and Astro may write the HTML
attribute `style="background-image: url(...)"`, or an expression giving it (Astro's template literal
`style={`background-image: url(${hero.src})`}` of an imported photo). Only photo files count
(`backgrounds.is_photo`: an SVG or GIF is a pattern or an icon). The words that go with it are its own text
when short, as `backgrounds.background_words` reads the text over an HTML background; an expression in them
that cannot be read is unknown, never clean.
"""

from __future__ import annotations

from pathlib import Path

from .backgrounds import BACKGROUND, is_photo
from .html_captions import MAX_NEXT_CAPTION, OUTERMOST
from .markup_model import Markup
from .markup_text import text_span
from .model import PageImage, TextSpan
from .script import Script, pair_value
from .treesitter import unwrap
from .urls import resolve

_STYLE_KEYS = ("backgroundImage", "background", "background-image")


def background_images(element: Markup, env: dict, script: Script, relpath: str, root: Path | None,
                      unread: list[TextSpan]) -> list[PageImage]:
    """The photo `element`'s style shows as its background (none, or one), with the short text over it."""
    style = element.attributes.get("style")
    if style is None or element.tag.lower() in OUTERMOST:
        return []
    declarations = []
    if style.literal is not None:
        declarations.append(style.literal)
    elif (written := unwrap(style.node)) is not None and written.type == "object":
        for key in _STYLE_KEYS:
            value = pair_value(written, key)
            declarations += ["background-image: " + text for text, _line in script.values(value, env) or ()] \
                if value is not None else []
    elif written is not None:       # Astro's style={`background-image: url(${hero.src})`}: the whole declaration
        declarations += [text for text, _line in script.values(written, env) or ()]
    sources = [found.group(1) for declaration in declarations if (found := BACKGROUND.search(declaration))]
    src = next((written for written in sources if is_photo(written)), None)
    if src is None:
        return []
    over = text_span(element, "text over the photo", env, script, unread)
    resolved = resolve(src, relpath, root)
    return [PageImage(src=src, target=resolved.target if resolved else None, line=element.line,
                      captions=(over,) if over.text.strip() and len(over.text) <= MAX_NEXT_CAPTION else ())]
