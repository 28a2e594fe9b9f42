"""HTML pages: images, the text that names them and the text beside them.

Parsed with lxml's HTML parser (libxml2), which is tolerant of broken markup
the way the WHATWG HTML Living Standard's parser (section 13.2) is, records
each element's source line, and is about thirty times faster than
BeautifulSoup over lxml, whose tree does not keep line numbers at all.
`html_source` decodes the bytes and places elements on their lines;
`html_captions` finds the text that goes with each photo. Images are <img>
(lazy-loading `data-src` too), <video> (its source or poster) and links to
a media file, and <object data> or <embed src> naming a photo. Every media URL in any attribute, CSS `url()`, and each
`srcset` candidate is a reference; a candidate is taken as the first word of
each comma-separated part, a simplification of the standard's "parsing a
srcset attribute" algorithm (in its section on images) that misreads a URL holding a comma.

Template comments (Liquid, Nunjucks, Go templates, Handlebars) are blanked
first (`templates`), so layouts and includes read like the pages they make;
an alt or title a template tag fills in at build time is unknown, not clean.
libxml2 stops nesting at 256 elements unless told otherwise; the parser runs
with its "huge" option (2,048 levels), and a page deeper than that is a
PageError ("could not be read whole"), never a page with its last photos missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from schoollint.finding import Suppression

from .aria import html_aria
from .backgrounds import MENTIONS_BACKGROUND, background_rules, background_src, background_words
from .book_covers import cited_titles, is_cover, without_credits
from .definition_lists import group_of
from .html_captions import Captions
from .html_source import COMMENT, GUESSED, SourceLines, decode
from .image_maps import area_labels
from .lightbox import LIGHTBOX_ATTRIBUTES
from .model import Page, PageError, PageImage, Share, TextSpan
from .page_cards import card_images
from .shares import html_shares
from .shortcodes import caption_shortcodes, eleventy_images, template_images
from .sizes import displayed, page_sheets, style_rules
from .stylesheet import CSS_URL
from .suppressions import comment_suppressions, parse_codes, shifted
from .templates import UNREAD_SUFFIXES, blank_comments, is_templated, razor_as_template
from .urls import links_to_media, resolve

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# Attributes that hold words, not URLs.
TEXT_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "class", "id", "style"} | set(LIGHTBOX_ATTRIBUTES))
# html, head and body: lxml supplies them when a page leaves them out, giving them
# the line of the first real element, so they must not stand for that line.
DOCUMENT_WRAPPERS = frozenset({"html", "head", "body"})
MAX_DEPTH = 2048        # libxml2's limit with XML_PARSE_HUGE


@dataclass
class Scan:
    """What one pass over some HTML found."""

    images: list[PageImage] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    references: set[str] = field(default_factory=set)
    unknown: list[TextSpan] = field(default_factory=list)     # labels a template fills in
    shares: list[Share] = field(default_factory=list)         # og:image, twitter:image, JSON-LD image


def read(relpath: str, data: bytes, root: Path | None = None, prepare=blank_comments) -> Page:
    """Read an HTML page; PageError when lxml cannot parse it. `prepare` turns the decoded text
    into HTML with template tags (same length and lines): a template language's comments blanked."""
    text, encoding = decode(data)
    found = scan(eleventy_images(prepared := prepare(text)), relpath, root)
    found.images += template_images(prepared, relpath, root)        # {% set p = {name:, photo:} %}, shortcodes
    found.references |= {image.target for image in found.images if image.target}
    return Page(relpath, tuple(found.images), tuple(found.suppressions), frozenset(found.references),
                unknown_alts=tuple(found.unknown), shares=tuple(found.shares),
                fallback_encoding=GUESSED.get(encoding))


def read_razor(relpath: str, data: bytes, root: Path | None = None) -> Page:
    """Read a Razor page (templates.razor_as_template): its `@` expressions are template tags."""
    return read(relpath, data, root, prepare=razor_as_template)


def read_unread_template(relpath: str, data: bytes, root: Path | None = None) -> Page:
    """Always PageError: a page in a template language that is not HTML (Pug, Haml, Slim)."""
    language = UNREAD_SUFFIXES[Path(relpath).suffix.lower()]
    raise PageError(f"a {language} template: schoollint does not read {language}, so the photos this page "
                    "shows and the names beside them were not checked (check them by hand, or the HTML it builds)")


