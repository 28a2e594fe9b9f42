"""The name lists' large sets as one probe table kept in this user's cache: `key in words` answered
from the table's bytes, with no set built, for a run that looks up a few words. A 3-photo pre-commit
run asks about a few dozen of the lists' 137,000 keys; building the sets they are made of cost it
about 250 M instructions (60 ms), a quarter of the run. A run that asks about many words (pages, a
large site) gets real frozensets once it has looked up `HOT_AFTER` keys (`on_hot`).

The table (usercache.derived_binary: signed with the user's key, stamped with the version and the stat
signatures of its sources): 2**k 32-bit slots in native byte order (the byte order is in the stamp's
name), each 0 (empty) or the offset of a record; a record is the key's UTF-8 length (1 byte), the bit
mask of the sets holding it (2 bytes, little-endian: bit i is set i of the header's "sets"), the key.
Open addressing with linear probing from slot crc32(key) mod 2**k, under two thirds of the slots used.
"""

from __future__ import annotations

import struct
import sys
from array import array
from collections.abc import Callable, Iterator, Mapping, Set
from pathlib import Path
from zlib import crc32

from ..usercache import derived_binary, kept_path

HOT_AFTER = 100_000         # look-ups (each ~0.1 us slower than a frozenset's) before frozensets pay off
_REMEMBERED = 65_536        # keys whose set masks are remembered: bounded, so a hostile page cannot grow it
_RECORD = struct.Struct("<BH")
NAME = f"names-table-{sys.byteorder}"

Sets = Mapping[str, Set[str]]


