"""What markdown-it's inline tokens (markdown-it-py's `Token`: `type`, `content`, `children`) say about a Markdown
photo's words: an image's alt text as CommonMark 0.31 section 6.4 makes it (the plain text of its
description), and a paragraph written all in emphasis (a caption)."""

from __future__ import annotations


def plain_text(children) -> str:
    """What an image's alt attribute becomes: the text of its (possibly emphasised) children."""
    parts = []
    for child in children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(plain_text(child.children))
    return "".join(parts)


def emphasised(token) -> bool:
    """A paragraph that is all italic or bold: the usual way to caption a Markdown photo."""
    children = [child for child in token.children or () if child.type != "softbreak"]
    return len(children) >= 3 and children[0].type in ("em_open", "strong_open") and \
        children[-1].type in ("em_close", "strong_close")
