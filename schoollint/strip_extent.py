"""What a metadata strip removed beyond the kinds it was asked to (trial 9 item 5).

`--select SL101 --fix` asks for the location kind only, as ruff fixes only the selected rules'
findings. A lossless strip removes a whole container, not a field inside it: a JPEG's EXIF APP1
segment goes whole (rewriting its IFDs would be a re-encoding of the metadata), taking the camera
make, the photographer's name and the serial number with the GPS position. The run said only
"fixed: remove location metadata" while --diff listed them all. So the fixed file is read again
(formats.registry.read_media, the reader that found the items) and every field gone whose kind was
not asked for is named, in the words --diff uses (formats.fields.plain), so the two outputs agree.

The original's facts are read before the strip runs (`original_facts`), while jpeg.py still keeps
the walk the analysis made of the same bytes (jpeg._layout), so the original is not walked again.
Reading costs about 0.24 ms a photo each way (the corpus's JPEGs, process time), so it is done only
where something may have gone unsaid: not for a strip asked for the kinds of both SL101 and SL102 (what
every phone photo on a default run gets: a thumbnail or a face region that went with them had its own
SL103/SL104 fix to say so, unless that rule was not selected), nor beside a downscale (which re-encodes
and removes all metadata, as SL201's fix says). A default run's photo with no location pays the reading
and finds nothing: the strip is not told which rules were selected.
"""

from __future__ import annotations

import os

# SL101's and SL102's kinds (formats.model): a strip asked for all of them is not read again.
_SL101_SL102 = frozenset({"location", "identity", "timestamp", "free-text"})


def original_facts(path: str, before: bytes, fixes):
    """The facts of `before`, the file's bytes before its fixes, when `also_removed` will compare them
    (a strip asked for fewer kinds than SL101's and SL102's, and no fix that re-encodes); else None,
    as for bytes that cannot be read. Called before the strip, so a JPEG's walk is the analysis's."""
    kinds = _strip_kinds(fixes)
    if not kinds or kinds >= _SL101_SL102 or any(
            fix.action not in ("strip-metadata", "rename", "delete-file") for fix in fixes):
        return None
    from .formats.model import MediaError

    try:
        return _facts(before, os.path.splitext(path)[1].lower())
    except MediaError:
        return None


def also_removed(path: str, old, before: bytes, after: bytes, fixes) -> list[str]:
    """[one summary naming the fields removed beyond the kinds the strip fixes asked for], or []:
    none were, `old` (`original_facts`) is None, or the file is unchanged. `path` gives the file's
    extension; unreadable bytes give []."""
    if old is None or before == after:
        return []
    from .formats.fields import plain
    from .formats.model import MediaError

    try:
        new = _facts(after, os.path.splitext(path)[1].lower())
    except MediaError:
        return []
    kinds, left = _strip_kinds(fixes), {item.field for item in new.items}
    others = dict.fromkeys(plain(item.field) for item in old.items if item.kind not in kinds and item.field not in left)
    if not others:
        return []
    return [f"also removed, held in the same block as what was asked (a lossless strip removes the block whole): "
            f"{', '.join(others)}"]


def _strip_kinds(fixes) -> frozenset[str]:
    return frozenset(kind for fix in fixes if fix.action == "strip-metadata" for kind in fix.args)


def _facts(data: bytes, extension: str):
    from .formats.model import PartlyRead
    from .formats.registry import read_media

    try:
        return read_media(data, extension)
    except PartlyRead as damaged:     # a photo cut short: the facts read before the cut
        return damaged.facts
