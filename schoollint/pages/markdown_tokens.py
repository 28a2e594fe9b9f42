"""What markdown-it's inline tokens (markdown-it-py's `Token`: `type`, `content`, `children`) say about a Markdown
photo's words: an image's alt text as CommonMark 0.31 section 6.4 makes it (the plain text of its
description), a paragraph written all in emphasis (a caption), and which paragraphs around a photo are its
words: a short one before it, and the post's own short paragraphs after it."""

from __future__ import annotations

from .html_captions import BETWEEN_PHOTOS
from .model import TextSpan

MAX_NEXT_CAPTION = 300      # characters: a longer paragraph after a photo is the article, not a caption


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
    children = [child for child in token.children or () if child.type != "softbreak"    # markdown-it's empty
                and not (child.type == "text" and not child.content.strip())]          # text runs at either end
    return len(children) >= 3 and children[0].type in ("em_open", "strong_open") and \
        children[-1].type in ("em_close", "strong_close")


def running_text(span: TextSpan, boxes: set[int]) -> bool:
    """A short paragraph of the post's own words, not a component's box (MDX's `<Callout>`: `boxes`)."""
    return span.label == "paragraph" and 0 < len(span.text.strip()) and len(span.text) <= MAX_NEXT_CAPTION \
        and span.line not in boxes


def before_caption(paragraph: TextSpan | None, between: bool) -> list[TextSpan]:
    """A short paragraph or heading before a photo, as its caption ("Well done to ...:", a staff member's name,
    then the photo); `between`: it follows an earlier photo too, whose caption it may be (BETWEEN_PHOTOS)."""
    label = BETWEEN_PHOTOS if between else f"{paragraph.label if paragraph else ''} before"
    return [TextSpan(paragraph.text, paragraph.line, label)] if paragraph is not None else []
