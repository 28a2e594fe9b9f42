"""SL304 and the reference index read a path whole where its language quotes it: spaces,
brackets, commas, accents and percent-encoding as Windows folders and phones name photos.

Trial (session 5): `<img src="img/missing photo.jpg">` gave no SL304, `src="img/Trip
photos/gone.jpg"` gave one for `photos/gone.jpg`, `![x](<img/missing photo.jpg>)` none; a path
that ended in `(Y5).JPG` was never a reference at all, so a rename that left it behind went unseen.
"""

from __future__ import annotations

import json


from tests.pages.test_rename_encodings_and_spellings import build

PHOTO = "img/Trip photos/Ellie Márquez (Y5).JPG"


def broken(cli) -> list[tuple[str, int, str]]:
    """(page, line, reference as written) of every SL304 finding of a fresh run."""
    code, out, err = cli("check", "--no-cache", "--select", "SL304", "--show-values", "--output-format", "json")
    assert code in (0, 1), err
    return [(f["path"], f["line"], f["value"]) for f in json.loads(out)["findings"]]


def test_a_missing_photo_whose_path_holds_spaces_is_reported_whole(repo, cli):
    build(repo, {
        "index.html": '<p>Trip</p>\n<img src="img/missing photo.jpg" alt="a">\n'
                      '<img src="img/Trip photos/gone.jpg" alt="b">\n'
                      '<img src="img/Trip photos/Ellie (Y6).jpg" alt="c">\n',
        "notes.md": "# Notes\n\n![x](<img/missing photo.jpg>)\n",
        "css/site.css": '.hero { background: url("../img/Trip photos/gone, again.jpg") }\n',
        "_data/gallery.yml": "- photo: img/Trip photos/gone one.jpg   # the coach\n",
    }, photos=())
    assert sorted(broken(cli)) == [
        ("_data/gallery.yml", 1, "img/Trip photos/gone one.jpg"),
        ("css/site.css", 1, "../img/Trip photos/gone, again.jpg"),
        ("index.html", 2, "img/missing photo.jpg"),
        ("index.html", 3, "img/Trip photos/gone.jpg"),
        ("index.html", 4, "img/Trip photos/Ellie (Y6).jpg"),
        ("notes.md", 3, "img/missing photo.jpg"),
    ]


def test_an_existing_photo_in_a_folder_with_spaces_is_found_however_it_is_written(repo, cli):
    build(repo, {
        "index.html": (
            '<img src="img/Trip photos/Ellie Márquez (Y5).JPG" alt="a">\n'
            '<img src="img/Trip%20photos/Ellie%20M%C3%A1rquez%20%28Y5%29.JPG?v=2" alt="b">\n'
            '<img src=" img/Trip photos/Ellie M%c3%a1rquez (Y5).JPG " alt="c">\n'
            '<img src="img/a+b.jpg" alt="d"><img src="img/a%2Bb.jpg" alt="e">\n'),
        "notes.md": "# N\n\n![x](<img/Trip photos/Ellie Márquez (Y5).JPG>)\n\n"
                    "[ref]: <img/Trip photos/Ellie Márquez (Y5).JPG>\n",
        "css/site.css": ".hero { background: url('../img/Trip photos/Ellie Márquez (Y5).JPG') }\n",
        "_data/gallery.yml": "- photo: /img/Trip photos/Ellie Márquez (Y5).JPG\n"
                             "- photo: \"img/Trip photos/Ellie Márquez (Y5).JPG\"\n",
        "_data/gallery.json": '{"photos": ["img/Trip photos/Ellie Márquez (Y5).JPG", "img/a+b.jpg"]}\n',
        "src/Gallery.jsx": 'import trip from "../img/Trip photos/Ellie Márquez (Y5).JPG";\n',
    }, photos=(PHOTO, "img/a+b.jpg"))
    assert broken(cli) == []


def test_srcset_candidates_are_still_split_at_spaces_and_commas(repo, cli):
    build(repo, {"index.html": '<img src="img/a.jpg" srcset="img/a.jpg 1x, img/missing.jpg 2x"\n'
                               '     sizes="(max-width: 600px) 100vw, 600px" alt="Trip">\n'
                               '<picture><source data-srcset="img/a.jpg 300w,img/gone.jpg 600w"></picture>\n'},
          photos=("img/a.jpg",))
    assert broken(cli) == [("index.html", 1, "img/missing.jpg"), ("index.html", 3, "img/gone.jpg")]


def test_a_name_a_template_builds_in_quotes_is_no_reference(repo, cli):
    build(repo, {"index.html": '<img src="{{ pupil name }}.jpg" alt="a">\n'
                               '<img src="{{ site.baseurl }}/img/Trip photos/gone.jpg" alt="b">\n'}, photos=())
    assert broken(cli) == [("index.html", 2, "{{ site.baseurl }}/img/Trip photos/gone.jpg")]


def test_a_reference_differing_only_in_case_is_broken_on_a_case_sensitive_disk(repo, cli):
    build(repo, {"index.html": '<img src="img/trip photos/ellie márquez (y5).jpg" alt="a">\n'}, photos=(PHOTO,))
    assert broken(cli) == [("index.html", 1, "img/trip photos/ellie márquez (y5).jpg")]


def test_a_windows_1252_page_showing_an_accented_photo_has_no_broken_reference(repo, cli):
    page = ('<meta charset="windows-1252"><p>Café</p>\n<img src="img/Trip photos/Ellie Márquez (Y5).JPG">\n'
            '<img src="img/Márquez.jpg">\n')
    build(repo, {"index.html": page.encode("cp1252")}, photos=(PHOTO, "img/Márquez.jpg"))
    assert broken(cli) == []


def test_a_long_one_line_file_of_names_is_read_in_bounded_time(repo, cli):
    """Every reference looked back to the start of its line: a 2 MB one-line data file took minutes."""
    import time

    build(repo, {"_data/notes.yml": "note: " + "a b.jpg " * 100_000 + "end\nphoto: img/Trip photos/gone.jpg\n",
                 "_data/all.json": '{"photos": [' + ", ".join(f'"img/Trip photos/p{k} (Y5).jpg"'
                                                               for k in range(20_000)) + "]}\n"}, photos=())
    started = time.process_time()
    found = broken(cli)
    assert time.process_time() - started < 20
    assert ("_data/notes.yml", 2, "img/Trip photos/gone.jpg") in found and len(found) == 20_001


def test_a_name_too_long_for_the_file_system_is_a_broken_reference_not_an_internal_error(repo, cli):
    (repo / "img").mkdir()
    long_name = "b" * 300 + ".jpg"      # over NAME_MAX (255 bytes): is_file() raises ENAMETOOLONG
    (repo / "index.html").write_text(f'<img src="img/{long_name}" alt="Sports day">\n', encoding="utf-8")
    code, out, err = cli("check", "--no-cache", "--select", "SL304", "--show-values")
    assert code == 1 and "internal error" not in out + err
    assert "SL304" in out
