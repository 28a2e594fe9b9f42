"""From a URL written in a page (src, href, srcset candidate, CSS url()) to the repository file it serves.

Resolution follows RFC 3986: a reference with a scheme (section 3.1) or an
authority ("//host", section 4.2) is remote, except an http(s) or scheme-relative
URL of the site's own host, whose path is read from the site root (`own_host`:
the one place that decides which hosts are the site's); the query and fragment
(sections 3.4, 3.5) are dropped; the path is percent-decoded (section 2.1)
and merged with the page's folder with dot segments removed (sections 5.2.2
to 5.2.4). Unlike RFC 3986, a ".." that climbs above the repository makes
the reference unresolvable instead of stopping at the root. Template idioms
that put the site root in front of a path (Jekyll's `relative_url`, Hugo's
`.Site.BaseURL`) are undone first; any other template expression in front
of a path (`{{ site.assets }}/img/x.jpg`) is read as a site root, so the
path after it is matched against the site's files; a path a template builds
otherwise is not guessed. A bundler alias (`@/`, `~/`, `~@/`, as Vite,
webpack and Nuxt set them up by default) reads as `src/` first, then the
repository root; SvelteKit's `$lib/` as `src/lib/`. Which folders a site-root
path ("/img/x.jpg") is read from is the site's generator's business: `site_layout`
reads them from its config (Eleventy's input folder, Hugo's staticDir and
contentDir, Jekyll's baseurl, ...), the generic folders after them.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from urllib.parse import unquote

from .filetypes import is_media
from .own_host import ADDRESS, address, hosts_for
from .site_layout import SOURCE_ROOTS, Mount, SiteLayout, layout_for

# Without a repository to read a generator's config from: the generic folders only.
_GENERIC = SiteLayout(tuple(Mount("", folder) for folder in SOURCE_ROOTS))

_QUERY_OR_FRAGMENT = re.compile(r"[?#]")
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
# Jekyll and Hugo idioms that put the site root in front of a path.
_SITE_PREFIX = re.compile(
    r"^\{\{-?\s*(?:site\.(?:url|baseurl)|\.Site\.BaseURL)\s*-?\}\}"
    r"(?:\{\{-?\s*site\.baseurl\s*-?\}\})?"
)
_LEADING_EXPRESSION = re.compile(r"^(?:\{\{[^{}]*\}\}|\{%[^{}]*%\})+(?=/?[\w.-])")
ALIAS = re.compile(r"^(?:~@/|@/|~/|\$lib/)")
ALIAS_ROOTS = {"$lib/": ("src/lib",)}       # SvelteKit's $lib; the others: src/, then the root
# A JSX value that is a call with one literal path: webpack's `require('@site/img/x.jpg').default`,
# Docusaurus's `useBaseUrl('/img/x.jpg')` (the site's base path put before a site-root path).
_SCRIPT_PATH = re.compile(r"""^\{?\s*(?:require|useBaseUrl)\(\s*(["'`])([^"'`{}$]+)\1\s*\)(?:\.default)?\s*\}?$""")
_URL_FILTER = re.compile(
    r"""^\{\{-?\s*["']([^"'{}]+)["']\s*\|\s*(?:relative_url|absolute_url|relURL|absURL|url)\s*-?\}\}$"""
)


@dataclass(frozen=True)
class Resolved:
    """Where a reference points and how it was written, so a rename can write it back alike."""

    target: str        # repository-relative path
    base: str          # folder the written path is relative to ("" for the repository)
    rooted: bool       # written from the site root ("/images/x.jpg")
    url_prefix: str = ""    # what is written before the part under `base`: a base path, a mount ("/school/assets")

    def written_path(self, new: str) -> str:
        """`new`, a repository path under `base`, written the way this reference was (before any query)."""
        relative = posixpath.relpath(new, self.base or ".")
        if self.url_prefix:
            return f"{self.url_prefix}/{relative}"
        return "/" + relative if self.rooted else relative


def plain_url(src: str) -> str | None:
    """The local path part of a reference, template idioms undone; None when remote or templated."""
    src = src.strip()
    called = _SCRIPT_PATH.match(src)
    if called:                      # require('x').default, useBaseUrl('/x'): the literal path in the call
        src = called.group(2)
    if src.startswith("pathname://"):   # Docusaurus: a path from the site root, not rewritten to a module
        src = src[len("pathname://"):]
    filtered = _URL_FILTER.match(src)
    if filtered:                    # these filters take a path from the site root
        src = "/" + filtered.group(1).lstrip("/")
    prefixed = _SITE_PREFIX.match(src)
    if prefixed:                    # the site root, with or without a slash after it
        src = "/" + src[prefixed.end():].lstrip("/")
    leading = _LEADING_EXPRESSION.match(src)
    if leading and "{" not in src[leading.end():]:
        src = "/" + src[leading.end():].lstrip("/")
    if not src or _REMOTE.match(src) or "{{" in src or "{%" in src:
        return None
    # A browser reads a backslash in an http(s) URL as "/" (WHATWG URL Standard, "path state"): a
    # path written the Windows way leads where its "/" form does.
    path = _QUERY_OR_FRAGMENT.split(src, maxsplit=1)[0].replace("\\", "/")
    return unquote(path) if path else None


def links_to_media(url: str | None) -> bool:
    """True when `url` is a local path, or an absolute http(s) URL (which may be the site's own:
    `own_host`), whose name is a media file's (a photo, a video, an SVG)."""
    path = plain_url(url) if url else None
    if path is None and url and ADDRESS.match(url):     # only then: called for every attribute of a page
        own = address(url)
        path = plain_url(own.rest) if own else None
    return path is not None and is_media(path)


def resolve(src: str, page_path: str, root: Path | None = None, *,
            site_relative: bool = False, layout: SiteLayout | None = None) -> Resolved | None:
    """Resolve a reference written in `page_path` to a repository path; None when remote or outside.
    An absolute URL of the site's own host is its path from the site root (`_own_file`).

    Site-root paths try the folders the site's generator serves at its root
    (`site_layout`, when `root` is given) and then common source folders
    ("", static/, assets/, public/), taking the first that exists when `root`
    is given (the first candidate when none exists, or when `root` is None).
    Relative paths are relative to the page's folder, except with
    `site_relative` (data files, which templates prefix with the site root).
    `layout`: `site_layout.layout_for(root, page_path)` when the caller has it (it resolves many
    references of one page); else looked up when a site-root reading needs it.
    """
    path = plain_url(src)
    if path is None:
        return _own_file(src, page_path, root, layout) if ADDRESS.match(src) else None
    page_folder = posixpath.dirname(page_path)
    # an alias the site declares (`@site/`, tsconfig `paths`, Vite's `resolve.alias`: pages/aliases.py)
    declared = (layout or page_layout(root, page_path)).alias(path) if path[:1] in "@~$" else None
    alias = None if declared else ALIAS.match(path)
    if declared:
        candidates = [(folder, path[len(declared[0]):], False, declared[0].rstrip("/")) for folder in declared[1]]
    elif alias:
        rest = path[alias.end():]
        candidates = [(folder, rest, True, "") for folder in ALIAS_ROOTS.get(alias.group(0), ("src", ""))]
    elif path.startswith("/"):
        layout = layout or page_layout(root, page_path)
        candidates = [(folder, rest, True, prefix) for folder, rest, prefix in layout.candidates(path)]
    elif site_relative:
        layout = layout or page_layout(root, page_path)
        candidates = [(folder, rest, False, prefix.lstrip("/"))
                      for folder, rest, prefix in layout.candidates("/" + path)]
        candidates.append((page_folder, path, False, ""))
    else:
        candidates = [(page_folder, path, False, "")]
    first = None
    for base, rest, rooted, prefix in candidates:
        target = normalise(f"{base}/{rest}")
        if target is None:
            continue
        if root is None or file_at(root, target):
            return Resolved(target, base, rooted, prefix)
        first = first or (target, base, rooted, prefix)     # made a Resolved only if none exists
    return Resolved(*first) if first else None


def _own_file(url: str, page_path: str, root, layout: SiteLayout | None) -> Resolved | None:
    """An absolute URL read as the site's file at its path, as a site-root path is (`own_host`): when
    its host is one the site names, or, when the site names none, when a file of the site is there.
    None for another host's URL."""
    found = address(url)
    hosts = hosts_for(root, page_path)
    if found is None or hosts and found.host not in hosts:
        return None
    resolved = resolve(found.rest, page_path, root, layout=layout)
    if not hosts and (root is None or resolved is None or not file_at(root, resolved.target)):
        return None
    return resolved


def page_layout(root, page_path: str) -> SiteLayout:
    """The layout of the site `page_path` belongs to (`site_layout.layout_for`), the generic folders without a root."""
    return layout_for(root, page_path) if root is not None else _GENERIC


def file_at(root, target: str) -> bool:
    """Whether repository path `target` is a file: under a folder on disk by `os.path.isfile` on the
    joined name (no Path built: a site's pages ask this thousands of times a run), else by
    `root / target` answering `.is_file()` (probes.ProbingRoot, a commit's tree, gittree.TreeRoot)."""
    if isinstance(root, PurePath):
        return os.path.isfile(os.path.join(root, target))   # False for any OSError, as `is_file`
    return is_file(root / target)


def is_file(path) -> bool:
    """Path.is_file, False also for a name the file system cannot hold (a part over NAME_MAX:
    ENAMETOOLONG, which is_file raises): such a name leads to no file."""
    try:
        return path.is_file()
    except OSError:
        return False


def normalise(path: str) -> str | None:
    """A clean repository-relative path (RFC 3986 section 5.2.4), or None when it climbs out."""
    if "//" not in path and "/." not in "/" + path:     # no empty, "." or ".." segment inside: the usual path
        return path.strip("/") or None
    return dot_segments_removed(path)


def dot_segments_removed(path: str) -> str | None:
    """`normalise` segment by segment, for any path (tests/core/test_cold_urls.py holds the two equal)."""
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts) or None
