"""How a rename writes a reference's new path: in the style the old one was written.

A path keeps its style: rooted or relative, under a bundler alias or the site's base path
(`urls.Resolved.written_path`), percent-encoded or not (RFC 3986 section 2.1), with its query or
fragment, and in markup with `&` as `&amp;` (HTML Standard 13.2.5.72). A template expression
written before the path (Liquid `{{ site.baseurl }}`, Hugo `{{ .Site.BaseURL }}`, Nunjucks and
Jinja `{{ ... }}`, `{% ... %}` tags) is kept byte for byte and only the path after it is written
anew; a template expression anywhere else in it (ERB/EJS `<%= %>`, PHP `<?= ?>`, Razor `@`, or a
`{{ }}` inside the path) leaves which characters are the path unknown (`template_lead`: None).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

from .edit import character_references
from .references import BOUNDARY
from .templates import RAZOR_SUFFIXES, is_templated, razor_as_template
from .urls import ALIAS, Resolved

# Template expressions written before a path in one quoted value (`{{ site.baseurl }}/img/a.jpg`,
# `{{ site.url }}{{ site.baseurl }}/img/a.jpg`), which the page readers read as the site root or a
# folder (urls.plain_url): a rename keeps them byte for byte and rewrites only the path after them.
_TEMPLATE_LEAD = re.compile(r"(?:\{\{[^{}]*\}\}|\{%[^{}]*%\})+")


def template_lead(token: str, relpath: str) -> int | None:
    """How many characters of `token` are template expressions written before its path (0 for none);
    None when a template expression stands anywhere else in it (`{{ site.baseurl }}/{{ year }}/a.jpg`,
    `<%= root %>/a.jpg`, Razor's `@Model.Root/a.jpg`), where which characters are the path cannot be told."""
    lead = _TEMPLATE_LEAD.match(token)
    at = lead.end() if lead else 0
    rest = token[at:]
    razor = relpath.lower().endswith(RAZOR_SUFFIXES) and razor_as_template(rest) != rest
    return None if razor or is_templated(rest) else at


def spellings(name: str, references: bool) -> re.Pattern:
    """`name` as a path may spell it, in any case: each character as itself or percent-encoded in
    UTF-8, as RFC 3986 section 2.1 allows and browsers read, and with `references`
    as a character reference (`&amp;`, `&#225;`: `references.reads_character_references`)."""
    pieces = []
    for character in name:
        encoded = "".join(f"%{byte:02X}" for byte in character.encode("utf-8", errors="surrogatepass"))
        forms = [re.escape(character), re.escape(encoded)]
        pieces.append(f"(?:{'|'.join(forms + (character_references(character) if references else []))})")
    return re.compile("".join(pieces), re.IGNORECASE)     # a spelling in another case is checked, not skipped


def rewritten(token: str, resolved: Resolved, new: str, encoding: str = "utf-8", markup: bool = False) -> str:
    """The token pointed at `new`, written in the same style: rooted or relative, escaped or not
    (`_escaped` for what the file's `encoding` or the old spelling cannot hold); in `markup`
    (`references.reads_character_references`) a `&` is written `&amp;`."""
    cut = len(re.split(r"\?|(?<!&)#", token, maxsplit=1)[0])      # "&#225;" is a character, no fragment
    path, query_or_fragment = token[:cut], token[cut:]
    written = posixpath.relpath(new, resolved.base or ".")
    alias = ALIAS.match(path)
    if alias:                       # a bundler alias stays: it names the folder the path is read from
        written = alias.group(0) + written
    elif resolved.rooted or resolved.url_prefix:
        written = resolved.written_path(new)
    elif path.startswith("./"):
        written = "./" + written
    written = quote(written) if "%" in path else _escaped(written, path, encoding)
    return (written.replace("&", "&amp;") if markup else written) + query_or_fragment


def _escaped(written: str, old: str, encoding: str) -> str:
    """`written` with each character percent-encoded that the file's `encoding` cannot hold, or that
    ends a path (BOUNDARY: a space, a bracket) where the old spelling had none; "%" always."""
    def safe(character: str) -> bool:
        try:
            character.encode(encoding)
        except UnicodeError:
            return False
        return character != "%" and (character not in BOUNDARY or character in old)
    return "".join(character if safe(character) else quote(character, safe="") for character in written)
