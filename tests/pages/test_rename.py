"""The rename applier: every reference to a media file is rewritten, or nothing is renamed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from schoollint.discover import discover
from schoollint.fix.model import Fix, FixContext, Rename, Write
from schoollint.pages.model import PageError
from schoollint.pages.rename import apply_renames
from tests.kit.git import git

OLD = "images/amelia-watson-sports-day.jpg"
NEW = "images/sports-day-3f9a1c.jpg"


def build(root: Path, files: dict[str, str], photos=(OLD,)) -> None:
    for relpath in photos:
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (8, 8), "red").save(root / relpath)
    for relpath, text in files.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_text(text, encoding="utf-8")


def site(root: Path) -> FixContext:
    """What the pipeline gives the rename applier: the site's files as discovery lists them."""
    return FixContext(root, tuple(discover(root, False, ["."], []).files))


def rename(root: Path, old: str = OLD, new: str = NEW) -> dict:
    """The operations as {"rename": Rename, path: new text}."""
    operations = apply_renames(site(root), old, (root / old).read_bytes(), [Fix("rename", (new,))])
    assert operations[0] == Rename(old, new)
    assert all(isinstance(operation, Write) for operation in operations[1:])
    return {operation.path: operation.data.decode() for operation in operations[1:]}


def test_references_in_every_kind_of_file_are_rewritten_in_their_own_style(tmp_path):
    build(tmp_path, {
        "news/index.html": (
            '<img src="../images/amelia-watson-sports-day.jpg?v=2" alt="Sports day"\n'
            '     srcset="/images/amelia-watson-sports-day.jpg 2x, /images/other.jpg 1x">\n'
            '<a href="/images/amelia-watson-sports-day.jpg#full">Full size</a>\n'),
        "_posts/2024-07-01-sports.md": (
            "---\nimage: /images/amelia-watson-sports-day.jpg\n---\n"
            "![Sports day]({{ site.baseurl }}/images/amelia-watson-sports-day.jpg)\n"
            '<img src="{{ \'images/amelia-watson-sports-day.jpg\' | relative_url }}">\n'
            "[ref]: ./../images/amelia-watson-sports-day.jpg\n"),
        "css/site.css": '.hero { background: url("../images/amelia-watson-sports-day.jpg") }\n',
        "_data/gallery.yml": "- photo: images/amelia-watson-sports-day.jpg\n  name: Sports day\n",
        "data/gallery.json": '{"photo": "/images/amelia-watson-sports-day.jpg"}\n',
        "images/index.html": '<img src=amelia-watson-sports-day.jpg>\n',
        "about.html": "<p>No photos here</p>\n",
    }, photos=(OLD, "images/other.jpg"))
    writes = rename(tmp_path)
    assert writes == {
        "_data/gallery.yml": "- photo: images/sports-day-3f9a1c.jpg\n  name: Sports day\n",
        "_posts/2024-07-01-sports.md": (
            "---\nimage: /images/sports-day-3f9a1c.jpg\n---\n"
            "![Sports day]({{ site.baseurl }}/images/sports-day-3f9a1c.jpg)\n"
            '<img src="{{ \'images/sports-day-3f9a1c.jpg\' | relative_url }}">\n'
            "[ref]: ./../images/sports-day-3f9a1c.jpg\n"),
        "css/site.css": '.hero { background: url("../images/sports-day-3f9a1c.jpg") }\n',
        "data/gallery.json": '{"photo": "/images/sports-day-3f9a1c.jpg"}\n',
        "images/index.html": "<img src=sports-day-3f9a1c.jpg>\n",
        "news/index.html": (
            '<img src="../images/sports-day-3f9a1c.jpg?v=2" alt="Sports day"\n'
            '     srcset="/images/sports-day-3f9a1c.jpg 2x, /images/other.jpg 1x">\n'
            '<a href="/images/sports-day-3f9a1c.jpg#full">Full size</a>\n'),
    }


def test_a_file_with_the_same_name_in_another_folder_is_left_alone(tmp_path):
    build(tmp_path, {"index.html": '<img src="/archive/amelia-watson-sports-day.jpg">\n'
                                   '<img src="/images/amelia-watson-sports-day.jpg">\n'},
          photos=(OLD, "archive/amelia-watson-sports-day.jpg"))
    assert rename(tmp_path) == {"index.html": '<img src="/archive/amelia-watson-sports-day.jpg">\n'
                                              '<img src="/images/sports-day-3f9a1c.jpg">\n'}


