"""Trial 5, problem 4: a post's featured picture is read with its front-matter summary however the front
matter names it: one address, a mapping (`cover: {image: ...}`) or a list (Hugo's `images: [...]`, whose
first is the page's og:image); a gallery's list is not. YAML and TOML front matter, through the CLI."""

from __future__ import annotations

import pytest

from tests.names.test_issue10_kinds import findings

SUMMARY = 'description: "Amelia Watson wins the 100m"'


@pytest.mark.parametrize("written", ['images: ["/images/m.jpg"]', "images:\n  - /images/m.jpg\n  - /images/n.jpg",
                                     'image: "/images/m.jpg"', "cover:\n  image: /images/m.jpg",
                                     "featured_image: /images/m.jpg", "thumbnail: /images/m.jpg",
                                     "banner: /images/m.jpg"])
def test_featured_picture_read_with_the_description_however_written(tmp_path, written):
    found = findings(tmp_path / "s", {"content/post.md": f"---\ntitle: Sports day\n{SUMMARY}\n{written}\n---\nHi.\n"})
    assert {(f["code"], f["message"].split(" gives ")[0]) for f in found} == {
        ("SL303", "photo /images/m.jpg: its front-matter description")}


def test_featured_picture_list_in_toml_front_matter(tmp_path):
    page = '+++\ntitle = "Sports day"\ndescription = "Amelia Watson wins the 100m"\nimages = ["/images/m.jpg"]\n+++\n'
    found = findings(tmp_path / "s", {"content/post.md": page + "Hi.\n"})
    assert [(f["code"], f["line"]) for f in found] == [("SL303", 3)]     # the description line


def test_a_gallery_list_is_not_a_featured_picture(tmp_path):
    page = f"---\ntitle: Sports day\n{SUMMARY}\ngallery:\n  - /images/g1.jpg\n  - /images/g2.jpg\n---\nHi.\n"
    assert findings(tmp_path / "s", {"content/post.md": page}) == []
