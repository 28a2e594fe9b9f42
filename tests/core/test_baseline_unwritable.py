"""`--write-baseline` to a place it cannot be written is a usage error naming the file (exit 2), not
an internal error: a folder that does not exist, or a file where a folder should be."""

from __future__ import annotations

import pytest

from tests.kit.git import commit_all
from tests.kit.sites import photo_with_gps


@pytest.mark.parametrize("where", ["missing-folder/baseline.json", "index.html/baseline.json"])
def test_a_baseline_that_cannot_be_written_is_said_with_its_name(repo, cli, where):
    photo_with_gps(repo / "trip.jpg")
    (repo / "index.html").write_text("<p>Welcome</p>\n")
    commit_all(repo, "site")
    code, _out, err = cli("check", "--no-vision", "--write-baseline", where)
    assert code == 2, err
    assert f"{where}: cannot write the baseline" in err and "internal error" not in err and "Traceback" not in err
