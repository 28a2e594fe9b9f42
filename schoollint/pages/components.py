"""Components written in JSX, TSX, JavaScript or TypeScript, and Astro pages.

Parsed with tree-sitter (`treesitter`): `.jsx`, `.js`, `.mjs` and `.cjs` with the
JavaScript grammar (which includes JSX), `.ts` with TypeScript's, `.tsx`
with TSX's. An Astro file (Astro's component format: a `---` fenced
TypeScript front matter, then markup) is read as its front matter's script
plus a TSX body: the front matter and HTML comments are blanked (newlines
kept, so rows stay the file's) and the body is wrapped in a fragment `<>...</>`.

JSX elements become `markup.Markup` (a spread attribute `{...p}` kept as `spread.SPREAD`); an arrow
or function passed to `.map()`/`.flatMap()`/`.forEach()` marks its JSX as repeated over the array.
"""

from __future__ import annotations

import re
from pathlib import Path

from .component_suppressions import component_suppressions
from .data import decode_text
from .html_source import COMMENT
from .markup import Markup, Value, page_images
from .model import Page
from .script import Script
from .spread import SPREAD
from .treesitter import LineIndex, line, parse, text, unwrap

GRAMMARS = {".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript",
            ".ts": "typescript", ".mts": "typescript", ".tsx": "tsx"}
SUFFIXES = tuple(GRAMMARS)
ASTRO_SUFFIXES = (".astro",)
_LOOP_METHODS = frozenset({"map", "flatMap", "forEach"})
_ASTRO_FENCE = re.compile(r"\A(\s*)---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def read(relpath: str, data: bytes, root: Path | None = None) -> Page:
    """Read a JSX/TSX/JS/TS component; a syntax error only hides its broken part (ERROR nodes)."""
    suffix = "." + relpath.rsplit(".", 1)[-1].lower()
    data, fallback = utf8(data)
    tree = parse(data, GRAMMARS.get(suffix, "tsx"), relpath)
    return _page(relpath, root, [tree.root_node], tree.root_node, fallback, component_suppressions(data, False))


def read_astro(relpath: str, data: bytes, root: Path | None = None) -> Page:
    """Read an Astro component: its front matter as TypeScript, its body as TSX markup."""
    source, fallback = decode_text(data)
    fence = _ASTRO_FENCE.match(source)
    body_start = fence.end() if fence else 0
    body = _blank(source[:body_start]) + re.sub(COMMENT, lambda m: _blank(m.group(0)), source[body_start:])
    script_tree = None
    if fence and fence.group(2):
        start, end = (len(source[:at].encode("utf-8")) for at in (fence.start(2), fence.end(2)))
        script_tree = LineIndex(source.encode("utf-8")).parse(start, end)
    body_tree = parse(("<>" + body + "</>").encode("utf-8"), "tsx", relpath)
    scripts = [script_tree.root_node] if script_tree is not None else []
    return _page(relpath, root, scripts + [body_tree.root_node], body_tree.root_node, fallback,
                 component_suppressions(source.encode("utf-8"), True))


def _blank(text_: str) -> str:
    return re.sub(r"[^\n]", " ", text_)


def utf8(data: bytes) -> tuple[bytes, str | None]:
    """The source as UTF-8 for tree-sitter, whose text is read back as UTF-8, and the fallback
    encoding it was read in when it was not UTF-8 (data.decode_text: Windows-1252)."""
    text_, fallback = decode_text(data)
    return (text_.encode("utf-8") if fallback else data), fallback


def _page(relpath: str, root: Path | None, scripts: list, markup_root, fallback: str | None,
          suppressions: tuple = ()) -> Page:
    script = Script(scripts)
    found = page_images(markup_tree(markup_root), script, relpath, root)
    images = tuple(sorted(found.images, key=lambda image: image.line))
    references = frozenset(image.target for image in images if image.target)
    return Page(relpath, images, suppressions, references, unknown_alts=tuple(found.unknown),
                fallback_encoding=fallback)


def markup_tree(root) -> Markup:
    """The JSX of a tree-sitter tree as Markup, walked with a stack (any depth, no recursion)."""
    document = Markup("#document", 1)
    stack = [(root, document)]
    while stack:
        node, parent = stack.pop()
        kind = node.type
        children = node.children
        if kind in ("jsx_element", "jsx_self_closing_element"):
            opening = node if kind == "jsx_self_closing_element" else node.child_by_field_name("open_tag")
            element = _element(opening) if opening is not None else Markup("#fragment", line(node))
            parent.add(element)
            parent = element
            children = [] if kind == "jsx_self_closing_element" else \
                [child for child in children if child.type not in ("jsx_opening_element", "jsx_closing_element")]
        elif kind == "jsx_text":
            parent.add(Value(text(node), None, line(node)))
            continue
        elif kind == "jsx_expression" and not _holds_jsx(node):
            inner = unwrap(node)
            if inner is not None and inner.type != "comment" and inner is not node:
                parent.add(Value(None, inner, line(node)))
            continue
        elif kind in ("arrow_function", "function_expression", "function") and _loop_of(node) is not None:
            loop = Markup("#loop", line(node), loop=_loop_of(node))
            parent.add(loop)
            parent = loop
        stack.extend((child, parent) for child in reversed(children))
    return document


def _element(opening) -> Markup:
    name = opening.child_by_field_name("name")
    element = Markup(text(name) if name is not None else "#fragment", line(opening))
    for position, attribute in enumerate(opening.named_children):
        spread = attribute.named_children[0] if attribute.type == "jsx_expression" and attribute.named_children \
            else None
        if spread is not None and spread.type == "spread_element" and spread.named_children:     # {...p}
            element.attributes[f"{SPREAD}{position}"] = Value(None, spread.named_children[0], line(spread))
            continue
        if attribute.type != "jsx_attribute" or not attribute.named_children:
            continue
        key = attribute.named_children[0]
        value = attribute.named_children[1] if len(attribute.named_children) > 1 else None
        if value is None:
            continue
        if value.type == "string":
            element.attributes[text(key)] = Value(text(value)[1:-1], None, line(value))
        else:
            element.attributes[text(key)] = Value(None, unwrap(value), line(value))
    return element


def _holds_jsx(node) -> bool:
    stack = list(node.children)
    while stack:
        child = stack.pop()
        if child.type.startswith("jsx_"):
            return True
        stack.extend(child.children)
    return False


def _loop_of(function) -> tuple[object, object] | None:
    """(array, parameter) when `function` is the callback of `array.map(...)`; else None."""
    arguments = function.parent
    call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
    callee = call.child_by_field_name("function") if call is not None else None
    if callee is None or callee.type != "member_expression":
        return None
    method = callee.child_by_field_name("property")
    if method is None or text(method) not in _LOOP_METHODS:
        return None
    parameter = function.child_by_field_name("parameter") or function.child_by_field_name("parameters")
    return (callee.child_by_field_name("object"), parameter) if parameter is not None else None
