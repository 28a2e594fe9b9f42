"""Where an MDX page's JSX elements, `{expressions}` and ESM statements are, found by scanning its bytes.

MDX 2/3 ("What is MDX?", mdxjs.com/docs/what-is-mdx; micromark-extension-mdxjs): ESM `import`/`export`
starts a line at column 0 after a blank line and runs to the next blank line; a JSX element starts with
`<` and a name (or `<>`), its attribute values quoted or braced, its children Markdown text, elements
and `{expressions}`; an expression is balanced braces with JavaScript strings, template literals and
comments inside (JSX inside it found again). Code fences, code spans, HTML comments and backslash
escapes are skipped, as MDX skips them. Offsets are byte offsets into the UTF-8 source (ASCII bytes
never occur inside a multi-byte character, so scanning bytes is exact).

`scan(source)` returns (ESM ranges, units, ranges to blank): tree-sitter's TSX grammar rejects in JSX
text what Markdown children hold (`> a quote`, "3 < 4", a code span or fence with code in it), so the
caller blanks those bytes before parsing. ESM runs past a blank line while its brackets are open, as
MDX's does. A Docusaurus heading id (`## Title {#id}`) is no expression. A unit never closed raises
`Unclosed` with its offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(rb"[ \t]{0,3}(`{3,}|~{3,})")
_ESM = re.compile(rb"(?:import[\s{*'\"]|export\s+(?:const|let|var|function|default|\{|\*|async|class))")
# A `.md` page's line that only MDX writes: an import from a module, or an export of a binding.
_ESM_LINE = re.compile(rb"^(?:import\s[^\n]*\bfrom\s*['\"]|import\s*['\"]"
                       rb"|export\s+(?:const|let|var|function|default)\b)", re.MULTILINE)
_BLANK_LINE = re.compile(rb"\n[ \t]*(?:\n|\Z)")
# In Markdown text: an escape, a code span's backticks, an HTML comment, a JSX element or fragment, an expression.
_TEXT_START = re.compile(rb"\\[\\<{`]|`+|<!--|<(?:[A-Za-z][\w.-]*(?=[\s/>])|>)|\{")
_IN_TAG = re.compile(rb"[\"'{]|/?>")
# In a component's children (Markdown): an escape, a code fence, a code span, a tag, an expression.
_IN_CHILDREN = re.compile(rb"\\[\\<{`]|^[ \t]*(?:`{3,}|~{3,})|`+|<(?=[A-Za-z/>])|\{", re.MULTILINE)
_NOT_JSX_TEXT = re.compile(rb"[<>}]")          # bytes tree-sitter's JSX text cannot hold
_ESM_TOKEN = re.compile(rb"[\"'`]|//|/\*|[(\[{]|[)\]}]")
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


def scan(source: bytes) -> tuple[list[tuple[int, int]], list[Unit], list[tuple[int, int]]]:
    """ESM statements, JSX elements and expressions of an MDX body, in source order (see the module)."""
    scanner = _Scanner(source)
    scanner.run()
    return scanner.esm, scanner.units, scanner.blanks


def imports(source: bytes) -> bool:
    """An import or export line outside code fences (one pass over the lines, once the regex has found one)."""
    if not _ESM_LINE.search(source):
        return False
    fence = b""
    for line in source.split(b"\n"):
        if fence:
            fence = fence_after(line, fence)
        elif opened := _FENCE.match(line):
            fence = opened.group(1)
        elif _ESM_LINE.match(line):
            return True
    return False


def fence_after(line: bytes, fence: bytes) -> bytes:
    """The code fence still open after `line` inside `fence` (CommonMark 4.5: closed by a line of at least
    as many of the same character), or b"" when the line closes it."""
    stripped = line.strip()
    return b"" if stripped.startswith(fence) and not stripped.strip(fence[:1]) else fence


class _Scanner:
    def __init__(self, source: bytes):
        self.source = source
        self.esm: list[tuple[int, int]] = []
        self.units: list[Unit] = []
        self.blanks: list[tuple[int, int]] = []

    def run(self) -> None:
        source, at, fence, blank_before = self.source, 0, b"", True
        while at < len(source):
            end = source.find(b"\n", at)
            end = len(source) if end < 0 else end
            line = source[at:end]
            if fence:
                fence = fence_after(line, fence)
            elif opened := _FENCE.match(line):
                fence = opened.group(1)
            elif blank_before and _ESM.match(line):
                end = self.esm_end(at)
                self.esm.append((at, end))
            else:
                end = self.text(at, end)
            blank_before = not line.strip() and end == at + len(line)
            at = end + 1

    def text(self, line_start: int, line_end: int) -> int:
        """Units in Markdown text from `line_start`; the end of the line the last one ends on."""
        source, at = self.source, line_start
        while True:
            found = _TEXT_START.search(source, at, line_end + 1)     # + 1: a tag name may end the line
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
            if token == b"{" and source.startswith(b"{#", found.start()):
                close = source.find(b"}", found.end(), line_end)       # a heading id, "## Title {#id}"
                at = close + 1 if close >= 0 else found.end()
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
            at = self.children(at, start, nesting)

    def children(self, at: int, start: int, nesting: int) -> int:
        """The offset of the next tag in a component's children; what JSX text cannot hold is blanked."""
        source = self.source
        while True:
            found = _IN_CHILDREN.search(source, at)
            if found is None:
                raise Unclosed(start)
            self.blanks += [(text.start(), text.end()) for text in _NOT_JSX_TEXT.finditer(source, at, found.start())]
            token, at = found.group(), found.end()
            if token == b"<":
                return found.start()
            if token == b"{":
                at = self.brace(found.start(), nesting + 1)
                continue
            if token.lstrip(b" \t")[:3] in (b"```", b"~~~"):       # a code fence: to its closing fence
                fence = token.lstrip(b" \t")
                closing = re.compile(rb"^[ \t]*" + re.escape(fence[:1]) + rb"{%d,}[ \t]*$" % len(fence),
                                     re.MULTILINE).search(source, at)
                at = closing.end() if closing else len(source)
            elif token.startswith(b"`"):
                span_end = source.find(token, at)
                at = span_end + len(token) if span_end >= 0 else at
            self.blanks.append((found.start(), at))

    def esm_end(self, at: int) -> int:
        """The end of the ESM starting at `at`: the first blank line where its brackets are closed."""
        source, depth = self.source, 0
        while True:
            stop = _BLANK_LINE.search(source, at)
            end = stop.start() if stop else len(source)
            while (token := _ESM_TOKEN.search(source, at, end)) is not None:
                at, kind = token.end(), token.group()
                if kind in (b"(", b"[", b"{"):
                    depth += 1
                elif kind in (b")", b"]", b"}"):
                    depth -= 1
                elif kind == b"//":
                    newline = source.find(b"\n", at, end)
                    at = end if newline < 0 else newline
                elif kind == b"/*":
                    close = source.find(b"*/", at)
                    at = close + 2 if close >= 0 else len(source)
                else:
                    string = _STRING[kind[0]].match(source, token.start())
                    at = string.end() if string else end
            at = max(at, end)
            if depth <= 0 or end >= len(source):
                return end
            at = end + 1

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
