"""Every fix action and the function that carries it out, in the order they run.

An applier is `apply(context: FixContext, path: str, data: bytes, fixes: list[Fix])
-> list[Write | Rename | Delete]`: it gets the file's current bytes and every fix of its
action for that file, and returns what to change. It writes nothing itself:
`schoollint.fix.apply` turns the operations into atomic writes (or a diff).
Appliers run in table order, each one seeing the bytes the previous one
produced, so a downscale (which also strips metadata) runs before a plain
strip, which then has nothing left to do.

This module imports every writer, so it is imported only when fixing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..formats.data_uri import apply_data_uris
from ..formats.fixes import apply_strip
from ..formats.downscale import apply_downscale
from ..formats.heic_to_jpeg import apply_convert
from ..formats.sidecar import apply_delete
from ..pages.edit import apply_edits
from ..pages.rename import apply_renames
from ..vision.blur import apply_blur
from .model import Delete, Fix, Rename, Write

# The context is typed Any here: format writers take it without needing its fields.
Applier = Callable[[Any, str, bytes, list[Fix]], Sequence[Write | Rename | Delete]]

APPLIERS: dict[str, Applier] = {
    "blur-faces": apply_blur,       # before downscale: at full size (its boxes are fractions)
    "downscale": apply_downscale,
    "strip-metadata": apply_strip,
    "strip-data-uri": apply_data_uris,   # a picture inside a page: the same strip, written back in place
    "convert-heic": apply_convert,
    "edit-text": apply_edits,
    "delete-file": apply_delete,        # after the strips (a refused delete leaves the file stripped), before
    "rename": apply_renames,            # the rename, which a file deleted does not need
}

# Fixes an applier is also given with its own, as they change what it does: a HEIC named after a
# person is converted straight to its new name in one change (the rename applier then finds a JPEG
# and does nothing); a file that is deleted (a sidecar named after a person) is not renamed first.
# A companion whose own applier ran earlier and refused it is not given (fix.apply): a sidecar whose
# delete was refused is renamed.
COMPANIONS = {"convert-heic": ("rename",), "rename": ("delete-file",)}

# Appliers that change only the file they are given: such files can be fixed in parallel.
LOCAL_ACTIONS = frozenset({"blur-faces", "downscale", "strip-metadata", "strip-data-uri", "edit-text"})
