"""Issue 9: a fix that moves a photo leaves the whole change staged in a real Git repository (the
moved photo and the pages rewritten to follow it), never a page of the user's half staged; a
HEIC named after a person is converted and renamed in one run."""

from __future__ import annotations

from pathlib import Path

from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo
from tests.sites.test_sites import broken_references, findings


def status(root: Path) -> dict[str, str]:
    """`git status --porcelain` as path -> its two status letters (a rename under its new path)."""
    lines = git(root, "status", "--porcelain").splitlines()
    return {line[3:].split(" -> ")[-1]: line[:2] for line in lines}


def heic(path: Path) -> Path:
    import pillow_heif

    pillow_heif.register_heif_opener()
    return clean_photo(path)


def test_a_heic_named_after_a_person_is_converted_and_renamed_in_one_run_with_every_page_staged(repo, cli):
    heic(repo / "photos" / "amelia-watson.heic")
    (repo / "index.html").write_text('<html><body>\n<img src="photos/amelia-watson.heic" alt="Sports day">\n'
                                     "</body></html>\n", encoding="utf-8")
    (repo / "news.md").write_text("# News\n\n![The hall](photos/amelia-watson.heic)\n", encoding="utf-8")
    commit_all(repo, "site")
    assert {("photos/amelia-watson.heic", "SL106"), ("photos/amelia-watson.heic", "SL301")} <= {
        (f["path"], f["code"]) for f in findings(cli)}

    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert code in (0, 1), (out, err)
    [jpeg] = [path for path in (repo / "photos").iterdir()]
    assert jpeg.suffix == ".jpg" and "amelia" not in jpeg.name and "watson" not in jpeg.name
    assert jpeg.read_bytes()[:3] == b"\xff\xd8\xff"
    new = f"photos/{jpeg.name}"
    assert new in (repo / "index.html").read_text() and new in (repo / "news.md").read_text()
    assert not [f for f in findings(cli) if f["code"] in ("SL106", "SL301", "SL304")]
    assert broken_references(repo) == []
    assert status(repo) == {"photos/amelia-watson.heic": "D ", new: "A ", "index.html": "M ", "news.md": "M "}
    assert "pages rewritten to follow the moved files: staged in Git" in err

    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert code == 0 and "fixed" not in out + err, (out, err)   # nothing left for a second run


def test_a_page_holding_unstaged_edits_of_the_user_is_rewritten_but_not_staged(repo, cli):
    clean_photo(repo / "img" / "oliver-price.jpg")
    for page in ("a.html", "b.html"):
        (repo / page).write_text('<html><body>\n<img src="img/oliver-price.jpg" alt="Relay">\n</body></html>\n',
                                 encoding="utf-8")
    commit_all(repo, "site")
    (repo / "b.html").write_text((repo / "b.html").read_text() + "<p>Draft, not ready</p>\n", encoding="utf-8")

    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert code in (0, 1), (out, err)
    states = status(repo)
    [new] = [path for path, state in states.items() if state[0] == "R"]
    assert "oliver" not in new and new in (repo / "b.html").read_text()
    assert states["a.html"] == "M " and states["b.html"] == " M", states
    assert "not staged because they are untracked or hold changes of yours" in err and "b.html" in err
    assert broken_references(repo) == []
