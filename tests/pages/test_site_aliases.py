"""Path aliases a site declares (trial 6, item 9): Docusaurus's `@site/`, `require('...').default`,
`useBaseUrl('/x')` and `pathname:///x`; tsconfig/jsconfig `compilerOptions.paths`; Vite's `resolve.alias`
as a literal object. A reference through one leads to its file (no false SL304), one to a missing file is
still SL304, and a rename writes the reference back under the same alias. Real Git sites, through the CLI."""

from __future__ import annotations

import json

import pytest

from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo


def _check(monkeypatch, capsys, site, *argv: str) -> tuple[int, dict]:
    from schoollint.cli import main

    monkeypatch.chdir(site)
    code = main(["check", "--no-vision", "--no-cache", "--output-format", "json", *argv])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return code, json.loads(out)


def _broken(report: dict) -> set[tuple[str, int]]:
    return {(f["path"], f["line"]) for f in report["findings"] if f["code"] == "SL304"}


def _docusaurus(tmp_path):
    site = tmp_path / "docs-site"
    (site / "website").mkdir(parents=True)
    (site / "website" / "docusaurus.config.js").write_text("module.exports = { baseUrl: '/school/' };\n")
    for name in ("head.jpg", "deputy.jpg", "ruby.jpg", "trip.jpg", "harvey-collins.jpg"):
        clean_photo(site / "website" / "static" / "img" / name)
    pages = site / "website" / "src" / "pages"
    pages.mkdir(parents=True)
    (pages / "about.jsx").write_text(
        "import head from '@site/static/img/head.jpg';\n"
        "import gone from '@site/static/img/gone.jpg';\n"
        "export default () => (<main>\n"
        "  <img src={require('@site/static/img/deputy.jpg').default} alt='Deputy' />\n"
        "  <img src={useBaseUrl('/img/ruby.jpg')} alt='Ruby' />\n"
        "  <img src={head} alt='Head' />\n"
        "</main>);\n")
    (pages / "beach.jsx").write_text("import p from '@site/static/img/harvey-collins.jpg';\n"
                                     "export default () => <img src={p} alt='Sandcastle' />;\n")
    (site / "website" / "docs").mkdir()
    (site / "website" / "docs" / "trip.md").write_text("# Trip\n\n[The trip](pathname:///img/trip.jpg)\n")
    git(site, "init", "-q")
    commit_all(site, "site")
    return site


def test_docusaurus_site_alias_require_and_use_base_url_lead_to_their_files(tmp_path, monkeypatch, capsys):
    site = _docusaurus(tmp_path)
    _code, report = _check(monkeypatch, capsys, site)
    assert _broken(report) == {("website/src/pages/about.jsx", 2)}      # only the photo that is not there


def test_a_rename_writes_the_site_alias_back(tmp_path, monkeypatch, capsys):
    site = _docusaurus(tmp_path)
    _check(monkeypatch, capsys, site, "--fix", "--unsafe-fixes", "--select", "SL301")
    page = (site / "website" / "src" / "pages" / "beach.jsx").read_text()
    assert "harvey-collins" not in page
    imported = page.split("'")[1]
    assert imported.startswith("@site/static/img/") and (site / "website" / imported[len("@site/"):]).is_file()
    _code, report = _check(monkeypatch, capsys, site)
    assert not any(path == "website/src/pages/beach.jsx" for path, _ in _broken(report))


TSCONFIG_AND_VITE_OBJECT = {
    "tsconfig.json": ('{\n  // the app\'s folders\n'
                      '  "compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["app/*"],},},\n}\n'),
    "vite.config.ts": ("import { fileURLToPath, URL } from 'node:url';\n"
                       "export default { resolve: { alias: {\n"
                       "  '@pics': fileURLToPath(new URL('./shared/pics', import.meta.url)),\n} } };\n")}
# Vite's other documented form, `alias: [{ find, replacement }]`, keys in either order; an entry
# whose `find` is a regular expression is not read (and adds no folder).
VITE_ARRAY = {
    "vite.config.js": ("import path from 'node:path';\nimport { fileURLToPath, URL } from 'node:url';\n"
                       "export default defineConfig({ resolve: { alias: [\n"
                       "  { find: '@', replacement: path.resolve(__dirname, './src') },\n"
                       "  { replacement: fileURLToPath(new URL('./shared/pics', import.meta.url)), find: '@pics' },\n"
                       "  { find: /^~(.*)$/, replacement: '$1' },\n] } });\n")}


@pytest.mark.parametrize("configs, app", [(TSCONFIG_AND_VITE_OBJECT, "app"), (VITE_ARRAY, "src")],
                         ids=["tsconfig-paths-and-vite-object", "vite-array"])
def test_tsconfig_paths_and_vite_aliases_lead_to_their_folders(tmp_path, monkeypatch, capsys, configs, app):
    site = tmp_path / "vite-site"
    clean_photo(site / app / "assets" / "team.jpg")
    clean_photo(site / "shared" / "pics" / "logo.jpg")
    for name, text in configs.items():
        (site / name).write_text(text)
    (site / app / "Team.vue").write_text(
        "<template>\n<img src=\"@/assets/team.jpg\" alt=\"Team\">\n<img src=\"@pics/logo.jpg\" alt=\"Logo\">\n"
        "<img src=\"@pics/none.jpg\" alt=\"x\">\n</template>\n")
    git(site, "init", "-q")
    commit_all(site, "site")
    _code, report = _check(monkeypatch, capsys, site)
    assert _broken(report) == {(f"{app}/Team.vue", 4)}
