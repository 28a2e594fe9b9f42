"""SL301-SL303 on small sites: names in file names, alt text and captions, with and without a roster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from schoollint.checks import Context, PageSubject, PathSubject
from schoollint.checks import identifying_filename as filenames
from schoollint.checks import name_beside_photo as captions
from schoollint.checks import name_in_alt_text as alt_text
from schoollint.fix.model import Fix
from schoollint.names import write_hashed_roster
from schoollint.pages.model import PageError
from schoollint.pages.registry import read_page
from schoollint.pages.edit import apply_edits

from tests.kit.git import git


def context(tmp_path: Path, roster: Path | None = None, staff: str = "allow") -> Context:
    options = {code: {"staff": staff} for code in ("SL301", "SL302", "SL303")}
    return Context(root=tmp_path, rule_options=options, settings={"roster": str(roster) if roster else None})


def page_problems(tmp_path: Path, relpath: str, text: str, **settings) -> list:
    page = read_page(tmp_path, relpath, text.encode("utf-8"))
    ctx = context(tmp_path, **settings)
    return [problem for module in (alt_text, captions) for problem in module.check(PageSubject(relpath, page), ctx)]


def path_problems(tmp_path: Path, relpath: str, **settings) -> list:
    return list(filenames.check(PathSubject(relpath), context(tmp_path, **settings)))


def summary(problems) -> list[tuple]:
    return [(p.code, p.line, p.field, p.value) for p in problems]


def assert_names_kept_private(problems) -> None:
    for problem in problems:
        assert problem.value and problem.value not in problem.message


# --- SL301 identifying-filename ------------------------------------------------------------

@pytest.mark.parametrize("relpath, field, value", [
    ("images/NoahPatel_award.jpg", "file name", "NoahPatel"),
    ("images/2024/amelia-watson-sports-day.JPG", "file name", "amelia-watson"),
    ("images/IMG_2024_oliver_smith.mp4", "file name", "oliver_smith"),
    ("images/amelia-watson/IMG_0001.jpg", "folder name", "amelia-watson"),
])
def test_sl301_finds_names_in_media_paths(tmp_path, relpath, field, value):
    problems = path_problems(tmp_path, relpath)
    assert summary(problems) == [("SL301", None, field, value)]
    assert problems[0].message == f"the {field} contains what looks like a full name"


@pytest.mark.parametrize("relpath", [
    "images/sports-day-2024.jpg", "images/amelia.jpg", "images/victoria-park-trip.jpg",
    "images/rowan-class.jpg", "images/head-girl-award.png", "images/may-day.jpg",
    "docs/amelia-watson.pdf", "news/amelia-watson.html",
])
def test_sl301_passes_neutral_names_and_non_media_files(tmp_path, relpath):
    assert path_problems(tmp_path, relpath) == []


def test_sl301_fix_keeps_the_other_words_and_adds_a_short_hash(tmp_path):
    (problem,) = path_problems(tmp_path, "images/2024/amelia-watson-sports-day.jpg")
    (new_path,) = problem.fix.args
    assert problem.fix.action == "rename" and problem.fix.safe is False
    assert new_path.startswith("images/2024/sports-day-") and new_path.endswith(".jpg")
    assert len(new_path) == len("images/2024/sports-day-") + 6 + len(".jpg")
    assert "amelia" not in new_path and "watson" not in new_path


def test_sl301_files_in_one_named_folder_move_to_one_new_folder(tmp_path):
    first = path_problems(tmp_path, "images/amelia-watson/1.jpg")[0].fix.args[0]
    second = path_problems(tmp_path, "images/amelia-watson/2.jpg")[0].fix.args[0]
    assert first.rsplit("/", 1)[0] == second.rsplit("/", 1)[0]
    assert first.startswith("images/folder-") and first.endswith("/1.jpg") and second.endswith("/2.jpg")


def test_sl301_staff_policy(tmp_path):
    assert path_problems(tmp_path, "images/staff/mrs-jones.jpg") == []
    (problem,) = path_problems(tmp_path, "images/staff/mrs-jones.jpg", staff="warn")
    assert problem.message == "the file name contains what looks like a full name (staff)"
    assert problem.severity == "warning"
    (pupil,) = path_problems(tmp_path, "images/amelia-watson.jpg", staff="warn")
    assert pupil.severity is None           # the rule's own severity


# --- SL302 name-in-alt-text ----------------------------------------------------------------

def test_sl302_alt_title_and_aria_label_in_html(tmp_path):
    problems = page_problems(tmp_path, "index.html", (
        "<html><body>\n"
        '<img src="/images/award.jpg" alt="Amelia Watson receiving her award">\n'
        '<img src="/images/b.jpg"\n  title="Noah Patel in goal">\n'
        '<div role="img"><img src="/images/c.jpg" aria-label="Isla Reid painting"></div>\n'
    ))
    sl302 = [p for p in problems if p.code == "SL302"]
    assert summary(sl302) == [("SL302", 2, "alt text", "Amelia Watson"), ("SL302", 4, "title", "Noah Patel"),
                              ("SL302", 5, "aria-label", "Isla Reid")]
    assert sl302[0].message == "the alt text of image /images/award.jpg contains what looks like a full name"
    assert sl302[0].fix.action == "edit-text" and not sl302[0].fix.safe
    line, old, new = sl302[0].fix.args
    assert line == 2 and "Amelia Watson" in old and new == old.replace("Amelia Watson", "Amelia")
    assert sl302[0].fix.summary == "reduce the names in the alt text to first names"
    assert_names_kept_private(problems)


def test_sl302_markdown_front_matter_and_data_alt(tmp_path):
    markdown = page_problems(tmp_path, "_posts/2024-06-01-gala.md", (
        "---\ntitle: Swimming gala\nimage:\n  path: /images/gala.jpg\n  alt: Zara Khan diving in\n---\n"
        "Great races.\n\n![Ava Jones smiling](/images/ava.jpg)\n"
    ))
    assert summary(markdown) == [("SL302", 5, "alt text", "Zara Khan"), ("SL302", 9, "alt text", "Ava Jones")]
    data = page_problems(tmp_path, "_data/gallery.yml", "- photo: /images/a.jpg\n  alt: Leo King in the relay\n")
    assert summary(data) == [("SL302", 2, "alt text", "Leo King")]


@pytest.mark.parametrize("alt", [
    "Amelia receiving her award", "Pupils at Victoria Park", "Rowan Class on their trip",
    "Our Head Girl giving a speech", "Joseph Lister Academy choir", "May Day dancing",
    "Year 6 perform Peter Pan", "Amelia, Noah and Ava with the cup", "", "Harry Potter book day costumes",
])
def test_sl302_first_names_and_traps_pass(tmp_path, alt):
    assert page_problems(tmp_path, "index.html", f'<img src="/images/a.jpg" alt="{alt}">') == []


def test_sl302_staff_policy(tmp_path):
    html = '<img src="/images/staff.jpg" alt="Mrs Jones with the choir">'
    assert page_problems(tmp_path, "index.html", html) == []
    for policy, severity in (("warn", "warning"), ("error", "error")):
        (problem,) = page_problems(tmp_path, "index.html", html, staff=policy)
        assert problem.severity == severity
        assert problem.message == ("the alt text of image /images/staff.jpg contains "
                                   "what looks like a full name (staff)")
        assert problem.fix is None          # "Mrs Jones" has no first name to reduce to


# --- SL303 name-beside-photo ---------------------------------------------------------------

def test_sl303_every_kind_of_text_beside_a_photo(tmp_path):
    problems = page_problems(tmp_path, "news/index.html", (
        "<body>\n"
        '<figure><img src="/images/race.jpg" alt="The finish">\n'
        "<figcaption>Well done to\nAmelia Watson</figcaption></figure>\n"
        '<p><img src="/images/b.jpg" alt="Sports day"> Noah Patel won the sack race.</p>\n'
        '<a href="/images/full.jpg" data-caption="Isla Reid at the fair"><img src="/images/t.jpg" alt="x"></a>\n'
        '<div class="pupil-card"><img src="/images/c.jpg" alt="x"><h3>Zara Khan</h3><p>Year 5</p></div>\n'
        "</body>"
    ))
    assert summary(problems) == [
        ("SL303", 4, "figcaption", "Amelia Watson"),
        ("SL303", 5, "paragraph", "Noah Patel"),
        ("SL303", 6, "data-caption", "Isla Reid"),
        ("SL303", 7, "card", "Zara Khan"),
    ]
    assert problems[0].message == ("photo /images/race.jpg: its figcaption gives what looks like a full name; "
                                   "use first names only, or remove the photo")
    assert all(problem.fix is None for problem in problems)
    assert_names_kept_private(problems)


def test_sl303_post_title_and_data_names(tmp_path):
    post = page_problems(tmp_path, "content/news/race.md",
                         "---\ntitle: Amelia Watson wins the county race\n"
                         "featured_image: /images/race.jpg\n---\nBody\n")
    assert summary(post) == [("SL303", 2, "front-matter title", "Amelia Watson")]
    data = page_problems(tmp_path, "_data/team.yml", "- name: Noah Patel\n  photo: /images/team/1.jpg\n")
    assert summary(data) == [("SL303", 1, "data name", "Noah Patel")]


def test_sl303_first_name_captions_and_traps_pass(tmp_path):
    assert page_problems(tmp_path, "index.html", (
        '<figure><img src="/images/a.jpg" alt="Race"><figcaption>Amelia won the race</figcaption></figure>\n'
        '<p><img src="/images/b.jpg" alt="Park"> Rowan Class visited Victoria Park on May Day.</p>\n'
        '<li><img src="/images/c.jpg" alt="Play"> Year 4 performed Peter Pan at Joseph Lister Academy</li>\n'
        '<p><img src="/images/d.jpg" alt="Award"> Well done Amelia! Great work from Noah and Ava.</p>\n'
    )) == []


def test_sl303_text_elsewhere_on_the_page_is_not_beside_the_photo(tmp_path):
    assert page_problems(tmp_path, "index.html", (
        "<section><h2>Amelia Watson wins</h2>\n<p>Story text.</p>\n"
        '<figure><img src="/images/a.jpg" alt="Race"><figcaption>The finish</figcaption></figure></section>'
    )) == []


def test_sl303_staff_names_beside_photos(tmp_path):
    html = '<figure><img src="/images/a.jpg" alt="Choir"><figcaption>Mr Patel leads the choir</figcaption></figure>'
    assert page_problems(tmp_path, "index.html", html) == []
    (problem,) = page_problems(tmp_path, "index.html", html, staff="warn")
    assert problem.severity == "warning"
    assert problem.value == "Mr Patel" and problem.message.endswith(
        "its figcaption gives what looks like a full name (staff); use first names only, or remove the photo")


def test_suppressions_from_the_page_cover_the_findings_lines(tmp_path):
    text = ("<!-- schoollint: ignore SL302 -->\n"
            '<img src="/images/a.jpg"\n     alt="Amelia Watson">\n')
    (problem,) = page_problems(tmp_path, "index.html", text)
    (suppression,) = read_page(tmp_path, "index.html", text.encode()).suppressions
    assert problem.line == 3 and problem.line in suppression.covers and problem.code in suppression.codes


# --- rosters -------------------------------------------------------------------------------

@pytest.fixture
def roster(tmp_path) -> Path:
    path = tmp_path / "private" / "pupils.csv"
    path.parent.mkdir()
    path.write_text("first_name,last_name,role\nStorm,Pebble,pupil\nMarble,Kettle,staff\n")
    return path


def test_roster_finds_names_the_heuristic_cannot(tmp_path, roster):
    # Names that are ordinary English words: only a roster knows them (issue 10 finds "Zephyrine Quaxley").
    html = ('<figure><img src="/images/a.jpg" alt="Storm Pebble on stage">'
            "<figcaption>Marble Kettle and Storm Pebble</figcaption></figure>")
    assert page_problems(tmp_path, "index.html", html) == []
    problems = page_problems(tmp_path, "index.html", html, roster=roster)
    assert summary(problems) == [("SL302", 1, "alt text", "Storm Pebble"),
                                 ("SL303", 1, "figcaption", "Storm Pebble")]
    assert problems[0].message == "the alt text of image /images/a.jpg contains a full name (roster match)"
    assert problems[0].fix.args == (1, "Storm Pebble on stage", "Storm on stage")
    staff = page_problems(tmp_path, "index.html", html, roster=roster, staff="warn")
    assert ("SL303", 1, "figcaption", "Marble Kettle") in summary(staff)
    assert path_problems(tmp_path, "images/storm-pebble.jpg", roster=roster)[0].message == \
        "the file name contains a full name (roster match)"


def test_hashed_roster_matches_with_its_key(tmp_path, roster, monkeypatch):
    key = "a-repository-secret-of-some-length"
    hashed = tmp_path / ".schoollint-roster"
    write_hashed_roster(roster, hashed, key.encode())
    assert b"Pebble" not in hashed.read_bytes()
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", key)
    (problem,) = page_problems(tmp_path, "index.html", '<img src="/a.jpg" alt="Storm Pebble">', roster=hashed)
    assert (problem.code, problem.value) == ("SL302", "Storm Pebble")
    assert problem.message.endswith("(roster match)")


# --- the edit-text fix ---------------------------------------------------------------------

def test_apply_edits_replaces_on_its_line_only_and_keeps_every_other_byte(tmp_path):
    data = ('<meta charset="windows-1252">\r\n<p>Caf\xe9: Amelia Watson</p>\r\n'
            '<img src="a.jpg" alt="Amelia Watson">\r\n').encode("cp1252")
    (write,) = apply_edits(tmp_path, "index.html", data, [Fix("edit-text", (3, "Amelia Watson", "Amelia"))])
    assert write.path == "index.html"
    assert write.data == data.replace(b'alt="Amelia Watson"', b'alt="Amelia"')


def test_apply_edits_refuses_when_the_text_has_moved(tmp_path):
    data = b"line one\nAmelia Watson\n"
    for args in ((1, "Amelia Watson", "Amelia"), (7, "Amelia Watson", "Amelia")):
        with pytest.raises(PageError, match="no longer there"):
            apply_edits(tmp_path, "page.md", data, [Fix("edit-text", args)])


def test_apply_edits_refuses_when_the_text_stands_twice_but_one_copy_is_meant(tmp_path):
    data = b'<img src="Amelia Watson.jpg" alt="Amelia Watson">\n'
    with pytest.raises(PageError, match="appears 2 times on the line"):
        apply_edits(tmp_path, "index.html", data, [Fix("edit-text", (1, "Amelia Watson", "Amelia"))])


def test_apply_edits_two_fixes_on_one_line(tmp_path):
    data = '![Ava Jones](a.jpg "Ava Jones")\n'.encode()
    fixes = [Fix("edit-text", (1, "Ava Jones", "Ava")), Fix("edit-text", (1, "Ava Jones", "Ava"), summary="title")]
    (write,) = apply_edits(tmp_path, "post.md", data, fixes)
    assert write.data == b'![Ava](a.jpg "Ava")\n'


# --- end to end through the command line ---------------------------------------------------

def make_photo(path: Path, colour: str) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), colour).save(path, "JPEG", quality=90)
    return path.read_bytes()


def test_check_and_unsafe_fixes_on_a_small_site(repo, cli):
    photo = make_photo(repo / "images" / "noah-patel-sports-day.jpg", "green")
    make_photo(repo / "images" / "race.jpg", "blue")
    (repo / "news").mkdir()
    (repo / "news" / "index.html").write_text(
        '<figure><img src="../images/noah-patel-sports-day.jpg" alt="Amelia Watson at the finish">\n'
        "<figcaption>Sports day</figcaption></figure>\n")
    (repo / "_posts").mkdir()
    (repo / "_posts" / "2024-07-01-sports.md").write_text(
        "---\ntitle: Sports day\nimage: /images/noah-patel-sports-day.jpg\n---\n"
        "![Isla Reid running](/images/race.jpg)\n\nWell done Isla!\n")
    (repo / "_data").mkdir()
    (repo / "_data" / "gallery.yml").write_text("- photo: images/noah-patel-sports-day.jpg\n  name: Sports day\n")
    git(repo, "add", "-A")

    code, out, _ = cli("check", "--select", "SL301,SL302,SL303", "--output-format", "json", "--no-cache")
    assert code == 1
    found = sorted((f["code"], f["path"], f["line"]) for f in json.loads(out)["findings"])
    assert found == [("SL301", "images/noah-patel-sports-day.jpg", None),
                     ("SL302", "_posts/2024-07-01-sports.md", 5), ("SL302", "news/index.html", 1)]
    assert not any(name in out for name in ("Noah", "Amelia", "Isla Reid"))

    code, out, err = cli("check", "--select", "SL301,SL302,SL303", "--fix", "--unsafe-fixes", "--no-cache")
    renamed = [path for path in (repo / "images").iterdir() if path.name.startswith("sports-day-")]
    assert len(renamed) == 1 and not (repo / "images" / "noah-patel-sports-day.jpg").exists()
    assert renamed[0].read_bytes() == photo
    new_name = renamed[0].name
    assert (repo / "news" / "index.html").read_text() == (
        f'<figure><img src="../images/{new_name}" alt="Amelia at the finish">\n'
        "<figcaption>Sports day</figcaption></figure>\n")
    assert (repo / "_posts" / "2024-07-01-sports.md").read_text() == (
        f"---\ntitle: Sports day\nimage: /images/{new_name}\n---\n"
        "![Isla running](/images/race.jpg)\n\nWell done Isla!\n")
    assert (repo / "_data" / "gallery.yml").read_text() == f"- photo: images/{new_name}\n  name: Sports day\n"

    git(repo, "add", "-A")
    code, out, _ = cli("check", "--select", "SL301,SL302,SL303", "--no-cache")
    assert code == 0, out


def test_sl301_hash_is_keyed_with_the_roster_key_when_set(tmp_path, monkeypatch):
    path = "images/amelia-watson-sports-day.jpg"
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY", raising=False)
    plain = path_problems(tmp_path, path)[0].fix.args[0]
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", "a-repository-secret-of-some-length")
    keyed = path_problems(tmp_path, path)[0].fix.args[0]
    assert plain != keyed and plain[:-10] == keyed[:-10] == "images/sports-day-"
