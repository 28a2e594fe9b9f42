"""Static site generators' configs, read as text: which folders each serves at which URL path.

One reader per generator (READERS, in the order tried: the first whose config is in the site's
folder answers), each returning (url, folder) mounts relative to the site's folder and the site's
base path; site_layout turns them into a SiteLayout. TOML (1.0), YAML and JSON configs are parsed,
keys lower-cased (Hugo's are case-insensitive); JavaScript ones are searched for a literal string
(`js_literal`): no JavaScript is run, and a computed value is a note, not a guess. A site's folder
is on disk or in a commit's tree (gittree.TreeRoot: names asked about, as it cannot be listed).
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..site_configs import CONFIG_NAMES as CONFIG_NAMES, js_names as js_names   # (moved: W, issue 18)
from ..site_configs import ELEVENTY as _ELEVENTY, HUGO_NAMES as _HUGO_NAMES, JEKYLL as _JEKYLL, JS_SITES as _JS_SITES

MAX_CONFIG_BYTES = 1 << 20      # a config larger than this is not a config: not read


# What the readers ask about in a folder they cannot list (a commit's tree).
_ASKED = CONFIG_NAMES | {"package.json", "content", "layouts", "archetypes", "config", "tsconfig.json",
                         "jsconfig.json"}


@lru_cache(maxsize=4096)
def names_in(top: Any, folder: str) -> frozenset[str]:
    """The names in a folder of the repository: listed on disk (a Path), asked about in a commit's tree."""
    if isinstance(top, Path):
        try:
            return frozenset(os.listdir(top / folder))
        except OSError:
            return frozenset()
    return frozenset(name for name in _ASKED if (top / posixpath.join(folder, name)).exists())


@dataclass(frozen=True)
class Site:
    """A site's folder in the repository, and the names in it."""

    top: Any
    folder: str
    names: frozenset[str]

    def first(self, candidates: tuple[str, ...]) -> str | None:
        return next((name for name in candidates if name in self.names), None)

    def read(self, name: str) -> str | None:
        """A config's text; None when absent, unreadable or larger than MAX_CONFIG_BYTES."""
        try:
            data = (self.top / posixpath.join(self.folder, name)).read_bytes()
        except OSError:
            return None
        return data.decode("utf-8", errors="replace") if len(data) <= MAX_CONFIG_BYTES else None


def read_config(site: Site, name: str, notes: list[str]) -> dict:
    """A TOML, YAML or JSON config as a dict with lower-case keys (Hugo's are case-insensitive); {} when unreadable."""
    text = site.read(name)
    if text is None:
        return {}
    try:
        if name.endswith(".toml"):
            import tomllib

            value: Any = tomllib.loads(text)
        elif name.endswith(".json"):
            value = json.loads(text)
        else:
            import yaml

            value = yaml.safe_load(text)
    except Exception as exc:        # a broken config: the generator's defaults, and a note saying so
        notes.append(f"{posixpath.join(site.folder, name)}: not read ({type(exc).__name__}), so schoollint "
                     "assumed the generator's default folders")
        return {}
    return _lower(value) if isinstance(value, dict) else {}


def _lower(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key).lower(): _lower(item) for key, item in value.items()}
    return [_lower(item) for item in value] if isinstance(value, list) else value


def _path_of(url: str | None) -> str:
    """The path part of a base URL ("https://x.example/school/" -> "/school"), "" for the root."""
    if not isinstance(url, str):
        return ""
    return "/" + urlsplit(url.strip()).path.strip("/") if urlsplit(url.strip()).path.strip("/") else ""


def _table(config: dict, key: str) -> dict:
    value = config.get(key)
    return value if isinstance(value, dict) else {}


