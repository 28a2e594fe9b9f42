"""`schoollint audit` as a new user met it (session 4 trial items 3, 12, 13, 18, 19): where the report
goes, what its summary says, the vision rules, and a review with no initials. Command line, real
Git repositories; a real terminal (a pseudo-terminal) where the case is about one."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

from tests.audit.sites import clean_jpeg, gps_jpeg, page, write
from tests.kit.git import commit_all
from tests.kit.tools import needs_vision

SCHOOLLINT = [sys.executable, "-m", "schoollint"]


@pytest.fixture
def site(repo):
    write(repo, "images/gala.jpg", gps_jpeg(size=(2400, 1800)))
    write(repo, "images/team.jpg", clean_jpeg())
    write(repo, "index.html", page(("images/gala.jpg", "The gala"), ("images/team.jpg", "The team")))
    write(repo, "docs/broken.pdf", b"%PDF-1.7 not really")
    commit_all(repo, "photos")
    return repo


def test_on_a_terminal_without_o_it_says_to_give_a_file_instead_of_printing_html(site):
    controller, terminal = pty.openpty()
    try:
        done = subprocess.run([*SCHOOLLINT, "audit", "--no-cache"], cwd=site, stdout=terminal,
                              stderr=subprocess.PIPE, text=True, timeout=300)
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert done.returncode == 2
    assert "give -o FILE outside the site, e.g. -o ~/audit.html" in done.stderr
    assert b"<html" not in shown.lower()


def test_redirected_into_the_site_it_is_refused_and_outside_it_is_private(site, tmp_path):
    inside = site / "audit.html"
    with open(inside, "wb") as stdout:
        done = subprocess.run([*SCHOOLLINT, "audit", "--no-cache"], cwd=site, stdout=stdout,
                              stderr=subprocess.PIPE, text=True, timeout=300)
    assert done.returncode == 2 and "not written" in done.stderr and "inside the site" in done.stderr
    assert inside.read_bytes() == b""
    outside = tmp_path / "audit.html"
    with open(outside, "wb") as stdout:
        done = subprocess.run([*SCHOOLLINT, "audit", "--no-cache"], cwd=site, stdout=stdout,
                              stderr=subprocess.PIPE, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert b"<html" in outside.read_bytes()[:400].lower()
    assert outside.stat().st_mode & 0o777 == 0o600


def test_the_summary_gives_option_values_not_their_names_and_the_header_counts_what_was_not_checked(site, cli):
    (site / ".schoollint.yml").write_text("SL201:\n  max-edge: 1800\n", encoding="utf-8")
    code, out, err = cli("audit", "--format", "json", "--no-cache")
    report = json.loads(out)
    [oversized] = [line for line in report["summary"] if line["code"] == "SL201"]
    assert "longer edge over 1800 pixels" in oversized["what"] and "max-edge" not in oversized["what"]
    assert report["files_not_checked"] == {".pdf": 1}
    code, html, _ = cli("audit", "--no-cache")
    assert 'id="files-not-checked">1</strong> not checked' in html
    assert "longer edge over 1800 pixels" in html


def test_a_review_with_no_initials_is_refused_not_silently_skipped(site, cli):
    code, _, err = cli("audit", "--format", "json", "--no-cache", "--record-review", "")
    assert code == 2 and "initials" in err
    assert not (site / ".schoollint-review.yml").exists()


def test_a_broken_review_log_is_said_on_one_line(site, cli):
    (site / ".schoollint-review.yml").write_text("reviews: [\n  - date: 2025-01-01\n", encoding="utf-8")
    code, _, err = cli("audit", "--format", "json", "--no-cache")
    assert code == 2
    line = next(line for line in err.splitlines() if ".schoollint-review.yml" in line)
    assert "not valid YAML" in line and "\\n" not in line


def test_the_overdue_review_message_names_a_command_that_works(site, cli, tmp_path):
    (site / ".schoollint.yml").write_text("SL605:\n  review-every: 12\n", encoding="utf-8")
    code, out, _ = cli("check", "--no-cache", "--select", "SL605")
    assert "schoollint audit -o ~/audit.html" in out and "audit -o audit.html" not in out
    report = tmp_path / "audit.html"
    code, _, err = cli("audit", "--no-cache", "-o", str(report), "--record-review", "JS")
    assert code == 0 and report.exists(), err


def test_a_report_refused_inside_the_site_is_told_to_go_outside_under_its_own_name(site, cli):
    code, _, err = cli("check", "--show-values", "-o", "vals.json", "--output-format", "json")
    assert code == 2 and "(-o ~/vals.json)" in err


def test_a_report_to_a_folder_that_does_not_exist_names_the_report_not_a_temporary_file(site, cli, tmp_path):
    code, _, err = cli("check", "--no-cache", "-o", str(tmp_path / "nowhere" / "x.json"), "--output-format", "json")
    assert code == 2 and "nowhere/x.json: not written" in err and ".tmp" not in err


@needs_vision
def test_the_audit_runs_the_vision_rules_as_check_does(site, cli):
    from tests.vision.conftest import text_picture

    certificate = text_picture([("Awarded to", "DejaVuSerif.ttf", 80), ("Harriet Oduya", "DejaVuSerif-Bold.ttf", 110)])
    certificate.save(site / "images" / "certificate.jpg", quality=92)
    write(site, "certificate.html", page(("images/certificate.jpg", "A certificate"),))
    commit_all(site, "a certificate")
    code, out, _ = cli("audit", "--format", "json", "--no-cache", "--select", "SL401")
    cards = {card["path"]: card for card in json.loads(out)["photos"]}
    assert [f["code"] for f in cards["images/certificate.jpg"]["findings"]] == ["SL401"]
    code, out, _ = cli("audit", "--format", "json", "--no-cache", "--select", "SL401", "--no-vision")
    assert not {card["path"]: card for card in json.loads(out)["photos"]}["images/certificate.jpg"]["findings"]
