"""Follow-ups of a new user's trial of --fix (session 3): each fix of a file stands or falls alone,
the reasons a rename is refused are true, an alt text written with character references is
edited, this run's own edits of a page are staged with the rewrite that follows a move, the new
name SL301 offers is the same in every run, and --diff shows a page in its own encoding."""

from __future__ import annotations

import json
from pathlib import Path

from tests.kit.git import commit_all, git
from tests.kit.metadata import person_xmp
from tests.kit.sites import clean_photo, photo_with_gps
from tests.sites.test_sites import broken_references


def report(cli, *args: str) -> dict:
    code, out, err = cli("check", "--no-cache", "--no-progress", "--output-format", "json", *args)
    assert code in (0, 1), err
    return json.loads(out)


def codes(document: dict) -> set[tuple[str, str]]:
    return {(finding["path"], finding["code"]) for finding in document["findings"]}


def status(root: Path) -> dict[str, str]:
    """`git status --porcelain` as path -> its two status letters (a rename under its new path)."""
    return {line[3:].split(" -> ")[-1]: line[:2] for line in git(root, "status", "--porcelain").splitlines()}


# --- each fix stands alone, and the reasons of a refused rename are true ------------------------

def test_the_strip_is_made_and_verified_when_the_rename_of_the_same_photo_is_refused(repo, cli):
    photo_with_gps(repo / "images" / "oliver-bennett.jpg")
    (repo / "index.html").write_text('<img src="old/images/oliver-bennett.jpg" alt="Sports day">\n')
    commit_all(repo, "site")
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert code == 1, (out, err)
    assert "not renamed, a reference could not be rewritten safely: index.html:1: " \
           "'old/images/oliver-bennett.jpg' does not lead to a file (done: remove location metadata" in out
    assert "without the file's full path" not in out        # the only reference is a whole path
    assert (repo / "images" / "oliver-bennett.jpg").is_file()
    left = codes(report(cli))                                # read again: SL101 gone, SL301 left
    assert ("images/oliver-bennett.jpg", "SL301") in left and ("images/oliver-bennett.jpg", "SL101") not in left


def test_a_full_address_of_the_site_itself_is_rewritten_with_the_rename(repo, cli):
    photo_with_gps(repo / "images" / "oliver-bennett.jpg")
    (repo / "index.html").write_text(
        '<meta property="og:image" content="https://stmarys.example.sch.uk/images/oliver-bennett.jpg?v=2">\n'
        '<img src="https://cdn.example.org/images/gallery/oliver-bennett.jpg" alt="Elsewhere">\n')
    (repo / "_config.yml").write_text("url: https://stmarys.example.sch.uk\n")
    commit_all(repo, "site")
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert "not fixed" not in out, out
    [new] = [path.name for path in (repo / "images").iterdir()]
    page = (repo / "index.html").read_text()
    assert f'content="https://stmarys.example.sch.uk/images/{new}?v=2"' in page
    assert "https://cdn.example.org/images/gallery/oliver-bennett.jpg" in page   # another site's file
    assert report(cli)["findings"] == []


def test_a_full_address_that_leads_to_no_file_is_refused_for_that_reason_alone(repo, cli):
    clean_photo(repo / "images" / "oliver-bennett.jpg")
    (repo / "index.html").write_text(
        '<meta property="og:image" content="https://stmarys.example.sch.uk/gallery/oliver-bennett.jpg">\n')
    commit_all(repo, "site")
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert "'https://stmarys.example.sch.uk/gallery/oliver-bennett.jpg' is a full address whose path is no " \
           "file of this site" in out, out
    assert "does not lead to a file" not in out and "without the file's full path" not in out
    assert (repo / "images" / "oliver-bennett.jpg").is_file()


# --- alt texts written with character references ------------------------------------------------

ALTS = ('<img src="a.jpg" alt="Amelia Watson &amp; friends">',
        '<img src="b.jpg" alt="Oliver Bennett&#39;s painting">',
        '<img src="c.jpg" alt="Noah&nbsp;Patel at sports day">',
        '<img src="d.jpg" alt="Sophie Turner and Jack Wilson">',
        "<img src=\"e.jpg\" alt='Grace Hughes says \"hello\"'>")
EDITED = ('<img src="a.jpg" alt="Amelia &amp; friends">',
          '<img src="b.jpg" alt="Oliver&#39;s painting">',
          '<img src="c.jpg" alt="Noah at sports day">',
          '<img src="d.jpg" alt="Sophie and Jack">',
          "<img src=\"e.jpg\" alt='Grace says \"hello\"'>")


def test_alt_texts_written_with_character_references_are_edited_in_their_source_form(repo, cli):
    for name in "abcde":
        clean_photo(repo / f"{name}.jpg")
    page = "<html><body>\n" + "\n".join(ALTS) + "\n</body></html>\n"
    (repo / "t.html").write_text(page)
    code, out, err = cli("check", "--unsafe-fixes", "--diff", "--no-cache", "--no-progress")
    assert "cannot fix" not in out and all(f"+{line}" in out for line in EDITED), out
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert (repo / "t.html").read_text() == "<html><body>\n" + "\n".join(EDITED) + "\n</body></html>\n"
    assert report(cli)["findings"] == []


