"""The site's own address: which absolute URLs written in its pages are its own files (trial 7, item 9).

WordPress writes every picture as an absolute URL of the site itself
("https://www.our-school.sch.uk/wp-content/uploads/2024/05/a.jpg"), and share tags of any site
do the same. Such a URL, written `https:`, `http:` or scheme-relative ("//www.our-school.sch.uk/...",
RFC 3986 section 4.2), leads to the file at its path below the site root, read as a site-root path
is (`urls.resolve`, which strips a base path through `site_layout`), when its host is one the site
names as its own (`site_hosts`):

* its generator's config: Hugo `baseURL`, Jekyll `url`, MkDocs `site_url`, Astro `site`,
  Docusaurus `url`, Gatsby `siteUrl`; Eleventy's global data in its input folder
  (`_data/site.*` or `_data/metadata.*`: `url`), where its starter projects keep the address;
* WordPress: an export (WXR, `*wordpress*.xml`: `wp:base_site_url`, `wp:base_blog_url`, the
  channel's `link`) or `wp-config.php` (`WP_HOME`, `WP_SITEURL`);
* GitHub Pages' `CNAME` file.

They are read in the page's site folder (the nearest folder above it holding a generator's config)
and at the repository root. Host names compare exactly, ignoring case (RFC 3986 section 3.2.2):
"our-school.sch.uk" is not "www.our-school.sch.uk" unless something above names it too, as a web
server may serve the two differently. A URL of another host is remote (a CDN, a news site) and is
never read as a file of the site, whatever file sits at its path.

When nothing names the site's host, the caller decides by the file: a URL counts when a file of the
site is at its path (an image at "/wp-content/uploads/2024/05/a.jpg" of any host that the site also
holds at that path is, in practice, the site's own copy), and one whose path is no file is remote,
never a broken reference (SL304): it may well be another site's.
"""

from __future__ import annotations

import os
import posixpath
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .generators import CONFIG_NAMES, MAX_CONFIG_BYTES, READERS, Site, js_literal, js_names, names_in, read_config

# An absolute http(s) URL or a scheme-relative one: what may be the site's own address.
ADDRESS = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_HUGO = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
         "config.json")
# Config (or data) file -> the key naming the site's address in it (top level; lower case for TOML/YAML/JSON).
_KEYS = {**{name: "baseurl" for name in _HUGO}, "_config.yml": "url", "_config.yaml": "url",
         "mkdocs.yml": "site_url", "mkdocs.yaml": "site_url", **{name: "site" for name in js_names("astro.config")},
         **{name: "url" for name in js_names("docusaurus.config")},
         **{name: "siteUrl" for name in js_names("gatsby-config")}}
_ELEVENTY_DATA = tuple(f"_data/{stem}.{ext}" for stem in ("site", "metadata") for ext in ("json", "yml", "yaml", "js"))
# Compiled when a site has such a file (`re`'s cache), not by every run that imports this module.
_WP_CONFIG = r"""define\(\s*['"]WP_(?:HOME|SITEURL)['"]\s*,\s*['"]([^'"]+)['"]"""
_WXR_ADDRESS = r"<(wp:base_site_url|wp:base_blog_url|link)>\s*([^<\s]+)\s*</\1>"
_WXR_HEAD = 65536           # an export names its site in the channel's head, before the first item


class Address(NamedTuple):
    """An absolute URL split where its path starts."""

    origin: str     # the scheme and authority as written ("https://www.our-school.sch.uk", "//host")
    rest: str       # the path, query and fragment ("/" when the URL has no path)
    host: str       # the host name, lower case ("" when none)


def address(url: str) -> Address | None:
    """`url` as an Address when it is an absolute http(s) or scheme-relative URL, else None."""
    url = url.strip()
    if not ADDRESS.match(url):
        return None
    parts = urlsplit(url)
    if not parts.netloc:
        return None
    end = url.index(parts.netloc) + len(parts.netloc)
    return Address(url[:end], url[end:] or "/", (parts.hostname or "").lower())


