"""Trial 10 item 5: `schoollint: ignore` comments and `data-schoollint-ignore` were read in HTML,
Markdown and MDX but not in Vue, JSX, TSX, Svelte or Astro components, so SL302 was still reported
under them, and a typo (`{/* schoollint: ignore SL3O2 */}` in JSX) was no SL001. Each format's own
comment syntax now works: `<!-- -->` in Vue/Svelte/Astro markup, `{/* */}` in JSX/TSX/Astro markup,
`//` and `/* */` in scripts and front matter, and the attribute on the element."""

from __future__ import annotations

import json

import pytest

from tests.audit.sites import clean_jpeg, write
from tests.kit.git import git

IMG = '<img src="../p.jpg" alt="Jessica Thompson smiling" />'

SUPPRESSED = {
    "C.vue": f"<template>\n  <div>\n    <!-- schoollint: ignore SL302 -->\n    {IMG}\n  </div>\n</template>\n",
    "D.jsx": ("export default function D() {\n  return (\n    <div>\n      {/* schoollint: ignore SL302 */}\n"
              f"      {IMG}\n    </div>\n  );\n}}\n"),
    "T.tsx": ("export default function T(): JSX.Element {\n  return (\n    <div>\n"
              f"      {{/* schoollint: ignore name-in-alt-text */}}\n      {IMG}\n    </div>\n  );\n}}\n"),
    "E.svelte": f"<div>\n  <!-- schoollint: ignore SL302 -->\n  {IMG}\n</div>\n",
    "F.astro": f"---\nconst x = 1;\n---\n<div>\n  <!-- schoollint: ignore SL302 -->\n  {IMG}\n</div>\n",
    "G.astro": f"---\nconst x = 1;\n---\n<div>\n  {{/* schoollint: ignore SL302 */}}\n  {IMG}\n</div>\n",
    "H.jsx": "export const H = () => (\n  <img\n    src=\"../p.jpg\"\n    data-schoollint-ignore=\"SL302\"\n"
             "    alt=\"Jessica Thompson smiling\"\n  />\n);\n",
    "I.vue": ("<template>\n  <img src=\"../p.jpg\" data-schoollint-ignore=\"SL302\"\n"
              "       alt=\"Jessica Thompson smiling\" />\n</template>\n"),
    "J.tsx": f"export const J = () => <div>{IMG} {{/* schoollint: ignore SL302 */}}</div>;\n",
    "K.jsx": ("export const K = () => (\n  // schoollint: ignore SL302\n"
              "  <img src=\"../p.jpg\" alt=\"Jessica Thompson smiling\" />\n);\n"),
}


@pytest.fixture
def components(repo):
    write(repo, "src/p.jpg", clean_jpeg())
    for name, text in SUPPRESSED.items():
        write(repo, f"src/pages/{name}", text)
    git(repo, "add", "-A")
    return repo


def _findings(cli, *words):
    code, out, err = cli("check", "--no-progress", "--output-format", "json", "--select", "SL302,SL001", *words)
    return code, json.loads(out)["findings"], err


def test_each_components_comment_syntax_suppresses(components, cli):
    code, findings, err = _findings(cli)
    assert [(f["path"], f["code"], f["line"]) for f in findings] == [], err
    assert code == 0


def test_without_the_comments_each_component_is_reported(components, cli):
    """The fixture's photos are found in every component: the suppressions are what silences them."""
    for name in SUPPRESSED:
        page = components / "src/pages" / name
        text = page.read_text()
        text = text.replace("schoollint: ignore", "note:").replace('data-schoollint-ignore="SL302"', "")
        page.write_text(text)
    _code, findings, _err = _findings(cli)
    assert sorted({f["path"] for f in findings if f["code"] == "SL302"}) == sorted(
        f"src/pages/{name}" for name in SUPPRESSED)


@pytest.mark.parametrize("name, text, line", [
    ("D.jsx", f"export const D = () => (\n  <div>\n    {{/* schoollint: ignore SL3O2 */}}\n    {IMG}\n  </div>\n);\n",
     3),
    ("C.vue", f"<template>\n  <!-- schoollint: ignore SL3O2 -->\n  {IMG}\n</template>\n", 2),
    ("F.astro", f"---\n// schoollint: ignore SL3O2\nconst x = 1;\n---\n{IMG}\n", 2),
])
def test_a_typo_in_a_component_suppression_is_sl001(repo, cli, name, text, line):
    write(repo, "src/p.jpg", clean_jpeg())
    write(repo, f"src/pages/{name}", text)
    git(repo, "add", "-A")
    _code, findings, err = _findings(cli)
    typo = [f for f in findings if f["code"] == "SL001"]
    assert [f["line"] for f in typo] == [line], err
    assert "SL3O2" in typo[0]["message"]


def test_an_unused_component_suppression_is_sl001(repo, cli):
    write(repo, "src/p.jpg", clean_jpeg())
    write(repo, "src/pages/U.vue", '<template>\n  <!-- schoollint: ignore SL302 -->\n'
                                   '  <img src="../p.jpg" alt="The library" />\n</template>\n')
    git(repo, "add", "-A")
    _code, findings, _err = _findings(cli)
    assert [(f["code"], f["line"]) for f in findings] == [("SL001", 2)]


def test_a_url_in_a_component_is_no_comment(repo, cli):
    write(repo, "src/pages/L.jsx", 'export const L = () => <img src="https://example.org/a.jpg" '
                                   'alt="Jessica Thompson smiling" />; // schoollint is run in CI\n')
    git(repo, "add", "-A")
    _code, findings, _err = _findings(cli)
    assert [f["code"] for f in findings] == ["SL302"]
