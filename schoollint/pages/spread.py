"""JSX spread attributes: `<ProfileCard {...p} />` and `<Card {...person} title="x" />`.

A spread attribute passes every own property of an object as a prop (React "Passing Props to a
Component", "Forwarding props with the JSX spread syntax"; JSX compiles `<C a="1" {...o} b={2}/>`
to props `{a: "1", ...o, b: 2}`, so a later prop overrides an earlier one of the same name).
`components.py` keeps a spread as an attribute named SPREAD + its position, holding the spread
expression; `spread_out` puts in its place the literal properties of the object it stands for
(an object literal, through const bindings and the item of the array a loop maps: Script.item).
A spread whose object cannot be found is returned, so the reader can say the element's props
are unknown: never clean.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from .treesitter import line, text

V = TypeVar("V")
SPREAD = "..."


def has_spread(attributes: Mapping[str, object]) -> bool:
    return any(name.startswith(SPREAD) for name in attributes)


def spread_out(attributes: Mapping[str, V], node_of: Callable[[V], object], value: Callable[[object, int], V],
               env: dict, script) -> tuple[dict[str, V], V | None]:
    """The attributes with each spread replaced by its object's properties (later names win, as in JSX),
    and the first spread whose object is unknown (None when every one was found). `node_of` gives a
    spread attribute's expression node; `value(node, line)` makes an attribute of a property's value."""
    merged: dict[str, V] = {}
    unknown = None
    for name, attribute in attributes.items():
        if not name.startswith(SPREAD):
            merged.pop(name, None)              # re-inserted: source order, later wins
            merged[name] = attribute
            continue
        obj = script.item(node_of(attribute), env)
        if obj is None:
            unknown = unknown if unknown is not None else attribute
            continue
        for child in obj.named_children:
            if child.type == "pair":
                key, got = child.child_by_field_name("key"), child.child_by_field_name("value")
                if key is not None and got is not None:
                    merged.pop(text(key).strip("\"'`"), None)
                    merged[text(key).strip("\"'`")] = value(got, line(got))
            elif child.type == "shorthand_property_identifier":
                merged.pop(text(child), None)
                merged[text(child)] = value(child, line(child))
            elif child.type == "spread_element":      # {...base, name: 'x'}: base's properties are unknown here
                unknown = unknown if unknown is not None else attribute
    return merged, unknown


def listed_items(attributes: Mapping[str, V], node_of: Callable[[V], object], env: dict, script) -> list:
    """The object literals of a component's array props (`<Gallery images={[{src, caption}]}>`, `items={pieces}`
    over a const array): a gallery shows each as a photo of its own, as if spread onto a card; and an object
    prop (`<PersonCard person={head} />`, `head` a record with a name and a photo), which the card shows the
    same way. At most 2,000."""
    found: list = []
    for name, attribute in attributes.items():
        node = node_of(attribute)
        if node is None or name.startswith(SPREAD):
            continue
        items = script.items(node, env)
        found += [item for item in (items if items is not None else [script.item(node, env)])
                  if item is not None and item.type == "object"]
    return found[:2000]