def test_static_source_folder_and_percent_escapes(tmp_path):
    old = "static/img/Amelia Watson.png"
    build(tmp_path, {"content/post.md": "![x](/img/Amelia%20Watson.png)\n"}, photos=(old,))
    assert rename(tmp_path, old, "static/img/photo-a1b2c3.png") == {
        "content/post.md": "![x](/img/photo-a1b2c3.png)\n"}


def test_a_folder_rename_moves_the_file_and_its_references(tmp_path):
    old, new = "images/amelia-watson/1.jpg", "images/folder-5e6f70/1.jpg"
    build(tmp_path, {"index.html": '<img src="images/amelia-watson/1.jpg"><img src="images/amelia-watson/2.jpg">'
                                   '<img src="/gallery/1.jpg">\n'},
          photos=(old, "images/amelia-watson/2.jpg", "gallery/1.jpg"))
    assert rename(tmp_path, old, new) == {
        "index.html": '<img src="images/folder-5e6f70/1.jpg"><img src="images/amelia-watson/2.jpg">'
                      '<img src="/gallery/1.jpg">\n'}


def test_generated_and_version_control_folders_are_not_touched(tmp_path):
    build(tmp_path, {"_site/index.html": '<img src="/images/amelia-watson-sports-day.jpg">',
                     "node_modules/x/readme.md": "images/amelia-watson-sports-day.jpg",
                     ".schoollint_cache/results.json": '"images/amelia-watson-sports-day.jpg"'})
    assert rename(tmp_path) == {}


def test_only_the_files_discovery_lists_are_rewritten(tmp_path):
    """In a Git work tree, git-ignored build output is not the site: it keeps its old reference."""
    ignored = '<img src="/images/amelia-watson-sports-day.jpg">\n'
    build(tmp_path, {".gitignore": "public-build/\n", "public-build/index.html": ignored,
                     "index.html": '<img src="/images/amelia-watson-sports-day.jpg">\n'})
    git(tmp_path, "init", "-q")
    site_files = tuple(discover(tmp_path, True, ["."], []).files)
    assert "public-build/index.html" not in site_files
    operations = apply_renames(FixContext(tmp_path, site_files), OLD, b"", [Fix("rename", (NEW,))])
    assert operations == [Rename(OLD, NEW), Write("index.html", b'<img src="/images/sports-day-3f9a1c.jpg">\n')]
    assert (tmp_path / "public-build/index.html").read_text() == ignored


@pytest.mark.parametrize("files, reason", [
    ({"_data/pupils.yml": "- slug: amelia-watson-sports-day\n",
      "index.html": '{% for p in site.data.pupils %}<img src="/images/{{ p.slug }}.jpg">{% endfor %}'},
     "_data/pupils.yml:1: the name 'amelia-watson-sports-day' is used without the file's full path"),
    ({"news/index.html": '<p>ok</p>\n<img src="amelia-watson-sports-day.jpg">\n'},
     "news/index.html:2: 'amelia-watson-sports-day.jpg' does not lead to a file"),
])
def test_a_reference_that_cannot_be_rewritten_stops_the_rename(tmp_path, files, reason):
    build(tmp_path, {"index.md": "![x](/images/amelia-watson-sports-day.jpg)\n", **files})
    with pytest.raises(PageError, match="not renamed") as raised:
        rename(tmp_path)
    assert reason in str(raised.value)


def test_an_existing_target_or_a_bad_new_path_stops_the_rename(tmp_path):
    build(tmp_path, {}, photos=(OLD, NEW))
    with pytest.raises(PageError, match="already exists"):
        rename(tmp_path)
    for bad in ("../outside.jpg", "/images/x.jpg", "images/deeper/x.jpg"):
        with pytest.raises(PageError):
            rename(tmp_path, OLD, bad)


def test_conflicting_fixes_are_refused(tmp_path):
    build(tmp_path, {})
    fixes = [Fix("rename", ("images/a-111111.jpg",)), Fix("rename", ("images/b-222222.jpg",))]
    with pytest.raises(PageError, match="more than one new name"):
        apply_renames(site(tmp_path), OLD, b"", fixes)


def test_non_utf8_pages_keep_their_other_bytes(tmp_path):
    build(tmp_path, {})
    page = tmp_path / "old.html"
    page.write_bytes(b'<p>Caf\xe9</p><img src="/images/amelia-watson-sports-day.jpg">\n')
    (write,) = apply_renames(site(tmp_path), OLD, b"", [Fix("rename", (NEW,))])[1:]
    assert write.data == b'<p>Caf\xe9</p><img src="/images/sports-day-3f9a1c.jpg">\n'
