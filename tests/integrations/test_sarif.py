"""SARIF from real runs, validated against the official SARIF 2.1.0 schema."""

from __future__ import annotations

import pytest

from tests.integrations.conftest import assert_valid_sarif
from tests.kit.corpus import CORPUS, needs_corpus
from tests.kit.sites import clean_photo, photo_with_gps

PAGE = """<html><body>
<p>Sports day</p>
<img src="images/race.png" alt="Harriet Pemberton winning the race">
<figure><img src="images/relay.jpg"><figcaption>Rupert Ashdown and friends</figcaption></figure>
</body></html>
"""


@pytest.fixture
def site(repo):
    photo_with_gps(repo / "images" / "race.png")
    photo_with_gps(repo / "images" / "relay.jpg")
    photo_with_gps(repo / "images" / "Amelia Watson 100% fast, day:1.jpg")
    (repo / "images" / "clip.mp4").write_bytes(b"not a movie")
    (repo / "index.html").write_text(PAGE, encoding="utf-8")
    return repo


def test_sarif_of_a_real_run_validates_and_locates_every_result(site, cli, sarif_validator):
    code, out, _ = cli("check", "--no-cache", "--output-format", "sarif")
    assert code == 1
    log = assert_valid_sarif(sarif_validator, out)
    [run] = log["runs"]
    results = run["results"]
    located = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results}
    # Binary files have no lines: every result on one is on line 1.
    assert ("SL101", "images/race.png", 1) in located
    assert ("SL101", "images/relay.jpg", 1) in located
    assert ("SL105", "images/clip.mp4", 1) in located
    assert ("SL301", "images/Amelia%20Watson%20100%25%20fast%2C%20day%3A1.jpg", 1) in located
    # Pages: the line the image is written on.
    assert ("SL302", "index.html", 3) in located
    assert ("SL303", "index.html", 4) in located
    rules = run["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert "originalUriBaseIds" not in run and str(site) not in out   # no checkout path (it may hold a name)
    assert "Pemberton" not in out and "Ashdown" not in out and "iPhone 15" not in out  # no personal values


def test_rules_carry_security_severity_and_help(site, cli, sarif_validator):
    from schoollint import catalogue

    log = assert_valid_sarif(sarif_validator, cli("check", "--no-cache", "--output-format", "sarif")[1])
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(rules) == set(catalogue.load())
    for code, rule in rules.items():
        source = catalogue.load()[code]
        # GitHub reads security-severity as a string holding a number from 0.0 to 10.0.
        assert float(rule["properties"]["security-severity"]) == source.security_severity
        assert 0.0 < source.security_severity <= 10.0
        # The package names no documentation site, so no link goes to a page that does not exist.
        assert rule.get("helpUri") == source.help_uri is None
        assert " ".join(source.why.split()) in " ".join(rule["help"]["text"].split())
        assert "How to fix" in rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] == source.severity


def test_sarif_after_fix_validates_and_reports_what_is_left(site, cli, sarif_validator):
    code, out, _ = cli("check", "--no-cache", "--fix", "--output-format", "sarif")
    log = assert_valid_sarif(sarif_validator, out)
    left = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for r in log["runs"][0]["results"]}
    assert code == 1
    assert not {rule for rule, _ in left} & {"SL101", "SL102"}   # metadata stripped
    assert ("SL105", "images/clip.mp4") in left                  # nothing to fix there


def test_clean_run_and_tool_errors_still_validate(repo, cli, sarif_validator):
    clean_photo(repo / "ok.png")
    log = assert_valid_sarif(sarif_validator, cli("check", "--no-cache", "--output-format", "sarif")[1])
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


@needs_corpus
def test_sarif_over_the_shared_corpus_validates(sarif_validator, tmp_path, monkeypatch, cli):
    monkeypatch.chdir(CORPUS)
    code, _, _ = cli("check", "--no-cache", "--output-format", "sarif", "-o", str(tmp_path / "corpus.sarif"))
    assert code in (0, 1)
    log = assert_valid_sarif(sarif_validator, (tmp_path / "corpus.sarif").read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    assert results, "the corpus has photos with GPS: expected findings"
    media = [r for r in results if not r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
             .lower().endswith((".html", ".htm", ".md", ".json", ".yml", ".yaml"))]
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in media} == {1}
    assert any(r["ruleId"] == "SL101" for r in results)
    assert len(results) <= 25_000  # GitHub's limit per run


def test_rule_links_come_from_the_package_urls():
    from schoollint.catalogue import rule_url_from

    assert rule_url_from([]) is None
    assert rule_url_from(["Source, https://example.org/src"]) is None
    assert rule_url_from(["Documentation, https://docs.example.org/"]) == "https://docs.example.org/rules/{code}"
    assert rule_url_from(["Documentation, https://docs.example.org", "Rules, https://x.example/{name}.html"]) \
        == "https://x.example/{name}.html"
