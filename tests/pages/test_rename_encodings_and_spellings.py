"""A rename rewrites every reference however the page spells it and whatever its encoding, or
changes nothing and says which reference stopped it.

Trial (session 5): `check --fix --unsafe-fixes` renamed `Ellie Márquez (Y5).JPG` beside a
Windows-1252 page and left the page pointing at the old name (the page was read as UTF-8, so the
accented name was never found); in a UTF-8 page the rename was refused because the path was cut
at its space. Windows folder and file names: spaces, accents, brackets, `%20`, `+`, case.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from schoollint.discover import discover
from schoollint.fix.model import Fix, FixContext
from schoollint.pages.rename import apply_renames
from tests.kit.git import git

FOLDER = "assets/images/Trip photos"
PHOTO = f"{FOLDER}/Ellie Márquez (Y5).JPG"


def build(root: Path, pages: dict[str, bytes | str], photos=(PHOTO,)) -> None:
    for relpath in photos:
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (16, 12), "teal").save(root / relpath, "JPEG")
    for relpath, content in pages.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "site")


def fix(cli) -> tuple[int, str, str]:
    return cli("check", "--no-cache", "--fix", "--unsafe-fixes", "--select", "SL301")


def renamed(root: Path) -> str:
    """The photo's new name (its keyed tag differs from machine to machine)."""
    [new] = [path.name for path in (root / FOLDER).iterdir()]
    assert "Ellie" not in new and "Márquez" not in new
    return new


def no_broken_references(cli) -> None:
    code, out, err = cli("check", "--no-cache", "--select", "SL304")
    assert code == 0, out + err


def test_a_windows_1252_page_is_rewritten_in_its_own_encoding(repo, cli):
    page = ('<html><head><meta charset="windows-1252"></head><body><p>Café trip</p>\n'
            '<img src="../assets/images/Trip photos/Ellie Márquez (Y5).JPG" alt="The trip">\n</body></html>\n')
    build(repo, {"staff/index.html": page.encode("cp1252")})
    code, out, err = fix(cli)
    assert code == 1, out + err
    new = renamed(repo)
    assert (repo / "staff/index.html").read_bytes() == page.replace("Ellie Márquez (Y5).JPG", new).encode("cp1252")
    assert "Café".encode("cp1252") in (repo / "staff/index.html").read_bytes()


def test_a_utf8_page_showing_a_photo_in_a_folder_with_spaces_follows_the_rename(repo, cli):
    build(repo, {"index.html": '<img src="assets/images/Trip photos/Ellie Márquez (Y5).JPG" alt="The trip">\n'})
    code, out, err = fix(cli)
    assert code == 1, out + err
    new = renamed(repo)
    assert (repo / "index.html").read_text() == f'<img src="assets/images/Trip photos/{new}" alt="The trip">\n'
    no_broken_references(cli)


def test_every_spelling_in_every_kind_of_file_is_rewritten(repo, cli):
    build(repo, {
        "index.html": (
            '<img src="assets/images/Trip%20photos/Ellie%20M%C3%A1rquez%20(Y5).JPG" alt="a">\n'
            '<img src="/assets/images/Trip photos/Ellie M%c3%a1rquez %28Y5%29.JPG?v=2" alt="b">\n'
            '<img srcset="assets/images/Trip%20photos/Ellie%20M%C3%A1rquez%20%28Y5%29.JPG 2x" alt="c">\n'),
        "notes.md": "# Notes\n\n![x](<assets/images/Trip photos/Ellie Márquez (Y5).JPG>)\n\n"
                    "![y](assets/images/Trip%20photos/Ellie%20M%C3%A1rquez%20%28Y5%29.JPG)\n",
        "css/site.css": '.hero { background: url("../assets/images/Trip photos/Ellie Márquez (Y5).JPG") }\n',
        "_data/gallery.yml": "- photo: assets/images/Trip photos/Ellie Márquez (Y5).JPG  # the trip\n"
                             "- photo: 'assets/images/Trip photos/Ellie Márquez (Y5).JPG'\n",
        "_data/gallery.json": '{"photos": ["assets/images/Trip photos/Ellie Márquez (Y5).JPG"]}\n',
    })
    code, out, err = fix(cli)
    assert code == 1, out + err
    new = renamed(repo)
    encoded = "assets/images/Trip%20photos/" + new.replace("(", "%28").replace(")", "%29")
    assert (repo / "index.html").read_text() == (
        f'<img src="{encoded}" alt="a">\n<img src="/{encoded}?v=2" alt="b">\n<img srcset="{encoded} 2x" alt="c">\n')
    # A bracket the old Markdown destination had escaped stays escaped, and one it had not stays plain.
    assert (repo / "notes.md").read_text() == (
        f"# Notes\n\n![x](<assets/images/Trip photos/{new}>)\n\n![y]({encoded})\n")
    assert (repo / "css/site.css").read_text() == (
        f'.hero {{ background: url("../assets/images/Trip photos/{new}") }}\n')
    assert (repo / "_data/gallery.yml").read_text() == (
        f"- photo: assets/images/Trip photos/{new}  # the trip\n- photo: 'assets/images/Trip photos/{new}'\n")
    assert (repo / "_data/gallery.json").read_text() == f'{{"photos": ["assets/images/Trip photos/{new}"]}}\n'
    no_broken_references(cli)


