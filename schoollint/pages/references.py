"""The site's reference index: every place a text file of the site writes the path of a local media file.

One scanner for every kind of file (HTML `src`/`srcset`/`href`/`poster`/`data-*`, CSS `url()`, Markdown,
front matter, data files, JS/TS `import`/`require()`/`new URL()`, template strings, Vue/Svelte/Astro
markup, Liquid/Hugo/Nunjucks templates): a reference is a run of path characters, ended by a character
that ends a path in all of those languages (`BOUNDARY`), whose last part has a media file's suffix. So
the rename and conversion fixes, `--diff-base` and SL304 all see the same references, whatever reader a
file has (or none); an absolute URL of the site's own host is one of them (`own_host`).

A path may hold spaces, brackets and commas where its language quotes it: a quoted HTML attribute other
than a `srcset` (WHATWG HTML: a URL "potentially surrounded by spaces", its inner spaces percent-encoded
by the URL parser), a CSS, JSON, YAML or JavaScript string, and a Markdown destination in angle brackets
(CommonMark 0.31, section 6.3): the whole quoted text is the path (`path_around`). HTML is read in its
own encoding (WHATWG section 13.2.3, `html_source.decode`), other text files as UTF-8 (`decode_text`).

A reference is resolved as RFC 3986 relative to its file (`urls.resolve`); one that leads to no file
is tried again from the site root and its source folders, since templates and data files write paths
from there. Only one that leads to no file either way is broken.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from html import unescape
from pathlib import Path, PurePath

from .filetypes import HTML_SUFFIXES, is_data_file, media_suffixes
from .model import Reference
from .comma_paths import comma_joined
from .templates import RAZOR_SUFFIXES, SUFFIXES as TEMPLATE_SUFFIXES, blank_comments
from .own_host import ADDRESS
from .site_layout import SiteLayout
from .urls import ALIAS, Resolved, file_at, page_layout, resolve

TEXT_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".mdx", ".yml", ".yaml", ".json", ".toml", ".css",
                 ".scss", ".sass", ".less", ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".tsx", ".vue",
                 ".svelte", ".astro", ".xml", ".txt", ".liquid", ".njk", ".hbs", ".handlebars", ".mustache",
                 ".jinja", ".jinja2", ".j2", ".twig", ".svg", ".webmanifest", ".csv", ".11ty.js",
                 # server pages and templates (templates.SUFFIXES, RAZOR_SUFFIXES, UNREAD_SUFFIXES), feeds
                 ".nunjucks", ".php", ".phtml", ".shtml", ".xhtml", ".asp", ".aspx", ".ascx", ".master", ".jsp",
                 ".erb", ".rhtml", ".ejs", ".cshtml", ".vbhtml", ".razor", ".pug", ".jade", ".haml", ".slim",
                 ".rss", ".atom", ".vtt", ".srt")   # captions tracks (captions_track.py)
# Dependencies and generated sites: skipped even when discovery lists them (outside Git, or
# not git-ignored). Discovery itself never lists version control or schoollint's cache.
SKIPPED_FOLDERS = frozenset({"node_modules", "_site", ".jekyll-cache", "dist", ".next", ".nuxt", ".astro",
                             ".svelte-kit"})
# What ends a path written in markup, CSS, YAML, JSON, JavaScript or a template.
BOUNDARY = frozenset(" \t\r\n\"'`()<>{}[]|=,;")
# Written before a path that is a reference, not a word in prose: a quote, a bracket, `=`, a template's `}}`.
_OPENERS = frozenset("\"'`(=}[,")
# Comments: HTML, CSS, JS block and line (at a line's start or after a space or tab), YAML/TOML `#` (key: True).
# Each branch starts with its literal character, so the engine skips between them (test_cold_comments).
_HASH_COMMENTED = (".yml", ".yaml", ".toml")
_SCRIPTS = (".js", ".mjs", ".cjs", ".ts", ".mts", ".jsx", ".tsx", ".css", ".scss", ".sass", ".less")
# `/*` in a path ("assets/*.png", '/*') is a glob, no comment running on to the end of the file (trial 8).
_COMMON_COMMENTS = r"<!--.*?(?:-->|\Z)|/\*(?<![\w.*~\"'`-]/\*).*?(?:\*/|\Z)|//(?<![^ \t\n]//)[^\n]*"
_COMMENTS = {False: re.compile(_COMMON_COMMENTS, re.DOTALL),
             True: re.compile(_COMMON_COMMENTS + r"|#(?<![^ \t\n]#)[^\n]*", re.DOTALL)}
# A quoted path: its opening character -> its closing one, and what may stand before the opening one
# (an attribute's `=`, a key's `:`, a call's `(`, a list's `[` or `,`, a template's `{`, a YAML `-`;
# for `<`, a Markdown destination's `(` or a link reference definition's `:`). Prose quotes follow a word.
_QUOTES = {'"': ('"', "=:([,{-"), "'": ("'", "=:([,{-"), "`": ("`", "=:([,{-"), "<": (">", "(:")}
# Attributes whose quoted value is not one path: lists of candidates, and words (a file name in
# an alt text is prose, not the image's address).
_NOT_ONE_PATH = re.compile(r"\b(?:srcset|sizes|alt|title|aria-label|class|style)\s*=\s*$", re.IGNORECASE)
# Where a YAML value starts on its line: after a list item's dash and a mapping key.
_YAML_VALUE = re.compile(r"[ \t]*(?:-[ \t]+)?(?:[\w.-]+[ \t]*:[ \t]+)?")
# Files whose paths are written literally: a `&` in them is a `&`.
_LITERAL_SUFFIXES = (".css", ".scss", ".sass", ".less", ".js", ".mjs", ".cjs", ".ts", ".mts", ".json", ".yml",
                     ".yaml", ".toml", ".txt", ".csv", ".webmanifest")
_MAX_PATH = 1024        # how far a quoted path is looked for around a name (bounded time on one-line files)
_SITE_FILTER = re.compile(r"""\s*["']\s*\|\s*(?:relative_url|absolute_url|url|relURL|absURL)""")


