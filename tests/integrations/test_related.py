"""Changed-files mode: a change reaches the pages that show it, and a changed page its photos."""

from __future__ import annotations

import pytest

from schoollint.diffbase import expand_with_references, page_references
from tests.kit.sites import clean_photo

FILES = ["_data/gallery.yml", "images/a.jpg", "images/b.jpg", "images/sports day.jpg", "index.html",
         "news/other.md", "news/post.md"]


@pytest.fixture
def site(tmp_path):
    for name in ("a.jpg", "b.jpg", "sports day.jpg"):
        clean_photo(tmp_path / "images" / name)
    (tmp_path / "news").mkdir()
    (tmp_path / "_data").mkdir()
    (tmp_path / "index.html").write_text('<p>Welcome</p>\n<img src="/images/a.jpg" alt="Our hall">\n',
                                         encoding="utf-8")
    (tmp_path / "news" / "post.md").write_text("---\ntitle: Sports day\n---\n![The race](../images/sports%20day.jpg)\n",
                                               encoding="utf-8")
    (tmp_path / "news" / "other.md").write_text("No photos here, only words about b.jpg's cousin.\n",
                                                encoding="utf-8")
    (tmp_path / "_data" / "gallery.yml").write_text("gallery:\n  - image: /images/a.jpg\n", encoding="utf-8")
    return tmp_path


def counting(read):
    """page_references, recording which pages it had to parse."""
    parsed = []

    def wrapped(page):
        parsed.append(page)
        return read(page)

    return wrapped, parsed


def test_a_changed_photo_brings_every_page_that_shows_it(site):
    read, parsed = counting(page_references(site))
    chosen = expand_with_references(site, FILES, ["images/a.jpg"], read)
    assert chosen == ["_data/gallery.yml", "images/a.jpg", "index.html"]   # all_files order
    assert sorted(parsed) == ["_data/gallery.yml", "index.html"]            # others never parsed


def test_a_percent_encoded_reference_is_found(site):
    read, parsed = counting(page_references(site))
    assert expand_with_references(site, FILES, ["images/sports day.jpg"], read) == \
        ["images/sports day.jpg", "news/post.md"]
    assert parsed == ["news/post.md"]


def test_a_changed_page_brings_the_photos_it_shows(site):
    chosen = expand_with_references(site, FILES, ["news/post.md", "index.html"], page_references(site))
    assert chosen == ["images/a.jpg", "images/sports day.jpg", "index.html", "news/post.md"]


def test_only_files_in_the_selection_are_added(site):
    selection = [name for name in FILES if name != "images/a.jpg"]       # excluded, or outside the paths
    assert expand_with_references(site, selection, ["index.html"], page_references(site)) == ["index.html"]


def test_a_page_that_mentions_a_name_without_showing_it_is_not_added(site):
    read, parsed = counting(page_references(site))
    assert expand_with_references(site, FILES, ["images/b.jpg"], read) == ["images/b.jpg"]
    assert parsed == ["news/other.md"]       # mentioned "b.jpg", so parsed, but shows nothing


def test_unchanged_files_and_unreadable_pages(site):
    (site / "broken.html").write_bytes(b"\xff\xfe<img src='images/a.jpg'")
    files = FILES + ["broken.html", "gone.md"]
    assert expand_with_references(site, files, [], page_references(site)) == []
    chosen = expand_with_references(site, files, ["images/a.jpg", "gone.md"], page_references(site))
    assert "gone.md" in chosen and "images/a.jpg" in chosen
