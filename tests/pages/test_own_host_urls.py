"""Absolute URLs of the site's own host (trial 7, item 9): a WordPress site writes every picture as
"https://www.our-school.sch.uk/wp-content/uploads/...". Such a URL is the file at its path for every
rule that reads where a page's pictures lead (SL202, SL304, SL501 and the names beside a photo, the
rename), as it already was for SL502; another host's URL stays remote. Real sites, through the
command line."""

from __future__ import annotations

import json

import pytest

from schoollint.pages.near_miss import CASE
from tests.kit.images import encode, gradient
from tests.kit.school_site import build_school_site, html_page

HOST = "www.our-school.sch.uk"
UPLOADS = "wp-content/uploads/2024/05"
# A WordPress export (WXR 1.2) as Tools > Export writes its head: it names the site's address.
WXR = f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Our School</title>
<link>https://{HOST}</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://{HOST}</wp:base_site_url>
<wp:base_blog_url>https://{HOST}</wp:base_blog_url>
</channel>
</rss>
"""
EXPORT = "our-school.wordpress.2024-06-01.xml"


def _write(root, relpath: str, data: bytes | str) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def _wordpress_site(root, *images: str, export: str = WXR) -> None:
    """A WordPress site exported as static pages: the export that names its address, a 1200 px upload,
    and a post at its permalink showing each of `images` (an <img>'s attributes) on lines 4, 5..."""
    if export:
        _write(root, EXPORT, export)
    _write(root, f"{UPLOADS}/sports-day.jpg", encode(gradient((1200, 800)), "JPEG", quality=90))
    _write(root, "2024/05/sports-day/index.html", html_page("<h1>Sports day</h1>", *(f"<img {attributes}>"
                                                                                    for attributes in images)))


def _findings(cli, codes: str, *extra: str) -> list[tuple[str, str, int | None, str]]:
    code, out, err = cli("check", "--no-cache", "--select", codes, "--output-format", "json", "--show-values",
                         *extra)
    assert code in (0, 1), err
    return sorted((f["path"], f["code"], f["line"], f["message"]) for f in json.loads(out)["findings"])


@pytest.mark.parametrize("origin", [f"https://{HOST}", f"http://{HOST}", f"//{HOST}", "HTTPS://WWW.Our-School.sch.uk"])
def test_sl202_reads_an_own_host_url_as_the_site_s_file(repo, cli, origin):
    _wordpress_site(repo, f'src="{origin}/{UPLOADS}/sports-day.jpg?ver=2" width="300" alt="The race"')
    [(path, code, _line, message)] = _findings(cli, "SL202,SL304")
    assert (path, code) == (f"{UPLOADS}/sports-day.jpg", "SL202")
    assert "(2024/05/sports-day/index.html line 4)" in message


def test_wordpress_s_own_markup_its_sizes_in_a_srcset_of_absolute_urls(repo, cli):
    """A post as WordPress writes it: the medium size in src, every size in srcset, the original
    linked: the sizes served wider than 2 x 300 px are reported, the linked original is not (a link
    shows it at no known size)."""
    _wordpress_site(repo)
    for size in ((300, 200), (1024, 683)):
        _write(repo, f"{UPLOADS}/sports-day-{size[0]}x{size[1]}.jpg", encode(gradient(size), "JPEG", quality=90))
    base = f"https://{HOST}/{UPLOADS}/sports-day"
    _write(repo, "2024/05/relay/index.html", html_page(
        f'<figure class="wp-block-image size-medium"><a href="{base}.jpg"><img decoding="async" width="300" '
        f'height="200" src="{base}-300x200.jpg" alt="The relay" class="wp-image-42" srcset="{base}-300x200.jpg '
        f'300w, {base}-1024x683.jpg 1024w, {base}.jpg 1200w" sizes="(max-width: 300px) 100vw, 300px" /></a>'
        "</figure>"))
    assert [(path, code) for path, code, _line, _message in _findings(cli, "SL202,SL304")] == [
        (f"{UPLOADS}/sports-day-1024x683.jpg", "SL202")]


def test_another_host_and_the_www_less_name_stay_remote(repo, cli):
    _wordpress_site(repo, f'src="https://our-school.sch.uk/{UPLOADS}/sports-day.jpg" width="300" alt="x"',
                    f'src="https://cdn.example.net/{UPLOADS}/sports-day.jpg" width="300" alt="x"',
                    f'src="https://our-school.sch.uk/{UPLOADS}/gone.jpg" alt="x"',
                    f'src="//cdn.example.net/{UPLOADS}/gone.jpg" alt="x"')
    # Neither host is the site's: not shown by this page, and not broken (another site's files).
    assert _findings(cli, "SL202,SL304") == []


def test_a_www_less_name_counts_when_the_site_names_it_too(repo, cli):
    _wordpress_site(repo, f'src="https://our-school.sch.uk/{UPLOADS}/sports-day.jpg" width="300" alt="x"')
    _write(repo, "wp-config.php", "<?php\ndefine( 'WP_HOME', 'https://our-school.sch.uk' );\n")
    assert [code for _path, code, _line, _message in _findings(cli, "SL202,SL304")] == ["SL202"]


def test_sl304_for_an_own_host_url_that_leads_to_no_file(repo, cli):
    _wordpress_site(repo, f'src="https://{HOST}/{UPLOADS}/sports-day.jpg" alt="x"',
                    f'src="https://{HOST}/{UPLOADS}/gone.jpg" alt="x"',
                    f'src="//{HOST}/{UPLOADS}/Sports-Day.jpg" alt="x"',
                    f'src="https://cdn.example.net/{UPLOADS}/missing.jpg" alt="x"')
    found = _findings(cli, "SL304")
    assert [(path, line) for path, _code, line, _message in found] == [("2024/05/sports-day/index.html", 5),
                                                                       ("2024/05/sports-day/index.html", 6)]
    assert found[1][3].endswith(CASE)          # the near miss says why, as for a path written without a host


def test_without_a_named_host_a_url_counts_by_the_file_at_its_path_and_is_never_broken(repo, cli):
    _wordpress_site(repo, f'src="https://{HOST}/{UPLOADS}/sports-day.jpg" width="300" alt="x"',
                    f'src="https://{HOST}/{UPLOADS}/gone.jpg" alt="x"', export="")
    # No export, config or CNAME names the host: the file at the path decides; a missing one may be
    # another site's, so it is not reported as broken.
    assert [code for _path, code, _line, _message in _findings(cli, "SL202,SL304")] == ["SL202"]


# Each way a site names its own address, with a site-root folder and a base path where it has them:
# (files, the URL's origin and base path, the folder the generator serves "/" from).
SOURCES = {
    "Hugo baseURL with a path": ({"hugo.toml": 'baseURL = "https://school.example/oakfield/"\n'},
                                 "https://school.example/oakfield", "static"),
    "Jekyll url and baseurl": ({"_config.yml": "url: https://school.example\nbaseurl: /oakfield\n"},
                               "https://school.example/oakfield", ""),
    "MkDocs site_url": ({"mkdocs.yml": "site_name: Oakfield\nsite_url: https://school.example/\n"},
                        "https://school.example", "docs"),
    "Astro site": ({"astro.config.mjs": "export default defineConfig({ site: 'https://school.example' });\n"},
                   "https://school.example", "public"),
    "Eleventy global data": ({".eleventy.js": "module.exports = () => ({ dir: { input: 'src' } });\n",
                              "src/_data/metadata.json": '{"title": "Oakfield", "url": "https://school.example/"}'},
                             "https://school.example", "src"),
    "GitHub Pages CNAME": ({"CNAME": "school.example\n"}, "https://school.example", ""),
    "wp-config.php": ({"wp-config.php": "<?php\ndefine('WP_SITEURL', 'https://school.example');\n"},
                      "https://school.example", ""),
}


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_each_way_a_site_names_its_host(repo, cli, source):
    files, origin, served = SOURCES[source]
    for relpath, text in files.items():
        _write(repo, relpath, text)
    folder = f"{served}/images" if served else "images"
    _write(repo, f"{folder}/choir.jpg", encode(gradient((1200, 800)), "JPEG", quality=90))
    page = f"{served}/index.html" if served in ("src", "docs") else "index.html"
    _write(repo, page, html_page(f'<img src="{origin}/images/choir.jpg" width="300" alt="The choir">',
                                 f'<img src="{origin}/images/gone.jpg" alt="Gone">',
                                 '<img src="https://elsewhere.example/images/away.jpg" alt="Away">'))
    found = [(path, code, line) for path, code, line, _message in _findings(cli, "SL202,SL304")]
    assert found == sorted([(page, "SL304", 4), (f"{folder}/choir.jpg", "SL202", None)])


@pytest.fixture
def school(tmp_path, monkeypatch):
    site = build_school_site(tmp_path / "site")
    monkeypatch.chdir(site.root)
    monkeypatch.delenv("SCHOOLLINT_ROSTER", raising=False)
    site.write(EXPORT, WXR)
    site.config("protected: ['/parents/']\n")
    return site


def test_sl501_and_the_names_beside_a_photo_read_own_host_urls(school, cli):
    school.photo(f"{UPLOADS}/relay.jpg")                                # nothing in it names anyone
    school.photo(f"{UPLOADS}/team.jpg", people=("Rowan Hughes",))       # its XMP names a pupil
    school.photo(f"{UPLOADS}/hall.jpg")
    school.write("2024/05/sports-day/index.html", html_page(
        f'<figure><img src="https://{HOST}/{UPLOADS}/relay.jpg" alt="The relay">',
        "<figcaption>Maya Clarke wins the relay</figcaption></figure>",
        f'<img src="//{HOST}/{UPLOADS}/team.jpg" alt="The team">',
        f'<img src="https://{HOST}/{UPLOADS}/hall.jpg" alt="The hall">'))
    found = [(path, line, message) for path, _code, line, message in
             _findings(cli, "SL501", "--roster", str(school.roster)) if path.startswith("2024/")]
    assert [(path, line) for path, line, _message in found] == [("2024/05/sports-day/index.html", 3),
                                                                 ("2024/05/sports-day/index.html", 5)]
    assert "a pupil on the roster is named with it on 2024/05/sports-day/index.html line 4" in found[0][2]
    assert "its metadata names the people in it" in found[1][2]


def test_a_rename_rewrites_own_host_urls_and_leaves_other_hosts(repo, cli):
    _wordpress_site(repo)
    _write(repo, f"{UPLOADS}/oliver-bennett.jpg", encode(gradient((64, 48)), "JPEG", quality=90))
    _write(repo, "2024/05/prize/index.html", html_page(
        f'<img src="https://{HOST}/{UPLOADS}/oliver-bennett.jpg" alt="Prize">',
        f'<a href="//{HOST}/{UPLOADS}/oliver-bennett.jpg?w=1">Full size</a>',
        f'<img src="https://cdn.example.net/{UPLOADS}/oliver-bennett.jpg" alt="Mirror">'))
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress", "--select", "SL301")
    assert "not fixed" not in out, out
    [new] = [path.name for path in (repo / UPLOADS).iterdir() if path.name != "sports-day.jpg"]
    assert new != "oliver-bennett.jpg"
    page = (repo / "2024/05/prize/index.html").read_text()
    assert f'src="https://{HOST}/{UPLOADS}/{new}"' in page and f'href="//{HOST}/{UPLOADS}/{new}?w=1"' in page
    assert f"https://cdn.example.net/{UPLOADS}/oliver-bennett.jpg" in page      # another site's file
    assert _findings(cli, "SL301,SL304") == []
