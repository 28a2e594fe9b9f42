"""SL402 close-up-of-one-person: one face, large in the picture, rather than a group.

Reads the faces vision found (schoollint.vision.faces): exactly one, and taller than
`min-face-share` of the picture's height. Pictures under `staff-paths` (staff portraits) are
judged by the `staff` option: allow (not reported), warn or error.
"""

from __future__ import annotations

from ..finding import Finding
from ..globs import any_match

CODES = ("SL402",)
READS = "media"


def check(subject, ctx):
    faces = subject.picture.faces if subject.picture is not None else None
    if not faces or len(faces) != 1:
        return
    options = ctx.options("SL402")
    face = faces[0]
    if face.h <= options["min-face-share"]:
        return
    severity = None
    if any_match(options["staff-paths"], subject.path):
        if options["staff"] == "allow":
            return
        severity = {"warn": "warning", "error": "error"}[options["staff"]]
    yield Finding("SL402", subject.path, f"one person's face, {face.h:.0%} of the picture's height (limit "
                           f"{options['min-face-share']:.0%}), {face.described()}: a close-up of one person",
                  field="faces in the picture", severity=severity)
