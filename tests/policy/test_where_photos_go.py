"""SL501 pupil-photo-public and SL502 pupil-photo-shared through the command line, on the fixture
school site (tests/kit/school_site.py): what makes a photo one of pupils, each way a site hands a
photo to other sites, and the protected area."""

from __future__ import annotations

import json

import pytest

from tests.kit.school_site import build_school_site
from tests.kit.tools import needs_vision

SITE = "https://oakfield.example"
# Each share of a photo: the file that makes it, its text (PHOTO stands for the photo's site path),
# the line the share is written on, and the kind the finding names.
SHARES = {
    "og:image": ("about.html", '<html><head>\n<meta property="og:image" content="{site}PHOTO">\n</head></html>', 2,
                 "og:image"),
    "twitter:image": ("about.html", '<head>\n\n<meta name="twitter:image" content="PHOTO"></head>', 3,
                      "twitter:image"),
    "JSON-LD": ("about.html", '<script type="application/ld+json">\n{"@graph": [{"@type": "NewsArticle",\n'
                '"image": {"@type": "ImageObject", "url": "{site}PHOTO"}}]}</script>', 3, "JSON-LD image"),
    "front matter": ("news/open-day.md", "---\ntitle: Open day\nimage: PHOTO\n---\nCome and see us.\n", 3,
                     "front matter image (og:image)"),
    "image sitemap": ("sitemap.xml", '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
                      'sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n<url><loc>'
                      '{site}/</loc>\n<image:image><image:loc>{site}PHOTO</image:loc></image:image></url>'
                      "</urlset>\n", 4, "image sitemap"),
    "RSS enclosure": ("feed.xml", '<rss version="2.0"><channel><item>\n<enclosure url="{site}PHOTO" '
                      'type="image/jpeg" length="1"/></item></channel></rss>\n', 2, "RSS enclosure"),
    "media:content": ("rss.xml", '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>\n'
                      '<item>\n<media:content url="{site}PHOTO" medium="image"/></item></channel></rss>\n', 3,
                      "media:content"),
    "Atom enclosure": ("atom.xml", '<feed xmlns="http://www.w3.org/2005/Atom"><entry>\n<link rel="enclosure" '
                       'href="{site}PHOTO"/></entry></feed>\n', 2, "Atom enclosure"),
    "manifest icon": ("site.webmanifest", '{"name": "Oakfield",\n "icons": [{"src": "PHOTO", "sizes": "64x48"}]}\n',
                      2, "web app manifest icons"),
    "manifest screenshot": ("manifest.json", '{"name": "Oakfield",\n\n "screenshots": [{"src": "PHOTO"}]}\n', 3,
                            "web app manifest screenshots"),
}


@pytest.fixture
def site(tmp_path, monkeypatch):
    built = build_school_site(tmp_path / "site")
    monkeypatch.chdir(built.root)
    monkeypatch.delenv("SCHOOLLINT_ROSTER", raising=False)
    return built


def _findings(cli, site, codes: str, roster: bool = True) -> list[tuple[str, str, int | None, str]]:
    argv = ["check", "--no-cache", "--select", codes, "--output-format", "json", "--show-values"]
    code, out, err = cli(*argv, *(["--roster", str(site.roster)] if roster else []))
    assert code in (0, 1), err
    return sorted((f["path"], f["code"], f["line"], f["value"]) for f in json.loads(out)["findings"])


def _share(site, kind: str, photo: str) -> tuple[str, int, str]:
    page, text, line, label = SHARES[kind]
    site.write(page, text.replace("{site}", SITE).replace("PHOTO", "/" + photo))
    return page, line, label


@pytest.mark.parametrize("kind", sorted(SHARES))
def test_sl502_for_each_way_a_photo_of_pupils_leaves_the_site(site, cli, kind):
    page, line, label = _share(site, kind, "images/team.jpg")      # its XMP names the pupil in it
    code, out, err = cli("check", "--no-cache", "--select", "SL502", "--output-format", "json",
                         "--roster", str(site.roster))
    found = json.loads(out)["findings"]
    assert [(f["path"], f["line"], f["field"]) for f in found] == [(page, line, label)], err
    assert "its metadata names the people in it" in found[0]["message"]
    assert "team.jpg" not in found[0]["message"]                   # the photo is the value, not the words


@pytest.mark.parametrize("kind", sorted(SHARES))
def test_sharing_a_photo_without_pupils_is_silent(site, cli, kind):
    _share(site, kind, "images/hall.jpg")
    assert _findings(cli, site, "SL502") == []


