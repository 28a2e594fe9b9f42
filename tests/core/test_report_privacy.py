"""Reports are private to the user and never left where the site publishes them (fresh-eyes trial, problem 9).

The audit holds a thumbnail of every photo (with --show-values, names and GPS positions too):
it is written 0600 and refused inside the site unless Git ignores it; a check report with
values likewise; a report without values is written where asked, with a warning. Every HTML
or Markdown report carries schoollint's marker, so a run never lints one as a page.
"""

from __future__ import annotations

import json
import os
import stat

import pytest

from schoollint.report.files import MARKER
from tests.audit.sites import gps_jpeg, page, write
from tests.kit.git import commit_all


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def site(repo):
    """A committed site with a GPS-tagged photo shown with a pupil's full name."""
    write(repo, "images/gala.jpg", gps_jpeg())
    write(repo, "index.html", page(("images/gala.jpg", "Amelia Watson at the gala")))
    commit_all(repo, "site")
    return repo


def test_audit_inside_the_site_is_refused_before_the_run_and_writes_nothing(site, cli):
    code, out, err = cli("audit", "--record-review", "JS", "-o", "audit.html")
    assert code == 2 and out == ""
    assert "audit.html: not written" in err and "published" in err and "--force" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (site / "audit.html").exists()
    assert not (site / ".schoollint-review.yml").exists(), "a refused audit records no review"


def test_audit_outside_the_site_is_private_even_over_an_older_readable_file(site, cli):
    report = site.parent / "audit.html"
    report.write_text("old")
    os.chmod(report, 0o644)
    code, _, err = cli("audit", "-o", str(report))
    assert code == 0, err
    assert mode(report) == 0o600 and "Photo audit" in report.read_text()
    assert "warning" not in err
    code, _, err = cli("audit", "--format", "json", "-o", str(site.parent / "audit.json"))
    assert code == 0 and mode(site.parent / "audit.json") == 0o600
    assert not [name for name in os.listdir(site.parent) if name.endswith(".tmp")]


def test_audit_where_git_ignores_it_is_written_and_not_checked(site, cli):
    (site / ".gitignore").write_text("/reports/\n")
    (site / "reports").mkdir()
    code, _, err = cli("audit", "-o", "reports/audit.html")
    assert code == 0 and "warning" not in err and mode(site / "reports/audit.html") == 0o600
    payload = json.loads(cli("check", "--output-format", "json", "--no-cache")[1])
    assert not [f for f in payload["findings"] if f["path"].startswith("reports/")]


def test_forced_audit_inside_the_site_is_written_with_a_warning(site, cli):
    code, _, err = cli("audit", "--force", "-o", "audit.html")
    assert code == 0 and "warning: audit.html" in err and "published" in err
    assert mode(site / "audit.html") == 0o600


def test_audit_outside_git_in_the_site_folder_is_refused(tmp_path, cli, monkeypatch):
    folder = tmp_path / "plain-site"   # uploaded whole (FTP): nothing in it is ignored
    write(folder, "images/gala.jpg", gps_jpeg())
    monkeypatch.chdir(folder)
    code, _, err = cli("audit", "-o", "audit.html")
    assert code == 2 and "not written" in err and not (folder / "audit.html").exists()


def test_check_report_with_values_is_refused_inside_the_site_and_private_outside(site, cli):
    code, _, err = cli("check", "--show-values", "--output-format", "json", "-o", "findings.json")
    assert code == 2 and "findings.json: not written" in err and not (site / "findings.json").exists()
    code, _, err = cli("check", "--show-values", "--report", f"json={site.parent / 'a.json'}",
                       "--report", "sarif=b.sarif")
    assert code == 2 and "b.sarif: not written" in err
    assert not (site.parent / "a.json").exists(), "nothing is written when one report is refused"
    code, _, err = cli("check", "--show-values", "--output-format", "json", "-o", str(site.parent / "v.json"))
    assert code == 1 and mode(site.parent / "v.json") == 0o600
    assert "Amelia Watson" in (site.parent / "v.json").read_text()
    code, _, err = cli("check", "--show-values", "--force", "--output-format", "json", "-o", "v.json")
    assert code == 1 and "warning: v.json" in err and mode(site / "v.json") == 0o600


def test_check_report_without_values_is_written_with_a_warning(site, cli):
    previous = os.umask(0o022)
    try:
        code, _, err = cli("check", "--output-format", "sarif", "-o", "results.sarif")
    finally:
        os.umask(previous)
    assert code == 1 and "warning: results.sarif" in err and "no personal value" in err
    assert mode(site / "results.sarif") == 0o644, "CI uploads it, perhaps as another user: the umask's mode"


def test_html_and_markdown_reports_carry_the_marker_near_their_start(site, cli):
    cli("audit", "-o", str(site.parent / "audit.html"))
    cli("check", "--output-format", "summary", "-o", str(site.parent / "summary.md"))
    for name in ("audit.html", "summary.md"):
        assert MARKER.encode() in (site.parent / name).read_bytes()[:512], name


def test_a_report_left_in_the_site_is_not_linted_as_a_page(site, cli):
    assert cli("audit", "--force", "--show-values", "-o", "audit.html")[0] == 0
    cli("check", "--output-format", "summary", "--force", "-o", "summary.md")
    for _run in ("cold", "warm"):        # a cached run counts them the same way
        payload = json.loads(cli("check", "--output-format", "json")[1])
        assert payload["files_checked"] == 2   # images/gala.jpg and index.html, not the two reports
        assert payload["files_not_checked"] == {"schoollint report": 2}
        assert {f["path"] for f in payload["findings"]} == {"images/gala.jpg", "index.html"}
