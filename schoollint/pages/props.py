"""Component props: which of a component's props give it a photo, its alt text and its caption.

A component given a photo's address in a media prop (`<StaffCard photo="/img/a.jpg" fullName="..."/>`)
shows that photo, as the site's own code renders it (React "Passing Props to a Component", Vue 3 guide
"Props": `staff-name` in a template is the `staffName` prop, Svelte and Astro props likewise). Names
are compared by `prop_key`: lower case without "-", "_" or a Vue binding prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TypeVar

V = TypeVar("V")

IMAGE_TAGS = frozenset({"img", "image", "staticimage", "gatsbyimage", "img-comp", "nuxt-img", "nuxtimg",
                        "nuxt-picture", "video", "enhanced:img"})
# Vue's `:full-name`, a CMS's `staff_name` and JSX's `staffName` are one prop; a media word or a text
# word may end a longer prop name (`crest-image`, `portraitUrl`, `governor-name`, `jobTitle`).
MEDIA_PROPS = frozenset({"src", "image", "img", "photo", "picture", "pic", "avatar", "headshot", "portrait",
                         "thumbnail", "thumb", "cover", "poster", "mugshot"})
MEDIA_ENDING = re.compile(r"(?:image|img|photo|picture|avatar|headshot|portrait|thumbnail|poster|mugshot)"
                          r"(?:url|src|path|href|file)?$")
ALT_PROPS = frozenset({"alt", "alttext", "imagealt", "imgalt", "photoalt"})
TEXT_PROPS = frozenset({"name", "fullname", "displayname", "personname", "title", "caption", "label", "heading",
                        "subheading", "subtitle", "text", "description", "person", "pupil", "student", "winner",
                        "artist", "author"})
TEXT_ENDINGS = ("name", "title", "caption", "heading", "label")
# Props ending in a text word that name code, not a person or a photo's subject.
NOT_TEXT = frozenset({"classname", "filename", "username", "tagname", "iconname", "componentname", "routename",
                      "layoutname", "typename", "fieldname", "slotname", "hostname", "pathname", "keyname"})
NAME_PARTS = ({"firstname", "forename", "givenname"}, {"lastname", "surname", "familyname"})


def prop_key(name: str) -> str:
    """`:full-name`, `staff_name`, `fullName` -> "fullname"."""
    return name.rpartition(":")[2].replace("-", "").replace("_", "").lower()


def props(tag: str, attributes: Mapping[str, V], wanted) -> Iterator[tuple[str, V]]:
    """A component's props whose names (as `prop_key` writes them) pass `wanted`, in source order,
    as (name written, value); none for an element that is no component."""
    if is_component(tag):
        for name, value in attributes.items():
            if wanted(prop_key(name)):
                yield name.rpartition(":")[2], value


def is_component(tag: str) -> bool:
    """`<StaffCard>`, `<Card.Img>`, Vue's `<v-card>`: an element the site's own code renders."""
    return tag[:1].isupper() or ("-" in tag and tag.lower() not in IMAGE_TAGS)


def media_key(key: str) -> bool:
    return key in MEDIA_PROPS or MEDIA_ENDING.search(key) is not None


def text_key(key: str) -> bool:
    return key in TEXT_PROPS or (key.endswith(TEXT_ENDINGS) and key not in NOT_TEXT
                                 and not any(key in part for part in NAME_PARTS))

