"""Which text on an HTML page goes with a photo: its caption, its link, its paragraph, its card.

Heuristics over the lxml tree, innermost text first: lightbox caption
attributes, `<figcaption>` (WHATWG HTML Living Standard, section 4.4.13), a
sibling whose class says "caption", the text of a link around the photo, and
then the nearest paragraph, list item, table cell or definition. A container
whose class reads like a card ("card", "profile", "pupil"...) counts when it
holds this one photo only. Climbing stops at sectioning and grouping
elements (body, main, article, section, lists, tables...): text beyond them is
the page's, not the photo's.
"""

from __future__ import annotations

import html as html_entities
import re
from collections.abc import Iterator

from .html_source import SourceLines
from .model import TextSpan

LIGHTBOX_ATTRIBUTES = ("data-caption", "data-title", "data-sub-html")
CONTAINERS = {"p": "paragraph", "li": "list item", "td": "table cell", "th": "table cell",
              "dd": "definition", "dt": "definition"}
# Climbing stops at these: text beyond them is the page, not the photo's.
BOUNDARIES = frozenset({"body", "main", "article", "section", "header", "footer", "nav", "aside",
                        "form", "table", "ul", "ol", "html"})
CARD_WORDS = frozenset({"card", "tile", "thumbnail", "thumb", "item", "profile", "member", "person",
                        "pupil", "student", "staff", "team", "polaroid", "figure", "caption", "photo",
                        "media", "teaser", "slide", "entry", "post"})
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd",
                    "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
                    "u", "var"})
SKIPPED_TEXT = frozenset({"script", "style", "template", "noscript"})
_TAGS = re.compile(r"<[^>]*>")


class Captions:
    """The caption finder for one parsed fragment; a paragraph or card shared by many photos is read once."""

    def __init__(self, lines: SourceLines):
        self.lines = lines
        self.spans: dict[tuple[object, str], TextSpan] = {}
        self.photo_counts: dict[object, int] = {}

    def of(self, image) -> Iterator[TextSpan]:
        """The text that goes with a photo (an <img>, <video> or link to a photo), innermost first."""
        yield from self.lightbox_text(image)
        yield from self.caption_siblings(image)
        if image.tag == "a":
            yield from self.link_text(image)
        for ancestor in image.iterancestors():
            tag = ancestor.tag
            if tag in BOUNDARIES and not _card_like(ancestor):
                return
            yield from self.lightbox_text(ancestor)
            if tag == "a":
                yield from self.link_text(ancestor)
                yield from self.caption_siblings(ancestor)
            elif tag == "picture":
                yield from self.caption_siblings(ancestor)
            elif tag == "figure":
                for caption in ancestor.iter("figcaption"):
                    yield self.span(caption, "figcaption")
            elif tag in CONTAINERS:
                yield self.span(ancestor, CONTAINERS[tag])
                return
            elif _card_like(ancestor) and self.photo_count(ancestor) == 1:
                yield self.span(ancestor, "card")
                return

    def link_text(self, link) -> Iterator[TextSpan]:
        yield self.span(link, "link text")
        if link.get("title"):
            yield TextSpan(link.get("title"), self.lines.attribute_line(link, "title"), "link title")

    def lightbox_text(self, element) -> Iterator[TextSpan]:
        for attribute in LIGHTBOX_ATTRIBUTES:
            value = element.get(attribute)
            if value:
                text = html_entities.unescape(_TAGS.sub(" ", value)) if attribute == "data-sub-html" else value
                yield TextSpan(text, self.lines.attribute_line(element, attribute), attribute)

    def caption_siblings(self, element) -> Iterator[TextSpan]:
        for sibling in (element.getprevious(), element.getnext()):
            if sibling is not None and "caption" in (sibling.get("class") or "").lower():
                yield self.span(sibling, "caption")

    def span(self, element, label: str) -> TextSpan:
        key = (element, label)
        if key not in self.spans:
            self.spans[key] = TextSpan(self.text_of(element), self.lines.line(element), label)
        return self.spans[key]

    def photo_count(self, element) -> int:
        if element not in self.photo_counts:
            self.photo_counts[element] = len(element.xpath(".//img|.//video"))
        return self.photo_counts[element]

    def text_of(self, element) -> str:
        """Visible text, with a newline for each one in the source (also inside tags) so lines add up.

        Block elements and <br> are set apart by a space, as a browser shows them.
        """
        parts = []
        stack = [(element, False)]
        while stack:
            node, is_tail = stack.pop()
            block = isinstance(node.tag, str) and node.tag not in INLINE
            if is_tail:
                parts.append(" " * block + (node.tail or ""))
                continue
            if not isinstance(node.tag, str) or node.tag in SKIPPED_TEXT:
                continue
            if node is not element:
                tag_lines = (node.sourceline or 0) + self.lines.offset - self.lines.line(node)
                parts.append("\n" * max(tag_lines, 0) + " " * block)
            parts.append(node.text or "")
            for child in reversed(node):
                stack.append((child, True))
                stack.append((child, False))
        return "".join(parts)


def _card_like(element) -> bool:
    words = re.split(r"[\s_-]+", (element.get("class") or "").lower())
    return any(word in CARD_WORDS for word in words)
