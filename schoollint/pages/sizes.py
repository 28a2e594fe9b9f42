"""The size a page displays an image at, in CSS pixels, from what the page writes beside it.

One reading for every page language: HTML `width`/`height` attributes (WHATWG
HTML, "Dimension attributes": a valid non-negative integer, CSS px), an inline
`style` (CSS 2.1 section 10.2 `width`, 10.4 `max-width`, 10.5 `height`; only
`px` lengths are known here, and a declared `width` in any other unit
overrides the attribute, so the size is unknown), the `sizes` attribute of an
image with `srcset` width descriptors (WHATWG HTML, "Parsing a sizes
attribute": the slot width, used only when nothing else sets the width; the
largest px length among its entries, unknown when any entry is in `vw`, `em`
or `calc()`), Kramdown/Pandoc attribute lists (`{: width="300"}`), and the
same names as shortcode parameters or component props.

A rule in the page's `<style>` elements or in a stylesheet it links that is a
file of the repository (CSS 2.1 section 6.4.4: author rules
beat presentational attributes) that declares `width`, `min-width`, `height`
or `min-height` on a selector that may match the image makes that size
unknown: the rule wins over the attribute whatever its unit (`.hero img
{ width: 100% }` shows a `width="300"` image at the hero's width), and an
inline px width wins over the rule unless the rule is `!important`. Only the
selector's subject compound (after its last combinator) is compared with the
image (type, classes, id); ancestors, attributes and pseudo-classes are taken
to match, so the reading errs towards "unknown", never towards a size the
image is not shown at. `max-width` in a rule is not read: it never enlarges.
A remote stylesheet, an `@import` and a sheet over MAX_SHEET_BYTES are not
read; the site's generator templates (which link the theme's CSS to Markdown
pages) are not seen from the Markdown page.

`displayed` returns (width, height), each None when unknown: a page that shows
an image without a known size shows it at whatever size the file has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from .urls import is_file, resolve

_PIXELS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$", re.IGNORECASE)
_CSS_PIXELS = re.compile(r"^\s*(\d+(?:\.\d+)?)px\s*(?:!important)?\s*$", re.IGNORECASE)
_DECLARATION = re.compile(r"(?:^|;)\s*(width|max-width|height)\s*:\s*([^;]*)", re.IGNORECASE)
# A Kramdown IAL `{: width="300" .photo}` or a Pandoc/markdown-it-attrs one `{width=300px}`.
ATTRIBUTE_LIST = re.compile(r"^\{:?\s*([^{}\n]*)\}")
_PARAMETER = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))""")
# The media condition in front of a sizes entry's length, e.g. "(max-width: 600px) 100vw".
_CONDITION = re.compile(r"^\s*(?:\(.*\)|not\s+\(.*\)|only\s+\S+)\s+", re.DOTALL)
MAX_CSS_PX = 1_000_000     # above this a "size" is a typo, not a layout
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
# A rule with no block inside its block; an @media block's inner rules match on their own. A
# selector starts only after a delimiter, so a run without a block is scanned once (linear time).
_RULE = re.compile(r"(?:(?<=[{};@])|\A)([^{}@;]+)\{([^{}]*)\}")
_SIZE_DECLARATION = re.compile(r"(?:^|;)\s*(?:min-)?(width|height)\s*:\s*([^;]*)", re.IGNORECASE)
_COMBINATOR = re.compile(r"[\s>+~]+")          # what the selector's subject compound comes after
_TYPE = re.compile(r"^(?:[\w-]*\|)?([a-zA-Z][\w-]*|\*)")
_CLASS = re.compile(r"\.([\w-]+)")
_ID = re.compile(r"#([\w-]+)")
MAX_SHEET_BYTES = 2 * 2**20     # a site's own stylesheet is far smaller; a bigger one is not read
# Every image is compared with every size rule: past this many, every size is taken as unknown
# (bounded time on a hostile page; a real page's sheets set sizes in far fewer rules).
MAX_SIZE_RULES = 2000


class SizeRule(NamedTuple):
    """A style rule that sets a size: the subject compound of its selector, and what it sets."""

    tag: str | None              # lower-case type selector; None for none or "*"
    classes: frozenset[str]
    ident: str | None
    sizes: frozenset[str]        # "width" and/or "height" (min- sizes count as well)
    important: bool

    def may_match(self, tag: str, attributes: Mapping[str, str | None]) -> bool:
        classes = set((attributes.get("class") or "").split())
        return (self.tag in (None, tag.lower()) and self.classes <= classes
                and self.ident in (None, attributes.get("id")))


def page_sheets(document, relpath: str, root: Path | None) -> Iterator[str]:
    """The CSS of an lxml HTML document's `<style>` elements, then of each `<link rel=stylesheet>`
    that resolves to a file of the repository under `root` (read as UTF-8, at most MAX_SHEET_BYTES)."""
    for style in document.iter("style"):
        yield style.xpath("string()")     # its text content (lxml.html's text_content does the same)
    if root is None:
        return
    for link in document.iter("link"):
        href = link.get("href")
        resolved = resolve(href, relpath, root) if href and "stylesheet" in (link.get("rel") or "").lower() else None
        path = root / resolved.target if resolved else None
        try:
            if path is not None and is_file(path) and path.stat().st_size <= MAX_SHEET_BYTES:
                yield path.read_bytes().decode("utf-8", errors="replace")
        except OSError:   # gone or unreadable since: its rules are simply not known
            continue


