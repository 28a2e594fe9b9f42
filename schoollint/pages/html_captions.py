"""Which text on an HTML page goes with a photo: its caption, its link, its paragraph, its card.

Heuristics over the lxml tree, innermost text first: lightbox caption
attributes, `<figcaption>` (WHATWG HTML Living Standard, section 4.4.13), a
sibling whose class says "caption", the text of a link around the photo, and
then the nearest paragraph, list item, table cell or definition. A container
whose class reads like a card ("card", "profile", "pupil"...) counts when it
holds this one photo only; a wrapper that holds nothing but the photo
(`div.card-img`, `<p><img></p>`, a link) is the photo itself, so the element
after it (the paragraph WordPress writes after an image block, `h3`,
`.card-title`, "Pictured: ...") is its caption (and, when that is a short paragraph, a short one after it;
when it is a heading or a lead-in ending in a colon, "Prize winners", the list or table after it), and
in a table so are the next cell of its row and the cell below it. Climbing stops at sectioning and
grouping elements (body, main, article, section, lists, tables...): text
beyond them is the page's, not the photo's, unless the element holds the photo
and nothing else (`<article><header><img></header><h2>name</h2>`): then it is
one of the photo's wrappers. An article or section holding this one photo is about it: its heading
("Pupil spotlight: ...", then the photo in a `div`) goes with the photo, unless a figcaption of its own
says what the photo shows. Every span carries the language
of its element (the `lang` attribute inherited, WHATWG HTML section 3.2.6.2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .html_source import SourceLines
from .html_text import BLOCK_BREAK as BLOCK_BREAK, INLINE as INLINE, visible_text
from .lightbox import lightbox_spans
from .model import TextSpan

CONTAINERS = {"p": "paragraph", "li": "list item", "td": "table cell", "th": "table cell",
              "dd": "definition", "dt": "definition"}
# Climbing stops at these: text beyond them is the page, not the photo's.
BOUNDARIES = frozenset({"body", "main", "article", "section", "header", "footer", "nav", "aside",
                        "form", "table", "ul", "ol", "html"})
OUTERMOST = frozenset({"body", "main", "html"})     # boundaries even when they hold the photo only
# Boundaries whose heading titles what they hold: with one photo in them, the heading is about the photo.
TITLED = frozenset({"article", "section"})
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CARD_WORDS = frozenset({"card", "tile", "thumbnail", "thumb", "item", "profile", "member", "person",
                        "pupil", "student", "staff", "team", "polaroid", "figure", "caption", "photo",
                        "media", "teaser", "slide", "entry", "post"})
# What may follow a photo as its caption: text blocks, not another gallery or a whole section.
NEXT_CAPTION_TAGS = frozenset({"p", "div", "span", "h2", "h3", "h4", "h5", "h6", "em", "strong", "small", "i", "b",
                               "dl", "dd", "dt", "label", "cite"})
# What may stand right before a photo as its caption: a short paragraph, or a heading (a staff member's name;
# an h1 or h2 only when another of its level follows: a list of headed entries, not the section's title).
BEFORE_CAPTION_TAGS = {"p": "paragraph before", **{f"h{level}": "heading before" for level in range(1, 7)}}
# A table or list right after a photo is its caption, cell by cell or item by item (a team's squad).
UNDER_PHOTO = {"table": "table below the photo", "ul": "list below the photo", "ol": "list below the photo"}
MAX_NEXT_CAPTION = 300          # characters: a longer block is the article, not a caption
BETWEEN_PHOTOS = "paragraph before (between photos)"    # also the caption after the photo before
SECOND_PARAGRAPH = "second paragraph after"     # after a short one right after the photo: the post's next sentence


class Captions:
    """The caption finder for one parsed fragment; a paragraph or card shared by many photos is read once."""

    def __init__(self, lines: SourceLines):
        self.lines = lines
        self.spans: dict[tuple[object, str], TextSpan] = {}
        self.photo_counts: dict[object, int] = {}
        self.texts: dict[object, bool] = {}
        self.side_by_side: dict[object, bool] = {}
        self.ids: dict[object, dict[str, object]] = {}      # document root -> {id: first element with it}

    def of(self, image) -> Iterator[TextSpan]:
        """The text that goes with a photo (an <img>, <video> or link to a photo), innermost first."""
        yield from self.lightbox_text(image)
        yield from self.caption_siblings(image)
        if image.tag == "a":
            yield from self.link_text(image)
        yield from self.after_photo(image)
        yield from self.before_photo(image)
        captioned = False                       # in a figure whose own caption says what it shows
        for ancestor in image.iterancestors():
            tag = ancestor.tag
            if tag != "a" and ancestor.get("title") and self.photo_only(ancestor):   # a <button> opening it
                yield TextSpan(ancestor.get("title"), self.lines.attribute_line(ancestor, "title"),
                               "title of its wrapper", self.lang_of(ancestor))
            if tag in BOUNDARIES and not card_like(ancestor) and not self.photo_only(ancestor):
                if tag in TITLED and self.photo_count(ancestor) == 1 and not captioned:
                    yield from self.title_of(ancestor)
                return
            yield from self.lightbox_text(ancestor)
            if tag == "a":
                yield from self.link_text(ancestor)
                yield from self.caption_siblings(ancestor)
            elif tag == "picture":
                yield from self.caption_siblings(ancestor)
            elif tag == "figure":
                for caption in ancestor.iter("figcaption"):
                    yield (span := self.span(caption, "figcaption"))
                    captioned = captioned or bool(span.text.strip())
                if self.photo_count(ancestor) == 1:
                    yield from self.list_after(ancestor)    # the team photo's figure, then its squad
            elif tag in CONTAINERS:
                yield self.span(ancestor, CONTAINERS[tag])
                if tag in ("td", "th") and not self.own_text(ancestor):
                    yield from self.table_neighbours(ancestor)
                if tag in ("td", "th") or self.own_text(ancestor):
                    return                      # "<p><img></p>" holds only the photo: its card is further out
            elif card_like(ancestor) and self.photo_count(ancestor) == 1:
                card = self.span(ancestor, "card")
                yield card
                if card.text.strip():           # "div.card-img" holds only the photo: the card is further out
                    return

    @staticmethod
    def lang_of(element) -> str:
        """The element's language: its own or nearest ancestor's `lang` (or `xml:lang`), "" when none."""
        for node in element.iterancestors() if element.get("lang") is None else ():
            if node.get("lang") is not None:
                return node.get("lang")
        return element.get("lang") or ""

    def photo_block(self, image, gallery: bool = False):
        """The outermost wrapper that holds the photo and nothing else (the photo itself when none), or
        None when the text around it is read anyway (a paragraph, figure, link, card) or, unless
        `gallery`, shared by the photos of a gallery."""
        block = image
        while (parent := block.getparent()) is not None and parent.tag not in OUTERMOST \
                and parent.tag not in ("td", "th", "li", "table", "ul", "ol") and not self.own_text(parent) \
                and self.photo_count(parent) <= 1:
            block = parent
        if parent is not None and (self.read_anyway(parent)
                                   or not gallery and block is image and self.photos_side_by_side(parent)):
            return None
        return block

    def photos_side_by_side(self, parent) -> bool:
        """Does `parent` show more than one photo of its own (a gallery, whose text after them they share)?
        Photos in a list or table inside it are the list's. Memoised: a gallery asks once per photo."""
        if parent not in self.side_by_side:
            self.side_by_side[parent] = sum(child.tag in ("img", "video") or child.tag not in BOUNDARIES
                                            and self.photo_count(child) > 0 for child in parent) > 1
        return self.side_by_side[parent]

    def before_photo(self, image) -> Iterator[TextSpan]:
        """The paragraph right before the photo, when short or ending in a colon: "This week our star
        is ...", then the photo. A paragraph between two photos may caption either, so it is read with
        both: the earlier photo's "next paragraph", this one's BETWEEN_PHOTOS (the safe reading for consent;
        SL303 reports its full names once, with the earlier photo)."""
        block = self.photo_block(image, gallery=True)     # a gallery's photos follow photos, not paragraphs
        previous = element_sibling(block, "getprevious") if block is not None else None
        if previous is None or previous.tag not in BEFORE_CAPTION_TAGS or previous.tail and previous.tail.strip() \
                or self.photo_count(previous) or previous.tag in ("h1", "h2") and sum(
                    sibling.tag == previous.tag for sibling in previous.itersiblings()) == 0:
            return                              # a lone h1/h2 is the page's or section's title
        earlier = element_sibling(previous, "getprevious")
        photo = earlier if earlier is None or earlier.tag in ("img", "video") \
            else next(earlier.iter("img", "video"), None)
        between = photo is not None and any(span.label == "next paragraph" and span is self.span(previous, span.label)
                                            for span in self.after_photo(photo))
        span = self.span(previous, BETWEEN_PHOTOS if between else BEFORE_CAPTION_TAGS[previous.tag])
        if len(span.text) <= MAX_NEXT_CAPTION or span.text.rstrip().endswith(":"):
            yield span

    def after_photo(self, image) -> Iterator[TextSpan]:
        """The block right after the photo, when the photo's wrappers hold nothing else: its caption."""
        block = self.photo_block(image)
        if block is None:
            return                              # read whole anyway, or a gallery's shared text
        following = element_sibling(block, "getnext")
        if following is not None and following.tag == "br" or block.tail and block.tail.strip():
            span = self.tail_span(block, following if following is not None and following.tag == "br" else None)
            if span.text.strip() and len(span.text) <= MAX_NEXT_CAPTION:
                yield span
            return
        squad = list(self.list_after(block, following)) if following is not None else []
        if squad:
            yield from squad                    # a team's squad under its photo, a prize list under its heading
            return
        if following is None or following.tag not in NEXT_CAPTION_TAGS or self.photo_count(following):
            return
        if "caption" in (following.get("class") or "").lower():     # Squarespace's, Drupal's caption field
            if block is not image:              # beside the photo's wrapper (beside the photo: caption_siblings)
                yield self.span(following, "caption")
            return
        span = self.span(following, "next paragraph")
        if len(span.text) <= MAX_NEXT_CAPTION:
            yield span
            second = element_sibling(following, "getnext") if following.tag == "p" else None
            if second is not None and second.tag == "p" and not self.photo_count(second) \
                    and len((after := self.span(second, SECOND_PARAGRAPH)).text) <= MAX_NEXT_CAPTION:
                yield after                     # a short post names the photo's pupil a sentence later

    def list_after(self, block, following=None) -> Iterator[TextSpan]:
        """The list or table right after `block` (a photo's figure; `following`: the element after it, when
        known), or after a short heading or a lead-in ending in a colon that follows it ("Prize winners", then
        the list): the photo's squad or prize list."""
        following = element_sibling(block, "getnext") if following is None else following
        if following is None or block.tail and block.tail.strip():
            return
        if following.tag in HEADINGS or following.tag == "p" and "caption" not in (following.get("class") or ""):
            listed = element_sibling(following, "getnext")
            if listed is None or listed.tag not in UNDER_PHOTO or following.tail and following.tail.strip() \
                    or self.photo_count(following):
                return                          # no list after it (the usual paragraph): no more is read
            lead = self.span(following, "next paragraph")
            if following.tag == "p" and not lead.text.rstrip().endswith(":") and not bold_only(following) \
                    or len(lead.text) > MAX_NEXT_CAPTION:
                return
            yield lead
            following = listed
        if following.tag in UNDER_PHOTO and not self.photo_count(following):
            yield from self.listed(following)

    def listed(self, table) -> Iterator[TextSpan]:
        """Each cell or item of a table or list under a photo: a team's squad, a prize list."""
        yield from (self.span(cell, UNDER_PHOTO[table.tag]) for cell in table.iter("td", "th", "li"))

    def photo_only(self, element) -> bool:
        """A boundary holding the photo and nothing else (`<header><img></header>`) is one of its wrappers."""
        return element.tag not in OUTERMOST and not self.own_text(element) and self.photo_count(element) == 1

    def own_text(self, element) -> bool:
        """Does the element hold any visible text (memoised: a gallery asks once per photo)?"""
        if element not in self.texts:
            self.texts[element] = bool(self.text_of(element).strip())
        return self.texts[element]

    def read_anyway(self, element) -> bool:
        """Is this element's whole text read for its photo in any case (a paragraph, figure, link, card)?"""
        return element.tag in CONTAINERS or element.tag in ("figure", "a") or (
            card_like(element) and self.photo_count(element) == 1)

    def tail_span(self, block, br) -> TextSpan:
        """Text written straight after the photo (and a <br>) up to the next element."""
        parts = [block.tail or ""] + ([br.tail or ""] if br is not None else [])
        line = self.lines.line(br if br is not None else block)
        return TextSpan(" ".join(parts), line, "text after the photo", self.lang_of(block))

    def table_neighbours(self, cell) -> Iterator[TextSpan]:
        """The next cell of the photo's row, and the cell below it (the name row of a photo table)."""
        following = cell.getnext()
        if following is not None and following.tag in ("td", "th") and not self.photo_count(following):
            yield self.span(following, "table cell")
        row = cell.getparent()
        below = row.getnext() if row is not None else None
        if below is not None and below.tag == "tr":
            cells = [child for child in below if child.tag in ("td", "th")]
            index = [child for child in row if child.tag in ("td", "th")].index(cell)
            if index < len(cells) and not self.photo_count(cells[index]):
                yield self.span(cells[index], "table cell")

    def link_text(self, link) -> Iterator[TextSpan]:
        yield self.span(link, "link text")
        if link.get("title"):
            yield TextSpan(link.get("title"), self.lines.attribute_line(link, "title"), "link title",
                           self.lang_of(link))

    def title_of(self, section) -> Iterator[TextSpan]:
        """The heading that titles an article or section holding this one photo ("Pupil spotlight: ...",
        then the photo): what the article, so its photo, is about; not read for a photo in a figure with
        a caption of its own, which says what the photo shows (the heading is the story's)."""
        heading = next(section.iter(*HEADINGS), None)
        if heading is not None:
            yield self.span(heading, "heading of its article")

    def lightbox_text(self, element) -> Iterator[TextSpan]:
        yield from lightbox_spans(element, self.lines, self.lang_of(element))

    def caption_siblings(self, element) -> Iterator[TextSpan]:
        for sibling in (element.getprevious(), element.getnext()):
            if sibling is not None and "caption" in (sibling.get("class") or "").lower():
                yield self.span(sibling, "caption")

    def span(self, element, label: str) -> TextSpan:
        key = (element, label)
        if key not in self.spans:
            self.spans[key] = TextSpan(self.text_of(element), self.lines.line(element), label, self.lang_of(element))
        return self.spans[key]

    def photo_count(self, element) -> int:
        if element not in self.photo_counts:
            self.photo_counts[element] = len(element.xpath(".//img|.//video"))
        return self.photo_counts[element]

    def element_with_id(self, element, ident: str):
        """The first element of `element`'s document whose id is `ident` (as getElementById), or None: the
        ids are indexed once a document, not searched for at each reference (a gallery is quadratic)."""
        root = element.getroottree().getroot()
        if root not in self.ids:
            index: dict[str, object] = {}
            for one in root.iter():
                if isinstance(one.tag, str) and (key := one.get("id")) is not None:
                    index.setdefault(key, one)
            self.ids[root] = index
        return self.ids[root].get(ident)

    def text_of(self, element) -> str:
        """Visible text, lines kept (`html_text.visible_text`)."""
        return visible_text(element, self.lines)


def bold_only(paragraph) -> bool:
    """A paragraph that is one bold run ("<p><strong>Subject prizes</strong></p>"): a heading in all but name."""
    return len(paragraph) == 1 and paragraph[0].tag in ("strong", "b") and not (paragraph.text or "").strip() \
        and not (paragraph[0].tail or "").strip()


def element_sibling(element, direction: str):
    """The nearest sibling element ("getnext" or "getprevious"), passing over comments."""
    sibling = getattr(element, direction)()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = getattr(sibling, direction)()
    return sibling


def card_like(element) -> bool:
    """A card by its class ("card", "profile"...), or a schema.org Person item in microdata (WHATWG HTML
    "Microdata": `itemscope itemtype=".../Person"`), whose photo and name are one person's."""
    words = re.split(r"[\s_-]+", (element.get("class") or "").lower())
    return any(word in CARD_WORDS for word in words) or (
        (itemtype := element.get("itemtype")) is not None and itemtype.rstrip("/").endswith("/Person"))
