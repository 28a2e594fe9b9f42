"""Site data files: gallery and staff lists in YAML and JSON, with source lines."""

from __future__ import annotations

import json

import pytest

from schoollint.pages.model import PageError
from schoollint.pages.registry import read_page

GALLERY = """\
# Sports day gallery
- name: Sports day
  photo: /images/gallery/one.jpg
  alt: Runners on the field
- caption: |
    The relay team
    on the podium
  photos: [two.jpg, "three.png"]
- title: Year 6 trip
  details:
    image: /images/trip.jpg
    alt: On the coach   # schoollint: ignore SL302
- not an image: just text
"""


def read_data(text: str, path: str = "_data/gallery.yml", root=None):
    return read_page(root, path, text.encode("utf-8"))


def test_every_item_with_a_media_path_is_an_image_with_its_words_and_lines():
    page = read_data(GALLERY)
    summary = [(image.src, image.target, image.line, image.alt, image.alt_line, image.title,
                [(span.label, span.text, span.line) for span in image.captions]) for image in page.images]
    assert summary == [
        ("/images/gallery/one.jpg", "images/gallery/one.jpg", 3, "Runners on the field", 4, None,
         [("data name", "Sports day", 2)]),
        ("two.jpg", "two.jpg", 8, None, None, None, [("data caption", "The relay team\non the podium\n", 6)]),
        ("three.png", "three.png", 8, None, None, None, [("data caption", "The relay team\non the podium\n", 6)]),
        ("/images/trip.jpg", "images/trip.jpg", 11, "On the coach", 12, None, []),
    ]
    assert page.references == frozenset({"images/gallery/one.jpg", "two.jpg", "three.png", "images/trip.jpg"})


def test_yaml_comment_suppressions():
    (suppression,) = read_data(GALLERY).suppressions
    assert (suppression.line, suppression.covers, suppression.codes) == (12, frozenset({12}), frozenset({"SL302"}))


def test_json_data_keeps_lines():
    data = json.dumps({"staff": [{"name": "Mrs Jones", "role": "Head", "img": "/staff/jones.jpg"},
                                 {"name": "Mr Patel", "img": "/staff/patel.jpg", "alt": "Mr Patel"}]}, indent=2)
    page = read_data(data, "data/staff.json")
    assert [(image.target, image.line, image.alt, [(s.text, s.line) for s in image.captions])
            for image in page.images] == [
        ("staff/jones.jpg", 6, None, [("Mrs Jones", 4)]),
        ("staff/patel.jpg", 10, "Mr Patel", [("Mr Patel", 9)]),
    ]


def test_json_that_yaml_refuses_is_read_by_json():
    # A key longer than 1024 characters is valid JSON but not a YAML simple key.
    data = '{"' + "k" * 1100 + '": 1,\n "gallery": [{"photo": "a.jpg",\n   "caption": "Relay"}]}'
    (image,) = read_data(data, "_data/x.json").images
    assert (image.target, image.line, image.captions[0].text, image.captions[0].line) == ("a.jpg", 2, "Relay", 3)


def test_data_paths_resolve_from_the_site_root_first(tmp_path):
    (tmp_path / "assets" / "staff").mkdir(parents=True)
    (tmp_path / "assets" / "staff" / "head.jpg").write_bytes(b"x")
    (image,) = read_data("- photo: /staff/head.jpg\n", root=tmp_path).images
    assert image.target == "assets/staff/head.jpg"


def test_aliases_are_read_once_not_expanded():
    bomb = "a: &a [x.jpg, x.jpg, x.jpg, x.jpg, x.jpg, x.jpg, x.jpg, x.jpg, x.jpg]\n"
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [{', '.join(['*' + previous] * 9)}]\n"
    page = read_data(bomb)            # 9**9 paths if expanded; each node is read once
    assert [image.src for image in page.images] == ["x.jpg"] * 9


def test_recursive_aliases_do_not_hang():
    page = read_data("- &item\n  photo: a.jpg\n  self: *item\n")
    assert [image.src for image in page.images] == ["a.jpg"]


@pytest.mark.parametrize("text, path, message", [
    ("- name: [unclosed\n", "_data/bad.yml", "_data/bad.yml: not valid YAML"),
    ('{"a": [1, 2', "data/bad.json", "data/bad.json: not valid JSON"),
])
def test_invalid_data_is_a_page_error(text, path, message):
    with pytest.raises(PageError, match=message):
        read_data(text, path)


def test_multi_document_yaml_and_empty_files():
    page = read_data("- photo: a.jpg\n---\n- photo: b.jpg\n")
    assert [(image.src, image.line) for image in page.images] == [("a.jpg", 1), ("b.jpg", 3)]
    assert read_data("").images == ()
