"""Output formats, and the promise that public formats never carry a personal value."""

from __future__ import annotations

import json
import re

import pytest

from tests.kit.sites import make_png

SECRET = "Zebedee Quartermaine at the swimming gala"


@pytest.fixture
def leaky(repo):
    make_png(repo / "gala.png", size=(1800, 20), text={"Description": SECRET})
    return repo


@pytest.mark.parametrize("fmt", ["json", "github", "sarif", "text"])
def test_values_are_not_echoed_unless_asked(leaky, cli, fmt):
    code, out, _ = cli("check", "--output-format", fmt)
    assert code == 1
    assert "PNG text chunk" in out          # which field leaked...
    assert "Zebedee" not in out             # ...never what it says


def test_show_values_reveals_them_on_request(leaky, cli):
    code, out, _ = cli("check", "--output-format", "json", "--show-values")
    [metadata] = [f for f in json.loads(out)["findings"] if f["code"] == "SL102"]
    assert SECRET in metadata["value"]
    assert SECRET in cli("check", "--show-values")[1]


def test_json_record_shape(leaky, cli):
    payload = json.loads(cli("check", "--output-format", "json")[1])
    assert payload["files_checked"] == 1
    by_code = {f["code"]: f for f in payload["findings"]}
    assert set(by_code) == {"SL102", "SL201"}
    record = by_code["SL201"]
    assert record["name"] == "oversized-image" and record["severity"] == "warning"
    assert record["path"] == "gala.png" and record["line"] is None
    assert record["fix"] == {"summary": "downscale to at most 1600 px", "safe": True}
    assert re.fullmatch(r"[0-9a-f]{64}", record["fingerprint"])   # unique per finding, like SARIF's


def test_github_annotations_escape_properties_and_data(repo, cli):
    make_png(repo / "50%,a:b.png", size=(1800, 20))
    out = cli("check", "--output-format", "github")[1]
    [line] = out.splitlines()
    assert line.startswith("::warning file=50%25%2Ca%3Ab.png,title=SL201 oversized-image::")
    assert "%0AFix: downscale" in line


def test_github_file_name_with_newline_cannot_inject_a_command(repo, cli):
    make_png(repo / "x\n::error::injected.png", size=(1800, 20))
    out = cli("check", "--output-format", "github")[1]
    # the newline is percent-encoded as GitHub's runner decodes it (trial 9 item 9), so no second line
    # can start a command and the annotation names the real file
    assert out.count("\n") == 1 and "x%0A%3A%3Aerror%3A%3Ainjected" in out


def test_sarif_structure(leaky, cli):
    log = json.loads(cli("check", "--output-format", "sarif")[1])
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"SL101", "SL201", "SL105"} <= {rule["id"] for rule in rules}
    sl201 = next(rule for rule in rules if rule["id"] == "SL201")
    assert float(sl201["properties"]["security-severity"]) > 0 and sl201["help"]["text"]
    result = next(r for r in run["results"] if r["ruleId"] == "SL201")
    assert rules[result["ruleIndex"]]["id"] == "SL201"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "gala.png"
    assert location["region"]["startLine"] == 1
    assert len(result["partialFingerprints"]["schoollintFinding/v1"]) == 64


def test_sarif_uri_is_percent_encoded(repo, cli):
    make_png(repo / "sports day #1.png", size=(1800, 20))
    log = json.loads(cli("check", "--output-format", "sarif")[1])
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "sports%20day%20%231.png"


def test_output_file(leaky, cli):
    code, out, _ = cli("check", "--output-format", "sarif", "-o", "report.sarif")
    assert code == 1 and out == ""
    assert json.loads((leaky / "report.sarif").read_text())["version"] == "2.1.0"


def test_text_groups_by_file_with_fix_line_and_summary(leaky, cli):
    make_png(leaky / "b.png", size=(1700, 20))
    out = cli("check")[1].splitlines()
    assert out[0] == "b.png"
    assert out[1].startswith("  warning SL201 oversized-image: 1700x20 pixels")
    assert out[2].strip().startswith("fix: downscale to at most 1600 px")
    assert out[-1] == "3 findings in 2 files (3 fixable with --fix)"
