"""Alt text written in front matter beside the image key (trial 8 item 4): `coverAlt`, `cover_alt`, a bare `alt`,
`heroImageAlt`, `image_alt`, Gatsby's `featuredImageAlt` are the featured picture's alt text (SL302 on a full
name); an alt key tied to no picture is counted in the run's note of texts not checked, never read as nothing.
Through the command line on real Markdown pages and JPEGs."""

from __future__ import annotations

import json

import pytest

from schoollint.cli import main
from tests.kit.images import encode, photo

NAME = "Oliver Pemberton wins the sack race"


def check(root, pages: dict[str, str], *extra: str) -> dict:
    root.mkdir()
    (root / "c.jpg").write_bytes(encode(photo(), "JPEG"))
    (root / "d.jpg").write_bytes(encode(photo(), "JPEG"))
    for name, text in pages.items():
        (root / name).write_text(text, encoding="utf-8")
    out = root.parent / "out.json"
    assert main(["check", str(root), "--select", "SL3", "--output-format", "json", "--show-values", "-o", str(out),
                 "--no-cache", "--exit-zero", "--no-progress", "-q", *extra]) == 0
    return json.loads(out.read_text())


@pytest.mark.parametrize("image_key, alt_key", [
    ("cover", "coverAlt"), ("cover", "cover_alt"), ("cover", "alt"), ("heroImage", "heroImageAlt"),
    ("image", "image_alt"), ("featuredImage", "featuredImageAlt"), ("coverImage", "coverAlt"),
    ("thumbnail", "thumbnail-alt-text"), ("cover", "alt_text"),
])
def test_an_alt_key_beside_the_image_key_is_its_alt_text(tmp_path, image_key, alt_key):
    report = check(tmp_path / "s", {"post.md": f"---\ntitle: Sports day\n{image_key}: ./c.jpg\n{alt_key}: {NAME}\n"
                                               "---\nA great day.\n"})
    assert [(f["code"], f["line"], f["value"]) for f in report["findings"]] == [("SL302", 4, "Oliver Pemberton")]


def test_each_alt_key_goes_with_its_own_picture(tmp_path):
    report = check(tmp_path / "s", {"post.md": "---\ncover: ./c.jpg\nheroImage: ./d.jpg\ncoverAlt: The school hall\n"
                                               f"heroAlt: {NAME}\n---\n"})
    assert [(f["code"], f["line"]) for f in report["findings"]] == [("SL302", 5)]
    assert [f["message"] for f in report["findings"]][0].count("./d.jpg") == 1


def test_an_alt_key_tied_to_no_picture_is_noted_as_not_checked(tmp_path):
    report = check(tmp_path / "s", {"a.md": f"---\ntitle: Post\nthumbnailAlt: {NAME}\n---\n",
                                    "b.md": f"---\ncover: ./c.jpg\nbanner: ./d.jpg\nalt: {NAME}\n---\n"})
    assert report["findings"] == []
    assert any("2 alt texts" in note["text"] and "not checked" in note["text"] for note in report["notes"])


def test_words_ending_in_alt_are_no_alt_keys(tmp_path):
    report = check(tmp_path / "s", {"a.md": f"---\ncover: ./c.jpg\ncobalt: {NAME}\ndefault: {NAME}\n---\n"})
    assert not any("alt text" in note["text"] for note in report["notes"])
