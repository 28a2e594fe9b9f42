"""A photo in a description list: the rest of its name-value group is its caption (WHATWG HTML Living
Standard, section 4.4.9 "The dl element": a group is one or more `<dt>` names followed by one or more `<dd>`
values, optionally wrapped in a `<div>`).

"Meet the team" lists put the person's name in the `<dt>` and the photo (then the role) in the `<dd>`s
after it; some put the photo in the `<dt>` and the name in the `<dd>`. Either way the group's other terms
and values go with the photo, and nothing of the next group does. The photo counts when the `<dt>`/`<dd>`
holding it holds it alone (a `<dd>` of several photos is a gallery, whose group names none of them).
"""

from __future__ import annotations

from collections.abc import Iterator

from .html_captions import Captions
from .model import TextSpan

GROUP_PARTS = ("dt", "dd")


def group_of(captions: Captions, image) -> Iterator[TextSpan]:
    """The spans of the other `<dt>`/`<dd>` elements of the group whose `<dt>` or `<dd>` holds `image`."""
    cell = next((one for one in image.iterancestors(*GROUP_PARTS)), None)
    if cell is None or captions.photo_count(cell) != 1:
        return
    for part in _group(cell):
        if part is not cell and not captions.photo_count(part):
            yield captions.span(part, "term of its description list" if part.tag == "dt" else
                                "description in its list")


def _group(cell) -> list:
    """The `<dt>`s and `<dd>`s of `cell`'s group, in order: back to the first `<dt>` of the run before the
    `<dd>`s, on to the last `<dd>` before the next `<dt>`."""
    siblings = [one for one in cell.itersiblings(preceding=True) if one.tag in GROUP_PARTS]
    start: list = []
    seen_term = cell.tag == "dt"
    for one in siblings:                    # nearest first
        if one.tag == "dd" and seen_term:
            break
        seen_term = seen_term or one.tag == "dt"
        start.append(one)
    end: list = []
    seen_value = cell.tag == "dd"
    for one in (one for one in cell.itersiblings() if one.tag in GROUP_PARTS):
        if one.tag == "dt" and seen_value:
            break
        seen_value = seen_value or one.tag == "dd"
        end.append(one)
    return [*reversed(start), cell, *end]