@lru_cache(maxsize=1)
def _suffix_pattern() -> re.Pattern:
    """Compiled once per process: building it (every media suffix) costs more than scanning a page."""
    suffixes = "|".join(re.escape(suffix[1:]) for suffix in sorted(media_suffixes(), key=len, reverse=True))
    return re.compile(rf"\.(?:{suffixes})(?=[\s\"'`()<>{{}}\[\]|=,;?#\\]|$)", re.IGNORECASE)


def token_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole path written around text[start:end]: out to the nearest BOUNDARY on each side."""
    while start > 0 and text[start - 1] not in BOUNDARY:
        start -= 1
    while end < len(text) and text[end] not in BOUNDARY:
        end += 1
    return start, end


def path_around(text: str, start: int, end: int, yaml: bool = False) -> tuple[int, int]:
    """The whole path written around text[start:end], where `end` ends a file name: `token_around`,
    widened to the whole quoted string (spaces, brackets and commas in it) when the name ends it
    (a query or fragment may follow) and the quotes stand where a path goes (`_QUOTES`); with
    `yaml` (the position is in YAML: `yaml_extent`), to a plain scalar's whole value (YAML 1.2
    section 7.3.3: it may hold spaces, up to a ` #` comment or the line's end)."""
    tight_start, tight_end = comma_joined(text, *token_around(text, start, end), BOUNDARY)  # `](a,b.jpg)`: one path
    before, after = text[tight_start - 1: tight_start], text[tight_end: tight_end + 1]
    if (before in _QUOTES and after == _QUOTES[before][0] or tight_start == 0
            or before in "(=" and after in ("", ")", " ", ">", "\n")):   # url(a.jpg), (a.jpg "title"), src=a.jpg
        return tight_start, tight_end                 # the usual cases: nothing around it to take in
    window = max(0, tight_start - _MAX_PATH)
    line_start = max(window, text.rfind("\n", window, tight_start) + 1)
    for opener, (closer, preceders) in _QUOTES.items():
        at = text.rfind(opener, line_start, tight_start)
        close = text.find(closer, end, end + _MAX_PATH) if at >= 0 else -1
        if close < 0:
            continue
        inside, rest = text[at + 1: close], text[end: close]
        if (opener in inside or closer in inside or "\n" in inside or _templated_name(inside)
                or opener == "<" and any(quote in inside for quote in "\"'`<")
                or rest.strip() and not rest.startswith(("?", "#"))):
            continue
        lead = text[line_start: at].rstrip(" \t")
        placed = lead[-1:] in tuple(preceders) or lead.endswith(("from", "import")) or not lead and opener != "<"
        if not placed or _NOT_ONE_PATH.search(lead[-64:]):
            continue
        return at + 1 + (len(inside) - len(inside.lstrip())), close - (len(inside) - len(inside.rstrip()))
    return _plain_scalar(text, line_start, (tight_start, tight_end), end) if yaml else (tight_start, tight_end)


