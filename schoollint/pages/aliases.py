"""Path aliases a site declares, which an import or a src may start with: `@site/` (Docusaurus: the
folder of docusaurus.config.*), TypeScript's `compilerOptions.paths` in tsconfig.json or
jsconfig.json (`"@/*": ["./src/*"]`, relative to `baseUrl`, else to the file's folder: TypeScript
handbook, "Module Resolution: paths"), and Vite's or Astro's `resolve.alias` / `alias` when it is a
literal object (`{ '@': '/src' }`) or a literal array of `{ find: '@', replacement: '/src' }` entries
(Vite's two documented forms; a `find` that is a regular expression is not read), the folder a string
or one of the fixed shapes `path.resolve(__dirname, './src')` and `fileURLToPath(new URL('./src',
import.meta.url))`. Read as text; nothing is run.

`declared` answers (prefix ending in "/", repository folders) pairs, longest prefix first;
urls.resolve reads a path under such a prefix from those folders, and a rename writes it back under
the same prefix (urls.Resolved.url_prefix).
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any

from .generators import Site, js_names

TS_CONFIGS = ("tsconfig.json", "jsconfig.json")
_JS_CONFIGS = js_names("vite.config", "astro.config")
# JSON with comments and trailing commas (tsconfig's JSONC): strings kept, comments dropped.
_JSONC = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/', re.DOTALL)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_ALIAS_OBJECT = re.compile(r"(?<![\w$])alias\s*:\s*\{([^{}]*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)[^{}]*)*)\}")
_FOLDER_VALUE = (r"""["']([^"'\n]+)["']|(?:path\.)?resolve\(\s*__dirname\s*,\s*["']([^"'\n]+)["']\s*\)"""
                 r"""|fileURLToPath\(\s*new URL\(\s*["']([^"'\n]+)["']\s*,\s*import\.meta\.url\s*\)\s*\)""")
_ALIAS_PAIR = re.compile(r"""["']?([^"'\s:,{}()]+)["']?\s*:\s*(?:""" + _FOLDER_VALUE + ")")
_ALIAS_ARRAY = re.compile(r"(?<![\w$])alias\s*:\s*\[((?:[^\[\]]|\[[^\[\]]*\])*)\]")
_ENTRY = re.compile(r"\{([^{}]*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)[^{}]*)*)\}")
_FIND = re.compile(r"""(?<![\w$])find\s*:\s*["']([^"'\n]+)["']""")
_REPLACEMENT = re.compile(r"(?<![\w$])replacement\s*:\s*(?:" + _FOLDER_VALUE + ")")

Aliases = tuple[tuple[str, tuple[str, ...]], ...]


def declared(site: Site, generator: str) -> Aliases:
    """The aliases the site in `site.folder` declares, longest prefix first."""
    found: dict[str, list[str]] = {}
    if generator == "Docusaurus":
        found["@site/"] = [site.folder]
    for name in TS_CONFIGS:
        if name in site.names:
            for prefix, folder in _ts_paths(site, name):
                found.setdefault(prefix, []).append(folder)
    for name in _JS_CONFIGS:
        if name in site.names:
            for prefix, folder in _js_aliases(site.read(name) or "", site.folder):
                found.setdefault(prefix, []).append(folder)
    return tuple(sorted(((prefix, tuple(dict.fromkeys(folders))) for prefix, folders in found.items()),
                        key=lambda pair: -len(pair[0])))


def _joined(*parts: str) -> str:
    joined = posixpath.normpath(posixpath.join(*parts))
    return "" if joined == "." else joined.strip("/")


def _ts_paths(site: Site, name: str) -> list[tuple[str, str]]:
    """`compilerOptions.paths` entries of the form "prefix/*": ["folder/*", ...]."""
    text = _JSONC.sub(lambda match: match.group(1) or "", site.read(name) or "")
    try:
        config: Any = json.loads(_TRAILING_COMMA.sub(r"\1", text))
    except ValueError:
        return []
    options = config.get("compilerOptions") if isinstance(config, dict) else None
    if not isinstance(options, dict) or not isinstance(options.get("paths"), dict):
        return []
    paths = options["paths"]
    base = options["baseUrl"] if isinstance(options.get("baseUrl"), str) else "."
    found = []
    for key, targets in paths.items():
        if not (isinstance(key, str) and key.endswith("/*") and isinstance(targets, list)):
            continue
        found += [(key[:-1], _joined(site.folder, base, target[:-2])) for target in targets
                  if isinstance(target, str) and target.endswith("/*")]
    return found


def _js_aliases(text: str, folder: str) -> list[tuple[str, str]]:
    """A Vite or Astro config's literal `alias: {...}` object or `alias: [{find, replacement}, ...]`
    array: "@" -> "src" as ("@/", "<folder>/src")."""
    pairs = [(match.group(1), match.groups()[1:]) for block in _ALIAS_OBJECT.finditer(text)
             for match in _ALIAS_PAIR.finditer(block.group(1))]
    for block in _ALIAS_ARRAY.finditer(text):
        for entry in _ENTRY.finditer(block.group(1)):
            find, replacement = _FIND.search(entry.group(1)), _REPLACEMENT.search(entry.group(1))
            if find and replacement:
                pairs.append((find.group(1), replacement.groups()))
    found = []
    for name, values in pairs:
        key = name.rstrip("/")
        value = next(group for group in values if group is not None)
        if key and not value.startswith(("http:", "https:")):
            found.append((key + "/", _joined(folder, value.lstrip("/"))))
    return found
