"""`schoollint history` skips the folders `check` skips as not the site's own (node_modules/,
vendor/, archetypes/), with the same note, so the two commands judge the same files."""

from __future__ import annotations

import json

from tests.audit.sites import gps_jpeg, write
from tests.kit.git import commit_all


def test_history_skips_installed_packages_as_check_does(repo, cli):
    write(repo, "images/trip.jpg", gps_jpeg(colour="blue"))
    write(repo, "node_modules/lightbox/demo.jpg", gps_jpeg(colour="red"))
    write(repo, "themes/x/vendor/pics/sample.jpg", gps_jpeg(colour="green"))
    commit_all(repo, "site and packages", "2022-01-01T10:00:00+00:00")
    (repo / "node_modules/lightbox/demo.jpg").unlink()
    commit_all(repo, "packages gone", "2022-02-01T10:00:00+00:00")

    code, out, err = cli("history", "--output-format", "json")
    assert code == 1, err
    paths = {finding["path"] for finding in json.loads(out)["findings"]}
    assert paths == {"images/trip.jpg"}
    assert "skipped 1 file under node_modules/ (installed JavaScript packages), as check does" in err
    assert "skipped 1 file under themes/x/vendor/ (third-party code), as check does" in err
    _, _, check_err = cli("check")
    assert "skipped 1 file under themes/x/vendor/ (third-party code)" in check_err


def test_a_not_site_folder_is_the_same_word_anywhere_but_the_whole_name(repo, cli):
    write(repo, "vendors/trip.jpg", gps_jpeg(colour="blue"))      # not "vendor/": the site's own
    commit_all(repo, "site", "2022-01-01T10:00:00+00:00")
    code, out, err = cli("history", "--output-format", "json")
    assert code == 1, err
    assert {finding["path"] for finding in json.loads(out)["findings"]} == {"vendors/trip.jpg"}
    assert "skipped" not in err
