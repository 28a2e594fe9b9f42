"""--fix in a site whose photo lives in a Git submodule: a rename (SL301) moves the photo inside the
submodule, whose own Git must stage it (the site's Git refuses a path inside a submodule: "Pathspec
is in submodule"); the site's page that follows the move is staged by the site's Git. The note says
where each was staged and that the submodule's change is committed there first."""

from __future__ import annotations

from tests.audit.sites import gps_jpeg, write
from tests.core.test_trial8_submodules import _add_submodule, _repository
from tests.kit.git import commit_all, git


def test_a_rename_inside_a_submodule_is_staged_by_the_submodule_s_git(repo, tmp_path, cli):
    gallery = _repository(tmp_path / "gallery-source", {"photos/aoife-oneill.jpg": gps_jpeg()})
    write(repo, "index.html", '<img src="gallery/photos/aoife-oneill.jpg" alt="Sports day">')
    commit_all(repo, "page")
    _add_submodule(repo, gallery, "gallery")

    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--select", "SL301")
    assert code in (0, 1), err
    moved = [line for line in err.splitlines() if "gallery/photos/aoife-oneill.jpg is now" in line]
    assert len(moved) == 1, err
    assert "staged in the repository gallery (git -C gallery add -- photos/" in moved[0], moved[0]
    assert "commit it there, then git add gallery" in moved[0] and "could not stage" not in err, err
    inside = git(repo / "gallery", "status", "--porcelain")
    assert inside.startswith("R  photos/aoife-oneill.jpg -> photos/"), inside       # staged as a move there
    assert "M  index.html" in git(repo, "status", "--porcelain")              # the page, here
    new_name = inside.split(" -> ")[1].strip()
    assert f'src="gallery/{new_name}"' in (repo / "index.html").read_text()
