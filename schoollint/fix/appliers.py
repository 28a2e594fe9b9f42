"""Every fix action and the function that carries it out, in the order they run.

An applier is `apply(context: FixContext, path: str, data: bytes, fixes: list[Fix])
-> list[Write | Rename | Delete]`: it gets the file's current bytes and every fix of its
action for that file, and returns what to change. It writes nothing itself:
`schoollint.fix.apply` turns the operations into atomic writes (or a diff).
Appliers run in table order, each one seeing the bytes the previous one
produced, so a downscale (which also strips metadata) runs before a plain
strip, which then has nothing left to do.

Writers other than the metadata strip are imported when first called.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from importlib import import_module

from ..formats.fixes import apply_strip
from .model import Delete, Fix, Rename, Write

# The context is typed Any here: format writers take it without needing its fields.
Applier = Callable[[Any, str, bytes, list[Fix]], Sequence[Write | Rename | Delete]]


def _on_call(module: str, name: str) -> Applier:
    """The applier `name` of `module`, imported when first called: a run that only strips metadata
    (a pre-commit run of photos) imports no page editor, renamer, blur or downscaler (issue 18)."""
    def apply(*arguments):
        return getattr(import_module(module, __package__), name)(*arguments)
    return apply


APPLIERS: dict[str, Applier] = {
    "blur-faces": _on_call("..vision.blur", "apply_blur"),   # before downscale: at full size (boxes are fractions)
    "downscale": _on_call(".widths", "apply_downscale"),     # with the pages that describe its size
    "strip-metadata": apply_strip,
    "strip-data-uri": _on_call("..formats.data_uri", "apply_data_uris"),   # a page's picture, the same strip
    "convert-heic": _on_call("..formats.heic_to_jpeg", "apply_convert"),
    "edit-text": _on_call("..pages.edit", "apply_edits"),
    "delete-file": _on_call("..formats.sidecar", "apply_delete"),  # after the strips (a refused delete leaves
    "rename": _on_call("..pages.rename", "apply_renames"),         # the file stripped), before the rename
}

# Fixes an applier is also given with its own, as they change what it does: a HEIC named after a
# person is converted straight to its new name in one change (the rename applier then finds a JPEG
# and does nothing); a file that is deleted (a sidecar named after a person) is not renamed first.
# A companion whose own applier ran earlier and refused it is not given (fix.apply): a sidecar whose
# delete was refused is renamed.
COMPANIONS = {"convert-heic": ("rename",), "rename": ("delete-file",)}

# Appliers that change only the file they are given: such files can be fixed in parallel.
LOCAL_ACTIONS = frozenset({"blur-faces", "downscale", "strip-metadata", "strip-data-uri", "edit-text"})
