"""The site's reference index, SL304, and fixes that never leave a reference broken (issue 9);
large, deep and oddly encoded pages (issue 17 items 15 to 17)."""

from __future__ import annotations

import json
import time

import pytest

from schoollint.fix.model import FixContext
from schoollint.formats.heic_to_jpeg import apply_convert
from schoollint.pages.model import PageError
from schoollint.pages.references import scan
from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo


def written(text: str, relpath: str = "") -> list[tuple[str, int]]:
    return [(reference.written, reference.line) for reference in scan(text, relpath)]


def test_every_way_a_site_writes_a_media_path_is_one_reference():
    text = """import a from './a.jpg'; const b = require("../b.png");
const c = new URL('./c%20d.webp', import.meta.url);
<img srcset="/e.jpg 1x, /f.jpg 2x" data-src=g.gif poster='h.jpg'>
.hero { background: url(i.jpg) } ![x](j.jpeg "t") photo: /k.jpg
{{ site.baseurl }}/l.jpg {{ '/m.jpg' | relative_url }} https://cdn.example.org/n.jpg //cdn/o.jpg
"""
    assert written(text) == [("./a.jpg", 1), ("../b.png", 1), ("./c%20d.webp", 2), ("/e.jpg", 3), ("/f.jpg", 3),
                             ("g.gif", 3), ("h.jpg", 3), ("i.jpg", 4), ("j.jpeg", 4), ("/k.jpg", 4),
                             ("/l.jpg", 5), ("/m.jpg", 5)]


def test_references_in_comments_and_prose_are_not_references():
    text = """<!-- <img src="a.jpg"> --> /* url(b.jpg) */ // import c from './c.jpg'
{# <img src="d.jpg"> #} {% comment %}<img src="e.jpg">{% endcomment %} {{!-- f.jpg --}}
A word about holiday.jpg in prose. <img src="{{ name }}.jpg">
const g = import.meta.glob('./assets/*.png'); const u = `/img/${pupil.id}/photo.jpg`;
"""
    assert written(text) == []
    assert written("# photo: /a.jpg\nphoto: /b.jpg  # was /c.jpg\n", "_data/a.yml") == [("/b.jpg", 2)]


def test_a_broken_reference_is_sl304_on_its_line_and_the_fixed_site_has_none(repo, cli):
    clean_photo(repo / "images" / "sports-day.jpg")
    (repo / "index.html").write_text('<p>Sports day</p>\n<img src="images/sport-day.jpg" alt="The race">\n')
    (repo / "style.css").write_text(".a { background: url(/images/gone.png) }\n")
    (repo / "src").mkdir()
    (repo / "src" / "App.jsx").write_text("import p from '../images/sports-day.jpg';\n"
                                          "export default () => <img src={p} alt='' />;\n")
    commit_all(repo, "site")
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--select", "SL304", "--output-format", "json")
    found = [(f["path"], f["line"], f.get("value")) for f in json.loads(out)["findings"]]
    assert found == [("index.html", 2, None), ("style.css", 1, None)]   # values only with --show-values
    (repo / "index.html").write_text('<img src="images/sports-day.jpg" alt="The race">\n')
    (repo / "style.css").write_text(".a { background: url(/images/sports-day.jpg) }\n")
    assert cli("check", "--no-cache", "--no-progress", "--select", "SL304")[0] == 0


def test_a_conversion_that_cannot_rewrite_a_reference_changes_nothing_and_names_it(tmp_path):
    import pillow_heif

    pillow_heif.register_heif_opener()
    photo = clean_photo(tmp_path / "photos" / "IMG_1.heic")
    (tmp_path / "index.html").write_text('<img src="photos/IMG_1.heic">\n<a href="old/IMG_1.heic">full size</a>\n')
    context = FixContext(tmp_path, ("index.html", "photos/IMG_1.heic"), committed=frozenset({"photos/IMG_1.heic"}))
    with pytest.raises(PageError, match=r"not converted.*index.html:2: 'old/IMG_1.heic' does not lead to a file"):
        apply_convert(context, "photos/IMG_1.heic", photo.read_bytes(), [])


