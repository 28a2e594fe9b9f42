"""PNG compressed text (zTXt and iTXt, PNG Specification 3rd edition 11.3.3.3-4) that inflates
past the reader's bound (png.MAX_INFLATED).

Such a chunk is not damage: it is ancillary (5.4: a decoder that does not understand it may
ignore it), browsers show the picture, and any tool can inflate the whole text. So it is not
SL105 ("replace the broken file") but metadata that could not be read whole: a FREE_TEXT item
(SL102, an error, so a pre-commit hook at --fail-level error stops it) whose field says so and
whose value is the text's beginning, as far as the bound reached. Its fix drops the chunk
(chunks.kept_chunks drops a chunk holding an item of the kinds removed): the chunk's bytes are
left out whole, nothing is inflated or written again, and the image data is copied as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from .chunks import Chunk, Contents
from .model import FREE_TEXT, MediaError, MetaItem, clip


class TextTooLarge(MediaError):
    """A compressed text chunk inflating past the bound; `start`: the text inflated up to it."""

    def __init__(self, message: str, where: str, start: bytes):
        super().__init__(message)
        self.where, self.start = where, start


def read_whole_or_not(reader: Callable[[bytes, Chunk], Contents]) -> Callable[[bytes, Chunk], Contents]:
    """`reader` (png's zTXt or iTXt reader), with a chunk too large to inflate read as an item."""

    def read(payload: bytes, chunk: Chunk) -> Contents:
        try:
            return reader(payload, chunk)
        except TextTooLarge as large:
            field = f"PNG compressed text, {large.where}, not read whole ({large})"
            start = clip(large.start.decode("utf-8", "replace")) or None
            return Contents((MetaItem(FREE_TEXT, field, large.where, start),))

    return read
