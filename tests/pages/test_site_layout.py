"""Site-root references read where the site's generator keeps its files (trial 5, problem 1): Eleventy's
input folder and passthrough copies, Hugo's staticDir, contentDir and themes, Jekyll's source and
baseurl, Astro's publicDir, Next.js's basePath, MkDocs's docs_dir, a site in a folder of the
repository. Each site writes one reference that leads to a file and one that leads to none: the
first must give no SL304, the second must (a layout read too widely would hide it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo


def build(repo: Path, files: dict[str, str], photos: tuple[str, ...]) -> None:
    for relpath, text in files.items():
        (repo / relpath).parent.mkdir(parents=True, exist_ok=True)
        (repo / relpath).write_text(text)
    for relpath in photos:
        clean_photo(repo / relpath)
    commit_all(repo, "site")


def broken(cli) -> list[tuple[str, int]]:
    code, out, err = cli("check", "--no-cache", "--no-progress", "--select", "SL304", "--output-format", "json")
    assert "Traceback" not in err
    return [(f["path"], f["line"]) for f in json.loads(out)["findings"]]


ELEVENTY_PAGES = {
    "src/_data/gallery.json": '{"photos": [\n  {"src": "/img/gallery/leavers-2.jpg"},\n'
                              '  {"src": "/img/gallery/gone.jpg"}\n]}\n',
    "src/_includes/base.njk": '<meta property="og:image" content="/img/gallery/leavers-2.jpg">\n',
    "src/posts/leavers.md": "---\nimage: /img/gallery/leavers-2.jpg\n---\n"
                            '<img src="/img/gallery/leavers-2.jpg" alt="The prize" width="400">\n',
}


@pytest.mark.parametrize("config", [
    {".eleventy.js": 'module.exports = function(c) { c.addPassthroughCopy("src/img"); '
                     'return {dir: {input: "src"}}; };\n'},
    {"eleventy.config.js": "module.exports = {\n  dir: {\n    input: 'src',\n    output: '_site'\n  }\n};\n"},
    {"eleventy.config.mjs": 'export default function (eleventyConfig) {\n'
                            '  eleventyConfig.setInputDirectory("src");\n}\n'},
    {"eleventy.config.cjs": "module.exports = config => ({ dir: { input: `src` } });\n"},
    {"package.json": '{"scripts": {"build": "npx @11ty/eleventy --input=src --output=_site"}}\n'},
], ids=["eleventy.js", "config.js", "setInputDirectory", "cjs-template-literal", "package-json-input"])
def test_an_eleventy_sites_root_is_its_input_folder(repo, cli, config):
    build(repo, {**config, **ELEVENTY_PAGES}, ("src/img/gallery/leavers-2.jpg",))
    assert broken(cli) == [("src/_data/gallery.json", 3)]


def test_the_trial_site_shares_and_renames_through_its_input_folder(repo, cli):
    build(repo, {".eleventy.js": 'module.exports = function(c) { c.addPassthroughCopy("src/img"); '
                                 'return {dir: {input: "src"}}; };\n',
                 ".schoollint.yml": 'pupil-photos: ["src/img/**"]\n',
                 "src/_data/gallery.json": '{"photos": [{"src": "/img/gallery/harry-fairbrother.jpg",'
                                           ' "caption": "Our leavers"}]}\n',
                 "src/_includes/base.njk": '<meta property="og:image" content="/img/gallery/harry-fairbrother.jpg">\n'},
          ("src/img/gallery/harry-fairbrother.jpg",))
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--select", "SL502", "--output-format", "json")
    assert [(f["code"], f["path"]) for f in json.loads(out)["findings"]] == [("SL502", "src/_includes/base.njk")]
    code, out, err = cli("check", "--no-cache", "--no-progress", "--select", "SL301", "--fix", "--unsafe-fixes")
    assert "renamed src/img/gallery/harry-fairbrother.jpg" in out, out + err
    moved = git(repo, "ls-files", "src/img/gallery")
    assert "harry-fairbrother" not in moved
    assert moved.strip() in (repo / "src/_data/gallery.json").read_text().replace("/img/", "src/img/")
    assert broken(cli) == []


def test_an_eleventy_passthrough_mapping_serves_its_folder_at_its_url(repo, cli):
    build(repo, {".eleventy.js": 'module.exports = function (c) {\n'
                                 '  c.addPassthroughCopy({ "assets/photos": "photos", "src/static": "/" });\n'
                                 '  return { dir: { input: "src" } };\n};\n',
                 "src/index.njk": '<img src="/photos/trip.jpg">\n<img src="/logo.jpg">\n'
                                  '<img src="/photos/gone.jpg">\n'},
          ("assets/photos/trip.jpg", "src/static/logo.jpg"))
    assert broken(cli) == [("src/index.njk", 3)]


@pytest.mark.parametrize("config, photo, page", [
    ({"hugo.toml": 'baseURL = "https://school.example/"\nstaticDir = ["static", "uploads"]\n'},
     "uploads/img/trip.jpg", "content/news/trip.md"),
    ({"config/_default/hugo.yaml": "staticDir: files\n"}, "files/img/trip.jpg", "content/news/trip.md"),
    ({"config.toml": 'theme = "school"\n', "layouts/.keep": ""}, "themes/school/static/img/trip.jpg",
     "content/news/trip.md"),
    ({"hugo.toml": '[languages.en]\ncontentDir = "content/en"\n[languages.cy]\ncontentDir = "content/cy"\n'},
     "content/en/img/trip.jpg", "content/en/news/trip.md"),
    ({"hugo.toml": '[[module.mounts]]\nsource = "media"\ntarget = "static/img"\n'},
     "media/trip.jpg", "content/news/trip.md"),
], ids=["staticDir-list", "config-default-yaml", "theme", "language-contentDir", "module-mount"])
def test_a_hugo_sites_root_is_read_from_its_config(repo, cli, config, photo, page):
    build(repo, {**config, page: '![Trip](/img/trip.jpg)\n![Gone](/img/gone.jpg)\n',
                 "data/staff.yaml": "- photo: /img/trip.jpg\n  name: Trip\n"}, (photo,))
    assert broken(cli) == [(page, 2)]


def test_a_hugo_page_bundles_photo_is_found_at_the_pages_url(repo, cli):
    build(repo, {"hugo.toml": 'contentDir = "pages"\n',
                 "layouts/index.html": '<img src="/news/sports-day/podium.jpg">\n<img src="/news/gone.jpg">\n',
                 "pages/news/sports-day/index.md": "![Podium](podium.jpg)\n"},
          ("pages/news/sports-day/podium.jpg",))
    assert broken(cli) == [("layouts/index.html", 2)]


def test_a_hugo_language_is_served_under_its_code(repo, cli):
    build(repo, {"hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n'
                              '[languages.cy]\ncontentDir = "content/cy"\n',
                 "layouts/index.html": '<img src="/cy/news/trip/relay.jpg">\n<img src="/news/trip/relay.jpg">\n'
                                       '<img src="/en/news/trip/relay.jpg">\n'},
          ("content/cy/news/trip/relay.jpg", "content/en/news/trip/relay.jpg"))
    assert broken(cli) == [("layouts/index.html", 3)]      # English, the default language, has no /en/


def test_a_jekyll_source_folder_and_baseurl(repo, cli):
    build(repo, {"_config.yml": "source: site\nbaseurl: /greenfield\n",
                 "site/index.html": '<img src="/greenfield/assets/trip.jpg">\n<img src="/assets/trip.jpg">\n'
                                    '<img src="/greenfield/assets/gone.jpg">\n',
                 "site/_data/prizes.yml": "- image: /greenfield/assets/trip.jpg\n  award: Spelling\n"},
          ("site/assets/trip.jpg",))
    assert broken(cli) == [("site/index.html", 3)]


@pytest.mark.parametrize("config, photo", [
    ({"astro.config.mjs": "export default defineConfig({\n  publicDir: './static-files',\n  base: '/docs',\n});\n"},
     "static-files/img/trip.jpg"),
    ({"next.config.js": "module.exports = { basePath: '/docs' };\n"}, "public/img/trip.jpg"),
    ({"mkdocs.yml": "site_name: School\nsite_url: https://school.example/docs/\ndocs_dir: handbook\n"},
     "handbook/img/trip.jpg"),
], ids=["astro", "next", "mkdocs"])
def test_a_public_folder_below_a_base_path(repo, cli, config, photo):
    build(repo, {**config, "src/page.html": '<img src="/docs/img/trip.jpg">\n<img src="/docs/img/gone.jpg">\n'},
          (photo,))
    assert broken(cli) == [("src/page.html", 2)]


def test_a_site_in_a_folder_of_the_repository_has_its_own_layout(repo, cli):
    build(repo, {"website/hugo.toml": 'staticDir = "assets-static"\n',
                 "website/content/news.md": "![Trip](/img/trip.jpg)\n![Gone](/img/gone.jpg)\n",
                 "docs/guide.html": '<img src="/img/trip.jpg">\n'},
          ("website/assets-static/img/trip.jpg",))
    assert broken(cli) == [("docs/guide.html", 1), ("website/content/news.md", 2)]


def test_a_computed_folder_is_not_guessed_and_is_said_so(tmp_path):
    from schoollint.pages.site_layout import layout_for

    (tmp_path / "eleventy.config.js").write_text(
        'const path = require("path");\nmodule.exports = { dir: { input: path.join("src", "site") } };\n')
    layout = layout_for(tmp_path, "src/site/index.njk")
    assert layout.generator == "Eleventy"
    assert layout.mounts[0].folder == ""            # Eleventy's default input, then the generic folders
    assert any("config computes `input`" in note for note in layout.notes)


def test_the_users_site_roots_come_first(repo, cli):
    from schoollint.pages.site_layout import fingerprint, use_site_roots

    build(repo, {"eleventy.config.js": 'module.exports = { dir: { input: process.env.INPUT || "site" } };\n',
                 "web/index.njk": '<img src="/img/trip.jpg">\n<img src="/img/gone.jpg">\n'}, ("web/img/trip.jpg",))
    before = fingerprint(repo)
    assert broken(cli) == [("web/index.njk", 1), ("web/index.njk", 2)]
    use_site_roots(repo, ["web/"])
    try:
        assert fingerprint(repo) != before
        assert broken(cli) == [("web/index.njk", 2)]
    finally:
        use_site_roots(repo, [])


def test_a_size_stated_on_a_page_of_the_input_folder_counts(repo, cli):
    from PIL import Image

    build(repo, {".eleventy.js": 'module.exports = () => ({ dir: { input: "src" } });\n',
                 "src/posts/leavers.md": '<img src="/img/leavers.jpg" alt="The prize" width="400">\n'}, ())
    (repo / "src/img").mkdir(parents=True)
    Image.new("RGB", (2400, 1800), "teal").save(repo / "src/img/leavers.jpg", quality=80)
    commit_all(repo, "photo")
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--select", "SL202", "--output-format", "json")
    assert [(f["code"], f["path"]) for f in json.loads(out)["findings"]] == [("SL202", "src/img/leavers.jpg")]


def test_a_rename_keeps_the_base_path_and_the_mount_a_reference_was_written_with(repo, cli):
    build(repo, {"_config.yml": "baseurl: /greenfield\n",
                 "index.html": '<img src="/greenfield/assets/amelia-watson.jpg" alt="Sports day">\n'},
          ("assets/amelia-watson.jpg",))
    cli("check", "--no-cache", "--no-progress", "--select", "SL301", "--fix", "--unsafe-fixes")
    moved = git(repo, "ls-files", "assets").strip()
    assert "amelia" not in moved
    assert (repo / "index.html").read_text() == f'<img src="/greenfield/{moved}" alt="Sports day">\n'
