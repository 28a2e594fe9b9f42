"""What a new user trips over (issue "output that a school web editor understands, and no quiet
surprises"): each case through the command line, on real files in a real Git repository."""

from __future__ import annotations

import json

from tests.kit.sites import make_png, photo_with_gps


def test_the_baseline_says_how_many_findings_it_holds_back(repo, cli):
    for n in range(3):
        photo_with_gps(repo / "images" / f"trip-{n}.jpg")
    assert cli("check", "--write-baseline")[0] == 0
    code, out, _ = cli("check", "--no-cache")
    assert code == 0
    assert out.startswith("no new findings in ")
    assert "6 known findings held by the baseline (`schoollint check --no-baseline` shows them)" in out
    held = json.loads(cli("check", "--output-format", "json")[1])["held_back"]
    assert held == {"baseline": 6, "suppressed": 0, "ignored": 0}
    summary = cli("check", "--output-format", "summary")[1]
    assert "No new findings in " in summary and "6 known findings held by the baseline" in summary
    assert "2 findings in" not in cli("check", "--no-baseline")[1] and cli("check", "--no-baseline")[0] == 1


def test_inline_suppressions_and_per_path_ignores_are_counted_too(repo, cli):
    make_png(repo / "a.png")
    (repo / "index.html").write_text('<!-- schoollint: ignore SL302 -->\n<img src="a.png" alt="Amelia Watson">\n')
    photo_with_gps(repo / "old" / "trip.jpg")
    (repo / ".schoollint.yml").write_text('per-path:\n  "old/**":\n    ignore:\n      - rule: SL101\n'
                                          "        reason: photos of the old building, no pupils\n")
    code, out, err = cli("check", "--no-cache")
    assert code == 1 and "old/trip.jpg" in out and "SL101" not in out, err      # SL102 is not ignored
    assert "1 finding silenced by inline `schoollint: ignore` comments" in out
    assert "1 ignored by per-path configuration" in out
    held = json.loads(cli("check", "--output-format", "json")[1])["held_back"]
    assert held == {"baseline": 0, "suppressed": 1, "ignored": 1}


def test_each_rule_says_once_why_it_matters_and_fields_are_named_in_words(repo, cli):
    photo_with_gps(repo / "a.jpg")
    photo_with_gps(repo / "b.jpg")
    _code, out, _ = cli("check", "--no-cache")
    assert out.count("why: Phones write the exact GPS position into every photo and video. "
                     "(`schoollint rule SL101` explains)") == 1
    assert "camera make (EXIF Make), camera model (EXIF Model)" in out
    assert "(EXIF GPS position)" in out


def test_two_names_in_one_caption_are_one_finding_with_its_own_fingerprint(repo, cli):
    make_png(repo / "a.png")
    make_png(repo / "b.png")
    (repo / "index.html").write_text(
        '<figure><img src="a.png" alt="Sports day"><figcaption>Amelia Watson and Noah Patel won'
        "</figcaption></figure>\n"
        '<figure><img src="b.png" alt="Relay"><figcaption>Isla Brown ran</figcaption></figure>\n')
    code, out, _ = cli("check", "--no-cache", "--select", "SL303")
    lines = [line for line in out.splitlines() if line.startswith("  error SL303")]
    assert len(lines) == 2 and len(set(lines)) == 2
    assert "what look like 2 full names" in lines[0] and "what looks like a full name" in lines[1]
    findings = json.loads(cli("check", "--select", "SL303", "--output-format", "json")[1])["findings"]
    assert len({f["fingerprint"] for f in findings}) == len(findings) == 2


def test_quiet_prints_findings_only_and_very_quiet_nothing(repo, cli):
    photo_with_gps(repo / "a.jpg")
    (repo / "node_modules" / "x").mkdir(parents=True)
    make_png(repo / "node_modules" / "x" / "logo.png")
    code, out, err = cli("check", "--no-cache")
    assert "skipped 1 file under node_modules/ (installed JavaScript packages)" in err
    code, out, err = cli("check", "-q")
    assert code == 1 and out.startswith("a.jpg\n  error SL101") and "fix:" not in out and "finding in" not in out
    assert err == ""
    code, out, err = cli("check", "-qq")
    assert (code, out, err) == (1, "", "")


def test_a_missing_path_is_said_plainly_inside_and_outside_a_repository(repo, cli, tmp_path, monkeypatch):
    code, _out, err = cli("check", "nothere.jpg")
    assert code == 2 and "nothere.jpg: no such file or folder" in err
    outside = tmp_path / "plain-folder"
    outside.mkdir()
    monkeypatch.chdir(outside)
    code, _out, err = cli("check", "/nonexistent-folder")
    assert code == 2 and "/nonexistent-folder: no such file or folder" in err and "outside" not in err


def test_hugo_archetypes_are_templates_not_broken_pages(repo, cli):
    (repo / "archetypes").mkdir()
    (repo / "archetypes" / "default.md").write_text('---\ntitle: "{{ replace .Name "-" " " | title }}"\n'
                                                    "date: {{ .Date }}\n---\n")
    code, out, err = cli("check", "--no-cache")
    assert code == 0 and "SL002" not in out
    assert "skipped 1 file under archetypes/ (Hugo's templates for new content)" in err
