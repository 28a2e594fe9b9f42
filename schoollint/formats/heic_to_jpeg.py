"""The HEIC fix (SL106): a JPEG copy of a HEIC/HEIF photo, for browsers that cannot show one.

The JPEG (JFIF, quality 90) holds the primary image of the HEIF file
(ISO/IEC 23008-12), turned upright, with its ICC profile and no metadata;
transparency goes onto white. The fix finishes the job in one change (only for a
HEIC committed to Git, whose original stays in history; otherwise it refuses): the
JPEG takes the HEIC's place under the same name with .jpg, or under the name the SL301 rename
offers when the HEIC is named after a person (written over the HEIC's bytes, then renamed, so the
HEIC is gone and Git sees the move: one run does both), and
every reference the site's reference index holds is rewritten to it
(`pages.rename.rewrite_references`), or nothing changes and PageError names
the reference that could not be rewritten. Never over an existing file.
Decoding needs pillow-heif. Errors are MediaError or PageError.
"""

from __future__ import annotations

import os

from ..fix.model import Rename, Write
from .model import MediaError
from .reencode import (CONVERTED_QUALITY, DECODING_FAILURES, Frames, checked, encoded, flattened, icc, opened,
                       orientation_of, upright)


def apply_convert(context, path: str, data: bytes, fixes) -> list[Write | Rename]:
    """The JPEG in the HEIC's place (a Write of `path`, then its Rename to .jpg) and the pages rewritten.

    `fixes` may hold the file's rename fix (SL301, a HEIC named after a person) besides its own
    (fix.appliers.COMPANIONS): the JPEG then goes straight to the new name, in the same change."""
    from ..pages.rename import new_name, rewrite_references

    renames = [fix for fix in fixes if fix.action == "rename"]
    target = new_name(context, path, renames, ".jpg") if renames else os.path.splitext(path)[0] + ".jpg"
    if os.path.lexists(os.path.join(context.root, target)):
        raise MediaError(f"{target} already exists; not replacing it with a JPEG copy of {path}")
    if context.committed is None:   # a plain folder: no history could give the original back
        raise MediaError(f"{path}: no Git history keeps the original here, so replacing it would lose the "
                         "original photo: convert it by hand (export it as JPEG) and keep the HEIC outside the site")
    if path not in context.committed:
        # The JPEG is a lossy copy: the original goes only where Git keeps it in history.
        raise MediaError(f"{path} is not committed to Git, so replacing it would lose the original photo: "
                         "commit it first, or convert it by hand and keep the original elsewhere")
    pages = rewrite_references(context, path, target, "converted and renamed" if renames else "converted")
    return [Write(path, convert_to_jpeg(data)), Rename(path, target), *pages]


def convert_to_jpeg(data: bytes) -> bytes:
    """A JPEG of the HEIC's primary image: upright, ICC kept, no metadata, quality 90."""
    with opened(data) as image:
        try:
            picture = upright(flattened(image), orientation_of(image))
            options = {"quality": CONVERTED_QUALITY, "optimize": True, **icc(image)}
            output = encoded(Frames([picture], []), "JPEG", options)
        except DECODING_FAILURES as exc:
            raise MediaError(f"{image.format}: cannot decode the image to convert it ({exc})") from None
    return checked(output, ".jpg", picture.size)

