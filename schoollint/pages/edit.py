"""Applier for Fix action "edit-text": replace a piece of text within one line of a page."""

from __future__ import annotations

from pathlib import Path

from schoollint.finding import Fix, Write

from . import HTML_SUFFIXES, PageError


def decode_for_edit(relpath: str, data: bytes) -> tuple[str, str]:
    """Text and encoding such that encoding the text back gives the same bytes."""
    if relpath.lower().endswith(HTML_SUFFIXES):
        from .html import decode

        return decode(data, errors="surrogateescape")
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    return data.decode(encoding, errors="surrogateescape"), encoding


def apply_edits(root: Path, path: str, data: bytes, fixes: list[Fix]) -> list[Write]:
    """Each fix's args are (line, old_text, new_text); the first occurrence on that line is replaced.

    A fix whose old text is no longer on its line (the page changed since it
    was checked) stops the whole edit: the page is left as it was.
    """
    text, encoding = decode_for_edit(path, data)
    lines = text.split("\n")
    for fix in fixes:
        line, old_text, new_text = fix.args
        if not 1 <= line <= len(lines) or old_text not in lines[line - 1]:
            raise PageError(f"{path}:{line}: the text to change is no longer there; check the page again")
        lines[line - 1] = lines[line - 1].replace(old_text, new_text, 1)
    return [Write(path, "\n".join(lines).encode(encoding, errors="surrogateescape"))]
