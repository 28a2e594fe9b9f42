"""Single-file components: Svelte (`.svelte`) and Vue (`.vue`), read with the tree-sitter Svelte grammar.

Both are HTML with a `<script>` block; the Svelte grammar (tree-sitter-svelte)
parses that HTML, keeps `{expression}` attribute values and text whole, and
gives `{#each array as item}` blocks. Vue's template syntax (Vue 3 guide,
"Template Syntax") differs only where this reader looks: a bound attribute
is `:alt="expr"` or `v-bind:alt="expr"`, a loop is `v-for="item in array"`
on the element it repeats, and text interpolates `{{ expr }}`. Expressions and
`<script>` contents are parsed with the TypeScript grammar at their own rows
(`script.padded`), so lines are the file's. HTML comments are skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

from .markup import Markup, Value, page_images
from .model import Page
from .script import Script, line, padded, parse, text

SUFFIXES = (".svelte", ".vue")
_V_FOR = re.compile(r"^\s*\(?\s*(?P<item>[^,()]+?)\s*(?:,[^)]*)?\)?\s+(?:in|of)\s+(?P<array>.+?)\s*$", re.DOTALL)
_SKIPPED = frozenset({"comment", "style_element", "end_tag", "start_tag", "self_closing_tag"})


def read(relpath: str, data: bytes, root: Path | None = None) -> Page:
    """Read a Svelte or Vue component (tree-sitter never raises: broken markup becomes ERROR nodes)."""
    vue = relpath.lower().endswith(".vue")
    tree = parse(data, "svelte")
    reader = _Reader(vue)
    document = reader.convert(tree.root_node)
    found = page_images(document, Script(reader.scripts), relpath, root)
    images = tuple(sorted(found.images, key=lambda image: image.line))
    return Page(relpath, images, (), frozenset(image.target for image in images if image.target),
                unknown_alts=tuple(found.unknown))


def expression(source: str, row: int, column: int):
    """The TypeScript expression `source`, written at (row, column) of the file, as a tree-sitter node."""
    tree = parse(padded(f"({source})", row, max(column - 1, 0)), "typescript")
    statement = tree.root_node.named_children[0] if tree.root_node.named_children else None
    return statement


class _Reader:
    def __init__(self, vue: bool):
        self.vue = vue
        self.scripts: list = []

    def convert(self, root) -> Markup:
        document = Markup("#document", 1)
        stack = [(root, document)]
        while stack:
            node, parent = stack.pop()
            kind = node.type
            children = node.children
            if kind in _SKIPPED:
                continue
            if kind == "script_element":
                raw = next((child for child in node.children if child.type == "raw_text"), None)
                if raw is not None:
                    self.scripts.append(parse(padded(text(raw), *raw.start_point), "typescript").root_node)
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
            stack.extend((child, parent) for child in reversed(children))
        return document

    def element(self, node) -> Markup:
        tag_node = next((child for child in node.children if child.type in ("start_tag", "self_closing_tag")), None)
        name = next((child for child in tag_node.children if child.type == "tag_name"), None) if tag_node else None
        element = Markup(text(name) if name is not None else "#element", line(node))
        for attribute in (child for child in (tag_node.children if tag_node else ()) if child.type == "attribute"):
            key = next((child for child in attribute.children if child.type == "attribute_name"), None)
            if key is not None:
                self.attribute(element, text(key), attribute)
        return element

    def v_for(self, element: Markup) -> Markup | None:
        """The loop a Vue `v-for="item in array"` wraps its element in."""
        written = element.attributes.pop("v-for", None) if self.vue else None
        matched = _V_FOR.match(written.literal) if written is not None and written.literal is not None else None
        if matched is None:
            return None
        row = written.line - 1
        return Markup("#loop", element.line, loop=(expression(matched.group("array"), row, 0),
                                                    expression(matched.group("item"), row, 0)))

    def attribute(self, element: Markup, name: str, attribute) -> None:
        value = next((child for child in attribute.children if child.type not in ("attribute_name", "=")), None)
        if value is None:
            return
        if value.type == "quoted_attribute_value":
            inner = [child for child in value.children if child.type not in ('"', "'")]
            written = text(value)[1:-1]
            row, column = value.start_point
            bound = self.vue and (name.startswith((":", "v-bind:")))
            if bound:
                element.attributes[name] = Value(None, expression(written, row, column + 1), line(value))
            elif any(_holds(child, "expression") for child in inner):   # alt="{a} {b}": a template literal
                literal = "`" + re.sub(r"\{([^{}]*)\}", r"${\1}", written.replace("`", "\\`")) + "`"
                element.attributes[name] = Value(None, expression(literal, row, column), line(value))
            else:
                element.attributes[name] = Value(written, None, line(value))
        elif value.type == "expression":
            raw = next((child for child in value.children if child.type == "svelte_raw_text"), None)
            if raw is not None:
                element.attributes[name] = Value(None, expression(text(raw), *raw.start_point), line(value))
        else:
            element.attributes[name] = Value(text(value), None, line(value))

    def each(self, node, parent: Markup) -> Markup:
        start = next((child for child in node.children if child.type == "each_start"), None)
        raws = [child for child in start.children if child.type == "svelte_raw_text"] if start else []
        if len(raws) < 2:
            return parent
        loop = Markup("#loop", line(node), loop=(expression(text(raws[0]), *raws[0].start_point),
                                                   expression(text(raws[1]).split(",")[0], *raws[1].start_point)))
        parent.add(loop)
        return loop

    def interpolation(self, node, parent: Markup) -> None:
        raw = next((child for child in node.children if child.type == "svelte_raw_text"), None)
        if raw is None:
            return
        source = text(raw)
        if self.vue and source.startswith("{") and source.endswith("}"):     # Vue's {{ expr }}
            source = " " + source[1:-1]
        parent.add(Value(None, expression(source, *raw.start_point), line(raw)))


def _holds(node, kind: str) -> bool:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == kind:
            return True
        stack.extend(current.children)
    return False
