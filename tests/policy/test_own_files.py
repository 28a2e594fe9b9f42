"""schoollint's own files are no part of the site's references (trial item 9): `--write-baseline`
wrote a JSON file naming the photo SL202 had reported, the site rules took that mention for a
reference at no known size, the finding went, and the next run called the new baseline's entry
stale and failed. Through the command line, in a real Git repository."""

from __future__ import annotations

from tests.kit.git import commit_all
from tests.kit.images import encode, gradient


def test_a_baseline_just_written_for_sl202_holds_it_back_on_the_next_run(repo, cli):
    (repo / "images").mkdir()
    (repo / "images" / "choir.jpg").write_bytes(encode(gradient((1200, 800)), "JPEG", quality=90))
    (repo / "index.html").write_text('<img src="images/choir.jpg" width="300" alt="The choir">\n', encoding="utf-8")
    commit_all(repo, "the choir")
    code, out, _ = cli("check", "--no-cache", "--select", "SL202")
    assert code == 1 and "SL202" in out
    code, _, err = cli("check", "--no-cache", "--select", "SL202", "--write-baseline")
    commit_all(repo, "baseline")
    code, out, err = cli("check", "--no-cache", "--select", "SL202")
    assert code == 0, out + err
    assert "no longer matches anything" not in out + err
    code, out, _ = cli("check", "--no-cache", "--select", "SL202", "--no-baseline")
    assert code == 1 and "SL202" in out
