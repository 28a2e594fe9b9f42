"""Applier for Fix action "edit-text": replace a piece of text within one line of a page.

The page is decoded so that encoding the edited text back gives every other
byte unchanged (`references.decode_text`): HTML by its own encoding (WHATWG
sniffing, `html_source`), other pages as UTF-8 with any byte-order mark kept,
else Windows-1252 as the page readers take them; bytes that do not decode
survive as surrogate escapes (PEP 383).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from html import escape as html_escape

from ..fix.model import Fix, FixContext, PartlyDone, Write
from .filetypes import HTML_SUFFIXES
from .model import PageError
from .references import decode_text


def apply_edits(context: FixContext, path: str, data: bytes, fixes: Sequence[Fix]) -> list[Write]:
    """Each fix's args are (line, old_text, new_text): that text on that line is replaced.

    The text is as the page reader gave it, so the source may write any character of it as a
    character reference (`&amp;`, `&#39;`, `&nbsp;`: HTML Standard 13.2.5.72-80, which Markdown
    and JSX follow too); the parts the edit keeps keep their source form, and a character it
    adds is written as a reference in HTML when it is one of `&<>"'`. The text must stand on
    its line exactly as often as fixes ask for it (an alt text and a title that say the same
    thing are two claims on two copies), so a file name or a caption holding the same words is
    never changed by mistake. Each claim stands alone: one whose text is no longer there (the
    page changed since it was checked) or is ambiguous is refused, the others are made
    (PartlyDone; PageError when none is). Needs nothing from `context`: the edit is local to `data`.
    """
    text, encoding = decode_text(path, data)
    lines = text.split("\n")
    claims = Counter((fix.args[0], fix.args[1]) for fix in fixes)
    replacements = {(fix.args[0], fix.args[1]): fix.args[2] for fix in fixes}
    refusals: dict[tuple[int, str], str] = {}
    for (line, old_text), new_text in replacements.items():
        source = lines[line - 1] if 1 <= line <= len(lines) else ""
        found = list(_written(old_text).finditer(source))
        if not found:
            refusals[line, old_text] = f"{path}:{line}: the text to change is no longer there as the page " \
                                       "was read; check the page again"
        elif len(found) != claims[line, old_text]:
            refusals[line, old_text] = (f"{path}:{line}: the text to change appears {len(found)} times on the "
                                        "line; edit it by hand")
        else:
            escape = path.lower().endswith(HTML_SUFFIXES)
            lines[line - 1] = _replaced(source, found, old_text, new_text, escape)
    refused = {fix: refusals[fix.args[0], fix.args[1]] for fix in fixes if (fix.args[0], fix.args[1]) in refusals}
    if len(refusals) == len(replacements):
        raise PageError("; ".join(refusals.values()))
    writes = [Write(path, "\n".join(lines).encode(encoding, errors="surrogateescape"))]
    if refused:
        raise PartlyDone(writes, refused)
    return writes


@lru_cache(maxsize=1)
def _references() -> dict[str, list[str]]:
    """Each character and the named references that stand for it (HTML Standard 13.5), longest first."""
    from html.entities import html5

    names: dict[str, list[str]] = {}
    for name, character in html5.items():
        if len(character) == 1:
            names.setdefault(character, []).append(name)
    return {character: sorted(found, key=len, reverse=True) for character, found in names.items()}


def _written(text: str) -> re.Pattern:
    """`text` as a source line may write it: each character as itself or as a character reference,
    one group per character."""
    return re.compile("".join(f"({'|'.join([re.escape(c), *character_references(c)])})" for c in text))


def character_references(character: str) -> list[str]:
    """Regular expressions for the character references that stand for `character`: decimal,
    hexadecimal and named; a named one without its `;` counts only where HTML reads it as one."""
    code = ord(character)
    forms = [f"&#0*{code};", f"&#[xX]0*(?i:{code:x});"]
    return forms + [re.escape(f"&{name}") + ("" if name.endswith(";") else "(?![A-Za-z0-9=])")
                    for name in _references().get(character, ())]


def _replaced(source: str, found: list[re.Match], old_text: str, new_text: str, escape: bool) -> str:
    """`source` with each match of `old_text` made `new_text`: kept characters in their source form."""
    from difflib import SequenceMatcher

    opcodes = SequenceMatcher(None, old_text, new_text, autojunk=False).get_opcodes()
    pieces, position = [], 0
    for match in found:
        pieces.append(source[position:match.start()])
        for operation, old_start, old_end, new_start, new_end in opcodes:
            if operation == "equal":
                pieces += [match.group(index + 1) for index in range(old_start, old_end)]
            else:
                added = new_text[new_start:new_end]
                pieces.append(html_escape(added) if escape else added)
        position = match.end()
    return "".join(pieces + [source[position:]])
