"""Where an MDX page's JSX elements, `{expressions}` and ESM statements are, found by scanning its bytes.

MDX 2/3 ("What is MDX?", mdxjs.com/docs/what-is-mdx; micromark-extension-mdxjs): ESM `import`/`export`
starts a line at column 0 after a blank line and runs to the next blank line; a JSX element starts with
`<` and a name (or `<>`), its attribute values quoted or braced, its children Markdown text, elements
and `{expressions}`; an expression is balanced braces with JavaScript strings, template literals and
comments inside (JSX inside it found again). Code fences, code spans, HTML comments and backslash
escapes are skipped, as MDX skips them. Offsets are byte offsets into the UTF-8 source (ASCII bytes
never occur inside a multi-byte character, so scanning bytes is exact).

`scan(source)` returns (ESM ranges, units, offsets of `>` written in children text): tree-sitter's TSX
grammar rejects a bare `>` in JSX text, which Markdown children use (`> a quote`, "3 > 2"), so the
caller blanks those bytes before parsing. A unit never closed raises `Unclosed` with its offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(rb"[ \t]{0,3}(`{3,}|~{3,})")
_ESM = re.compile(rb"(?:import[\s{*'\"]|export\s+(?:const|let|var|function|default|\{|\*|async|class))")
_BLANK_LINE = re.compile(rb"\n[ \t]*(?:\n|\Z)")
# In Markdown text: an escape, a code span's backticks, an HTML comment, a JSX element or fragment, an expression.
_TEXT_START = re.compile(rb"\\[\\<{`]|`+|<!--|<(?:[A-Za-z][\w.-]*(?=[\s/>])|>)|\{")
_IN_TAG = re.compile(rb"[\"'{]|/?>")
_IN_CHILDREN = re.compile(rb"[<{]")
_IN_CODE = re.compile(rb"[\"'`{}<]|//|/\*")
_STRING = {ord('"'): re.compile(rb'"(?:[^"\\\n]|\\.)*"'), ord("'"): re.compile(rb"'(?:[^'\\\n]|\\.)*'"),
           ord("`"): re.compile(rb"`(?:[^`\\]|\\.)*`", re.DOTALL)}
# Before a `<` inside an expression, these make it JSX, not "less than" (`p => <Card/>`, `(<b/>)`).
_JSX_AFTER = re.compile(rb"(?:[(,=>?:{\[&|;]|\breturn)\s*\Z")
_MAX_NESTING = 64


class Unclosed(Exception):
    """A JSX element or expression with no end; `args[0]` is the byte offset where it starts."""


@dataclass(frozen=True)
class Unit:
    """A JSX element (`<...`) or an expression (`{...}`): source[start:end]."""

    start: int
    end: int
    flow: bool          # alone on its lines (MDX's "flow" JSX), not inside a paragraph
    expression: bool    # `{...}`, not an element


def scan(source: bytes) -> tuple[list[tuple[int, int]], list[Unit], list[int]]:
    """ESM statements, JSX elements and expressions of an MDX body, in source order (see the module)."""
    scanner = _Scanner(source)
    scanner.run()
    return scanner.esm, scanner.units, scanner.greater


class _Scanner:
    def __init__(self, source: bytes):
        self.source = source
        self.esm: list[tuple[int, int]] = []
        self.units: list[Unit] = []
        self.greater: list[int] = []

    def run(self) -> None:
        source, at, fence, blank_before = self.source, 0, b"", True
        while at < len(source):
            end = source.find(b"\n", at)
            end = len(source) if end < 0 else end
            line = source[at:end]
            if fence:
                stripped = line.strip()
                if stripped.startswith(fence) and not stripped.strip(fence[:1]):
                    fence = b""
            elif opened := _FENCE.match(line):
                fence = opened.group(1)
            elif blank_before and _ESM.match(line):
                stop = _BLANK_LINE.search(source, at)
                end = stop.start() if stop else len(source)
                self.esm.append((at, end))
            else:
                end = self.text(at, end)
            blank_before = not line.strip() and end == at + len(line)
            at = end + 1

    def text(self, line_start: int, line_end: int) -> int:
        """Units in Markdown text from `line_start`; the end of the line the last one ends on."""
        source, at = self.source, line_start
        while True:
            found = _TEXT_START.search(source, at, line_end)
            if found is None:
                return line_end
            token = found.group()
            if token.startswith(b"\\"):
                at = found.end()
                continue
            if token.startswith(b"`"):
                close = source.find(token, found.end(), line_end)
                at = close + len(token) if close >= 0 else found.end()
                continue
            if token == b"<!--":
                close = source.find(b"-->", found.end())
                at = close + 3 if close >= 0 else len(source)
            else:
                start = found.start()
                stop = self.brace(start, 0) if token == b"{" else self.element(start, 0)
                line_after = source.find(b"\n", stop)
                line_after = len(source) if line_after < 0 else line_after
                flow = not source[line_start:start].strip() and not source[stop:line_after].strip()
                self.units.append(Unit(start, stop, flow, token == b"{"))
                at = stop
            if at > line_end:
                line_start = source.rfind(b"\n", 0, at) + 1
                line_end = source.find(b"\n", at)
                line_end = len(source) if line_end < 0 else line_end

    def element(self, at: int, nesting: int) -> int:
        """The end of the JSX element starting at source[at] == "<"."""
        source, depth, start = self.source, 0, at
        if nesting > _MAX_NESTING:
            raise Unclosed(start)
        while True:
            if source.startswith(b"</", at):
                close = source.find(b">", at)
                if close < 0:
                    raise Unclosed(start)
                depth, at = depth - 1, close + 1
            else:
                at, closed = self.tag(at + 1, start, nesting)
                depth += 0 if closed else 1
            if depth <= 0:
                return at
            while True:                         # children: text, expressions, up to the next tag
                found = _IN_CHILDREN.search(source, at)
                if found is None:
                    raise Unclosed(start)
                self.greater += [at + offset for offset, byte in enumerate(source[at:found.start()])
                                 if byte == 0x3E]
                if found.group() == b"<":
                    at = found.start()
                    break
                at = self.brace(found.start(), nesting + 1)

    def tag(self, at: int, start: int, nesting: int) -> tuple[int, bool]:
        """(the end of the tag, self-closing?) for a tag whose name starts at `at`."""
        source = self.source
        while True:
            found = _IN_TAG.search(source, at)
            if found is None:
                raise Unclosed(start)
            token = found.group()
            if token in (b">", b"/>"):
                return found.end(), token == b"/>"
            if token == b"{":
                at = self.brace(found.start(), nesting + 1)
            else:
                closing = source.find(token, found.end())
                if closing < 0:
                    raise Unclosed(start)
                at = closing + 1

    def brace(self, at: int, nesting: int) -> int:
        """The end of the `{...}` starting at source[at]."""
        source, depth, start = self.source, 0, at
        if nesting > _MAX_NESTING:
            raise Unclosed(start)
        while True:
            found = _IN_CODE.search(source, at)
            if found is None:
                raise Unclosed(start)
            token, at = found.group(), found.end()
            if token == b"{":
                depth += 1
            elif token == b"}":
                depth -= 1
                if depth == 0:
                    return at
            elif token == b"//":
                newline = source.find(b"\n", at)
                at = len(source) if newline < 0 else newline
            elif token == b"/*":
                close = source.find(b"*/", at)
                if close < 0:
                    raise Unclosed(start)
                at = close + 2
            elif token == b"<":
                if _JSX_AFTER.search(source, max(0, found.start() - 64), found.start()) and \
                        re.match(rb"[A-Za-z>]", source[at:at + 1]):
                    at = self.element(found.start(), nesting + 1)
            else:
                string = _STRING[token[0]].match(source, found.start())
                if string is None:
                    raise Unclosed(start)
                at = string.end()