def _strings(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [item for item in value if isinstance(item, str)] \
        if isinstance(value, list) else []


Found = tuple[list[tuple[str, str]], str]      # (url, folder) mounts relative to the site folder, base path


def _hugo(site: Site, notes: list[str]) -> Found | None:
    """Hugo: `staticDir`, `contentDir`, `[languages.*]`, `theme`, `[[module.mounts]]`, the path of `baseURL`."""
    names = site.names
    default = "config" in names and Site(site.top, posixpath.join(site.folder, "config/_default"),
                                          names_in(site.top, posixpath.join(site.folder, "config/_default")))
    # config.toml alone may be anyone's: it is Hugo's beside Hugo's folders
    hugo = names & set(_HUGO_NAMES[:4]) or (default and default.names & set(_HUGO_NAMES)) or (
        names & set(_HUGO_NAMES) and names & {"content", "layouts", "archetypes"})
    if not hugo:
        return None
    config: dict = {}
    for folder in (site, default) if default else (site,):
        for name in _HUGO_NAMES:
            if name in folder.names:
                config = {**read_config(folder, name, notes), **config}
    static = _strings(config.get("staticdir")) or ["static"]
    top_content = _strings(config.get("contentdir")) or ["content"]
    default_language = config.get("defaultcontentlanguage", "en")
    languages = {code: language for code, language in _table(config, "languages").items()
                 if isinstance(language, dict)} or {default_language: {}}
    content: list[tuple[str, str]] = []     # a language's pages are served under "/cy/" (all with InSubdir)
    for code, language in languages.items():
        static += _strings(language.get("staticdir"))
        url = "" if code == default_language and config.get("defaultcontentlanguageinsubdir") is not True \
            else f"/{code}"
        content += [(url, folder) for folder in _strings(language.get("contentdir")) or top_content]
    mounts = [("", folder) for folder in static]
    for mount in _table(config, "module").get("mounts") or []:
        source, target = (mount.get(key) if isinstance(mount, dict) else None for key in ("source", "target"))
        if isinstance(source, str) and isinstance(target, str) and target.split("/")[0] in ("static", "content"):
            mounts.append(("/" + target.partition("/")[2] if "/" in target else "", source))
    mounts += content
    mounts += [("", f"themes/{theme}/static") for theme in _strings(config.get("theme"))]
    return mounts, _path_of(config.get("baseurl"))


def _jekyll(site: Site, notes: list[str]) -> Found | None:
    """Jekyll: `source` (default the site folder) below `baseurl`."""
    name = site.first(_JEKYLL)
    if name is None:
        return None
    config = read_config(site, name, notes)
    source = config.get("source")
    return [("", source if isinstance(source, str) else ".")], _path_of(config.get("baseurl"))


def _mkdocs(site: Site, notes: list[str]) -> Found | None:
    """MkDocs: `docs_dir` (default docs) below the path of `site_url`."""
    name = site.first(("mkdocs.yml", "mkdocs.yaml"))
    if name is None:
        return None
    text = site.read(name) or ""
    # mkdocs.yml often holds !!python/name tags safe_load refuses: read the two keys by line.
    docs = re.search(r"^docs_dir:\s*['\"]?([^'\"#\n]+?)['\"]?\s*$", text, re.MULTILINE)
    url = re.search(r"^site_url:\s*['\"]?([^'\"#\n]+?)['\"]?\s*$", text, re.MULTILINE)
    return [("", docs.group(1) if docs else "docs")], _path_of(url.group(1) if url else None)


# A JavaScript property or call argument written as a literal string: `input: "src"`, `base: '/x'`.
_LITERAL = r"""\s*(?:["'`]([^"'`$\n]*)["'`])?"""


def js_literal(text: str, key: str, site: Site, notes: list[str]) -> str | None:
    """The literal string a JavaScript config gives `key` (`key: "..."` or `key("...")`); None when the key
    is absent, or when its value is computed (a note says so: the default is assumed)."""
    written = re.search(rf"""(?<![\w$])["']?{re.escape(key)}["']?\s*(?::|\()""" + _LITERAL, text)
    if written is None:
        return None
    if written.group(1) is None:
        where = f"the site in {site.folder}/" if site.folder else "the site"
        notes.append(f"{where}: its config computes `{key}` (no text to read), so schoollint assumed the "
                     "generator's default; set `site-roots` in the schoollint config to say where its files are")
        return None
    return written.group(1)


def _eleventy(site: Site, notes: list[str]) -> Found | None:
    """Eleventy: the input folder and the passthrough copies; its URLs have no base path (pathPrefix is
    applied by the `url` filter, which urls.plain_url undoes)."""
    name = site.first(_ELEVENTY)
    scripts = site.read("package.json") if "package.json" in site.names else None
    given = re.search(r"""eleventy[^"\n]*--input[= ]['"]?([^\s'"&]+)""", scripts or "")
    if name is None and given is None:
        return None
    text = (site.read(name) if name else "") or ""
    source = (js_literal(text, "setInputDirectory", site, notes) or js_literal(text, "input", site, notes)
              or (given.group(1) if given else "."))
    source = posixpath.normpath(source).strip("/")
    mounts = [("", source)]
    for call in re.finditer(r"addPassthroughCopy\(\s*(\{[^}]*\}|[\"'][^\"']+[\"'])", text):
        argument = call.group(1)
        pairs = re.findall(r"""["']([^"'*{}]+)["']\s*:\s*["']([^"'*{}]*)["']""", argument) \
            if argument.startswith("{") else [(argument[1:-1], None)]
        for folder, url in pairs:
            folder = posixpath.normpath(folder).strip("/")
            if "*" in folder:
                continue
            if url is None:         # served where it sits below the input folder, or from the site folder
                inside = source not in ("", ".") and folder.startswith(source + "/")
                url = folder[len(source) + 1:] if inside else folder
            mounts.insert(0, ("/" + url.strip("/") if url.strip("/") else "", folder))
    return mounts, ""


def _javascript_site(name: str, files: tuple[str, ...], folder: tuple[str | None, str], base_key: str):
    def read(site: Site, notes: list[str]) -> Found | None:
        config = site.first(files)
        if config is None:
            return None
        text = site.read(config) or ""
        key, default = folder
        public = (js_literal(text, key, site, notes) if key else None) or default
        return [("", public)], _path_of(js_literal(text, base_key, site, notes))
    return name, read


READERS = (("Eleventy", _eleventy), ("Hugo", _hugo), ("Jekyll", _jekyll), ("MkDocs", _mkdocs),
            *(_javascript_site(*site) for site in _JS_SITES))
