"""A photo in a description list: the rest of its name-value group is its caption (WHATWG HTML Living
Standard, section 4.4.9 "The dl element": a group is one or more `<dt>` names followed by one or more `<dd>`
values, optionally wrapped in a `<div>`).

"Meet the team" lists put the person's name in the `<dt>` and the photo (then the role) in the `<dd>`s
after it; some put the photo in the `<dt>` and the name in the `<dd>`. Either way the group's other terms
and values go with the photo, and nothing of the next group does. The photo counts when the `<dt>`/`<dd>`
holding it holds it alone (a `<dd>` of several photos is a gallery, whose group names none of them). HTML
through lxml (`group_of`), component markup through `Markup` (`markup_group_of`).
"""

from __future__ import annotations

from collections.abc import Iterator

from .html_captions import Captions
from .markup_model import Markup, ancestors
from .markup_text import text_span
from .model import TextSpan
from .script import Script

GROUP_PARTS = ("dt", "dd")
LABELS = {"dt": "term of its description list", "dd": "description in its list"}


def group_of(captions: Captions, image) -> Iterator[TextSpan]:
    """The spans of the other `<dt>`/`<dd>` elements of the group whose `<dt>` or `<dd>` holds `image` (lxml)."""
    cell = next((one for one in image.iterancestors(*GROUP_PARTS)), None)
    if cell is None or captions.photo_count(cell) != 1:
        return
    for part in _group([one for one in cell.getparent() if one.tag in GROUP_PARTS], cell):
        if part is not cell and not captions.photo_count(part):
            yield captions.span(part, LABELS[part.tag])


def markup_group_of(image: Markup, env: dict, script: Script, unread: list[TextSpan]) -> Iterator[TextSpan]:
    """The same in component markup (JSX, Vue, Svelte, Astro): expressions that cannot be resolved go in `unread`."""
    cell = next((one for one in ancestors(image.origin or image) if one.tag in GROUP_PARTS), None)
    if cell is None or cell.parent is None or cell.photos() != 1:
        return
    parts = [one for one in cell.parent.children if isinstance(one, Markup) and one.tag in GROUP_PARTS]
    for part in _group(parts, cell):
        if part is not cell and not part.photos():
            yield text_span(part, LABELS[part.tag], env, script, unread)


def _group(parts: list, cell) -> list:
    """The `<dt>`s and `<dd>`s of `cell`'s group among `parts` (its list's, in order): back to the first `<dt>`
    of the run before the `<dd>`s, on to the last `<dd>` before the next `<dt>`."""
    at = next(index for index, one in enumerate(parts) if one is cell)
    first = at
    seen_term = cell.tag == "dt"
    while first > 0 and not (parts[first - 1].tag == "dd" and seen_term):
        first -= 1
        seen_term = seen_term or parts[first].tag == "dt"
    last = at
    seen_value = cell.tag == "dd"
    while last + 1 < len(parts) and not (parts[last + 1].tag == "dt" and seen_value):
        last += 1
        seen_value = seen_value or parts[last].tag == "dd"
    return parts[first:last + 1]
