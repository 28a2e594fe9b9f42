"""Markdown pages (Jekyll, Hugo, Eleventy): front matter, images, raw HTML and caption shortcodes.

Parsed as CommonMark 0.31 (markdown-it-py's "commonmark" preset, plus GFM tables): images (section 6.4),
links to a photo (6.3), raw HTML blocks (4.6) and inline HTML (6.6), the last two read by the HTML reader.
markdown-it gives each block its source lines; inside a block the line is counted from the soft and hard
breaks before an image. Front matter is YAML (between "---" lines, read by `data`) or TOML 1.0 (between
"+++", Hugo's), replaced by blank lines before parsing so the parser's lines are the file's. The paragraph
right after a paragraph holding only photos is their caption (the shape of WordPress exports and Markdown
posts: `![](photo.jpg)`, a blank line, "First Last won the sculls"; when that one is short, the paragraph
after it as well: a short post names its photo's pupil a sentence later), and a short paragraph before a
photo is too, whatever markup shows the photo (an image, raw HTML, a shortcode): between two photos, it
goes with both. The front matter's `lang` is the language of the page's words; its featured pictures go
with its summary (`front_matter`). Hugo `figure` shortcodes and Jekyll `include figure.html` tags are
images too, and so is any template tag handing a partial a photo with its words
(`shortcodes.template_images`). Template comments (Liquid, Go templates, Nunjucks) are blanked first.
MDX pages are read here after `mdx` has read their JSX (`embed`): its placeholders stand for the photos.
"""

from __future__ import annotations

import re
from urllib.parse import quote
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import html as html_reader
from .alt_keys import tie_alt_keys
from .book_covers import uncredited
from .data import decode_text
from .front_matter import front_matter_images, front_matter_language, split_front_matter, with_summary
from .html_captions import BLOCK_BREAK, SECOND_PARAGRAPH
from .html_source import COMMENT
from .markdown_tables import TableCells
from .markdown_tokens import MAX_NEXT_CAPTION, before_caption, emphasised, plain_text, running_text
from .model import Page, PageImage, Share, TextSpan
from .shares import front_matter_shares
from .shortcodes import CAPTIONS, eleventy_images, figure_tags, is_template_tag, tagged_images
from .site_layout import SiteLayout
from .sizes import attribute_list, displayed
from .suppressions import comment_suppressions
from .templates import blank_comments
from .urls import links_to_media, page_layout, plain_url, resolve

# ![alt]({{ site.baseurl }}/x.jpg) and ![alt]({{ "/x.jpg" | relative_url }}): the template runs before
# Markdown does, but CommonMark (6.3) allows no space in a destination, so the idiom is undone first.
_TEMPLATED_DESTINATION = re.compile(r"(?<=\]\()(\{\{[^{}\n]*\}\}[^()\s]*)")
_PLACEHOLDER = re.compile(r"<!--mdx:(\d+)-->|<img data-mdx=\"(\d+)\">")      # written by mdx.embed
# A heading id (`## Team {#team}`: Kramdown, Hugo, Pandoc, Docusaurus) or a one-line `{# comment #}`: blanked
# before template comments are, whose `{#` would otherwise run on to the end of the page.
_HEADING_ID = re.compile(r"\{#[^{}\n]*\}")
MAX_OPENING = 600           # characters: a post's opening paragraph, read with its featured image
BLOCK_LABELS = {"th_open": "table cell", "td_open": "table cell", "list_item_open": "list item",
               "heading_open": "heading", "paragraph_open": "paragraph"}

_parser = None


def _markdown():
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark").enable("table")
    return _parser


@dataclass
class Embedded:
    """Parts of a page's body another reader read first (MDX's JSX and expressions: `mdx.embed`)."""

    body: str                                                       # placeholders and text, newlines kept
    images: dict[int, list[PageImage]] = field(default_factory=dict)   # _PLACEHOLDER's number: its photos
    unknown: list[TextSpan] = field(default_factory=list)           # alt texts it could not resolve
    suppressions: list = field(default_factory=list)
    boxes: set[int] = field(default_factory=set)    # lines of a component's own block: not the post's words


