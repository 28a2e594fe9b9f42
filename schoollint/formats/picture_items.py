"""The items of the pictures inside a document, summed up: one item per field and kind.

A newsletter with 60 phone photos holds 60 GPS positions; a finding listing each ("embedded image
1 on page 1: EXIF GPS position, embedded image 2 on page 1: ...") is too long to read. Items found
in more than one picture become one: the field with the count ("EXIF GPS position in 60
pictures"), the pictures' places in `where`, their values in `value` (shown only with
--show-values). An item found in a single picture keeps its own name ("embedded image 3 on
page 2: EXIF GPS position"). Stripping still works picture by picture (formats.places); only
what is reported is summed up.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import MetaItem, clip


def summarised(items: Iterable[MetaItem], pictures: Iterable[str]) -> tuple[MetaItem, ...]:
    """`items` in order, those of the pictures named in `pictures` (fields "<picture>: <field>",
    as pictures.read_embedded names them) merged per (kind, field) where the first of them was."""
    labels = set(pictures)
    groups: dict[tuple[str, str], list[tuple[str, MetaItem]]] = {}
    order: list[MetaItem | tuple[str, str]] = []
    for item in items:
        label, _, inner = item.field.partition(": ")
        if label not in labels or not inner:
            order.append(item)
            continue
        key = (item.kind, inner)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((label, item))
    return tuple(entry if isinstance(entry, MetaItem) else _merged(entry, groups[entry]) for entry in order)


def _merged(key: tuple[str, str], members: list[tuple[str, MetaItem]]) -> MetaItem:
    if len(members) == 1:
        return members[0][1]
    kind, inner = key
    places = list(dict.fromkeys(label for label, _item in members))
    values = list(dict.fromkeys(item.value for _label, item in members if item.value))
    field = f"{inner} in {len(places)} pictures" if len(places) > 1 else f"{places[0]}: {inner}"
    return MetaItem(kind, field, clip("; ".join(places)), clip("; ".join(values)) or None)