def hosts_for(root: Any, page_path: str) -> frozenset[str]:
    """The hosts the site of `page_path` names as its own (see the module); empty when nothing does.
    `root` is the repository's folder, what stands in for it and keeps it as `.root`
    (probes.ProbingRoot, rename's view of the renamed site), or a commit's tree (gittree.TreeRoot)."""
    if root is None:
        return frozenset()
    top = _repository(root)
    return site_hosts(top, _site_folder(top, page_path))


def _repository(root: Any) -> Any:
    """The repository as a hashable key: a Path for a folder on disk, else the tree object itself."""
    if isinstance(root, (str, os.PathLike)):
        return Path(root)
    inner = getattr(root, "root", None)
    return Path(inner) if isinstance(inner, (str, os.PathLike)) else root


def _site_folder(top: Any, page_path: str) -> str:
    """The nearest folder above `page_path` holding a generator's config ("" for the repository root)."""
    folder = posixpath.dirname(page_path)
    while folder and not CONFIG_NAMES & names_in(top, folder):
        folder = posixpath.dirname(folder)
    return folder


@lru_cache(maxsize=64)
def site_hosts(top: Any, site: str = "") -> frozenset[str]:
    """The hosts named in the site folder `site` and at the repository root (lower case)."""
    urls: list[str] = []
    for folder in dict.fromkeys((site, "")):
        here = Site(top, folder, names_in.__wrapped__(top, folder))   # listed anew when this cache is cleared
        urls += _config_urls(here) + _wordpress_urls(here)
        cname = here.read("CNAME") if _present(here, "CNAME") else None
        if cname and cname.strip():
            urls.append("//" + cname.split()[0])
    hosts = {urlsplit(url if ADDRESS.match(url) else "//" + url).hostname for url in urls if url.strip()}
    return frozenset(host.lower() for host in hosts if host)


def _present(site: Site, name: str) -> bool:
    """Whether `name` may be in the site's folder: listed on disk (no file opened in vain: every run
    asks, `site_layout.fingerprint`), asked for by name in a commit's tree, which cannot be listed."""
    return not isinstance(site.top, Path) or name.split("/", 1)[0] in site.names


def _config_urls(site: Site) -> list[str]:
    """The addresses a generator's config (or Eleventy's global data) gives for the site."""
    found = [_value(site, name, key) for name, key in _KEYS.items()]
    eleventy = dict(READERS)["Eleventy"](site, [])
    for url, folder in eleventy[0] if eleventy else ():
        # the input folder's global data
        found += [_value(site, posixpath.join(folder, name), "url") for name in _ELEVENTY_DATA if not url]
    return [url for url in found if url]


def _value(site: Site, name: str, key: str) -> str:
    """The string the config `name` gives `key` at its top level ("" when none, or no such file)."""
    if not _present(site, name):
        return ""
    if name.endswith((".js", ".mjs", ".cjs", ".ts", ".mts")):
        text = site.read(name)
        return (js_literal(text, key, site, []) if text else None) or ""
    found = read_config(site, name, []).get(key.lower())      # a broken config names nothing (site_layout notes it)
    return found if isinstance(found, str) else ""


def _wordpress_urls(site: Site) -> list[str]:
    """The addresses a WordPress export's head or `wp-config.php` gives for the site."""
    config = site.read("wp-config.php") if _present(site, "wp-config.php") else None
    found = re.findall(_WP_CONFIG, config) if config else []
    for name in sorted(site.names):
        lower = name.lower()
        if lower.endswith(".xml") and "wordpress" in lower:
            try:
                with (site.top / posixpath.join(site.folder, name)).open("rb") as export:
                    head = export.read(min(_WXR_HEAD, MAX_CONFIG_BYTES)).decode("utf-8", errors="replace")
            except (OSError, AttributeError):
                continue
            channel = head.split("<item>", 1)[0]
            found += [url for _tag, url in re.findall(_WXR_ADDRESS, channel)]
    return found
