"""Pages that are not valid UTF-8 (issue 10, trial item 10): read as Windows-1252, the web's
fallback, so "François Dupont" stays a name (SL302), and SL002 says once per page how it was read;
the UTF-8 copy gives no SL002. One case per page language, through the command line."""

from __future__ import annotations

import json

import pytest

NAME = "François Dupont at the café"
IMG = f'<img src="/images/run.jpg" alt="{NAME}"'
PAGES = {
    "HTML": ("news/sports.html", f"<!doctype html>\n<p>Sports day</p>\n{IMG}>\n"),
    "Markdown": ("news/sports.md", f"# Sports day\n\n![{NAME}](/images/run.jpg)\n"),
    "YAML data": ("_data/gallery.yml", f"- photo: /images/run.jpg\n  alt: {NAME}\n"),
    "JSON data": ("data/gallery.json", json.dumps([{"photo": "/images/run.jpg", "alt": NAME}], ensure_ascii=False)),
    "JSX component": ("src/Gallery.jsx",
                      f"export default function Gallery() {{\n  return {IMG} />;\n}}\n"),
    "Astro": ("src/pages/index.astro", f'---\nconst title = "Sports";\n---\n{IMG} />\n'),
    "Vue": ("src/Gallery.vue", f"<template>\n  {IMG}>\n</template>\n"),
    "Svelte": ("src/Gallery.svelte", f"{IMG}>\n"),
}


def _findings(cli, path):
    code, out, _ = cli("check", "--output-format", "json", "--select", "SL002,SL302", path)
    return code, [(f["code"], f.get("field")) for f in json.loads(out)["findings"]]


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_windows_1252_page_keeps_its_names_and_says_how_it_was_read(repo, cli, language):
    path, text = PAGES[language]
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode("cp1252"))
    code, found = _findings(cli, path)
    assert code == 1
    assert [code for code, _ in found].count("SL302") >= 1, found
    assert found.count(("SL002", "character encoding")) == 1, found

    target.write_bytes(text.encode("utf-8"))
    code, found = _findings(cli, path)
    assert "SL302" in [code for code, _ in found]
    assert not [finding for finding in found if finding[0] == "SL002"], found


def test_an_html_page_that_declares_its_charset_is_read_in_it_without_sl002(repo, cli):
    """Trial item 17: SL002 is for a page read in the fallback; a page that says how it is
    written (a <meta charset>) is read as it says, as a browser reads it."""
    (repo / "old.html").write_bytes(f'<meta charset="windows-1252">\n{IMG}>\n'.encode("cp1252"))
    code, found = _findings(cli, "old.html")
    assert code == 1 and [code for code, _ in found] == ["SL302"], found
