"""Single-file components: Svelte (`.svelte`) and Vue (`.vue`), read with the tree-sitter Svelte grammar.

Both are HTML with a `<script>` block; the Svelte grammar (tree-sitter-svelte)
parses that HTML, keeps `{expression}` attribute values and text whole, and
gives `{#each array as item}` blocks. Vue's template syntax (Vue 3 guide,
"Template Syntax") differs only where this reader looks: a bound attribute
is `:alt="expr"` or `v-bind:alt="expr"` (`v-bind="obj"` binds each of obj's properties: a
spread, `spread.py`, as Svelte's `{...obj}` does), a loop is `v-for="item in array"`
on the element it repeats, and text interpolates `{{ expr }}`. Expressions and
`<script>` contents are parsed in place with the TypeScript grammar
(`treesitter.LineIndex`: only their bytes are read, and their rows are the
file's). HTML comments are skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

from .component_suppressions import component_suppressions
from .components import utf8
from .markup import Markup, Value, page_images
from .spread import SPREAD
from .model import Page
from .script import Script
from .treesitter import LineIndex, line, parse, text

SUFFIXES = (".svelte", ".vue")
_V_FOR = re.compile(r"^\s*\(?\s*(?P<item>[^,()]+?)\s*(?:,[^)]*)?\)?\s+(?:in|of)\s+(?P<array>.+?)\s*$", re.DOTALL)
_SKIPPED = frozenset({"comment", "style_element", "end_tag", "start_tag", "self_closing_tag"})


def read(relpath: str, data: bytes, root: Path | None = None) -> Page:
    """Read a Svelte or Vue component (tree-sitter never raises: broken markup becomes ERROR nodes)."""
    data, fallback = utf8(data)
    tree = parse(data, "svelte", relpath)
    reader = _Reader(LineIndex(data), vue=relpath.lower().endswith(".vue"))
    document = reader.convert(tree.root_node)
    found = page_images(document, Script(reader.scripts), relpath, root)
    images = tuple(sorted(found.images, key=lambda image: image.line))
    return Page(relpath, images, component_suppressions(data, True),
                frozenset(image.target for image in images if image.target),
                unknown_alts=tuple(found.unknown), fallback_encoding=fallback)


class _Reader:
    def __init__(self, source: LineIndex, vue: bool):
        self.source = source
        self.vue = vue
        self.scripts: list = []

    def convert(self, root) -> Markup:
        document = Markup("#document", 1)
        stack = [(root, document)]
        while stack:
            node, parent = stack.pop()
            kind = node.type
            if kind in _SKIPPED:
                continue
            if kind == "script_element":
                raw = next((child for child in node.children if child.type == "raw_text"), None)
                if raw is not None:
                    self.scripts.append(self.source.parse(raw.start_byte, raw.end_byte).root_node)
                continue
            if kind == "element":
                element = self.element(node)
                loop = self.v_for(element)
                if loop is not None:
                    parent.add(loop)
                    parent = loop
                parent.add(element)
                parent = element
            elif kind == "each_statement":
                parent = self.each(node, parent)
            elif kind == "text":
                parent.add(Value(text(node), None, line(node)))
            elif kind == "expression":
                self.interpolation(node, parent)
                continue
            stack.extend((child, parent) for child in reversed(node.children))
        return document

    def element(self, node) -> Markup:
        tag = next((child for child in node.children if child.type in ("start_tag", "self_closing_tag")), None)
        parts = tag.children if tag is not None else []
        name = next((child for child in parts if child.type == "tag_name"), None)
        element = Markup(text(name) if name is not None else "#element", line(node))
        for position, attribute in enumerate(child for child in parts if child.type == "attribute"):
            key = next((child for child in attribute.children if child.type == "attribute_name"), None)
            value = next((child for child in attribute.children if child.type not in ("attribute_name", "=")), None)
            raw = next((child for child in key.children if child.type == "svelte_raw_text"), None) \
                if key is not None else None
            if key is not None and value is not None and self.vue and text(key) == "v-bind":
                element.attributes[f"{SPREAD}{position}"] = self.value(":", value)     # v-bind="person": all its props
            elif raw is not None and value is None and text(raw).startswith("..."):       # Svelte's {...person}
                element.attributes[f"{SPREAD}{position}"] = Value(
                    None, self.source.expression(raw.start_byte + 3, raw.end_byte), line(raw))
            elif key is not None and value is not None:
                element.attributes[text(key)] = self.value(text(key), value)
        return element

    def value(self, name: str, value) -> Value:
        """An attribute's value: a literal, an expression, or literal text around `{expressions}`."""
        if value.type == "expression":
            return self.braced(value)
        inner = next((child for child in value.children if child.type == "attribute_value"), None)
        if value.type == "quoted_attribute_value" and inner is None:
            return Value("", None, line(value))
        inner = inner or value
        if self.vue and name.startswith((":", "v-bind:")):
            return Value(None, self.source.expression(inner.start_byte, inner.end_byte), line(inner))
        expressions = [child for child in inner.children if child.type == "expression"]
        if not expressions:
            return Value(text(inner), None, line(inner))
        parts, at = [], inner.start_byte             # alt="{first} {last}": literal and expression parts
        for expression in expressions:
            parts.append(Value(self.source.data[at:expression.start_byte].decode("utf-8", "replace"), None,
                               line(expression)))
            parts.append(self.braced(expression))
            at = expression.end_byte
        parts.append(Value(self.source.data[at:inner.end_byte].decode("utf-8", "replace"), None, line(inner)))
        return Value(None, None, line(inner), tuple(parts))

    def braced(self, node) -> Value:
        """`{expression}` (Svelte), or `{{ expression }}` (Vue text, which Svelte's grammar sees as `{{...}}`)."""
        raw = next((child for child in node.children if child.type == "svelte_raw_text"), None)
        if raw is None:
            return Value(None, None, line(node))
        start, end = raw.start_byte, raw.end_byte
        written = text(raw)
        if self.vue and written.startswith("{") and written.endswith("}"):
            start, end = start + 1, end - 1
        return Value(None, self.source.expression(start, end), line(raw))

    def v_for(self, element: Markup) -> Markup | None:
        """The loop a Vue `v-for="item in array"` wraps its element in."""
        written = element.attributes.pop("v-for", None) if self.vue else None
        matched = _V_FOR.match(written.literal) if written is not None and written.literal is not None else None
        if matched is None:
            return None
        array, item = (matched.group(group).encode("utf-8") for group in ("array", "item"))
        return Markup("#loop", element.line, loop=(LineIndex(array).expression(0, len(array)),
                                                    LineIndex(item).expression(0, len(item))))

    def each(self, node, parent: Markup) -> Markup:
        start = next((child for child in node.children if child.type == "each_start"), None)
        raws = [child for child in start.children if child.type == "svelte_raw_text"] if start else []
        if len(raws) < 2:
            return parent
        array = self.source.expression(raws[0].start_byte, raws[0].end_byte)
        item_end = raws[1].start_byte + len(_each_item(text(raws[1])).encode("utf-8"))
        loop = Markup("#loop", line(node), loop=(array, self.source.expression(raws[1].start_byte, item_end)))
        parent.add(loop)
        return loop

    def interpolation(self, node, parent: Markup) -> None:
        value = self.braced(node)
        if value.node is not None:
            parent.add(value)


def _each_item(written: str) -> str:
    """The item pattern of `{#each array as item, index (key)}` (Svelte docs, "{#each ...}"): the text before
    the index's comma or the key's parenthesis outside a destructuring pattern (`{ name, photo }`)."""
    depth = 0
    for at, char in enumerate(written):
        depth += (char in "{[") - (char in "}]")
        if depth == 0 and char in ",(":
            return written[:at].rstrip()
    return written
