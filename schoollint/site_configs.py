"""The file names of the static site generators' configurations (issue 18): data alone, so that asking
whether a folder holds one (plain_site.says_site, as a run finds its site's top) imports none of the
readers. pages/generators.py reads these configs and re-exports the names."""

from __future__ import annotations

HUGO_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
              "config.json")
ELEVENTY = (".eleventy.js", ".eleventy.cjs", "eleventy.config.js", "eleventy.config.cjs", "eleventy.config.mjs",
            "eleventy.config.ts")
JEKYLL = ("_config.yml", "_config.yaml")


def js_names(*stems: str) -> tuple[str, ...]:
    return tuple(f"{stem}.{ext}" for stem in stems for ext in ("js", "mjs", "cjs", "ts", "mts"))


# JavaScript-configured generators: config files, (folder key, default folder), base-path key.
JS_SITES = (
    ("Astro", js_names("astro.config"), ("publicDir", "public"), "base"),
    ("Next.js", js_names("next.config"), (None, "public"), "basePath"),
    ("Gatsby", js_names("gatsby-config"), (None, "static"), "pathPrefix"),
    ("SvelteKit", js_names("svelte.config"), ("assets", "static"), "base"),
    ("Docusaurus", js_names("docusaurus.config"), (None, "static"), "baseUrl"),
    ("Vite", js_names("vite.config"), ("publicDir", "public"), "base"),
)
CONFIG_NAMES = frozenset((*HUGO_NAMES, *ELEVENTY, *JEKYLL, "mkdocs.yml", "mkdocs.yaml",
                          *(name for site in JS_SITES for name in site[1])))
