"""A file no reader reads (a font, WebAssembly, a .txt, a Gemfile) is counted apart from the files checked,
as "not read", in every output, cold, from the cache and replayed (session 10). Was: "No findings in 3 files
checked" for a .woff2, a CNAME and a .txt, though SL301 judges only photos' and videos' names, so nothing
was judged in the font or the .txt at all. An empty file and kinds that by definition hold nothing a rule
reads (CNAME, .gitignore, lock files) stay counted as checked. Through the command line, real files in a
real Git repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from tests.kit.sites import clean_photo

NOT_READ = {"(no extension)": 1, ".txt": 1, ".wasm": 1, ".woff2": 1}
WORDS = ("4 files not read, since schoollint has no reader for what is inside them: "
         "1 .txt, 1 .wasm, 1 .woff2, 1 with no extension")


@pytest.fixture
def site(repo):
    """A clean photo and the page that shows it (read: checked), files with nothing a rule reads by their
    kind's definition (checked), and four files no reader reads."""
    clean_photo(repo / "images" / "a.jpg")
    (repo / "index.html").write_text('<html lang="en"><body><img src="images/a.jpg" alt="Sports day"></body></html>')
    (repo / "CNAME").write_text("www.oakfield.sch.uk\n")
    (repo / ".gitignore").write_text("*.log\n")
    (repo / "empty.txt").write_bytes(b"")
    (repo / "fonts").mkdir()
    (repo / "fonts" / "body.woff2").write_bytes(b"wOF2\x00\x01\x00\x00" + bytes(range(256)) * 4)
    (repo / "app.wasm").write_bytes(b"\x00asm\x01\x00\x00\x00" + bytes(64))
    (repo / "notes.txt").write_text("Amelia Watson, Year 6: pick-up at 3pm\n")
    (repo / "Gemfile").write_text('source "https://rubygems.org"\ngem "jekyll"\n')
    return repo


def test_text_counts_files_not_read_apart(site, cli):
    code, out, _ = cli("check", "--no-vision")
    assert code == 0
    assert out.strip() == f"no findings in 5 files checked; {WORDS}"


def test_json_sarif_and_audit_json_count_them_by_kind(site, cli):
    report = json.loads(cli("check", "--no-vision", "--output-format", "json")[1])
    assert (report["files_checked"], report["files_not_checked"], report["files_not_read"]) == (5, {}, NOT_READ)
    sarif = json.loads(cli("check", "--no-vision", "--output-format", "sarif")[1])
    assert sarif["runs"][0]["properties"] == {"filesChecked": 5, "filesNotChecked": {}, "filesNotRead": NOT_READ}
    code, out, err = cli("audit", "--no-vision", "--format", "json")
    audit = json.loads(out)
    assert (audit["files_checked"], audit["files_not_read"]) == (5, NOT_READ)
    assert f"schoollint: {WORDS}\n" in err


def test_audit_page_says_them(site, cli, tmp_path):
    page = tmp_path / "audit.html"
    assert cli("audit", "--no-vision", "-o", str(page))[0] == 0
    assert f'<span id="files-not-read">{WORDS}</span>' in page.read_text()


def test_junit_github_gitlab_and_summary_say_them(site, cli):
    junit = ET.fromstring(cli("check", "--no-vision", "--output-format", "junit")[1])
    assert [case.get("name") for case in junit.iter("testcase")] == [f"no findings in 5 files checked; {WORDS}"]
    assert f"schoollint: not read: {WORDS}" in junit.find("testsuite/system-out").text
    github = cli("check", "--no-vision", "--output-format", "github")[1]
    assert f"::notice title=schoollint not read::{WORDS}\n" in github
    action = cli("check", "--no-vision", "--output-format", "github-action")[1]
    assert f"Not read: {WORDS}" in action
    gitlab = json.loads(cli("check", "--no-vision", "--output-format", "gitlab")[1])
    said = [issue for issue in gitlab if issue["check_name"] == "schoollint-not-read"]
    assert [issue["description"] for issue in said] == [f"schoollint did not read: {WORDS}"]
    assert said[0]["severity"] == "info"
    from schoollint.report.summary import cell   # Markdown's escapes: the words as GitHub shows them

    summary = cli("check", "--no-vision", "--output-format", "summary")[1]
    assert "No findings in 5 files checked." in summary
    assert f"\n{cell(WORDS)}.\n" in summary


