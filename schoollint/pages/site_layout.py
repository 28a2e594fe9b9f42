"""Where a site's generator keeps the files its site-root URLs serve, read from the generator's config.

A page writes "/img/x.jpg"; which repository file that is depends on the
generator: Eleventy serves its input folder (`dir.input`, `setInputDirectory`,
`--input` in package.json's scripts) and its passthrough copies
(`addPassthroughCopy({"src/assets": "assets"})`); Hugo its `staticDir`
(string or list), its `contentDir` (page bundles keep their photos beside
`index.md`, served at the page's URL), per-language `contentDir`s, themes'
`static/` and `[[module.mounts]]`; Jekyll its `source` below `baseurl`; Astro,
Vite, Next.js, Gatsby, SvelteKit and Docusaurus a public or static folder below
their base path (`base`, `basePath`, `pathPrefix`, `baseUrl`, `paths.base`);
MkDocs its `docs_dir`. The config is read as text: TOML, YAML and JSON parsed,
JavaScript searched for a literal (no JavaScript is ever run). A value the
config computes ("path.join(...)", a variable) is not guessed: a note says so
and the generator's default stands. The generic folders ("", static/,
assets/, public/) always follow what the config says, so a layout read wrong
costs a lookup, not a false SL304.

A site may sit in a folder of the repository ("website/hugo.toml"): the
nearest folder above a page that holds a generator's config is its site.
The repository is a folder on disk, or one commit's tree (`history`:
gittree.TreeRoot, whose files are asked about by name instead of listed).
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .generators import CONFIG_NAMES, READERS, Site, names_in

# Where static site generators keep files that are served from the site root, whatever the config says.
SOURCE_ROOTS = ("", "static", "assets", "public")

_USER_ROOTS: dict[str, tuple[str, ...]] = {}


@dataclass(frozen=True)
class Mount:
    """Files under `folder` (repository-relative, "" for the root) are served at URL path `url` ("" or "/assets")."""

    url: str
    folder: str


@dataclass(frozen=True)
class SiteLayout:
    """One site's mounts, most specific first, the generic folders last; its base path ("/school" or "")."""

    mounts: tuple[Mount, ...]
    base_path: str = ""
    generator: str = ""
    notes: tuple[str, ...] = ()
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()   # pages.aliases: ("@site/", ("website",)), longest first

    def alias(self, path: str) -> tuple[str, tuple[str, ...]] | None:
        """The declared alias `path` starts with, and the repository folders it stands for; None if none."""
        return next(((prefix, folders) for prefix, folders in self.aliases if path.startswith(prefix)), None)

    def candidates(self, url_path: str) -> list[tuple[str, str, str]]:
        """(folder, path under it, URL prefix written before that path) for a site-root path ("/img/x.jpg")."""
        prefix = ""
        if self.base_path and (url_path + "/").startswith(self.base_path + "/"):
            prefix, url_path = self.base_path, url_path[len(self.base_path):] or "/"
        found = []
        for mount in self.mounts:
            if mount.url and not (url_path + "/").startswith(mount.url + "/"):
                continue
            if ("/" + mount.folder).endswith(mount.url):    # "src/img" at "/img": "/img/x" is "src" + "/img/x"
                found.append((mount.folder[:len(mount.folder) - len(mount.url)].strip("/"),
                              url_path.lstrip("/"), prefix))
            else:
                found.append((mount.folder, url_path[len(mount.url):].lstrip("/"), prefix + mount.url))
        return found


def use_site_roots(root: Path, folders: list[str] | tuple[str, ...]) -> None:
    """The user's `site-roots` (config.py) for the repository at `root`: these folders, in order, are what
    the site serves at its root, ahead of anything read from a generator's config."""
    _USER_ROOTS[str(_top(root))] = tuple(folder.strip("/") for folder in folders)
    layout_at.cache_clear()


def fingerprint(root: Path) -> str:
    """What the repository-root site's layout is, as text that changes when its config's answer does: for
    a cache key of page results (a page's SL304 depends on where "/img/x.jpg" and "@/img/x.jpg" lead)."""
    from .own_host import site_hosts    # an absolute URL of the site's own host is one of its paths

    layout = layout_at(_top(root), "")
    return repr((layout.mounts, layout.base_path, layout.aliases, sorted(site_hosts(_top(root)))))


def layout_for(root: Path | Any, page_path: str) -> SiteLayout:
    """The layout of the site `page_path` (repository-relative) belongs to. `root` is the repository's
    folder, what stands in for it and keeps it as `.root` (probes.ProbingRoot), or a commit's tree."""
    top = _top(root)
    folder = posixpath.dirname(page_path)
    while folder and not CONFIG_NAMES & names_in(top, folder):
        folder = posixpath.dirname(folder)
    return layout_at(top, folder)


def _top(root: Any) -> Any:
    """The repository as a hashable key: a Path for a folder on disk, else the tree object itself."""
    if isinstance(root, Path):   # as it is: a new Path a call (2 a page) cost 10 us, and hashing it again
        return root
    if isinstance(root, (str, os.PathLike)):
        return Path(root)
    inner = getattr(root, "root", None)     # probes.ProbingRoot: its probes are for references, not configs
    if isinstance(inner, Path):     # as it is, as above: Path(inner) cost 3.7 us a page (references.located)
        return inner
    return Path(inner) if isinstance(inner, (str, os.PathLike)) else root


@lru_cache(maxsize=256)
def layout_at(top: Any, site: str) -> SiteLayout:
    """The layout of the site whose config sits in `site` ("" for the repository root)."""
    mounts: list[Mount] = []
    notes: list[str] = []
    base_path, generator = "", ""
    here = Site(top, site, names_in(top, site))
    for name, reader in READERS:
        found = reader(here, notes)
        if found is not None:
            generator, base_path = name, found[1]
            mounts = [Mount(url, _joined(site, folder)) for url, folder in found[0]]
            break
    user = [Mount("", folder) for folder in _USER_ROOTS.get(str(top), ())]
    generic = [Mount("", posixpath.join(base, folder).strip("/")) for base in dict.fromkeys((site, ""))
               for folder in SOURCE_ROOTS]
    from .aliases import declared

    return SiteLayout(tuple(dict.fromkeys(user + mounts + generic)), base_path, generator, tuple(notes),
                      declared(here, generator))


def _joined(site: str, folder: str) -> str:
    """A folder a site's config names ("./src", "static/"), as a repository path ("" for the root)."""
    joined = posixpath.normpath(posixpath.join(site, folder.strip()))
    return "" if joined == "." else joined.strip("/")
