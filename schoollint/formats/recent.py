"""The facts of the documents read last in this process, found again by their bytes.

A fix reads a document, strips it, and then verifies (formats.fixes) by reading the original and
the result again; a document's reader is the slow part of that, since every picture inside is
parsed (a 10-page newsletter holds 60 photos). The same bytes always give the same facts, so the
reader keeps the last few: a later read of identical bytes (compared whole: a memcmp, not a
hash) takes them from here. Only bytes objects are kept (a memory-mapped large file is not), and
at most SIZE of them, so the memory held is bounded by the documents being worked on.
"""

from __future__ import annotations

from .model import MediaFacts

SIZE = 2


class Recent:
    def __init__(self) -> None:
        self._entries: list[tuple[bytes, MediaFacts]] = []

    def get(self, data) -> MediaFacts | None:
        if not isinstance(data, bytes):
            return None
        return next((facts for kept, facts in self._entries if len(kept) == len(data) and kept == data), None)

    def put(self, data, facts: MediaFacts) -> MediaFacts:
        if isinstance(data, bytes) and self.get(data) is None:
            self._entries = [*self._entries[-(SIZE - 1):], (data, facts)]
        return facts
