"""tree-sitter for pages: the grammars, a bounded parse, and parsing a part of a file in place.

Grammars are the tree-sitter wheels for JavaScript (ECMAScript 2024 with
JSX), TypeScript and TSX, and Svelte; each node keeps its source row, which
is the page line a finding names. A syntax error gives ERROR nodes around
the broken part, never an exception; only time can run out (`parse`).
"""

from __future__ import annotations

import time
from bisect import bisect_right
from functools import lru_cache

from .model import PageError

PARSE_SECONDS = 5
_CHUNK = 1 << 16
# Expression nodes that only wrap the expression that matters.
WRAPPERS = frozenset({"parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression",
                      "jsx_expression", "expression_statement", "type_assertion"})


@lru_cache(maxsize=None)
def language(name: str):
    """The tree-sitter Language for "javascript", "typescript", "tsx" or "svelte"."""
    import tree_sitter

    if name == "javascript":
        import tree_sitter_javascript as grammar
        return tree_sitter.Language(grammar.language())
    if name == "svelte":
        import tree_sitter_svelte as svelte
        return tree_sitter.Language(svelte.language())
    import tree_sitter_typescript as typescript
    return tree_sitter.Language(typescript.language_tsx() if name == "tsx" else typescript.language_typescript())


def parse(source: bytes, name: str, where: str = "the file"):
    """The tree-sitter tree of `source` in language `name`.

    Broken input gives ERROR nodes, never an exception; but a grammar's error
    recovery can take time that grows with the square of the input
    (thousands of quotes and tags never closed), so parsing stops after
    PARSE_SECONDS with PageError naming `where`.
    """
    parser = _parser(name)
    deadline = time.monotonic() + PARSE_SECONDS
    try:
        return parser.parse(lambda offset, _point: source[offset:offset + _CHUNK],
                            progress_callback=lambda *_state: time.monotonic() > deadline)
    except ValueError:
        parser.reset()          # else the next parse would resume this one
        raise PageError(f"{where}: could not be parsed within {PARSE_SECONDS} s (markup left open "
                        "thousands of times?); not checked") from None


@lru_cache(maxsize=None)
def _parser(name: str):
    import tree_sitter

    return tree_sitter.Parser(language(name))


class LineIndex:
    """Byte offset -> (row, column) in one source, for parsing a part of it in place."""

    def __init__(self, data: bytes):
        self.data = data
        self.starts = [0]
        at = data.find(b"\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = data.find(b"\n", at + 1)

    def point(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self.starts, offset) - 1
        return row, offset - self.starts[row]

    def parse(self, start: int, end: int, name: str = "typescript"):
        """The tree of data[start:end] alone, its nodes at their rows in the whole source.

        tree-sitter's included ranges: only that part is read, so parsing
        many small parts of a large file costs what the parts cost.
        """
        import tree_sitter

        parser = _parser(name)
        parser.included_ranges = [tree_sitter.Range(self.point(start), self.point(end), start, end)]
        try:
            return parser.parse(self.data)
        finally:
            parser.included_ranges = []

    def expression(self, start: int, end: int):
        """The expression written at data[start:end] (an expression statement unwrapped), or None."""
        root = self.parse(start, end).root_node
        statement = next((child for child in root.named_children if child.type != "comment"), None)
        return unwrap(statement) if statement is not None else None


def line(node) -> int:
    return node.start_point[0] + 1


def text(node) -> str:
    return node.text.decode("utf-8", errors="replace")


def unwrap(node):
    while node is not None and node.type in WRAPPERS:
        inner = next((child for child in node.named_children if child.type != "comment"), None)
        if inner is None:
            return node
        node = inner
    return node
