"""A rename keeps every byte of a reference that is not the file's path: a template expression
before it (Liquid `{{ site.baseurl }}`, Hugo `{{ .Site.BaseURL }}`, a `| relative_url`, `| absURL`,
`| url` filter) stays as written; where which bytes are the path cannot be told, the rename is
refused, naming the file and line; a rewritten reference that would not lead to the new name
refuses the rename whole.

Trial (session 6, item 1): on a Jekyll project site (`baseurl: /hilltop`) `check --fix
--unsafe-fixes` turned `<img src="{{ site.baseurl }}/assets/img/news/Sophie_Turner_Y4_art.JPG">`
into `<img src="/assets/img/news/Y4-art-e09f39.JPG">`, breaking every image, and staged it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from schoollint.discover import discover
from schoollint.fix.model import Fix, FixContext
from schoollint.pages.model import PageError
from schoollint.pages.rename import apply_renames
from tests.kit.git import git


def build(root: Path, pages: dict[str, str], photos: tuple[str, ...]) -> None:
    """A committed site: the photos (plain JPEGs, named after a pupil) and the pages."""
    for relpath in photos:
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (16, 12), "teal").save(root / relpath, "JPEG")
    for relpath, text in pages.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_text(text, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "site")


def fix(cli) -> tuple[int, str, str]:
    return cli("check", "--no-cache", "--fix", "--unsafe-fixes", "--select", "SL301")


def new_name(root: Path, old: str) -> str:
    """The photo's new path (its keyed tag differs from machine to machine)."""
    folder = Path(old).parent
    [new] = [path.name for path in (root / folder).iterdir()]
    assert new != Path(old).name, "not renamed"
    return f"{folder.as_posix()}/{new}"


def assert_only_the_path_changed(root: Path, pages: dict[str, str], old: str, new: str) -> None:
    """Each page as it was, but for the photo's path: every template byte kept."""
    for relpath, text in pages.items():
        assert (root / relpath).read_text(encoding="utf-8") == text.replace(old, new), relpath


def assert_no_broken_reference(cli) -> None:
    code, out, err = cli("check", "--no-cache", "--select", "SL304")
    assert code == 0, out + err


JEKYLL = {
    "_config.yml": "title: Hill Top Primary\nbaseurl: /hilltop\n",
    "_posts/2025-03-01-art-week.md": (
        "---\nlayout: post\ntitle: Art week\nimage: /assets/img/news/Sophie_Turner_Y4_art.JPG\n---\n"
        "Our art week was a great success.\n\n"
        '<img src="{{ site.baseurl }}/assets/img/news/Sophie_Turner_Y4_art.JPG" alt="Art work">\n'
        '<img src="{{ site.url }}{{ site.baseurl }}/assets/img/news/Sophie_Turner_Y4_art.JPG" alt="x">\n'
        '<a href="{{ \'/assets/img/news/Sophie_Turner_Y4_art.JPG\' | relative_url }}">Full size</a>\n'
        "![Art]({{ site.baseurl }}/assets/img/news/Sophie_Turner_Y4_art.JPG)\n"),
    "chess.html": (
        "---\nlayout: default\n---\n"
        '<img src="{{- site.baseurl -}}/assets/img/news/Sophie_Turner_Y4_art.JPG" alt="Chess">\n'
        '<img src="{{ "/assets/img/news/Sophie_Turner_Y4_art.JPG" | relative_url }}" alt="Chess">\n'
        '<img src="{% if jekyll.environment == "production" %}{{ site.cdn }}{% endif %}'
        '/assets/img/news/Sophie_Turner_Y4_art.JPG" alt="Chess">\n'
        '<p style="background: url(\'{{ site.baseurl }}/assets/img/news/Sophie_Turner_Y4_art.JPG\')"></p>\n'),
    "_layouts/post.html": (
        '<html><body>{{ content }}<img src="{{ site.baseurl }}/assets/img/news/Sophie_Turner_Y4_art.JPG">'
        "</body></html>\n"),
}


HUGO = {
    "hugo.toml": 'baseURL = "https://greenfield.example.sch.uk/"\ntitle = "Greenfield Primary"\n',
    "layouts/partials/relay.html": (
        '<img src="{{ .Site.BaseURL }}/images/news/amelia-watson-relay.jpg" alt="Relay">\n'
        '<img src="{{ .Site.BaseURL }}images/news/amelia-watson-relay.jpg" alt="Relay">\n'
        '<img src="{{ "images/news/amelia-watson-relay.jpg" | absURL }}" alt="Relay">\n'
        '<img src="{{ "/images/news/amelia-watson-relay.jpg" | relURL }}" alt="Relay">\n'
        '<img src="{{ site.BaseURL }}{{ "" }}/images/news/amelia-watson-relay.jpg" alt="Relay">\n'),
    "content/news/_index.md": (
        "---\ntitle: Sports day\n---\n"
        '{{< figure src="/images/news/amelia-watson-relay.jpg" alt="Relay" >}}\n'),
}