def test_a_finding_elsewhere_does_not_hide_them(site, cli):
    (site / "index.html").write_text('<html lang="en"><body><img src="images/a.jpg" alt="Amelia Watson"></body>'
                                     "</html>")
    code, out, _ = cli("check", "--no-vision")
    assert code == 1
    assert out.splitlines()[-1].endswith(f"; {WORDS}")


def test_a_selection_of_name_rules_still_counts_them(site, cli):
    """SL301 alone reads no file's content, but a photo and a page have readers; a font has none."""
    report = json.loads(cli("check", "--no-vision", "--select", "SL301", "--output-format", "json")[1])
    assert (report["files_checked"], report["files_not_read"]) == (5, NOT_READ)


def test_the_cache_keeps_them_not_read(site, cli):
    """Cold, then from the cache's records (a new file makes the run read only that one), the same counts."""
    cold = cli("check", "--no-vision", "--no-cache", "--output-format", "json")[1]
    cli("check", "--no-vision", "--output-format", "json")
    warm = cli("check", "--no-vision", "--output-format", "json")[1]
    assert json.loads(warm)["files_not_read"] == json.loads(cold)["files_not_read"] == NOT_READ
    (site / "fonts" / "bold.woff2").write_bytes(b"wOF2\x00\x01\x00\x00" + bytes(512))
    report = json.loads(cli("check", "--no-vision", "--output-format", "json")[1])
    assert (report["files_checked"], report["files_not_read"]) == (5, {**NOT_READ, ".woff2": 2})


def test_a_replayed_run_says_what_the_cold_run_said(site):
    """Run as a user runs it (warm_replay keeps a run's output and gives it again when nothing changed)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(site.parent / "user-cache")}

    def run() -> tuple[int, str]:
        done = subprocess.run([sys.executable, "-m", "schoollint", "check", "--no-vision"], cwd=site, env=env,
                              capture_output=True, text=True, timeout=120)
        return done.returncode, done.stdout

    said = [run() for _ in range(3)]
    assert said == [(0, f"no findings in 5 files checked; {WORDS}\n")] * 3
    assert any(name.startswith("replay-") for name in os.listdir(site / ".schoollint_cache"))


def test_a_record_without_the_count_is_not_believed():
    """A cache record written before files were counted as not read says nothing about it: refused
    (the whole cache is then discarded: cache.Cache._load), never read as 'read'."""
    from schoollint.codec import valid_record

    old = {"findings": [], "suppressions": [], "unknown_alts": 0, "unchecked": False}
    assert not valid_record(old)
    assert valid_record({**old, "not_read": True})
    assert not valid_record({**old, "not_read": 1})


def test_words_take_their_plural_in_one_place():
    from schoollint.kind_counts import plural
    from schoollint.report import plural as reports_plural

    assert reports_plural is plural
    assert [plural(2, word) for word in ("file", "baseline entry", "day", "symlink out of the repository",
                                         "submodule not checked out", ".psd", "(no extension)")] == [
        "2 files", "2 baseline entries", "2 days", "2 symlinks out of the repository",
        "2 submodules not checked out", "2 .psd", "2 with no extension"]
    assert plural(1, "entry") == "1 entry"


def test_schoollints_own_files_count_as_checked(site, cli):
    """Its configuration is read by schoollint itself (an unknown key is an error), not a site file no
    reader reads; a `.yml` elsewhere is."""
    (site / ".schoollint.yml").write_text("select: [SL1, SL3]\n")
    (site / ".github" / "workflows").mkdir(parents=True)
    (site / ".github" / "workflows" / "site.yml").write_text("on: push\n")
    report = json.loads(cli("check", "--no-vision", "--output-format", "json")[1])
    assert (report["files_checked"], report["files_not_read"]) == (6, {**NOT_READ, ".yml": 1})


def test_github_tells_not_checked_from_not_read(site, cli):
    """A file a reader could not judge is "not checked" with why elsewhere, not "no reader", which is what
    a file not read is."""
    (site / "cover.psd").write_bytes(b"8BPS\x00\x01" + bytes(40))
    github = cli("check", "--no-vision", "--output-format", "github")[1]
    assert "::warning::schoollint did not check 1 .psd (the findings and notes say why)\n" in github
    assert f"::notice title=schoollint not read::{WORDS}\n" in github
