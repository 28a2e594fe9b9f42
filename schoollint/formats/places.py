"""Places in a document that hold metadata: the items found there and how to remove them.

Document plugins (PDF, OOXML, OpenDocument, SVG) find every place in one walk; reading reports
the items of all places, stripping calls `remove` on each place holding an item of a kind to
remove, so what is read and what is stripped can never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

from .model import MetaItem


@dataclass
class Place:
    items: tuple[MetaItem, ...]
    remove: Callable[[frozenset[str]], None]   # called with the kinds to remove


def nothing(kinds) -> None:
    """The remover of a place that goes away with the rewrite itself (an earlier revision)."""
    return


def all_items(places) -> tuple[MetaItem, ...]:
    return tuple(item for place in places for item in place.items)


def remove_from(places, kinds: frozenset[str]) -> None:
    for place in places:
        if any(item.kind in kinds for item in place.items):
            place.remove(kinds)
