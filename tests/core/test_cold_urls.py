"""urls.normalise takes a short cut for the usual path (issue 18, the cold check): it must give what
RFC 3986 section 5.2.4's dot-segment removal gives, as written out here, for every path."""

from __future__ import annotations

import random

import pytest

from schoollint.pages.urls import normalise, resolve


def _removed_dot_segments(path: str) -> str | None:
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None     # climbs out of the repository
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts) or None


def test_normalise_is_dot_segment_removal_on_random_paths():
    rnd = random.Random(18)
    for _ in range(100_000):
        path = "".join(rnd.choice("/.ab") for _ in range(rnd.randint(0, 12)))
        assert normalise(path) == _removed_dot_segments(path), path


@pytest.mark.parametrize("path", ["", "/", "a", "/a/b.jpg", "a/b/", "./a", "a/./b", "a/../b", "../a", "a//b",
                                  "static/.well-known/x.png", "a/.b/c.jpg", "a/b/..", "/images/photos/IMG_1.jpg"])
def test_normalise_is_dot_segment_removal_on_written_paths(path):
    assert normalise(path) == _removed_dot_segments(path)


def test_resolve_takes_the_first_existing_reading_else_the_first(tmp_path):
    (tmp_path / "static" / "img").mkdir(parents=True)
    (tmp_path / "static" / "img" / "a.jpg").write_bytes(b"")
    found = resolve("/img/a.jpg", "content/post.md", tmp_path)
    assert (found.target, found.base, found.rooted) == ("static/img/a.jpg", "static", True)
    missing = resolve("/img/b.jpg", "content/post.md", tmp_path)
    assert (missing.target, missing.base, missing.rooted) == ("img/b.jpg", "", True)
    assert resolve("../../x.jpg", "content/post.md", tmp_path) is None
