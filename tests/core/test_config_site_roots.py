"""The `site-roots` option (config.py; pages/site_layout.py reads it): folders the site serves at its
root, ahead of what the generator's config says. Through the command line, with the cache on: the
option, and an edit of the generator's config, change which references are broken (SL304)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.kit.git import commit_all
from tests.kit.sites import clean_photo

# Eleventy's input folder is computed: schoollint does not guess it, and says so.
COMPUTED = 'module.exports = { dir: { input: process.env.INPUT || "site" } };\n'
PAGE = '<img src="/img/trip.jpg" alt="The trip">\n<img src="/img/gone.jpg" alt="Gone">\n'


@pytest.fixture
def site(repo: Path) -> Path:
    (repo / "web").mkdir()
    (repo / "web/index.html").write_text(PAGE)
    clean_photo(repo / "web/img/trip.jpg")
    (repo / "eleventy.config.js").write_text(COMPUTED)
    commit_all(repo, "site")
    return repo


def broken(cli, *extra: str) -> list[tuple[str, int]]:
    code, out, err = cli("check", "--no-progress", "--select", "SL304", "--output-format", "json", *extra)
    assert "Traceback" not in err
    return [(f["path"], f["line"]) for f in json.loads(out)["findings"]]


def test_a_site_root_in_the_config_file_resolves_the_reference(site, cli):
    assert broken(cli) == [("web/index.html", 1), ("web/index.html", 2)]
    (site / ".schoollint.yml").write_text("site-roots:\n  - web\n")
    assert broken(cli) == [("web/index.html", 2)]          # cached page results are not reused
    code, out, _ = cli("config")
    assert "site-roots:\n- web\n" in out


def test_the_site_roots_come_before_the_generators_folders(site, cli):
    (site / "site/img").mkdir(parents=True)
    (site / "eleventy.config.js").write_text('module.exports = { dir: { input: "site" } };\n')
    (site / ".schoollint.yml").write_text("site-roots: [web]\n")
    assert broken(cli) == [("web/index.html", 2)]


def test_editing_the_generators_config_reads_the_pages_again(site):
    """One process a run, as a user's: the layout a process read is its own."""
    def run() -> list[tuple[str, int]]:
        done = subprocess.run([sys.executable, "-m", "schoollint", "check", "--select", "SL304", "--output-format",
                               "json"], cwd=site, capture_output=True, text=True, timeout=120)
        assert "Traceback" not in done.stderr
        return [(f["path"], f["line"]) for f in json.loads(done.stdout)["findings"]]

    assert run() == [("web/index.html", 1), ("web/index.html", 2)]
    (site / "eleventy.config.js").write_text('module.exports = { dir: { input: "web" } };\n')
    assert run() == [("web/index.html", 2)]
    (site / "eleventy.config.js").write_text(COMPUTED)
    assert run() == [("web/index.html", 1), ("web/index.html", 2)]


def test_a_site_root_that_is_not_there_is_said(site, cli):
    (site / ".schoollint.yml").write_text("site-roots: [wbe, web]\n")
    code, out, err = cli("check", "--no-progress", "--select", "SL304")
    assert "schoollint: note: site-roots: wbe: no such folder in the repository" in err
    assert "web:" not in err


def test_workers_use_the_site_roots(site, cli):
    for number in range(30):       # more files than pool.POOL_THRESHOLD: checked in worker processes
        (site / f"web/page{number}.html").write_text(PAGE)
    (site / ".schoollint.yml").write_text("site-roots: [web]\n")
    found = broken(cli, "--jobs", "2")
    assert len(found) == 31 and all(line == 2 for _, line in found)


def test_what_the_generators_config_computes_is_a_note(site, cli):
    code, out, err = cli("check", "--no-progress", "--select", "SL304")
    assert "config computes `input`" in err


@pytest.mark.parametrize("folder", ["/srv/www", "../other-site", "web/../../x", "C:/site", "\\\\server\\web"])
def test_a_folder_outside_the_repository_is_refused(site, cli, folder):
    (site / ".schoollint.yml").write_text(f"exclude: []\nsite-roots:\n  - {json.dumps(folder)}\n")
    code, out, err = cli("check", "--no-progress")
    assert code == 2
    assert "schoollint: error: .schoollint.yml:2: site-roots:" in err
    assert "relative to its root" in err and "Traceback" not in err


def test_site_roots_must_be_a_list_of_folders(site, cli):
    (site / ".schoollint.yml").write_text("site-roots: 3\n")
    code, _, err = cli("config")
    assert code == 2 and ".schoollint.yml:1: site-roots: expected a list of strings" in err
