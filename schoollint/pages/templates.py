"""Template languages a site's pages and layouts are written in, and their comments.

Liquid (Jekyll, Eleventy), Hugo's Go templates, Nunjucks, Jinja, Twig and
Handlebars/Mustache put template tags inside HTML. Their comments are not
HTML comments, so markup inside them (an old `<img>` left commented out)
would be read as shown: `blank_comments` replaces every character of a
template comment with a space, keeping newlines, so the lines stay the
file's. The comment forms are each language's own: Liquid's
`{% comment %}...{% endcomment %}` and `{% # ... %}`, Nunjucks/Jinja/Twig
`{# ... #}`, Go templates' `{{/* ... */}}` (with `-` trim markers), and
Handlebars' `{{!-- ... --}}` and `{{! ... }}`, and JSP's and ASP.NET's
`<%-- ... --%>`. An unclosed comment runs to the end of the text, as the
template engines read it. What starts alike in another language is no comment
(trial 8: the rest of the page was blanked): Handlebars/Mustache `{{#each}}`,
Svelte's `{#if}`, `{#each}`, `{#await}`, `{#key}` and `{#snippet}`, and a `{#...}`
closed by a `}` on its line without a `#` before it (a Kramdown, Pandoc or Hugo
heading id or attribute list, `## Team {#team}`; a Svelte block).

Server pages (PHP, server-side includes, XHTML, classic ASP and ASP.NET Web
Forms, JSP, ERB, EJS) are HTML too, with code in `<?php ... ?>`, `<?= ... ?>`
or `<% ... %>`: an attribute such code fills in is unknown, like a template
tag's. Razor pages (ASP.NET `.cshtml`, `.vbhtml`, Blazor `.razor`) mark code
with `@`: `razor_as_template` blanks `@* ... *@` comments and turns each
`@expression` into a template tag of the same length, so the HTML reader
treats it as any template tag (the rules of "Razor syntax reference for
ASP.NET Core": `@@` is a literal `@`, an `@` after a letter or digit is an
e-mail address, an implicit expression runs on through `.member`, `[index]`
and `(arguments)`, an explicit one is `@( ... )`).

Pug (Jade), Haml and Slim are not HTML at all: their pages are reported as
not read (UNREAD_SUFFIXES), never passed as clean.
"""

from __future__ import annotations

import re

# Pages whose markup is HTML with template tags; read by the HTML reader.
SUFFIXES = (".liquid", ".njk", ".nunjucks", ".hbs", ".handlebars", ".mustache", ".jinja", ".jinja2", ".j2",
            ".twig", ".php", ".phtml", ".shtml", ".xhtml", ".asp", ".aspx", ".ascx", ".master", ".jsp", ".erb",
            ".rhtml", ".ejs")
_COMMENTS = re.compile(
    r"\{%-?\s*comment\s*-?%\}.*?(?:\{%-?\s*endcomment\s*-?%\}|\Z)"
    r"|\{%-?\s*#.*?(?:%\}|\Z)"
    r"|(?<!\{)\{#(?!(?:if|each|await|key|snippet)\b|[^{}\n]*(?<!#)\}).*?(?:#\}|\Z)"    # see the module
    r"|\{\{-?\s*/\*.*?(?:\*/\s*-?\}\}|\Z)"
    r"|\{\{!--.*?(?:--\}\}|\Z)"
    r"|\{\{![^}]*(?:\}\}|\Z)"
    r"|<%--.*?(?:--%>|\Z)",
    re.DOTALL | re.IGNORECASE,
)
RAZOR_SUFFIXES = (".cshtml", ".vbhtml", ".razor")
# Template languages with a syntax of their own instead of HTML: no reader of ours parses them.
UNREAD_SUFFIXES = {".pug": "Pug", ".jade": "Pug (Jade)", ".haml": "Haml", ".slim": "Slim"}
_RAZOR_COMMENT = re.compile(r"@\*.*?(?:\*@|\Z)", re.DOTALL)
# An `@` not after a letter or digit (an e-mail address) and not escaped (`@@`), then an
# implicit expression; `@(` starts an explicit one, whose end is found by counting parentheses.
_RAZOR_CODE = re.compile(r"(?<![A-Za-z0-9@])@(?:(?=\()|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[[^\]\n]*\]|\([^()\n]*\))*)")
_TEMPLATE_TAG = re.compile(r"\{\{|\{%|<\?(?:php|=)|<%", re.IGNORECASE)


def blank_comments(text: str) -> str:
    """`text` with every template comment replaced by spaces (newlines kept)."""
    if "{" not in text and "<%--" not in text:
        return text
    return _COMMENTS.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)


def is_templated(value: str) -> bool:
    """True when a value is built by a template tag at run time (`{{ p.name }}`): unknown here."""
    return bool(_TEMPLATE_TAG.search(value))


def razor_as_template(text: str) -> str:
    """A Razor page as an HTML template: comments blanked, every `@` expression replaced by
    `{{...}}` of the same length (newlines kept), so lines and offsets stay the page's."""
    text = _RAZOR_COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
    pieces, position = [], 0
    for match in _RAZOR_CODE.finditer(text):
        if match.start() < position:      # inside an explicit expression already replaced
            continue
        end = _explicit_end(text, match.end()) if match.group(0) == "@" else match.end()
        pieces += [text[position:match.start()], _tag(text[match.start():end])]
        position = end
    return "".join(pieces) + text[position:]


def _explicit_end(text: str, start: int) -> int:
    """Where the parenthesised expression opening at `start` closes (the end of text if never)."""
    depth = 0
    for index in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return index + 1
    return len(text)


def _tag(code: str) -> str:
    """`{{` and `}}` around spaces, as long as `code` and with its newlines."""
    if len(code) < 4:
        return "{{".ljust(len(code))[:len(code)]
    return "{{" + re.sub(r"[^\n]", " ", code[2:-2]) + "}}"