def scan(text: str, relpath: str, root: Path | None = None, first_line: int = 1) -> Scan:
    """Read HTML that starts on `first_line` of the page (Markdown passes its raw HTML blocks)."""
    from lxml import etree   # its HTML parser as lxml.html's document_fromstring runs it, without
    # lxml.html's element classes (nothing here uses them), whose import took 16-40 ms of each run's start

    found = Scan(suppressions=shifted(comment_suppressions(text, COMMENT), first_line - 1))
    cleaned = _CONTROL.sub(" ", _XML_DECLARATION.sub(lambda m: "\n" * m.group(0).count("\n"), caption_shortcodes(text)))
    if not cleaned.strip():
        return found
    parser = etree.HTMLParser(huge_tree=True)
    try:
        document = etree.fromstring(cleaned, parser)
    except ValueError as exc:
        raise PageError(f"{relpath}: HTML could not be parsed: {exc}") from None
    if document is None:             # nothing but comments or whitespace: no elements to read
        return found
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        raise PageError(f"{relpath}: elements nested more than {MAX_DEPTH:,} deep; the page could not be "
                        "read whole") from None
    _close_embeds(document)
    elements = list(document.iter(tag=etree.Element))
    reader = _Reader(relpath, root, SourceLines(cleaned, elements, first_line - 1))
    reader.size_rules = style_rules(page_sheets(document, relpath, root))
    reader.backgrounds = background_rules(document) if MENTIONS_BACKGROUND.search(cleaned) else ()
    for element in elements:
        reader.visit(element, found)
    if reader.card_parts:       # <meta>, <title>, <script>: a social card's or a schema.org item's photo and words
        found.images += card_images(reader.card_parts, found.shares, reader.lines, relpath, root)
    found.suppressions = reader.widen(found.suppressions)
    return found