@dataclass
class _Image:
    """An image while its page is read: captions can still arrive from the next paragraph."""

    src: str
    line: int
    alt: str | None = None
    title: str | None = None
    captions: list[TextSpan] = field(default_factory=list)
    size: tuple[int | None, int | None] = (None, None)     # displayed width and height, CSS px (sizes.py)


def read(relpath: str, data: bytes, root: Path | None = None,
         embed: Callable[[str], Embedded] | None = None) -> Page:
    """Read a Markdown page; `embed` reads parts of its body first (MDX's JSX: `mdx.embed`)."""
    text, fallback = decode_text(data)
    front, body, front_lines = split_front_matter(text, relpath)
    embedded = embed(body) if embed is not None else None
    body = _HEADING_ID.sub(lambda found: " " * len(found.group()), embedded.body if embedded else body)
    body = _TEMPLATED_DESTINATION.sub(_plain_destination, eleventy_images(blank_comments(body)))
    reader = _Reader(relpath, root)
    if embedded is not None:
        reader.embedded, reader.unknown, reader.suppressions, reader.boxes = embedded.images, embedded.unknown, \
            embedded.suppressions, embedded.boxes
    images, untied_alts = tie_alt_keys(front, front_matter_images(front, relpath, root)) if front else ([], [])
    shares = front_matter_shares(front, relpath, root) if front else []
    suppressions = comment_suppressions(body, COMMENT)
    suppressions += comment_suppressions("\n".join(text.split("\n")[:front_lines]), r"#[^\n]*")
    reader.walk(_markdown().parse(body))
    reader.shortcodes(body)
    if front:
        images = with_summary(front, images, reader.opening)
    images += [reader.finish(image) for image in reader.images] + reader.html_images
    images += [_with_captions(image, reader.beside.get(line, [])) for line, image in      # {{% member name= photo= %}}
               tagged_images(body, relpath, root, figures=False) if line not in reader.code_lines]
    images = [uncredited(image, body) for image in images]      # beside a book's cover, the work's credit
    if language := front_matter_language(front):
        images = [replace(image, lang=image.lang or language) for image in images]
    suppressions += reader.suppressions
    reader.unknown += untied_alts                   # alt keys tied to no picture (alt_keys)
    references = {image.target for image in images if image.target} | reader.references
    return Page(relpath, tuple(sorted(images, key=lambda image: image.line)),
                tuple(dict.fromkeys(suppressions)), frozenset(references), unknown_alts=tuple(reader.unknown),
                shares=tuple(shares + reader.shares), fallback_encoding=fallback)


def _plain_destination(match: re.Match) -> str:
    path = plain_url(match.group(1))
    return quote(path) if path is not None else match.group(1)


