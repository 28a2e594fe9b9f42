"""The text a browser shows for an HTML element, with its source lines kept (for `html_captions`)."""

from __future__ import annotations

from .html_source import SourceLines

# Inline elements (WHATWG HTML, "phrasing content"): their text runs on in the line around them.
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd",
                    "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
                    "u", "var"})
SKIPPED_TEXT = frozenset({"script", "style", "template", "noscript"})
# Between blocks: U+2029 PARAGRAPH SEPARATOR, white space that no name run crosses and that is no
# newline (a span's lines are counted by "\n").
BLOCK_BREAK = "\u2029"


def visible_text(element, lines: SourceLines) -> str:
    """Visible text, with a newline for each one in the source (also inside tags) so lines add up.

    Block elements and <br> are set apart by BLOCK_BREAK, as a browser shows them on lines of
    their own: a card's role line is no part of the name above it ("Johanna Weber" / "Class teacher").
    Where an inline element starts or ends between a letter and a capital with no white space, a
    space stands between them (`_word_break`).
    """
    parts = []
    last = ""                               # the last character written so far
    stack = [(element, False)]
    while stack:
        node, is_tail = stack.pop()
        # An inline element with a class is styled, and a card's classed spans are shown as lines of
        # their own ("<span class=member-name>...</span><span class=member-role>...").
        block = isinstance(node.tag, str) and (node.tag not in INLINE
                                               or node is not element and "class" in node.attrib)
        if is_tail:
            text = node.tail or ""
            parts.append((BLOCK_BREAK if block else _word_break(last, text)) + text)
            last = parts[-1][-1:] or last
            continue
        if not isinstance(node.tag, str) or node.tag in SKIPPED_TEXT:
            continue
        text = node.text or ""
        if node is not element:
            tag_lines = (node.sourceline or 0) + lines.offset - lines.line(node)
            parts.append("\n" * max(tag_lines, 0) + (BLOCK_BREAK if block else _word_break(last, text)))
        parts.append(text)
        last = "".join(parts[-2:])[-1:] or last
        for child in reversed(node):
            stack.append((child, True))
            stack.append((child, False))
    return "".join(parts)


def _word_break(before: str, after: str) -> str:
    """What a reader sees where an inline element starts or ends with no white space (`before`: the
    last character shown, `after`: the text that follows): a new word where a letter meets a capital,
    as the change of style and the capital show it (`<strong>Vihaan Joshi</strong><em>Co-opted
    governor</em>`: "Vihaan Joshi Co-opted governor", though a browser's innerText joins them); the
    same word where a lower-case letter follows (a drop cap, `<span class="dropcap">A</span>melia`)."""
    return " " if before.isalpha() and after[:1].isupper() else ""