def test_a_conversion_finishes_the_job_and_a_second_run_has_nothing_to_do(repo, cli):
    import pillow_heif

    pillow_heif.register_heif_opener()
    clean_photo(repo / "photos" / "IMG_1.heic")
    (repo / "index.md").write_text("![Hall](photos/IMG_1.heic)\n")
    commit_all(repo, "site")
    code, out, err = cli("check", "--no-cache", "--no-progress", "--fix", "--unsafe-fixes")
    assert (repo / "index.md").read_text() == "![Hall](photos/IMG_1.jpg)\n"
    assert not (repo / "photos" / "IMG_1.heic").exists()
    assert sorted(git(repo, "status", "--porcelain").splitlines()) == [   # the page that follows it too
        "A  photos/IMG_1.jpg", "D  photos/IMG_1.heic", "M  index.md"]
    assert "photos/IMG_1.heic is now photos/IMG_1.jpg: staged in Git" in err
    assert cli("check", "--no-cache", "--no-progress", "--fix", "--unsafe-fixes")[0] == 0


def test_outside_git_the_notes_say_which_files_to_add(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    clean_photo(tmp_path / "amelia-watson.jpg")
    (tmp_path / "index.html").write_text('<img src="amelia-watson.jpg" alt="Race">\n')
    cli("check", "--no-cache", "--no-progress", "--fix", "--unsafe-fixes")
    (renamed,) = [path.name for path in tmp_path.glob("*.jpg")]
    _, _, err = cli("check", "--no-cache", "--no-progress", "--select", "SL304")
    assert renamed in (tmp_path / "index.html").read_text() and "SL304" not in err


def test_images_deep_inside_unclosed_cards_are_all_read(repo, cli):
    cards = "".join(f'<div class="card"><img src="a.jpg" alt="Pupil {n}">' for n in range(300))
    (repo / "gallery.html").write_text(cards + '<div class="card"><img src="a.jpg" alt="Amelia Watson">\n')
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--select", "SL302", "--output-format", "json")
    assert [f["code"] for f in json.loads(out)["findings"]] == ["SL302"]


def test_a_page_deeper_than_the_parser_reads_is_reported_not_passed(repo, cli):
    (repo / "deep.html").write_text("<div>" * 3000 + '<img src="a.jpg" alt="Amelia Watson">\n')
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--output-format", "json")
    (finding,) = json.loads(out)["findings"]
    assert finding["code"] == "SL002" and "could not be read whole" in finding["message"]


@pytest.mark.parametrize("charset", ["utf-16", "UTF-16LE", "punycode", "rot13", "x-user-defined", "utf-7"])
def test_a_declared_charset_that_is_no_web_encoding_reads_as_utf8(repo, cli, charset):
    (repo / "index.html").write_text(f'<meta charset="{charset}">\n<img src="a.jpg" alt="Amélie Watson">\n',
                                     encoding="utf-8")
    code, out, err = cli("check", "--no-cache", "--no-progress", "--select", "SL302", "--output-format", "json")
    assert code == 1, err
    assert [(f["code"], f["line"]) for f in json.loads(out)["findings"]] == [("SL302", 2)]


def test_large_json_is_parsed_as_json_and_an_oversized_file_is_sl002(repo, cli):
    people = [{"name": f"Pupil {n}", "photo": f"/img/{n}.jpg"} for n in range(20_000)]
    people[-1]["name"] = "Amelia Watson"
    (repo / "_data").mkdir()
    (repo / "_data" / "people.json").write_text(json.dumps(people, indent=1))
    started = time.perf_counter()
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--select", "SL303", "--output-format", "json")
    assert time.perf_counter() - started < 60      # linear: about 1 s unloaded
    assert [(f["code"], f["line"]) for f in json.loads(out)["findings"]] == [("SL303", 4 * 20_000 - 1)]
    (repo / "_data" / "people.json").write_bytes(b"[" + b'"x",' * 4_500_000 + b'"x"]')
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--output-format", "json")
    (finding,) = json.loads(out)["findings"]
    assert finding["code"] == "SL002" and "more than the 16 MB" in finding["message"]


def test_a_changed_photo_brings_in_the_component_that_imports_it(repo, cli):
    clean_photo(repo / "src" / "img" / "race.jpg")
    (repo / "src" / "Race.jsx").write_text("import race from './img/race.jpg';\n"
                                           "export default () => <img src={race} alt='Amelia Watson' />;\n")
    (repo / "src" / "Other.jsx").write_text("export default () => <img src='/x.png' alt='Oliver Bennett' />;\n")
    commit_all(repo, "site")
    clean_photo(repo / "src" / "img" / "race.jpg", colour="red")
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--diff-base", "HEAD", "--select", "SL302",
                       "--output-format", "json")
    assert [(f["path"], f["line"]) for f in json.loads(out)["findings"]] == [("src/Race.jsx", 2)]
