"""An image map's areas as words of its photo (WHATWG HTML Living Standard, section 4.8.13 "The map element"
and 4.8.14 "The area element"): `<img usemap="#team">` shows the photo, `<map name="team">` holds one `<area>`
per region of it, and each area's `alt` text is what a screen reader says for that region.

A team photo whose players are linked by region names each of them in an area's alt (and sometimes its
`title`), so those words go with the photo. The map is found by its name, as the standard's "rules for
parsing a hash-name reference" say (the first `<map>` whose id or name is the reference); a reference no map
has gives nothing. HTML through lxml only: component frameworks do not write image maps.
"""

from __future__ import annotations

from collections.abc import Iterator

from .html_captions import Captions
from .model import TextSpan

AREA_TEXT = {"alt": "image map area", "title": "image map area title"}


def area_labels(captions: Captions, image) -> Iterator[TextSpan]:
    """The alt texts and titles of the areas of the map an lxml `image` uses (`usemap="#name"`)."""
    reference = image.get("usemap") or ""
    if not reference.startswith("#") or len(reference) == 1:
        return
    name = reference[1:]
    named = captions.element_with_id(image, name)
    if named is None or named.tag != "map":
        named = next(iter(image.getroottree().getroot().xpath("//map[@name=$name]", name=name)), None)
    if named is None:
        return
    for area in named.iter("area"):
        for attribute, label in AREA_TEXT.items():
            if (text := area.get(attribute)) and text.strip():
                yield TextSpan(text, captions.lines.attribute_line(area, attribute), label, captions.lang_of(area))
