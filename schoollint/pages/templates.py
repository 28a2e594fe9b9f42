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
template engines read it.

Server pages (PHP, server-side includes, XHTML, classic ASP and ASP.NET Web
Forms, JSP, ERB, EJS) are HTML too, with code in `<?php ... ?>`, `<?= ... ?>`
or `<% ... %>`: an attribute such code fills in is unknown, like a template
tag's. Razor (`.cshtml`), whose `@` expressions cannot be told from text
without its parser, is not read.
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
    r"|\{#.*?(?:#\}|\Z)"
    r"|\{\{-?\s*/\*.*?(?:\*/\s*-?\}\}|\Z)"
    r"|\{\{!--.*?(?:--\}\}|\Z)"
    r"|\{\{![^}]*(?:\}\}|\Z)"
    r"|<%--.*?(?:--%>|\Z)",
    re.DOTALL | re.IGNORECASE,
)
_TEMPLATE_TAG = re.compile(r"\{\{|\{%|<\?(?:php|=)|<%", re.IGNORECASE)


def blank_comments(text: str) -> str:
    """`text` with every template comment replaced by spaces (newlines kept)."""
    if "{" not in text and "<%--" not in text:
        return text
    return _COMMENTS.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)


def is_templated(value: str) -> bool:
    """True when a value is built by a template tag at run time (`{{ p.name }}`): unknown here."""
    return bool(_TEMPLATE_TAG.search(value))
