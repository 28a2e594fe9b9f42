"""Images a page hands to other sites: where a photo leaves the site (SL502).

In HTML: Open Graph `og:image` (and its `:url`/`:secure_url` forms, The Open
Graph protocol, "Structured Properties"), `twitter:image` (X/Twitter Cards
markup reference), and the `image`, `thumbnailUrl` and `logo` properties of
JSON-LD blocks (`<script type="application/ld+json">`, schema.org
CreativeWork/Thing), as a URL, a list, or an ImageObject's `url`/`contentUrl`,
at any depth (`@graph` too). Front matter keys that site generators' SEO
templates turn into og:image (jekyll-seo-tag's `image`, Hugo's `images`) count
as well. Sitemaps, feeds and manifests are read by `feeds.py`.

These tags usually carry an absolute URL of the site itself
("https://school.example/img/a.jpg"): its path is read from the site root, and
counts only when a file of the site is there and, when the generator's
configuration names the site's address (Hugo `baseURL`, Jekyll `url`), the
host is that one; an image on another host is not the site's to check.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from .model import Share
from .urls import is_file, resolve

SHARE_PROPERTIES = {"og:image": "og:image", "og:image:url": "og:image", "og:image:secure_url": "og:image",
                    "twitter:image": "twitter:image", "twitter:image:src": "twitter:image"}
JSON_LD_KEYS = ("image", "thumbnailUrl", "logo")
IMAGE_OBJECT_KEYS = ("url", "contentUrl")
FRONT_MATTER_KEYS = {"image": "front matter image (og:image)", "images": "front matter images (og:image)",
                     "og_image": "front matter og_image", "social_image": "front matter social_image"}
MAX_JSON_DEPTH = 64


def target_of(url: str, relpath: str, root: Path | None, *, site_relative: bool = False) -> str | None:
    """The site file a shared URL leads to: a local path as the page writes it, or the path of an
    absolute http(s) URL read from the site root; None when no such file exists (with `root`)."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        hosts = site_hosts(root)
        if hosts and parts.hostname not in hosts:
            return None                 # another site's picture (a CDN, a news site), not one of ours
        url, site_relative = parts.path or "/", True
    elif parts.scheme or url.startswith("//"):
        return None
    resolved = resolve(url, relpath, root, site_relative=site_relative)
    if resolved is None or (root is not None and not is_file(root / resolved.target)):
        return None
    return resolved.target


# Where a site generator's configuration names the site's own address (Hugo `baseURL`, Jekyll `url`).
_SITE_CONFIGS = ("hugo.toml", "config.toml", "hugo.yaml", "config.yaml", "_config.yml")
_BASE_URL = re.compile(r"""(?im)^\s*(?:baseURL|url)\s*[:=]\s*["']?(https?://[^"'\s#]+)""")


@lru_cache(maxsize=8)
def site_hosts(root: Path | None) -> frozenset[str]:
    """The host names the site's generator configuration gives for the site itself; empty when none
    does, and then an absolute URL of any host counts when a file of the site is at its path."""
    hosts: set[str] = set()
    if root is None:
        return frozenset()
    for name in _SITE_CONFIGS:
        try:
            text = (root / name).read_text(encoding="utf-8", errors="replace")[:65536]
        except OSError:
            continue
        hosts |= {urlsplit(found).hostname or "" for found in _BASE_URL.findall(text)}
    return frozenset(host for host in hosts if host)


def html_shares(element, line: int, relpath: str, root: Path | None) -> list[Share]:
    """The shares a <meta> or a JSON-LD <script> element makes."""
    if element.tag == "meta":
        kind = SHARE_PROPERTIES.get((element.get("property") or element.get("name") or "").strip().lower())
        content = element.get("content")
        return [Share(content, target_of(content, relpath, root), line, kind)] if kind and content else []
    if (element.get("type") or "").strip().lower() != "application/ld+json":
        return []
    text = element.text or ""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return []      # a broken block shares nothing a crawler can read
    return [Share(url, target_of(url, relpath, root), line + text.count("\n", 0, max(0, text.find(url))),
                  "JSON-LD image") for url in json_ld_images(document)]


def json_ld_images(node, depth: int = 0, key: str = "") -> Iterator[str]:
    """Every image URL a JSON-LD document gives (under JSON_LD_KEYS, as a string, list or ImageObject)."""
    if depth > MAX_JSON_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            yield from json_ld_images(item, depth + 1, key)
    elif isinstance(node, dict):
        for name, value in node.items():
            if key in JSON_LD_KEYS and name in IMAGE_OBJECT_KEYS and isinstance(value, str):
                yield value
            else:
                yield from json_ld_images(value, depth + 1, name if name in JSON_LD_KEYS else "")
    elif isinstance(node, str) and key in JSON_LD_KEYS:
        yield node


def front_matter_shares(front: dict, relpath: str, root: Path | None) -> list[Share]:
    """Front matter images that SEO templates publish as og:image (strings keep their line: data.LineStr)."""
    shares = []
    for key, kind in FRONT_MATTER_KEYS.items():
        value = front.get(key)
        values = value if isinstance(value, list) else [value]
        for item in values:
            item = item.get("path") if isinstance(item, dict) else item   # jekyll-seo-tag: image: {path: ...}
            if isinstance(item, str) and item.strip():
                shares.append(Share(str(item), target_of(item, relpath, root, site_relative=True),
                                    getattr(item, "line", 1), kind))
    return shares