def _templated_name(inside: str) -> bool:
    """A quoted path whose name code or a template builds (`${id}.jpg`, `{{ name }}.jpg`): only a
    template's site root may come first (`{{ site.baseurl }}/img/a b.jpg`)."""
    last = inside.rfind("}")
    return "${" in inside or ("{" in inside or last >= 0) and inside[last + 1: last + 2] != "/"


def _plain_scalar(text: str, line_start: int, tight: tuple[int, int], end: int) -> tuple[int, int]:
    """The YAML plain scalar holding the name that ends at `end`, when the name ends it; else `tight`."""
    line_end = text.find("\n", end, end + _MAX_PATH)
    if line_end < 0 and end + _MAX_PATH < len(text) or line_start > 0 and text[line_start - 1] != "\n":
        return tight                    # a line this long holds no YAML plain scalar path
    line = text[line_start: len(text) if line_end < 0 else line_end]
    value_start = line_start + _YAML_VALUE.match(line).end()        # type: ignore[union-attr]
    value_end = line_start + len(line.split(" #", 1)[0].rstrip())
    if (value_start <= tight[0] and value_end >= end and text[value_start] not in "\"'`[{|>&*!%@"
            and (value_end == end or text[end] in "?#")):
        return value_start, value_end
    return tight


def yaml_extent(text: str, relpath: str) -> int:
    """Where a file's YAML ends: the whole of a .yml or .yaml file, a page's front matter (between
    its opening and closing `---` lines), else 0."""
    if relpath.lower().endswith((".yml", ".yaml")):
        return len(text)
    close = text.find("\n---", 3) if text.startswith("---") else -1
    return max(close, 0)


def decode_text(relpath: str, data: bytes, errors: str = "surrogateescape") -> tuple[str, str]:
    """A text file's text and encoding, read as its page reader reads it: HTML and the templates
    read as HTML by their own encoding (`html_source.decode`), other files as UTF-8 (a byte-order
    mark kept in the encoding's name), else Windows-1252 (`data.decode_text`'s fallback). With the
    default `errors`, encoding the text back gives the same bytes; "replace" suits a reader that
    only looks."""
    if relpath.lower().endswith(HTML_SUFFIXES + TEMPLATE_SUFFIXES + RAZOR_SUFFIXES):
        from .html_source import decode

        return decode(data, errors=errors)
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return data.decode("cp1252", errors=errors), "cp1252"


def scan(text: str, relpath: str = "", addresses: bool = False) -> list[Reference]:
    """Every media path `text` writes where a path goes (after a quote, bracket, `=`, `:` or `}}`).

    Remote URLs, `data:` URIs, names a template or code builds ("{{ name }}.jpg", `/img/${id}.jpg`),
    globs ("assets/*.png") and paths inside comments (HTML, CSS/JS block and line comments, template
    comments, YAML and TOML `#` comments) are left out: they show nothing. The same path written
    twice is two references. With `addresses`, absolute http(s) URLs are kept, for a caller that
    reads them with `located`: the site's file when the host is its own (`own_host`), else dropped.
    """
    lower = relpath.lower()
    if not lower.endswith(_SCRIPTS):    # no template comment in a script or stylesheet (`{#x`: a JS private field)
        text = blank_comments(text)
    text = _blank(_COMMENTS[lower.endswith(_HASH_COMMENTED)], text)
    found: list[Reference] = []
    line, counted = 1, 0
    last_end = -1
    yaml_end = yaml_extent(text, relpath)
    for match in _suffix_pattern().finditer(text):
        if match.start() < last_end:        # inside the path just read: each character is read once
            continue
        start, end = path_around(text, match.start(), match.end(), match.start() < yaml_end)
        last_end = end
        written = text[start:end]
        name = written.rsplit("/", 1)[-1]
        if name.startswith(".") or "*" in written or _built(text, start) or not _written_as_path(text, start, written):
            continue
        if (re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", written, re.IGNORECASE) and not ALIAS.match(written)
                and not (addresses and ADDRESS.match(written))):
            continue
        line += text.count("\n", counted, start)
        counted = start
        found.append(Reference(written, line))
    return found


def _blank(pattern: re.Pattern, text: str) -> str:
    return pattern.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)


def _built(text: str, start: int) -> bool:
    """A path that code builds at run time: after `${...}` (not a template's `{{ ... }}` site root)."""
    return text[start - 1: start] == "}" and text[start - 2: start] != "}}"


def _written_as_path(text: str, start: int, written: str) -> bool:
    if "/" in written:
        return True
    before = text[max(0, start - _MAX_PATH): start].rstrip(" \t")[-1:]     # bounded: one-line files
    return before in _OPENERS or before == ":" or start == 0 or text[start - 1] == "\n"


