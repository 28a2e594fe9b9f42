"""MDX pages (MDX 2 and 3: Docusaurus, Astro, Next.js, Gatsby, Nextra): Markdown with JSX, ESM and expressions.

An MDX page is CommonMark plus JSX elements (`<Card image={pic} name="..."/>`, `<img>`, fragments),
ESM `import`/`export` statements and `{expressions}` ("What is MDX?", mdxjs.com/docs/what-is-mdx).
`mdx_scan` finds where each is; each JSX element and expression is parsed in place with tree-sitter's
TSX grammar (`treesitter.LineIndex`: only its bytes are read, its rows are the file's), and its photos
are found as a `.jsx` component's are (`components.markup_tree`, `markup.page_images`), its values
resolved by `script.Script` from the page's ESM (`import pic from './a.jpg'`, `export const staff =
[...]`) and its other expressions. The Markdown reader reads the rest (`markdown.read` with `embed`):
an element or expression showing photos is left there as a placeholder standing for its photos, so
the paragraphs before and after it are their captions as for any photo; any other is replaced by the
text it shows ("Well done to <b>Fenna de Vries</b>"); ESM lines are blanked. Newlines are kept, so
Markdown's lines are the file's.

An expression that cannot be resolved shows no text here, and an alt text bound to one is listed as
unknown (never clean). An element never closed, or JSX that does not parse, is PageError naming the
line: the page is not checked (SL002).

`.md` and `.markdown` pages are read as MDX only when they hold an ESM `import`/`export` line outside
code (`read_markdown`): Docusaurus 3 reads `.md` as MDX by default, and a page importing a component is
written for it; a plain Markdown page has no such line, and reading its HTML (`<IMG SRC=a.jpg>`,
never closed) as JSX would fail it.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import markdown
from .components import markup_tree
from .markdown import Embedded
from .markup import Markup, Value, environments, evaluate, page_images
from .mdx_scan import Unclosed, Unit, imports, scan
from .model import Page, PageError
from .props import props, text_key
from .script import Script
from .suppressions import comment_suppressions
from .treesitter import LineIndex, unwrap

SUFFIXES = (".mdx",)
_COMMENT = r"\{/\*.*?\*/\}"
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^\s()<>]+)>?(?:\s+\"[^\"]*\")?\s*\)")   # CommonMark 6.4


def read(relpath: str, data: bytes, root: Path | None = None) -> Page:
    """Read an MDX page; PageError for JSX never closed or not parsed (see the module)."""
    return markdown.read(relpath, data, root, embed=lambda body: embed(relpath, body, root))


def read_markdown(relpath: str, data: bytes, root: Path | None = None) -> Page:
    """A `.md` page: as MDX when it imports or exports (see the module), else as Markdown."""
    if b"port" in data and imports(data):
        try:
            return read(relpath, data, root)
        except PageError:
            pass                # HTML MDX would reject (`<br>`, `<IMG>`): read as Markdown reads it
    return markdown.read(relpath, data, root)


def embed(relpath: str, body: str, root: Path | None) -> Embedded:
    """The body as Markdown reads it, and the photos of its JSX (see the module)."""
    source = body.encode("utf-8")
    try:
        esm, units, blanks = scan(source)
    except Unclosed as unclosed:
        line = source.count(b"\n", 0, unclosed.args[0]) + 1
        raise PageError(f"{relpath}: line {line}: a JSX element or {{expression}} that is never closed; "
                        "not checked") from None
    patched = bytearray(source)
    for start, end in blanks:   # `> a quote`, code in a component's Markdown children: text, not JSX syntax
        patched[start:end] = re.sub(rb"[^\n]", b" ", source[start:end])
    index = LineIndex(bytes(patched))
    esm_trees = [index.parse(start, end, "tsx").root_node for start, end in esm]
    trees = [index.parse(unit.start + unit.expression, unit.end - unit.expression, "tsx").root_node
             for unit in units]
    for tree in trees:
        if tree.has_error:
            raise PageError(f"{relpath}: line {_error_line(tree)}: JSX or an {{expression}} that does not parse "
                            "(MDX rejects it too); not checked")
    script = Script(esm_trees + trees)
    embedded = Embedded("", suppressions=comment_suppressions(body, _COMMENT))
    parts = sorted([(start, end, -1) for start, end in esm] +
                   [(unit.start, unit.end, number) for number, unit in enumerate(units)])
    pieces, at = [], 0
    for start, end, number in parts:
        pieces.append(source[at:start].decode("utf-8"))
        written = source[start:end].decode("utf-8")
        pieces.append(_blank(written) if number < 0 else
                      _replacement(number, units[number], trees[number], script, written,
                                   index.point(start)[0] + 1, relpath, root, embedded))
        at = end
    pieces.append(source[at:].decode("utf-8"))
    embedded.body = "".join(pieces)
    return embedded


def _replacement(number: int, unit: Unit, tree, script: Script, written: str, first: int, relpath: str,
                 root: Path | None, embedded: Embedded) -> str:
    """What Markdown reads in a unit's place: a placeholder for its photos, else the text it shows."""
    # Inside a paragraph, the unit's lines end in a hard break (`\`), not left blank: a blank line would end it.
    newline = "\n" if unit.flow else "\\\n"
    document = markup_tree(tree)
    found = page_images(document, script, relpath, root)
    if found.images and _markdown_images(document):     # `![](b.jpg)` beside a JSX photo: no placeholder loses it
        found = page_images(document, script, relpath, root)
    embedded.unknown += found.unknown
    if found.images:
        embedded.images[number] = found.images
        placeholder = f"<!--mdx:{number}-->" if unit.flow else f'<img data-mdx="{number}">'
        return placeholder + newline * written.count("\n")
    if unit.flow and not unit.expression:    # a component's own block (a <Callout>): no paragraph of the post
        embedded.boxes.update(range(first, first + written.count("\n") + 1))
    rows: list[list[str]] = [[] for _ in range(written.count("\n") + 1)]
    for text, line in _shown(document, tree, unit.expression, script):
        for offset, part in enumerate(text.split("\n")):
            rows[min(max(line - first + offset, 0), len(rows) - 1)].append(part.strip())
    return newline.join(" ".join(part for part in row if part) for row in rows)


