"""Featured images under any photo key, nested too (issue 10, heldout_n's `featured-image-key` misses),
through the command line on real pages and JPEGs: Minimal Mistakes' `header: {image:, teaser:}`, PaperMod's
`cover: {image:}`, `hero: {src:}`, Ghost's `feature_image`, `seo: {og_image:}` and deeper settings
(`params: {social: {shareImage:}}`) go with the post's title. Traps: an author's avatar, a committee's
photos in a list, a title with first names only.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint


def _post(front: str, body: str = "The final is in May.") -> str:
    return f"---\n{front}\n---\n{body}\n"


def test_featured_images_under_photo_keys_nested_or_not(tmp_path):
    found = lint(tmp_path / "s", {
        "content/a.md": _post('title: "Debating champion: Lavinia Okoro-Stanton"\nheader:\n  image: /images/a/h.jpg\n'
                              "  teaser: /images/a/t.jpg"),
        "content/b.md": _post('title: "Anselm Whitlock-Ade builds the winning robot"\ncover:\n'
                              '  image: /images/b/c.jpg\n  alt: ""'),
        "content/c.md": _post('title: "Ballet scholarship for Esmeralda Quigley"\nhero:\n  src: /images/c/h.jpg'),
        "content/d.md": _post('title: "Tobias Ferrante-Lund reaches the olympiad"\nfeature_image: /images/d/f.jpg'),
        "content/e.md": _post('title: "Violin distinction for Marisol Abernethy"\nseo:\n  og_image: /images/e/o.jpg'),
        "content/f.md": _post('title: "Science fair winner: Jerome Castellano"\nparams:\n  social:\n'
                              "    shareImage: /images/f/s.jpg"),
    })
    assert {(path, value) for _code, path, value in found} == {
        ("content/a.md", "Lavinia Okoro-Stanton"), ("content/b.md", "Anselm Whitlock-Ade"),
        ("content/c.md", "Esmeralda Quigley"), ("content/d.md", "Tobias Ferrante-Lund"),
        ("content/e.md", "Marisol Abernethy"), ("content/f.md", "Jerome Castellano")}


def test_an_authors_avatar_a_committees_photos_and_first_names_are_not_the_posts(tmp_path):
    found = lint(tmp_path / "s", {
        "content/a.md": _post('title: "Netball captain Philomena Achterberg leads the team"\nauthor:\n'
                              '  bio: "Head of PE"\n  avatar: /images/a/pe.jpg'),
        "content/b.md": _post('title: "Meet the committee, with thanks to Bartholomew Ekwueme"\ncommittee:\n'
                              "  - role: Chair\n    photo: /images/b/chair.jpg\n"
                              "  - role: Treasurer\n    photo: /images/b/treasurer.jpg"),
        "content/c.md": _post("title: \"Reading week: Matilda and Rohan's favourite books\"\nbanner: /images/c/r.jpg"),
    })
    assert found == []