def style_rules(sheets: Iterable[str]) -> tuple[SizeRule, ...]:
    """The rules of these style sheets (`<style>` contents) that set a width or height."""
    rules = []
    for sheet in sheets:
        for selectors, block in css_rules(sheet):
            declared = _SIZE_DECLARATION.findall(block)
            if not declared:
                continue
            sizes = frozenset(name.lower() for name, _ in declared)
            important = any("!important" in value.lower() for _, value in declared)
            rules += [SizeRule(tag, classes, ident, sizes, important) for tag, classes, ident in subjects(selectors)]
    if len(rules) > MAX_SIZE_RULES:   # one rule that matches every image and sets both sizes
        return (SizeRule(None, frozenset(), None, frozenset({"width", "height"}), True),)
    return tuple(rules)


def css_rules(sheet: str) -> list[tuple[str, str]]:
    """(selectors, declaration block) of each rule of a style sheet with no block inside its block, comments
    left out (an @media block's inner rules are found on their own)."""
    return _RULE.findall(_CSS_COMMENT.sub(" ", sheet))


def subjects(selectors: str) -> Iterator[tuple[str | None, frozenset[str], str | None]]:
    """(type, classes, id) of the subject compound (after the last combinator) of each selector of a rule's
    comma-separated list; a pseudo-element's selector styles another box and gives none."""
    for selector in selectors.split(","):
        compound = _COMBINATOR.split(selector.strip())[-1]
        if not compound or "::" in compound:
            continue
        kind = _TYPE.match(compound)
        ident = _ID.search(compound)
        yield (kind.group(1).lower() if kind and kind.group(1) != "*" else None,
               frozenset(_CLASS.findall(compound)), ident and ident.group(1))


def attribute_pixels(value: str | None) -> int | None:
    """A width or height attribute's value in CSS px ("300", "300px"); None for "50%", "auto" or nothing."""
    match = _PIXELS.match(value) if value else None
    return _bounded(match.group(1)) if match else None


def _bounded(number: str) -> int | None:
    value = round(float(number))
    return value if 0 < value <= MAX_CSS_PX else None


def style_sizes(style: str | None) -> dict[str, int | None]:
    """The px width, max-width and height an inline style declares; a key holding None is declared
    in another unit (the size is then unknown), a missing key is not declared."""
    found: dict[str, int | None] = {}
    for name, value in _DECLARATION.findall(style or ""):
        match = _CSS_PIXELS.match(value)
        found[name.lower()] = _bounded(match.group(1)) if match else None
    return found


def slot_width(sizes: str | None) -> int | None:
    """The widest slot a `sizes` attribute gives, in px; None when any entry is not a px length."""
    if not sizes or not sizes.strip():
        return None
    widths = []
    for entry in sizes.split(","):
        length = _CONDITION.sub("", entry.strip()) if entry.strip().startswith(("(", "not", "only")) else entry
        match = _CSS_PIXELS.match(length)
        if match is None:
            return None
        widths.append(_bounded(match.group(1)))
    return None if None in widths else max(w for w in widths if w is not None)


def displayed(attributes: Mapping[str, str | None], has_width_descriptors: bool = False,
              rules: Iterable[SizeRule] = (), tag: str = "img") -> tuple[int | None, int | None]:
    """(width, height) in CSS px at which an image with these attributes is shown at most.

    `attributes`: lower-case names (width, height, style, sizes, class, id) to their written
    values; `rules`: the page's style rules that set sizes (style_rules), `tag` the element's.
    """
    style = style_sizes(attributes.get("style"))
    matching = [rule for rule in rules if rule.may_match(tag, attributes)]
    # A size a rule sets: unknown here, unless an inline style sets it and the rule is not !important.
    ruled = {size: any(rule.important for rule in matching if size in rule.sizes)
             for size in ("width", "height") if any(size in rule.sizes for rule in matching)}
    if "width" in style and not ruled.get("width"):   # CSS beats the presentational attribute
        width = style["width"]
    elif "width" in ruled:
        width = None
    else:
        width = attribute_pixels(attributes.get("width"))
    if width is None and "width" not in style and "width" not in ruled and has_width_descriptors:
        width = slot_width(attributes.get("sizes"))
    ceiling = style.get("max-width")
    if ceiling is not None:                       # max-width bounds whatever the width turned out to be
        width = ceiling if width is None else min(width, ceiling)
    if "height" in style and not ruled.get("height"):
        height = style["height"]
    else:
        height = None if "height" in ruled else attribute_pixels(attributes.get("height"))
    return width, height


def parameters(text: str) -> dict[str, str]:
    """`name="value"` pairs (also 'value' and bare value) of an attribute list or a shortcode, names lower-cased."""
    return {match.group(1).lower(): next(v for v in match.groups()[1:] if v is not None)
            for match in _PARAMETER.finditer(text)}


def attribute_list(text: str) -> tuple[dict[str, str], int] | None:
    """The attributes of a `{: ...}` or `{...}` list at the start of `text`, and its length; None when none."""
    match = ATTRIBUTE_LIST.match(text)
    if match is None or "=" not in match.group(1) and not match.group(1).strip().startswith((".", "#")):
        return None
    return parameters(match.group(1)), match.end()