def test_a_reference_that_cannot_be_rewritten_stops_the_rename_and_names_it(repo, cli):
    pages = {"index.html": '<img src="assets/images/Trip photos/Ellie Márquez (Y5).JPG" alt="a">\n',
             # CommonMark reads no image here: a destination with spaces needs <angle brackets>
             "notes.md": "# Notes\n\n![x](assets/images/Trip photos/Ellie Márquez (Y5).JPG)\n"}
    build(repo, pages)
    code, out, err = fix(cli)
    assert "notes.md:3" in out + err and "does not lead to a file (a path holding spaces" in out + err
    assert (repo / PHOTO).is_file()
    assert {path: (repo / path).read_text() for path in pages} == pages


def test_a_page_written_in_utf16_that_names_the_photo_stops_the_rename(repo, cli):
    data = '{"photo": "assets/images/Trip photos/Ellie Márquez (Y5).JPG"}\n'.encode("utf-16")
    build(repo, {"_data/gallery.json": data})
    fix(cli)
    assert (repo / PHOTO).is_file()
    assert (repo / "_data/gallery.json").read_bytes() == data


def test_a_new_character_the_page_cannot_hold_or_that_would_end_the_path_is_percent_encoded(repo):
    """A new name is the linter's to choose; one with a space or a letter Windows-1252 lacks still
    gives every page a path that leads to it."""
    build(repo, {
        "a.html": '<meta charset="windows-1252"><img src="img/old.jpg" alt="Café">\n'.encode("cp1252"),
        "b.md": "![x](img/old.jpg)\n",
        "c.html": '<img src="img/old.jpg">\n'}, photos=("img/old.jpg",))
    context = FixContext(repo, tuple(discover(repo, False, ["."], []).files))
    _rename, *writes = apply_renames(context, "img/old.jpg", b"", [Fix("rename", ("img/Łódź trip.jpg",))])
    assert {write.path: write.data for write in writes} == {
        "a.html": '<meta charset="windows-1252"><img src="img/%C5%81ód%C5%BA%20trip.jpg" alt="Café">\n'
                  .encode("cp1252"),
        "b.md": "![x](img/Łódź%20trip.jpg)\n".encode(),
        "c.html": '<img src="img/Łódź%20trip.jpg">\n'.encode(),
    }


def test_a_name_written_with_character_references_is_read_and_rewritten_in_markup_only(repo, cli):
    """HTML and Markdown read `&amp;` and `&#225;` in a path as the characters; CSS and JSON do not."""
    folder = "assets/images/Fish & Chips"
    photo = f"{folder}/Ellie Márquez.jpg"
    build(repo, {
        "index.html": '<img src="assets/images/Fish &amp; Chips/Ellie M&aacute;rquez.jpg" alt="a">\n'
                      '<img src="assets/images/Fish%20&amp;%20Chips/Ellie%20M&#225;rquez.jpg" alt="b">\n',
        "_data/gallery.json": '{"photo": "assets/images/Fish & Chips/Ellie Márquez.jpg"}\n',
    }, photos=(photo,))
    code, out, err = cli("check", "--no-cache", "--select", "SL304")
    assert code == 0, out + err
    code, out, err = fix(cli)
    assert code == 1, out + err
    [new] = [path.name for path in (repo / folder).iterdir()]
    assert "Márquez" not in new
    assert (repo / "index.html").read_text() == (
        f'<img src="assets/images/Fish &amp; Chips/{new}" alt="a">\n'
        f'<img src="assets/images/Fish%20%26%20Chips/{new}" alt="b">\n')
    assert (repo / "_data/gallery.json").read_text() == f'{{"photo": "assets/images/Fish & Chips/{new}"}}\n'
    no_broken_references(cli)


def test_server_pages_and_templates_follow_the_rename_too(repo, cli):
    """PHP, Razor, ASP.NET, JSP, ERB, EJS, Pug pages were read for SL304 but never rewritten by a rename."""
    pages = {f"pages/trip{suffix}": '<img src="/assets/images/Trip photos/Ellie Márquez (Y5).JPG" alt="a">\n'
             for suffix in (".php", ".cshtml", ".aspx", ".jsp", ".erb", ".ejs", ".shtml", ".xhtml")}
    pages["pages/trip.pug"] = 'img(src="/assets/images/Trip photos/Ellie Márquez (Y5).JPG" alt="a")\n'
    build(repo, pages)
    code, out, err = fix(cli)
    assert code == 1, out + err
    new = renamed(repo)
    assert {path: (repo / path).read_text() for path in pages} == {
        path: text.replace("Ellie Márquez (Y5).JPG", new) for path, text in pages.items()}


def test_every_page_language_that_is_text_is_searched_by_a_rename():
    from schoollint.pages.references import TEXT_SUFFIXES
    from schoollint.pages.registry import LANGUAGES

    missing = {suffix for language in LANGUAGES if not language.document for suffix in language.suffixes
               if not suffix.endswith(TEXT_SUFFIXES)}
    assert missing == set()


def test_a_reference_in_another_case_stops_the_rename(repo, cli):
    """On IIS or a Windows share `ellie márquez (y5).jpg` shows the photo; renaming the file alone
    would break that page there, so the rename waits until the case is corrected."""
    pages = {"index.html": '<img src="assets/images/Trip photos/Ellie Márquez (Y5).JPG" alt="a">\n',
             "old.html": '<img src="assets/images/trip photos/ellie m%C3%A1rquez (y5).jpg" alt="b">\n'}
    build(repo, pages)
    code, out, err = fix(cli)
    assert "old.html:1" in out + err and "only in case" in out + err
    assert (repo / PHOTO).is_file()
    assert {path: (repo / path).read_text() for path in pages} == pages
    pages["old.html"] = pages["index.html"]
    build(repo, pages)
    assert fix(cli)[0] == 1
    assert not (repo / PHOTO).exists()