def locate(root: Path, relpath: str, written: str, site_relative: bool = False,
           layout: SiteLayout | None = None) -> Resolved | None:
    """Where a reference written in `relpath` leads: an existing file if any reading finds one.

    As written (relative to the file, or from the site root when `site_relative`); then from the site
    root and its source folders. None when remote (`own_host`: another host's URL) or outside the
    repository; otherwise the first reading, existing or not. A character reference (`&amp;`,
    `&#225;`) is read as its character in a file whose language reads them in paths
    (`reads_character_references`). `layout`: the page's site layout (`urls.page_layout`), if known.
    """
    if "&" in written and reads_character_references(relpath):
        written = unescape(written)
    first = resolve(written, relpath, root, site_relative=site_relative, layout=layout)
    if first is not None and file_at(root, first.target):
        return first                    # an existing file: the second reading could not come first
    if site_relative or ALIAS.match(written):
        return first
    second = resolve(written, relpath, root, site_relative=True, layout=layout or page_layout(root, relpath))
    if second is not None and file_at(root, second.target):
        return second
    return first or second


def reads_character_references(relpath: str) -> bool:
    """Whether a path written in this file may spell a character as a character reference: HTML,
    SVG, XML, their templates and components (HTML Standard 13.2.5.72; XML 1.0 section 4.1) and
    Markdown (CommonMark 0.31 section 6.3); not CSS, JavaScript, JSON, YAML, TOML or plain text."""
    return not relpath.lower().endswith(_LITERAL_SUFFIXES)


def locate_in_text(root: Path, relpath: str, text: str, start: int, end: int) -> Resolved | None:
    """`locate` for the path at text[start:end], reading a data file or a `| relative_url` as site-rooted."""
    site_relative = is_data_file(relpath) or bool(_SITE_FILTER.match(text, end)) or text[start - 1: start] == "}"
    return locate(root, relpath, text[start:end], site_relative)


def broken(root: Path, relpath: str, references: Sequence[Reference]) -> list[tuple[Reference, str]]:
    """(reference, the repository path it was read as) for each reference that leads to no file."""
    return [(reference, target) for reference, target in located(root, relpath, references)
            if not file_at(root, target)]


def text_files(root: Path, site_files: Sequence[str]) -> Iterator[str]:
    """The site files that may reference media (by suffix), skipped folders and symlinks left out.

    In the order a sorted top-down walk meets them (a folder's own files before its subfolders'),
    so the rewritten files are listed the same way on every run.
    """
    for relpath in sorted(site_files, key=_walk_order):
        *folders, name = relpath.split("/")
        if not name.lower().endswith(TEXT_SUFFIXES) or SKIPPED_FOLDERS.intersection(folders):
            continue
        if not _is_link(root, relpath):      # a link is never written through
            yield relpath


def _is_link(root, relpath: str) -> bool:
    """Whether a site file is a symbolic link: by os.path on disk (no Path a file), else as the tree says."""
    if isinstance(root, PurePath):
        return os.path.islink(os.path.join(root, relpath))
    return (root / relpath).is_symlink()


def _walk_order(relpath: str) -> list[tuple[int, str]]:
    *folders, name = relpath.split("/")
    return [(1, folder) for folder in folders] + [(0, name)]


def site_index(root: Path, site_files: Sequence[str]) -> dict[str, list[tuple[str, Reference]]]:
    """The whole site's index: repository path of each referenced file -> (file, reference) pairs.

    A broken reference is listed under the path it was read as: a caller can ask which lead nowhere."""
    index: dict[str, list[tuple[str, Reference]]] = {}
    for relpath in text_files(root, site_files):
        try:
            data = (root / relpath).read_bytes()
        except OSError:
            continue
        text = decode_text(relpath, data, errors="replace")[0]
        if "\0" in text:
            continue
        for reference, target in located(root, relpath, scan(text, relpath, addresses=True)):
            index.setdefault(target, []).append((relpath, reference))
    return index


def located(root: Path, relpath: str, references: Sequence[Reference]) -> list[tuple[Reference, str]]:
    """Each of a file's references that leads into the repository, with the path it leads to
    (`locate`; a broken one too, under the path it was read as). `root` may be anything that
    answers `root / path` with an object that has `.is_file()`: probes.ProbingRoot notes what
    was asked, so a cache knows which files' existence the answer depends on."""
    pairs = []
    data_file, layout = is_data_file(relpath), page_layout(root, relpath) if references else None
    for reference in references:
        resolved = locate(root, relpath, reference.written, data_file, layout)
        if resolved is not None:
            pairs.append((reference, resolved.target))
    return pairs
