"""Applier for Fix action "edit-text": replace a piece of text within one line of a page.

The page is decoded so that encoding the edited text back gives every other
byte unchanged: HTML by its own encoding (WHATWG sniffing, `html_source`),
other pages as UTF-8 with any byte-order mark kept; bytes that do not decode
survive as surrogate escapes (PEP 383).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..fix.model import Fix, FixContext, Write
from .filetypes import HTML_SUFFIXES
from .html_source import decode
from .model import PageError


def decode_for_edit(relpath: str, data: bytes) -> tuple[str, str]:
    """Text and encoding such that encoding the text back gives the same bytes."""
    if relpath.lower().endswith(HTML_SUFFIXES):
        return decode(data, errors="surrogateescape")
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    return data.decode(encoding, errors="surrogateescape"), encoding


def apply_edits(context: FixContext, path: str, data: bytes, fixes: Sequence[Fix]) -> list[Write]:
    """Each fix's args are (line, old_text, new_text): that text on that line is replaced.

    The text must stand on its line exactly as often as fixes ask for it (an alt
    text and a title that say the same thing are two claims on two copies), so a
    file name or a caption holding the same words is never changed by mistake.
    A fix whose text is no longer there (the page changed since it was checked)
    or is ambiguous stops the whole edit with PageError: the page is left as it
    was. Needs nothing from `context`: the edit is local to `data`.
    """
    text, encoding = decode_for_edit(path, data)
    lines = text.split("\n")
    claims = Counter((fix.args[0], fix.args[1]) for fix in fixes)
    replacements = {(fix.args[0], fix.args[1]): fix.args[2] for fix in fixes}
    for (line, old_text), new_text in replacements.items():
        found = lines[line - 1].count(old_text) if 1 <= line <= len(lines) else 0
        if found == 0:
            raise PageError(f"{path}:{line}: the text to change is no longer there; check the page again")
        if found != claims[line, old_text]:
            raise PageError(f"{path}:{line}: the text to change appears {found} times on the line; "
                            "edit it by hand")
        lines[line - 1] = lines[line - 1].replace(old_text, new_text)
    return [Write(path, "\n".join(lines).encode(encoding, errors="surrogateescape"))]