def encode(sets: Mapping[str, frozenset[str]]) -> tuple[dict, bytes]:
    """The table of `sets` (at most 16), and the header that names them: (header, payload).
    ValueError when a key is longer than 255 bytes (the caller keeps frozensets then)."""
    masks: dict[bytes, int] = {}
    for bit, words in enumerate(sets.values()):
        for word in words:
            raw = word.encode("utf-8", "surrogatepass")
            masks[raw] = masks.get(raw, 0) | 1 << bit
    slots = 1 << max(4, (len(masks) * 3 // 2).bit_length())     # under two thirds used
    table = array("I", bytes(4 * slots))
    records = bytearray(b"\0")                      # offset 0 marks an empty slot
    offset = 4 * slots                              # records follow the table
    for raw, mask in masks.items():
        if len(raw) > 255:
            raise ValueError("a key longer than 255 bytes")
        slot = crc32(raw) & (slots - 1)
        while table[slot]:
            slot = (slot + 1) & (slots - 1)
        table[slot] = offset + len(records)
        records += _RECORD.pack(len(raw), mask) + raw
    header = {"sets": [[name, len(words)] for name, words in sets.items()], "slots": slots}
    return header, table.tobytes() + bytes(records)


class Store:
    """The probe table over `payload` (what `encode` made, as `header` describes it)."""

    def __init__(self, header: dict, payload: bytes | memoryview, on_hot: Callable[[], None] | None = None):
        self._data = payload
        self._slots = header["slots"]
        self._table = memoryview(payload)[:4 * self._slots].cast("I")
        self._known: dict[str, int] = {}
        self._asked = 0
        self._on_hot = on_hot
        self.sets = {name: Words(self, 1 << bit, count) for bit, (name, count) in enumerate(header["sets"])}

    def mask(self, key: str) -> int:
        """The bit mask of the sets that hold `key` (0: none)."""
        self._asked += 1
        if self._asked == HOT_AFTER and self._on_hot is not None:
            self._on_hot()
        known = self._known.get(key)
        if known is not None:
            return known
        raw = key.encode("utf-8", "surrogatepass")
        data, table, last = self._data, self._table, self._slots - 1
        slot = crc32(raw) & last
        found = 0
        while at := table[slot]:
            size, mask = _RECORD.unpack_from(data, at)
            if size == len(raw) and data[at + 3:at + 3 + size] == raw:
                found = mask
                break
            slot = (slot + 1) & last
        if len(self._known) >= _REMEMBERED:
            self._known.clear()
        self._known[key] = found
        return found

    def records(self) -> Iterator[tuple[str, int]]:
        """Every (key, mask) of the table, in the order stored."""
        data, at = self._data, 4 * self._slots + 1
        while at < len(data):
            size, mask = _RECORD.unpack_from(data, at)
            yield bytes(data[at + 3:at + 3 + size]).decode("utf-8", "surrogatepass"), mask
            at += 3 + size


class Words(Set):
    """One set of the table: membership probes the table; iteration, length and set operations behave
    as a frozenset's (collections.abc.Set; their results are frozensets)."""

    __slots__ = ("_store", "_bit", "_count")

    def __init__(self, store: Store, bit: int, count: int):
        self._store, self._bit, self._count = store, bit, count

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._store.mask(key) & self._bit != 0

    def __iter__(self) -> Iterator[str]:
        bit = self._bit
        return (key for key, mask in self._store.records() if mask & bit)

    def __len__(self) -> int:
        return self._count

    def __repr__(self) -> str:
        return f"<Words: {self._count} keys>"

    def __or__(self, other) -> Set[str]:
        return _Either(self, other) if isinstance(other, Set) else NotImplemented

    __ror__ = __or__

    @classmethod
    def _from_iterable(cls, iterable):       # a frozenset, as frozenset's own operations give
        return frozenset(iterable)

    # frozenset's methods, for code written against one (each makes a frozenset of the keys)
    def union(self, *others) -> frozenset[str]:
        return frozenset(self).union(*others)

    def difference(self, *others) -> frozenset[str]:
        return frozenset(self).difference(*others)

    def intersection(self, *others) -> frozenset[str]:
        return frozenset(self).intersection(*others)

    def issubset(self, other) -> bool:
        return frozenset(self).issubset(other)

    def issuperset(self, other) -> bool:
        return all(key in self for key in other)


class _Either(Set):
    """`first | second` without copying either: "rare words, or these few compounds" (names/filenames.py)."""

    __slots__ = ("_first", "_second")

    def __init__(self, first: Set[str], second: Set[str]):
        self._first, self._second = first, second

    def __contains__(self, key: object) -> bool:
        return key in self._first or key in self._second

    def __iter__(self) -> Iterator[str]:
        yield from self._first
        yield from (key for key in self._second if key not in self._first)

    def __len__(self) -> int:
        return len(self._first) + sum(1 for key in self._second if key not in self._first)

    @classmethod
    def _from_iterable(cls, iterable):       # a frozenset, as frozenset's own operations give
        return frozenset(iterable)


_hot = False                # this process has looked up HOT_AFTER keys: frozensets from now on


def load(sources: list[Path], build: Callable[[], tuple[dict, dict[str, frozenset[str]]]],
         on_hot: Callable[[], None], follows: str) -> tuple[dict, Sets]:
    """(`build()`'s header, its sets): the sets as `Words` of the table kept for `sources`; as `build()`
    made them when no table is kept for the sources as they are now (the table is then made from them and
    kept, if it can be), once this process is hot (`on_hot` is then called, so that the caller loads
    again) or when no table can hold them. `follows`: the name of the copy
    (usercache.derived) `build` reads from `sources`: the table is stale whenever that copy changed, so a
    tampered or damaged copy is read, found out and rewritten as if there were no table."""
    if _hot:
        return build()
    try:
        watched = [*sources, Path(__file__), kept_path(follows, sources)]
    except (OSError, RuntimeError):     # no home folder
        return build()

    built: list[tuple[dict, dict[str, frozenset[str]]]] = []

    def made() -> tuple[dict, bytes]:      # only when the table can be kept: this process keeps the sets
        built.append(build())
        layout, payload = encode(built[0][1])
        return {"lists": built[0][0], **layout}, payload

    def hot() -> None:
        global _hot
        _hot = True
        on_hot()

    try:
        kept = derived_binary(NAME, watched, made)
    except ValueError:                  # a key too long for the table: frozensets
        kept = None
    if kept is None:
        return built[0] if built else build()
    return kept[0]["lists"], Store(kept[0], kept[1], hot).sets
