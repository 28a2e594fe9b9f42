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
counts only when a file of the site is there and, when the site names its
address (`own_host`: Hugo `baseURL`, Jekyll `url`, a WordPress export...), the
host is that one; an image on another host is not the site's to check.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .model import Share
from .own_host import site_hosts as site_hosts      # where it was; tests clear its cache by this name
from .urls import is_file, resolve

SHARE_PROPERTIES = {"og:image": "og:image", "og:image:url": "og:image", "og:image:secure_url": "og:image",
                    "twitter:image": "twitter:image", "twitter:image:src": "twitter:image"}
JSON_LD_KEYS = ("image", "thumbnailUrl", "logo")
IMAGE_OBJECT_KEYS = ("url", "contentUrl")
FRONT_MATTER_KEYS = {"image": "front matter image (og:image)", "images": "front matter images (og:image)",
                     "og_image": "front matter og_image", "social_image": "front matter social_image"}
MAX_JSON_DEPTH = 64


def target_of(url: str, relpath: str, root: Path | None, *, site_relative: bool = False) -> str | None:
    """The site file a shared URL leads to: a local path as the page writes it, or an absolute URL of the
    site's own host (`urls.resolve`, `own_host`); None when no such file exists (with `root`)."""
    resolved = resolve(url.strip(), relpath, root, site_relative=site_relative)
    if resolved is None or (root is not None and not is_file(root / resolved.target)):
        return None
    return resolved.target


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
        document = located_json_ld(text, line)
    except (ValueError, RecursionError):
        return []      # a broken block shares nothing a crawler can read
    return [Share(str(url), target_of(url, relpath, root), getattr(url, "line", line), "JSON-LD image")
            for url in json_ld_images(document)]


@lru_cache(maxsize=4)
def located_json_ld(text: str, line: int):
    """The JSON-LD block `text` (its first line `line`) parsed, each string a data.LineStr on its line.

    One pass over the block (a search from its top for each image was quadratic: 12 s for 20,000
    images); kept for the page's other reader of the same block (page_cards), which must not parse it
    again. ValueError or RecursionError when it is no JSON. Callers only read the result.
    """
    from .data import locate_strings    # only pages with a JSON-LD block pay its import

    return locate_strings(json.loads(text), text, line)


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
