"""A photo's accessible name and description as the words beside it (WAI-ARIA 1.2, states and properties
`aria-label`, `aria-labelledby`, `aria-describedby`).

A screen reader says them with the photo, so a name in them is published with it: on the `<img>` itself
(`alt=""` with `aria-describedby` pointing at a visually hidden paragraph), and on the link, button or
figure around it that holds this photo only (`<a aria-label="Name, Chair of Governors"><img alt=""></a>`).
The image's own `aria-label` is one of its labels (`PageImage.labels`), not read again here. An id list
(`aria-labelledby="a b"`) names elements anywhere in the document; an id no element has gives nothing.
HTML through lxml (`html_aria`); component markup through `Markup` (`markup_aria`), where an expression
that cannot be resolved is listed as unread, never read as clean.
"""

from __future__ import annotations

from collections.abc import Iterator

from .html_captions import OUTERMOST, Captions
from .markup_model import Markup, ancestors, evaluate
from .markup_text import text_span
from .model import TextSpan
from .script import Script

REFERENCES = ("aria-labelledby", "aria-describedby")


def html_aria(captions: Captions, image) -> Iterator[TextSpan]:
    """The accessible name and description of an lxml `image` and of the wrappers holding it alone."""
    element = image
    while element is not None and isinstance(element.tag, str) and element.tag not in OUTERMOST \
            and (element is image or captions.photo_count(element) == 1):
        label = element.get("aria-label")
        if element is not image and label and label.strip():
            yield TextSpan(label, captions.lines.attribute_line(element, "aria-label"), "aria-label around it",
                           captions.lang_of(element))
        for attribute in REFERENCES:
            for ident in (element.get(attribute) or "").split():
                named = captions.element_with_id(element, ident)
                if named is not None:
                    yield captions.span(named, attribute)
        element = element.getparent()


def markup_aria(image: Markup, env: dict, script: Script, unread: list[TextSpan]) -> Iterator[TextSpan]:
    """The same for component markup: literal or resolved `aria-label`s of the wrappers holding the photo
    alone, and the elements a literal `aria-labelledby`/`aria-describedby` names by id."""
    photo = image.origin or image
    top = list(ancestors(photo))[-1]
    for element in ancestors(photo):
        if element.tag.startswith("#") or element.tag.lower() in OUTERMOST:
            continue
        if element is not photo and element.photos() != 1:
            return
        label = element.attribute("aria-label")
        if element is not photo and label is not None:
            got = evaluate(label, env, script)
            if got is None:
                unread.append(TextSpan(label.written(), label.line, "aria-label around it"))
            yield from (TextSpan(text, line, "aria-label around it") for text, line in got or ())
        for attribute in REFERENCES:
            reference = element.attribute(attribute)
            for ident in (reference.literal or "").split() if reference is not None else ():
                named = next((one for one in top.elements() if (value := one.attributes.get("id")) is not None
                              and value.literal == ident), None)
                if named is not None:
                    yield text_span(named, attribute, env, script, unread)
