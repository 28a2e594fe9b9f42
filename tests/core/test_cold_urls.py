"""urls.normalise takes a short cut for the usual path (issue 18, the cold check): it must give what
RFC 3986 section 5.2.4's dot-segment removal, segment by segment, gives for every path."""

from __future__ import annotations

import random

import pytest

from schoollint.pages.urls import dot_segments_removed, normalise, resolve


def test_normalise_is_dot_segment_removal_on_random_paths():
    rnd = random.Random(18)
    for _ in range(100_000):
        path = "".join(rnd.choice("/.ab") for _ in range(rnd.randint(0, 12)))
        assert normalise(path) == dot_segments_removed(path), path


@pytest.mark.parametrize("path, expected", [
    ("", None), ("/", None), ("a", "a"), ("/a/b.jpg", "a/b.jpg"), ("a/b/", "a/b"), ("./a", "a"), ("a/./b", "a/b"),
    ("a/../b", "b"), ("../a", None), ("a//b", "a/b"), ("static/.well-known/x.png", "static/.well-known/x.png"),
    ("a/b/..", "a"), ("/images/photos/IMG_1.jpg", "images/photos/IMG_1.jpg"), ("a/..", None),
])
def test_normalise_on_written_paths(path, expected):
    assert normalise(path) == dot_segments_removed(path) == expected


def test_resolve_takes_the_first_existing_reading_else_the_first(tmp_path):
    (tmp_path / "static" / "img").mkdir(parents=True)
    (tmp_path / "static" / "img" / "a.jpg").write_bytes(b"")
    found = resolve("/img/a.jpg", "content/post.md", tmp_path)
    assert (found.target, found.base, found.rooted) == ("static/img/a.jpg", "static", True)
    missing = resolve("/img/b.jpg", "content/post.md", tmp_path)
    assert (missing.target, missing.base, missing.rooted) == ("img/b.jpg", "", True)
    assert resolve("../../x.jpg", "content/post.md", tmp_path) is None