class _Reader:
    def __init__(self, relpath: str, root: Path | None, lines: SourceLines):
        self.relpath = relpath
        self.root = root
        self.lines = lines
        self.captions = Captions(lines)
        self.first_element_on_line: dict[int, object] = {}
        self.size_rules: tuple = ()    # the page's <style> rules that set sizes (sizes.style_rules)
        self.backgrounds: tuple = ()   # ... that give a class or id a background photo (backgrounds.background_rules)
        self.card_parts: list = []     # <meta>, <title> and JSON-LD <script> elements (page_cards)

    def visit(self, element, found: Scan) -> None:
        tag = element.tag
        if tag not in DOCUMENT_WRAPPERS:  # lxml invents these at the first element's line
            self.first_element_on_line.setdefault(self.lines.line(element), element)
        for value in self.reference_values(element):
            if links_to_media(value):
                resolved = resolve(value, self.relpath, self.root)
                if resolved is not None:
                    found.references.add(resolved.target)
        if tag in ("meta", "script"):
            found.shares += html_shares(element, self.lines.line(element), self.relpath, self.root)
            self.card_parts.append(element)
        elif tag == "title":
            self.card_parts.append(element)
        ignored = element.get("data-schoollint-ignore")
        if ignored is not None:
            found.suppressions.append(Suppression(self.lines.line(element), self.lines.lines_of(element),
                                                  parse_codes(ignored)))
        if tag == "img":
            self.add_image(element, _image_src(element), found)
        elif tag == "video":
            sources = element.xpath("./source/@src")
            self.add_image(element, element.get("src") or (sources[0] if sources else element.get("poster")),
                           found)
        elif tag in ("object", "embed") and links_to_media(src := element.get("data" if tag == "object" else "src")):
            self.add_image(element, src, found)     # an old template's <object data>/<embed src> photo (HTML 4.8.7-8)
        elif tag == "a" and links_to_media(element.get("href")) and not element.xpath(".//img|.//video"):
            self.add_image(element, element.get("href"), found, labelled=False)
        elif (background := background_src(element, self.backgrounds)) is not None:  # a hero, a card's picture
            self.add_image(element, background, found,
                           words=background_words(self.captions, element, self.backgrounds))

    def reference_values(self, element):
        for name, value in element.attrib.items():
            if name in TEXT_ATTRIBUTES:
                continue
            if name.endswith("srcset"):
                yield from (candidate.split()[0] for candidate in value.split(",") if candidate.strip())
            else:
                yield value
        for css in [element.get("style") or ""] + ([element.text or ""] if element.tag == "style" else []):
            yield from CSS_URL.findall(css)

    def add_image(self, element, src: str | None, found: Scan, labelled: bool = True, words=None) -> None:
        """Add the photo `element` shows from `src`, with its labels and the words beside it (`words`: those
        its caption finders give, or a background's, backgrounds.background_words)."""
        if not src:
            return
        resolved = resolve(src, self.relpath, self.root)
        labels = {}
        if labelled:
            for attribute in ("alt", "title", "aria-label"):
                value = element.get(attribute)
                if value is not None and is_templated(value):
                    found.unknown.append(TextSpan(value, self.lines.attribute_line(element, attribute),
                                                  "alt text" if attribute == "alt" else attribute))
                elif value is not None:
                    labels[attribute] = (value, self.lines.attribute_line(element, attribute))
        alt, title, aria = (labels.get(name, (None, None)) for name in ("alt", "title", "aria-label"))
        candidates = _candidates(element) if labelled else []
        width, height = displayed(element.attrib, any(len(c) > 1 and c[1].endswith("w") for c in candidates),
                                  self.size_rules, element.tag) if labelled else (None, None)
        alternates = (resolve(candidate[0], self.relpath, self.root) for candidate in candidates)
        found.images.append(PageImage(
            src=src, target=resolved.target if resolved else None, line=self.lines.line(element),
            alt=alt[0], title=title[0], aria_label=aria[0],
            alt_line=alt[1], title_line=title[1], aria_label_line=aria[1],
            captions=tuple(span for span in (words if words is not None else self.words_beside(element))
                           if span.text.strip()),
            lang=self.captions.lang_of(element), width=width, height=height,
            alternates=tuple(dict.fromkeys(a.target for a in alternates if a is not None)),
        ))

    def words_beside(self, element) -> Iterator[TextSpan]:
        """The words that go with a photo element: captions, accessible names, its description-list group
        and image map; beside a book's cover, less the book's credit (book_covers)."""
        spans: Iterator[TextSpan] = chain(self.captions.of(element), html_aria(self.captions, element),
                                          group_of(self.captions, element), area_labels(self.captions, element))
        if is_cover(element):                   # a book's cover: "<cite>Title</cite> by Author" is its credit
            spans = without_credits(spans, cited_titles(self.captions, element))
        yield from spans

    def widen(self, suppressions: list[Suppression]) -> list[Suppression]:
        """A comment above an element covers all of that element's lines."""
        widened = []
        for suppression in suppressions:
            covers = set(suppression.covers)
            for line in suppression.covers:
                element = self.first_element_on_line.get(line)
                if element is not None:
                    covers |= self.lines.lines_of(element)
            widened.append(Suppression(suppression.line, frozenset(covers), suppression.codes))
        return widened


def _close_embeds(document) -> None:
    """<embed> is a void element (WHATWG HTML 4.8.7, 13.1.2) but libxml2 nests what follows it inside it:
    move its children out after it, where the standard's parser puts them (a caption after the photo)."""
    for embed in list(document.iter("embed")):
        children = list(embed)
        if children:
            children[-1].tail = (children[-1].tail or "") + (embed.tail or "")
            embed.tail, embed.text = embed.text, None
            for child in reversed(children):
                embed.addnext(child)


def _candidates(element) -> list[list[str]]:
    """The srcset candidates ([url, descriptor...]) of an <img> and of the <source>s of its <picture>."""
    sets = [element.get("srcset") or ""]
    if element.tag == "img":    # libxml2 knows no <source> in <picture>: it may hold the <img>
        sets += element.xpath("ancestor::picture[1]//source/@srcset")
    elif element.tag == "video":
        sets += element.xpath("./source/@src")
    return [candidate.split() for srcset in sets for candidate in srcset.split(",") if candidate.strip()]


def _image_src(image) -> str | None:
    """The real source of an image, also when a lazy loader keeps it in a data attribute."""
    src = image.get("src")
    if src and not src.startswith("data:"):
        return src
    for attribute in ("data-src", "data-lazy-src", "data-original"):
        if image.get(attribute):
            return image.get(attribute)
    return src
