"""Baselines: adopt on an old site, then see only what is new."""

from __future__ import annotations

import json

from tests.kit.sites import make_png


def codes_by_path(cli, *args):
    out = cli("check", "--output-format", "json", *args)[1]
    payload = json.loads(out)
    return {f["path"] for f in payload["findings"]}, payload["stale_baseline"]


def test_baseline_hides_old_findings_and_reports_new_and_stale(repo, cli):
    make_png(repo / "old" / "a.png", size=(2000, 10))
    make_png(repo / "old" / "b.png", size=(2000, 10))
    code, out, _ = cli("check", "--write-baseline")
    assert code == 0 and "wrote 2 baseline entries to .schoollint-baseline.json" in out
    entries = json.loads((repo / ".schoollint-baseline.json").read_text())["entries"]
    assert {e["path"] for e in entries} == {"old/a.png", "old/b.png"}
    assert all("line" not in e and len(e["hash"]) == 64 for e in entries)

    assert cli("check")[0] == 0
    make_png(repo / "new.png", size=(2000, 10))
    assert codes_by_path(cli) == ({"new.png"}, [])

    # A changed photo is a new finding; its old entry is stale.
    make_png(repo / "old" / "a.png", size=(2100, 10))
    paths, stale = codes_by_path(cli)
    assert paths == {"new.png", "old/a.png"}
    assert len(stale) == 1 and stale[0].startswith("old/a.png:SL201:")
    assert codes_by_path(cli, "--no-baseline")[0] == {"new.png", "old/a.png", "old/b.png"}


def test_baseline_survives_line_moves_in_the_same_content(repo, cli):
    make_png(repo / "a.png", size=(2000, 10))
    cli("check", "--write-baseline", "custom.json")
    assert cli("check", "--baseline", "custom.json")[0] == 0


def test_broken_baseline_is_a_clear_error(repo, cli):
    make_png(repo / "a.png")
    (repo / ".schoollint-baseline.json").write_text("{not json")
    code, _, err = cli("check")
    assert code == 2 and ".schoollint-baseline.json: not a schoollint baseline" in err


def test_write_baseline_from_a_subfolder_lands_at_the_root(repo, cli, monkeypatch):
    make_png(repo / "news" / "a.png", size=(2000, 10))
    monkeypatch.chdir(repo / "news")
    assert cli("check", "--write-baseline")[0] == 0
    assert (repo / ".schoollint-baseline.json").is_file()
    assert cli("check")[0] == 0
