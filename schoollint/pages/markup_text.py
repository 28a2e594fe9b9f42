"""The text a component shows for an element of its markup, expressions evaluated (for `markup`)."""

from __future__ import annotations

from collections.abc import Iterator

from .html_captions import UNDER_PHOTO
from .html_text import BLOCK_BREAK, INLINE
from .markup_model import Markup, Value, evaluate
from .model import TextSpan
from .props import is_component
from .script import Script, bind

MAX_NESTING = 32        # lists and loops inside a list under a photo
MAX_ITEMS = 500         # items of one loop read for a list under a photo


def text_span(element: Markup, label: str, env: dict, script: Script, unread: list[TextSpan]) -> TextSpan:
    """An element's text, each piece on its source line (blank lines pad it), expressions evaluated; a
    block element or a component (`<Card.Title>`, `<Typography>`) is set apart by BLOCK_BREAK, as the
    HTML reader sets apart blocks: a card's role line is no part of the name above it."""
    parts: list[str] = []
    row = element.line
    stack: list[Markup | Value | str] = list(reversed(element.children))
    while stack:
        child = stack.pop()
        if isinstance(child, str):
            parts.append(child)
            continue
        if isinstance(child, Markup):
            if child.tag.lower() not in ("script", "style") and not is_fallback(child):
                if _is_block(child):
                    parts.append(BLOCK_BREAK)
                    stack.append(BLOCK_BREAK)
                stack.extend(reversed(child.children))
            continue
        got = evaluate(child, env, script)
        if got is None:
            unread.append(TextSpan(child.written(), child.line, label))
        if not got or len(got) != 1:
            continue
        if child.line > row:
            parts.append("\n" * (child.line - row))
            row = child.line
        parts.append(" " + got[0][0])
        row += got[0][0].count("\n")
    return TextSpan("".join(parts), element.line, label)


def is_fallback(element: Markup) -> bool:
    """An avatar's stand-in (Radix's `Avatar.Fallback`, shadcn/ui's `<AvatarFallback>`): shown instead of the
    photo when it does not load, never beside it; `markup._captions` reads its words as the photo's own."""
    return is_component(element.tag) and element.tag.lower().endswith("fallback")


def _is_block(element: Markup) -> bool:
    """Shown on lines of its own: a block element, or a component other than a link (`<Link>`,
    `<router-link>`), which renders inline text."""
    tag = element.tag.lower()
    if is_component(element.tag):
        return not tag.endswith("link")
    return tag not in INLINE and not tag.startswith("#")


def listed(table: Markup, env: dict, script: Script, unread: list[TextSpan], depth: int = 0) -> Iterator[TextSpan]:
    """Each item or cell of a list or table under a photo (a team's squad, a prize list), a loop's
    (`squad.map(p => <li>{p}</li>)`, `v-for`, `{#each}`) once per item of its array; a loop over an array
    that cannot be read leaves its items' expressions unknown (in `unread`), never clean."""
    label = UNDER_PHOTO[table.tag.lower()] if table.tag.lower() in UNDER_PHOTO else "list below the photo"
    for child in table.children if depth <= MAX_NESTING else ():
        if not isinstance(child, Markup):
            continue
        if child.tag == "#loop" and child.loop is not None:
            receiver, pattern = child.loop
            items = script.items(receiver, env)
            envs = [{**env, **{name: None for name in bind(pattern, None)}}] if items is None else \
                [{**env, **bind(pattern, item)} for item in items[:MAX_ITEMS]]
            for one in envs:
                yield from listed(child, one, script, unread, depth + 1)
        elif child.tag.lower() in ("li", "td", "th"):
            yield text_span(child, label, env, script, unread)
        else:
            yield from listed(child, env, script, unread, depth + 1)