ELEVENTY = {
    ".eleventy.js": 'module.exports = function () { return { dir: { input: "src" } }; };\n',
    "src/_includes/base.njk": (
        '<img src="{{ \'/img/trip/ella-morgan-trip.jpg\' | url }}" alt="Trip">\n'
        '<img src="{{ metadata.url }}/img/trip/ella-morgan-trip.jpg" alt="Trip">\n'
        '<img src="{{metadata.url}}{{ \'\' }}/img/trip/ella-morgan-trip.jpg" alt="Trip">\n'),
    "src/trip.md": "---\nlayout: base.njk\n---\n![Trip]({{ metadata.url }}/img/trip/ella-morgan-trip.jpg)\n",
    "templates/gallery.jinja": (
        '<img src="{{ config.STATIC }}/img/trip/ella-morgan-trip.jpg" alt="Trip">\n'
        '<img src="{{ url_for(\'static\', filename=\'img/trip/ella-morgan-trip.jpg\') }}" alt="Trip">\n'),
    "Views/Trip.cshtml": '<img src="@Url.Content("~/img/trip/ella-morgan-trip.jpg")" alt="Trip">\n',
    "views/trip.ejs": '<img src="<%= \'/img/trip/ella-morgan-trip.jpg\' %>" alt="Trip">\n',
}


@pytest.mark.parametrize(("pages", "photo", "served_from"), [
    (JEKYLL, "assets/img/news/Sophie_Turner_Y4_art.JPG", ""),
    (HUGO, "static/images/news/amelia-watson-relay.jpg", "static/"),      # Hugo serves static/ at the root
    (ELEVENTY, "src/img/trip/ella-morgan-trip.jpg", "src/"),              # Eleventy's input folder
], ids=["jekyll", "hugo", "eleventy-jinja-razor-ejs"])
def test_template_expressions_around_a_path_are_kept_and_only_the_path_changes(repo, cli, pages, photo,
                                                                                 served_from):
    build(repo, pages, (photo,))
    code, out, err = fix(cli)
    assert code == 1, out + err
    new = new_name(repo, photo)
    assert_only_the_path_changed(repo, pages, photo.removeprefix(served_from), new.removeprefix(served_from))
    assert_no_broken_reference(cli)


@pytest.mark.parametrize(("page", "text"), [
    ("views/trip.ejs", '<p>Trip</p>\n<img src="<%= root %>/img/trip/ella-morgan-trip.jpg" alt="Trip">\n'),
    ("Views/Trip.cshtml", '<p>Trip</p>\n<img src="@Model.Root/img/trip/ella-morgan-trip.jpg" alt="Trip">\n'),
    ("trip.html", '<p>Trip</p>\n<img src="{{ site.baseurl }}/img/{{ page.year }}/../trip/ella-morgan-trip.jpg">\n'),
])
def test_a_template_expression_that_cannot_be_told_from_the_path_refuses_the_rename(repo, cli, page, text):
    old = "img/trip/ella-morgan-trip.jpg"
    build(repo, {page: text, "index.html": '<img src="img/trip/ella-morgan-trip.jpg" alt="Trip">\n'}, (old,))
    code, out, err = fix(cli)
    assert f"{page}:2:" in out + err and "template expression" in out + err, out + err
    assert (repo / old).is_file()
    assert (repo / page).read_text(encoding="utf-8") == text
    assert (repo / "index.html").read_text(encoding="utf-8") == '<img src="img/trip/ella-morgan-trip.jpg" alt="Trip">\n'


def test_a_rewritten_reference_that_would_lead_to_another_file_refuses_the_rename_whole(repo):
    """`img/old.jpg` in blog/post.html leads to the site's img/old.jpg only because blog/img/old.jpg
    does not exist; written `img/new.jpg` it would show blog/img/new.jpg, another photo. The
    re-read of the rewritten page says so, and nothing is renamed or written."""
    pages = {"blog/post.html": '<img src="img/old.jpg" alt="Trip">\n', "index.html": '<img src="img/old.jpg">\n'}
    build(repo, pages, ("img/old.jpg", "blog/img/new.jpg"))
    context = FixContext(repo, tuple(discover(repo, True, ["."], []).files))
    with pytest.raises(PageError, match=r"blog/post.html:1: 'img/new.jpg' would not lead to img/new.jpg"):
        apply_renames(context, "img/old.jpg", b"", [Fix("rename", ("img/new.jpg",))])
