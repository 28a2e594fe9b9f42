"""Inline suppressions in components (trial 10 item 5): Vue, Svelte and Astro templates, JSX and TSX,
each in the comment syntax the format has, and the `data-schoollint-ignore` attribute on an element.

- `<!-- schoollint: ignore SL302 -->` in the markup of `.vue`, `.svelte` and `.astro` files (HTML
  comments: Vue's template syntax, Svelte's, Astro's);
- `{/* schoollint: ignore SL302 */}` in JSX and TSX (JSX has no HTML comment: a comment is a
  JavaScript comment inside an expression container; the React docs' idiom), and in Astro's markup;
- `// schoollint: ignore SL302` and `/* ... */` in scripts: `<script>` blocks, Astro's front matter,
  plain `.js`/`.ts` components;
- `data-schoollint-ignore="SL302"` (or `={"SL302"}`) on an element, covering that element's lines.

As in HTML (pages/suppressions.py), a comment alone on its line covers the next line, and all the
lines of an element that starts there; after other text it covers its own line. A code no rule has
(`SL3O2`) is SL001, as in every page. Read from the source text, not the parsed tree, so a comment is
found wherever the format lets one be written.
"""

from __future__ import annotations

import re

from schoollint.finding import Suppression

from .suppressions import comment_suppressions, parse_codes

_HTML = r"<!--(?s:.*?)-->"
_BLOCK = r"(?:\{[ \t]*)?/\*(?s:.*?)\*/(?:[ \t]*\})?"   # with JSX's braces {/* */}: it stands alone on its line
_LINE = r"(?<![:\w\"'])//[^\n]*"           # not the // of a URL (https://) or inside a word
COMMENTS = {
    "jsx": f"{_BLOCK}|{_LINE}",
    "template": f"{_HTML}|{_BLOCK}|{_LINE}",     # Vue, Svelte, Astro: markup with scripts
}
_ATTRIBUTE = re.compile(r"""data-schoollint-ignore\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})""")
_TAG_END = re.compile(r"(?<![=-])>")     # not the > of an arrow function (=>) in a prop, nor of -->


def component_suppressions(data: bytes, template: bool) -> tuple[Suppression, ...]:
    """The inline suppressions of a component's UTF-8 source `data`; `template`: a Vue, Svelte or Astro
    file (HTML comments too), else JSX/TSX/JS/TS. Nothing to find costs one bytes search."""
    if b"schoollint" not in data:
        return ()
    text = data.decode("utf-8", "replace")
    starts = _line_starts(text)
    found = []
    for suppression in comment_suppressions(text, COMMENTS["template" if template else "jsx"]):
        covers = set(suppression.covers)
        for line in suppression.covers:     # an element starting on a covered line: all its lines
            covers |= _element_lines(text, starts, line)
        found.append(Suppression(suppression.line, frozenset(covers), suppression.codes))
    for match in _ATTRIBUTE.finditer(text):
        opened = text.rfind("<", 0, match.start())
        closed = _TAG_END.search(text, match.end())
        first = _line_of(starts, opened if opened >= 0 else match.start())
        last = _line_of(starts, closed.start() if closed else match.end())
        value = next(group for group in match.groups() if group is not None)
        found.append(Suppression(_line_of(starts, match.start()), frozenset(range(first, last + 1)),
                                 parse_codes(value)))
    return tuple(found)


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def _line_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)


def _element_lines(text: str, starts: list[int], line: int) -> set[int]:
    """The lines of the element whose tag opens on `line` (1-based), if one does; else none."""
    if line > len(starts):
        return set()
    end = starts[line] if line < len(starts) else len(text)
    opened = re.compile(r"<[A-Za-z]").search(text, starts[line - 1], end)
    if opened is None:
        return set()
    closed = _TAG_END.search(text, opened.end())
    return set(range(line, _line_of(starts, closed.start() if closed else len(text)) + 1))
