"""Trial 10 item 10d: a per-path glob that matches no file (`nosuchdir/**`, a typo or a folder renamed
since) was not reported, while an inline suppression that suppresses nothing is (SL001). A run over the
whole site now notes each per-path glob that matches none of its files."""

from __future__ import annotations

import pytest

from tests.audit.sites import clean_jpeg, write
from tests.kit.git import git

CONFIG = """\
per-path:
  "nosuchdir/**":
    ignore:
      - rule: SL303
        reason: Staff consented to names with their photos
  "staff/**":
    SL201: {max-edge: 2400}
"""


@pytest.fixture
def site(repo):
    write(repo, ".schoollint.yml", CONFIG)
    write(repo, "staff/head.jpg", clean_jpeg())
    write(repo, "news/index.html", '<img src="../staff/head.jpg" alt="The library">\n')
    git(repo, "add", "-A")
    return repo


def test_a_per_path_glob_matching_no_file_is_noted(site, cli):
    code, _out, err = cli("check", "--no-progress")
    assert code == 0, err
    assert "per-path 'nosuchdir/**' in .schoollint.yml matches no file of the site" in err
    assert "'staff/**'" not in err


def test_a_run_over_some_files_says_nothing_of_globs_it_did_not_look_for(site, cli):
    code, _out, err = cli("check", "--no-progress", "news")
    assert code == 0, err
    assert "matches no file" not in err