def _markdown_images(document: Markup) -> bool:
    """Turn Markdown images written in the children's text into `img` elements; True if there were any."""
    changed = False
    for element in list(document.elements()):
        children: list[Markup | Value] = []
        for child in element.children:
            if not isinstance(child, Value) or child.literal is None or "![" not in child.literal:
                children.append(child)
                continue
            at = 0
            for image in _MARKDOWN_IMAGE.finditer(child.literal):
                line = child.line + child.literal.count("\n", 0, image.start())
                children.append(Value(child.literal[at:image.start()], None, child.line))
                img = Markup("img", line, {"src": Value(image.group(2), None, line),
                                           "alt": Value(image.group(1), None, line)}, parent=element)
                children.append(img)
                at, changed = image.end(), True
            children.append(Value(child.literal[at:], None, line if at else child.line))
        element.children = children
        element.photo_count = None          # counted again with the new images
    return changed


def _shown(document: Markup, tree, expression: bool, script: Script) -> list[tuple[str, int]]:
    """The text a unit shows, as (text, line): its elements' children and text props, once per item of an
    array mapped over (`{team.map(p => <li>{p.name}</li>)}`, items joined by commas), or the expression
    itself; what cannot be resolved shows nothing."""
    if expression and not document.children:
        statement = next((child for child in tree.named_children if child.type != "comment"), None)
        node = unwrap(statement) if statement is not None else None
        got = script.values(node) if node is not None else None
        return [(got[0][0], node.start_point[0] + 1)] if node is not None and got and len(got) == 1 else []
    shown: list[tuple[str, int]] = []
    for element in document.elements():
        values = [value for _name, value in props(element.tag, element.attributes, text_key)]
        values += [child for child in element.children if isinstance(child, Value)]
        envs = environments(element, script) if values else []
        for value in values:
            texts = [got[0][0] for env in envs if (got := evaluate(value, env, script)) and len(got) == 1]
            if texts:
                shown.append((", ".join(dict.fromkeys(texts)), value.line))
    return sorted(shown, key=lambda shown_text: shown_text[1])


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _error_line(tree) -> int:
    stack = [tree]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            return node.start_point[0] + 1
        stack.extend(reversed(node.children))
    return tree.start_point[0] + 1
