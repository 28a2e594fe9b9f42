"""Several repositories in one run (trial 6, item 3): an agency's plain folder holding school sites, each
its own Git repository. `check .` there, and `check site1 site2`, check repository by repository, each
with its own configuration, baseline and .gitignore, under a header naming its folder, paths shown from
the current folder, the worst exit code; outputs that are one document, and audit, are refused (exit 2)
saying to run once in each. Real nested Git repositories, through the command line."""

from __future__ import annotations

from tests.kit.git import commit_all, git
from tests.kit.sites import photo_with_gps


def _repository(folder, config: str | None = None):
    photo_with_gps(folder / "images" / "sports.jpg")    # SL101, SL102 (GPS, camera)
    if config is not None:
        (folder / ".schoollint.yml").write_text(config)
    git(folder, "init", "-q")
    commit_all(folder, "site")
    return folder


def _agency(tmp_path):
    """A plain folder (no Git above: tmp_path) whose own config ignores SL101, with a photo of its own,
    and two school repositories: oakfield ignores SL102 in its own config; greenway ignores _site/."""
    agency = tmp_path / "agency"
    agency.mkdir()
    (agency / ".schoollint.yml").write_text("ignore: [SL101]\n")
    photo_with_gps(agency / "loose" / "trip.jpg")
    _repository(agency / "oakfield", "ignore: [SL102]\n")
    greenway = agency / "greenway"
    photo_with_gps(greenway / "_site" / "images" / "sports.jpg")
    (greenway / ".gitignore").write_text("_site/\n")
    _repository(greenway)
    return agency


def _run(monkeypatch, capsys, cwd, *argv: str) -> tuple[int, str, str]:
    from schoollint.cli import main

    monkeypatch.chdir(cwd)
    code = main(["check", "--no-vision", "--no-cache", "-q", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _codes(out: str) -> dict[str, set[str]]:
    """{path as printed: codes} of a -q text report."""
    found: dict[str, set[str]] = {}
    path = ""
    for line in out.splitlines():
        if line and not line.startswith(" ") and not line.startswith("=="):
            path = line
        elif line.strip().startswith(("error ", "warning ")):
            found.setdefault(path, set()).add(line.split()[1])
    return found


def test_a_plain_folder_of_repositories_checks_each_with_its_own_configuration_and_gitignore(tmp_path, monkeypatch,
                                                                                             capsys):
    agency = _agency(tmp_path)
    code, out, _err = _run(monkeypatch, capsys, agency, ".")
    assert code == 1
    assert "== oakfield/ (Git repository) ==" in out and "== greenway/ (Git repository) ==" in out
    assert "== ./ (plain folder, its own files) ==" in out
    codes = _codes(out)
    assert codes["oakfield/images/sports.jpg"] == {"SL101"}     # its own ignore, not the parent's
    assert codes["greenway/images/sports.jpg"] == {"SL101", "SL102"}   # the parent's ignore is not its
    assert not any(path.startswith("greenway/_site") for path in codes)         # its .gitignore holds
    assert codes["loose/trip.jpg"] == {"SL102"}       # the plain folder's own files, its own config
    assert "skipped, a Git work tree of its own" not in _err  # checked, not skipped


def test_repositories_named_together_are_each_checked_and_the_worst_exit_code_wins(tmp_path, monkeypatch, capsys):
    agency = _agency(tmp_path)
    code, out, _err = _run(monkeypatch, capsys, agency, "oakfield", "greenway/images")
    assert code == 1
    codes = _codes(out)
    assert set(codes) == {"oakfield/images/sports.jpg", "greenway/images/sports.jpg"}
    assert codes["oakfield/images/sports.jpg"] == {"SL101"}
    (agency / "greenway" / ".schoollint.yml").write_text("ignore: [SL9999]\n")    # a configuration error there
    code, out, err = _run(monkeypatch, capsys, agency, "oakfield", "greenway")
    assert code == 2
    assert "oakfield/images/sports.jpg" in out                    # the other repository still ran
    assert "schoollint: error: greenway/: " in err


def test_each_repository_keeps_its_own_baseline(tmp_path, monkeypatch, capsys):
    agency = _agency(tmp_path)
    code, _out, _err = _run(monkeypatch, capsys, agency / "greenway", "--write-baseline")
    assert code == 0
    code, out, _err = _run(monkeypatch, capsys, agency, "oakfield", "greenway")
    assert code == 1
    assert set(_codes(out)) == {"oakfield/images/sports.jpg"}


def test_one_document_outputs_and_audit_over_several_repositories_are_refused(tmp_path, monkeypatch, capsys):
    agency = _agency(tmp_path)
    for argv in (("--output-format", "json"), ("-o", str(tmp_path / "report.txt")),
                 ("--report", f"sarif={tmp_path / 'r.sarif'}"), ("--output-format", "sarif")):
        code, out, err = _run(monkeypatch, capsys, agency, *argv)
        assert code == 2 and not out
        assert "one report or baseline cannot hold several repositories (greenway/, oakfield/, ./)" in err
        assert "run schoollint once in each (`cd greenway && schoollint check" in err
    assert not (tmp_path / "report.txt").exists() and not (tmp_path / "r.sarif").exists()
    from schoollint.cli import main

    assert main(["audit", "-o", str(tmp_path / "audit.html")]) == 2
    _out, err = capsys.readouterr()
    assert "holds several repositories (greenway/, oakfield/, ./)" in err and not (tmp_path / "audit.html").exists()
    assert "run it in each (`schoollint audit greenway -o ~/greenway-audit.html`)" in err
    assert main(["history"]) == 2
    assert "run it in each (`cd greenway && schoollint history`)" in capsys.readouterr()[1]
    monkeypatch.chdir(agency / "oakfield")      # one repository named alone: an ordinary run, one document
    assert main(["check", "--no-vision", "--no-cache", "--output-format", "json"]) == 1