def test_a_photo_is_of_pupils_when_a_page_names_a_roster_pupil_with_it(site, cli):
    # news/science-fair.md: "Priya Nair won the art prize." is the paragraph after art-prize.jpg.
    page, line, _label = _share(site, "og:image", "images/art-prize.jpg")
    assert _findings(cli, site, "SL502") == [(page, "SL502", line, "images/art-prize.jpg")]
    code, out, _err = cli("check", "--no-cache", "--select", "SL502", "--output-format", "json",
                          "--roster", str(site.roster))
    assert "a pupil on the roster is named with it on news/science-fair.md line 10" in out
    assert "Priya" not in out and "Nair" not in out
    assert _findings(cli, site, "SL502", roster=False) == []       # no roster: no pupil to pair with


def test_pupil_photos_globs_make_a_photo_one_of_pupils(site, cli):
    page, line, _label = _share(site, "image sitemap", "images/hall.jpg")
    assert _findings(cli, site, "SL502") == []
    site.config("pupil-photos: ['images/hall*']\n")
    assert _findings(cli, site, "SL502") == [(page, "SL502", line, "images/hall.jpg")]


def test_sl501_is_off_until_protected_is_set(site, cli):
    assert _findings(cli, site, "SL501") == []


@pytest.mark.parametrize("protected", ["/parents/", "parents/**"])
def test_sl501_reports_a_photo_of_pupils_shown_outside_the_protected_area(site, cli, protected):
    site.write("parents/gallery.html", '<img src="../images/team.jpg" alt="The team">\n'
               '<img src="../images/art-prize.jpg" alt="The art prize">\n')
    site.config(f"protected: ['{protected}']\n")
    # team.jpg names a pupil in its metadata; art-prize.jpg and amara-osei-netball.jpg have a roster pupil
    # named between them (charged to both since session 6). All show outside parents/ on the news page;
    # hall.jpg and the first-name photos are not of pupils.
    assert _findings(cli, site, "SL501") == [
        ("news/science-fair.md", "SL501", 8, "images/art-prize.jpg"),
        ("news/science-fair.md", "SL501", 12, "images/amara-osei-netball.jpg"),
        ("news/science-fair.md", "SL501", 16, "images/team.jpg"),
    ]


def test_a_photo_shown_only_in_the_protected_area_is_silent(site, cli):
    site.write("news/science-fair.md", "---\ntitle: Science fair\n---\nNews is in the parents' area.\n")
    site.write("parents/gallery.html", '<img src="../images/team.jpg" alt="The team">\n')
    site.config("protected: ['/parents/']\n")
    assert _findings(cli, site, "SL501") == []


def test_hostile_and_broken_share_files_are_bounded_and_named(site, cli):
    laughs = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' +
              "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) +
              ']><urlset xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
              "<image:loc>&i;</image:loc></urlset>")
    site.write("sitemap.xml", laughs)
    site.write("feed.xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               '<rss><channel><item><enclosure url="&x;"/></item></channel></rss>')
    site.write("news-sitemap.xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               '<urlset xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"><image:loc>&x;</image:loc>'
               '</urlset>')
    site.write("atom.xml", "<feed><entry><link rel=")
    code, out, err = cli("check", "--no-cache", "--select", "SL002,SL502", "--output-format", "json")
    found = sorted((f["path"], f["code"]) for f in json.loads(out)["findings"])
    # Entity amplification, an external entity in an attribute and a truncated file are not
    # well-formed XML; an external entity in text is left unexpanded, so it shares nothing.
    assert found == [("atom.xml", "SL002"), ("feed.xml", "SL002"), ("sitemap.xml", "SL002")], err
    assert "Traceback" not in err and "root:" not in out


@needs_vision
def test_a_photo_in_which_vision_found_a_face_is_of_pupils(site, cli):
    from PIL import Image
    from skimage import data

    Image.fromarray(data.astronaut()).resize((1024, 1024)).save(site.root / "images" / "portrait.jpg", quality=90)
    page, line, _label = _share(site, "og:image", "images/portrait.jpg")
    # The face is found by the photo's own check (SL403, a face shown larger than a page needs).
    code, out, err = cli("check", "--no-cache", "--select", "SL403,SL502", "--output-format", "json")
    found = [f for f in json.loads(out)["findings"] if f["code"] == "SL502"]
    assert [(f["path"], f["line"]) for f in found] == [(page, line)], err
    assert "faces found in it" in found[0]["message"]
    _code, out, _err = cli("check", "--no-cache", "--select", "SL502", "--no-vision", "--output-format", "json")
    assert json.loads(out)["findings"] == []                        # without vision nothing says so
