"""Changed-files mode (`--diff-base`): a change reaches the pages that show it.

A pull request that swaps a photo must also check the pages showing it (their
alt text and captions now describe a different picture), and one that edits a
page must check the photos it shows. Files changed since the base, plus pages
that reference a changed file, plus files referenced by a changed page; a
page's references are those of the site's reference index (`pages.references`),
so a component's `import`, a stylesheet's `url()` and a data file count too.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import quote

from .pages.registry import is_page

References = Callable[[str], Iterable[str]]


def expand_with_references(root: Path, all_files: list[str], changed: Iterable[str],
                           read_references: References) -> list[str]:
    """The changed files among `all_files` and the files linked to them, in `all_files` order.

    `read_references(page)` gives the repository-relative paths a page shows.
    Unchanged pages are parsed only when their bytes mention the name of a
    changed file, so a one-photo change does not parse the whole site.
    """
    changed = set(changed)
    available = set(all_files)
    chosen = {path for path in all_files if path in changed}
    changed_media = {path for path in chosen if not is_page(path)}
    needles = {needle for path in changed_media for needle in _spellings(posixpath.basename(path))}
    for page in dict.fromkeys(path for path in all_files if is_page(path)):
        if page in changed:
            chosen.update(target for target in read_references(page) if target in available)
        elif needles and _mentions(root / page, needles) and changed_media.intersection(read_references(page)):
            chosen.add(page)
    return [path for path in all_files if path in chosen]


def _spellings(name: str) -> set[bytes]:
    """How a page may write a file name: as is, percent-encoded, or HTML-escaped."""
    forms = {name, quote(name, safe="/"), html.escape(name, quote=True)}
    return {form.encode("utf-8", "surrogateescape") for form in forms}


def _mentions(path: Path, needles: set[bytes]) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return any(needle in data for needle in needles)


def page_references(root: Path) -> References:
    """read_references for real pages: what their images show and every media path they write (the
    reference index's entries: imports, CSS url(), data files); a page that cannot be read references
    nothing (the check itself reports why)."""
    from .pages import registry as pages
    from .pages.filetypes import is_data_file
    from .pages.references import locate

    def read(relpath: str) -> frozenset[str]:
        try:
            page = pages.read_page(root, relpath, (root / relpath).read_bytes())
        except (OSError, pages.PageError):
            return frozenset()
        written = (locate(root, relpath, link.written, is_data_file(relpath)) for link in page.links)
        return page.references | {resolved.target for resolved in written if resolved is not None}

    return read