class _Reader:
    def __init__(self, relpath: str, root: Path | None):
        self.relpath = relpath
        self.root = root
        self.images: list[_Image] = []
        self.html_images: list[PageImage] = []
        self.suppressions: list = []
        self.references: set[str] = set()
        self.code_lines: set[int] = set()
        self.unknown: list[TextSpan] = []
        self.shares: list[Share] = []
        # The body's first paragraph if no picture comes before it: a theme shows it under the featured image.
        self.opening: TextSpan | None = None
        self.opened = False
        self.beside: dict[int, list[TextSpan]] = {}    # a shortcode's line: the paragraphs around it
        self.embedded: dict[int, list[PageImage]] = {}  # an MDX placeholder's number: its photos (mdx.py)
        self.boxes: set[int] = set()                    # lines of MDX components' own blocks (Embedded.boxes)
        self._layout: SiteLayout | None = None   # the page's site layout (urls.page_layout), found once

    def walk(self, tokens) -> None:
        """Blocks in order; the short paragraphs before and after a photo are read with it, whatever markup
        shows it (Markdown image, raw HTML, a shortcode or include on its own line); a short paragraph
        between two photos is read with both: either may be its caption."""
        containers: list[str] = []
        waiting: list = []                  # the last block's photos: _Image, a raw-HTML index, (shortcode line,)
        second: list = []                   # photos whose next paragraph was the last block: the one after it too
        leading: list = []                  # ... when it was a heading or "Winners:": the list after it too
        before: TextSpan | None = None      # a short paragraph with no photo in it
        between = False                     # ... that is the caption after an earlier photo too
        cells = TableCells()                # a photo grid's name row: the cell below a photo is its caption
        for token in tokens:
            if cells.token(token.type, waiting or leading):     # a new row: its first cell captions no photo above
                waiting = []                        # (or a list under photos: cells.under holds them)
            if token.type in BLOCK_LABELS:
                containers.append(BLOCK_LABELS[token.type])
            elif token.type.endswith("_close") and token.type.replace("_close", "_open") in BLOCK_LABELS:
                containers.pop()
            elif token.type in ("fence", "code_block") and token.map:
                self.code_lines.update(range(token.map[0] + 1, token.map[1] + 1))
            elif token.type == "html_block" and token.map:
                pictures = len(self.html_images)
                self.add_html(token.content, token.map[0] + 1, before_caption(before, between))
                self.opened |= len(self.html_images) > pictures
                if len(self.html_images) > pictures:
                    waiting, before, second = list(range(pictures, len(self.html_images))), None, []
            elif token.type == "inline" and token.map:
                label = next((c for c in reversed(containers) if c != "paragraph"), "paragraph")
                images, span = self.inline(token, label)
                found: list = list(images)
                if label == "table cell" and (above := cells.photos_above(found, bool(span.text.strip()))
                                              or span.text.strip() and cells.under) \
                        or label == "list item" and span.text.strip() and (above := cells.under):
                    self.add_caption(above, span)
                shortcode = label == "paragraph" and is_template_tag(span.text)     # its photo: from its tag
                if not self.opened and (found or shortcode or label == "paragraph" and span.text.strip()):
                    self.opened = True
                    if not found and not shortcode and len(span.text) <= MAX_OPENING:
                        self.opening = TextSpan(span.text, span.line, "opening paragraph")
                if shortcode:               # self.beside: the paragraphs around it, read with its photo
                    found, span = [(span.line,)], TextSpan("", span.line, label)
                    self.add_caption(found, *before_caption(before, between))
                elif waiting and span.text.strip() and len(span.text) <= MAX_NEXT_CAPTION:
                    self.add_caption(waiting, TextSpan(span.text, span.line,
                                                       "caption" if emphasised(token) else "next paragraph"))
                elif second and running_text(span, self.boxes) and not found:
                    self.add_caption(second, TextSpan(span.text, span.line, SECOND_PARAGRAPH))
                elif found and not span.text.strip():
                    self.add_caption(found, *before_caption(before, between))   # "Our star is ...", then the photo
                second = waiting if waiting and not found and running_text(span, self.boxes) else []
                lead_in = label == "heading" or emphasised(token) or span.text.rstrip().endswith(":")  # "**Prizes**"
                leading = waiting if waiting and not found and lead_in and len(span.text) <= MAX_NEXT_CAPTION else []
                between = bool(waiting) and not found and 0 < len(span.text.strip()) <= MAX_NEXT_CAPTION
                before = span if label in ("paragraph", "heading") and not found and (
                    len(span.text) <= MAX_NEXT_CAPTION or span.text.rstrip().endswith(":")) else None
                waiting = found if found and not span.text.strip() else []

    def add_caption(self, photos: list, *spans: TextSpan) -> None:
        """Read `spans` with each photo of a block: an _Image, an index into html_images, (a shortcode's line,)."""
        for photo in photos:
            if isinstance(photo, _Image):
                photo.captions.extend(spans)
            elif isinstance(photo, int):
                self.html_images[photo] = _with_captions(self.html_images[photo], list(spans))
            else:
                self.beside.setdefault(photo[0], []).extend(spans)

    def inline(self, token, label: str) -> tuple[list[_Image], TextSpan]:
        """Images in one block of inline text, and the block's own text (image alt left out)."""
        line = token.map[0] + 1
        parts: list[str] = []
        found: list[_Image] = []
        fragments: list[tuple[str, int]] = []
        link: _Image | None = None          # a link to a photo, while its text is read
        link_text: list[str] = []
        after_image = False                 # the child before this one is an image: an attribute list may follow
        for child in token.children or ():
            kind, after_image = child.type, after_image and child.type == "text"
            if kind in ("softbreak", "hardbreak"):
                line += 1
                parts.append("\n")
            elif kind in ("text", "code_inline"):
                sized = found and kind == "text" and after_image
                content = _sized(found[-1], child.content) if sized else child.content
                parts.append(content)
                link_text.append(content)
            elif kind == "image":
                found.append(_Image(child.attrs.get("src", ""), line, plain_text(child.children),
                                    child.attrs.get("title") or None))
                after_image = True
                if link is not None:        # a thumbnail linking to its full size: one photo
                    found.remove(link)
                    link = None
            elif kind == "link_open" and links_to_media(child.attrs.get("href", "")):
                link, link_text = _Image(child.attrs["href"], line), []
                found.append(link)
                resolved = self.resolve(link.src)
                if resolved is not None:
                    self.references.add(resolved.target)
            elif kind == "link_close" and link is not None:
                link.captions.append(TextSpan("".join(link_text), link.line, "link text"))
                link = None
            elif kind == "html_inline" and re.fullmatch(r"<br\s*/?>", child.content, re.IGNORECASE):
                parts.append(BLOCK_BREAK)   # "Name<br>Chair": the role is no part of the name
            elif kind == "html_inline":
                fragments.append((child.content, line))
                line += child.content.count("\n")
                parts.append("\n" * child.content.count("\n"))
        span = TextSpan("".join(parts), token.map[0] + 1, label)
        for image in found:
            image.captions.append(span)
        self.images.extend(found)
        for fragment, fragment_line in fragments:
            if fragment.lstrip().lower().startswith(("<img", "<video", "<a ", "<picture", "<source")):
                self.add_html(fragment, fragment_line, [span])
        return found, span

    def add_html(self, content: str, first_line: int, captions: list[TextSpan]) -> None:
        placeholder = _PLACEHOLDER.match(content.lstrip())
        if placeholder is not None:
            photos = self.embedded.get(int(placeholder.group(1) or placeholder.group(2)), [])
            self.html_images += [_with_captions(image, captions) for image in photos]
            return
        scanned = html_reader.scan(content, self.relpath, self.root, first_line)
        self.html_images += [_with_captions(image, captions) for image in scanned.images]
        self.suppressions += scanned.suppressions
        self.references |= scanned.references
        self.unknown += scanned.unknown
        self.shares += scanned.shares

    def shortcodes(self, body: str) -> None:
        for line, src, parameters, paired in figure_tags(body):
            if line in self.code_lines:
                continue
            image = _Image(str(src), line, parameters.get("alt"), size=displayed(parameters))
            image.captions += [TextSpan(parameters[key], parameters[key].line, label)
                               for key, label in CAPTIONS.items() if key in parameters] + ([paired] if paired else [])
            image.captions += self.beside.get(line, [])
            self.images.append(image)

    def resolve(self, src: str):
        """urls.resolve with the page's site layout found once, not once an image (15 us each)."""
        if self._layout is None:
            self._layout = page_layout(self.root, self.relpath)
        return resolve(src, self.relpath, self.root, layout=self._layout)

    def finish(self, image: _Image) -> PageImage:
        resolved = self.resolve(image.src)
        alt_line = getattr(image.alt, "line", None)
        return PageImage(
            src=image.src, target=resolved.target if resolved else None, line=image.line,
            alt=str(image.alt) if image.alt else None, title=image.title,
            alt_line=alt_line, captions=tuple(span for span in image.captions if span.text.strip()),
            width=image.size[0], height=image.size[1],
        )


def _sized(image: _Image, text: str) -> str:
    """Read a Kramdown/Pandoc attribute list written right after an image (`![](a.jpg){: width="300"}`)
    into its size; the text without the list, which is markup, not words."""
    found = attribute_list(text)
    if found is None:
        return text
    attributes, length = found
    image.size = displayed(attributes)
    return text[length:]


def _with_captions(image: PageImage, captions: list[TextSpan]) -> PageImage:
    return replace(image, captions=image.captions + tuple(captions)) if captions else image