def test_one_alt_text_that_cannot_be_edited_does_not_stop_the_others(repo, cli):
    for name in "ab":
        clean_photo(repo / f"{name}.jpg")
    ambiguous = '<a title="Amelia Watson"><img src="a.jpg" alt="Amelia Watson"></a>'
    (repo / "t.html").write_text(f"<html><body>\n{ambiguous}\n{ALTS[3].replace('d.jpg', 'b.jpg')}\n</body></html>\n")
    code, out, err = cli("check", "--unsafe-fixes", "--diff", "--no-cache", "--no-progress")
    assert "+<img src=\"b.jpg\" alt=\"Sophie and Jack\">" in out
    assert "t.html: cannot fix: t.html:2: the text to change appears 2 times on the line" in out
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert "appears 2 times on the line; edit it by hand (done: reduce the names" in out, out
    assert (repo / "t.html").read_text().splitlines()[1:3] == [ambiguous, '<img src="b.jpg" alt="Sophie and Jack">']


# --- staging: this run's own edits go with the rewrite ------------------------------------------

def test_a_page_this_run_edited_before_rewriting_it_for_two_moves_is_staged(repo, cli):
    clean_photo(repo / "photos" / "amelia-watson.jpg")
    clean_photo(repo / "photos" / "oliver-bennett.jpg")
    (repo / "index.html").write_text('<html><body>\n<img src="photos/amelia-watson.jpg" alt="Amelia Watson">\n'
                                     '<img src="photos/oliver-bennett.jpg" alt="Sports day">\n</body></html>\n')
    (repo / "_posts").mkdir()
    (repo / "_posts" / "2024-07-01-sports.md").write_text("---\ntitle: Sports\n---\n"
                                                          "![Relay](/photos/oliver-bennett.jpg)\n")
    (repo / "draft.html").write_text('<img src="photos/amelia-watson.jpg" alt="Relay">\n')
    commit_all(repo, "site")
    (repo / "draft.html").write_text('<img src="photos/amelia-watson.jpg" alt="Relay">\n<p>not ready</p>\n')

    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert code in (0, 1), (out, err)
    states = status(repo)
    assert states["index.html"] == "M " and states["_posts/2024-07-01-sports.md"] == "M ", (states, err)
    assert states["draft.html"] == " M", states        # the user's unstaged edit is never staged
    assert 'alt="Amelia"' in git(repo, "show", ":index.html")       # the alt text edit went with it
    assert "not staged because they are untracked or hold changes of yours" in err and "draft.html" in err
    assert "index.html" not in err.split("not staged because")[1]
    assert broken_references(repo) == []


# --- the new name SL301 offers is the same in every run, and --fix uses it ---------------------

def test_the_new_name_offered_is_the_one_fix_uses_in_every_run(repo, cli, monkeypatch, tmp_path):
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    clean_photo(repo / "images" / "oliver-bennett.jpg")
    commit_all(repo, "photo")

    def offered() -> str:
        [finding] = [f for f in report(cli)["findings"] if f["code"] == "SL301"]
        return finding["fix"]["summary"].split()[2]

    first = offered()
    assert offered() == first and "oliver" not in first and "bennett" not in first
    cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert (repo / first).is_file() and not (repo / "images" / "oliver-bennett.jpg").exists()


# --- --diff of a page in its own encoding -------------------------------------------------------

def test_diff_shows_a_windows_1252_page_as_text(repo, cli):
    clean_photo(repo / "a.jpg")
    page = ('<meta charset="windows-1252">\n<p>Caf\xe9 \u2013 sports day</p>\n'
            '<img src="a.jpg" alt="Amelia Watson">\n').encode("cp1252")
    (repo / "latin1.html").write_bytes(page)
    code, out, err = cli("check", "--unsafe-fixes", "--diff", "--no-cache", "--no-progress")
    assert "binary file" not in out, out
    assert '-<img src="a.jpg" alt="Amelia Watson">' in out and '+<img src="a.jpg" alt="Amelia">' in out
    assert "Caf\xe9 \u2013 sports day" not in out.split("@@")[0]      # unchanged lines only as context


def test_a_sidecar_named_after_a_person_whose_delete_is_refused_is_stripped_and_renamed(repo, cli):
    clean_photo(repo / "photo.jpg")
    commit_all(repo, "photo")
    (repo / "amelia-watson.xmp").write_bytes(person_xmp("Amelia Watson"))      # not committed: kept
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert "not committed to Git, so deleting it would lose it" in out, out
    [sidecar] = list(repo.glob("*.xmp"))
    assert "amelia" not in sidecar.name and b"Amelia" not in sidecar.read_bytes()
    assert f"rename to {sidecar.name}" in out.split("(done: ")[1]            # what was done, said so
