"""Trial 9 item 9: a file named `new<LF>line.jpg` was reported as `new\\nline.jpg` (a backslash and an n) in
JSON, GitHub annotations and SARIF: a name no tool could find. Machine outputs now carry the real name in
their own escapes: JSON's `\\n`, GitHub's `%0A` (which the runner decodes), a SARIF URI's `%0A`; likewise
a tab, a carriage return, and a byte that is not UTF-8 (JSON: the surrogate os.fsdecode gives it; SARIF:
`%E9`). Text output and JUnit still show escapes: a newline there could start a CI workflow command."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from urllib.parse import unquote_to_bytes

import pytest

from tests.audit.sites import gps_jpeg

NAMES = [b"new\nline.jpg", b"t\tab.jpg", b"c\rr.jpg", b"bad\xe9.jpg", b"x\n::error::injected.jpg"]


@pytest.fixture
def site(repo):
    for name in NAMES:
        (repo / os.fsdecode(name)).write_bytes(gps_jpeg())
    return repo


def _github_decoded(value: str) -> str:
    """What GitHub's runner makes of a workflow command's property (toolkit command.ts, unescaped in reverse)."""
    return value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def test_json_carries_the_real_names(site, cli):
    code, out, err = cli("check", "--output-format", "json", "--no-progress")
    assert code == 1, err
    assert out.isascii()
    assert {os.fsencode(f["path"]) for f in json.loads(out)["findings"]} == set(NAMES)


def test_gitlab_carries_the_real_names(site, cli):
    code, out, err = cli("check", "--output-format", "gitlab", "--no-progress")
    paths = {os.fsencode(issue["location"]["path"]) for issue in json.loads(out) if issue["check_name"] == "SL101"}
    assert paths == set(NAMES)


def test_sarif_uris_percent_encode_each_byte(site, cli):
    code, out, err = cli("check", "--output-format", "sarif", "--no-progress")
    uris = {location["physicalLocation"]["artifactLocation"]["uri"]
            for result in json.loads(out)["runs"][0]["results"] for location in result["locations"]}
    assert "new%0Aline.jpg" in uris and "t%09ab.jpg" in uris and "c%0Dr.jpg" in uris and "bad%E9.jpg" in uris
    assert {unquote_to_bytes(uri) for uri in uris} == set(NAMES)


@pytest.mark.parametrize("output", ["github", "github-action"])
def test_github_annotations_name_the_real_file_on_one_line(site, cli, output):
    code, out, err = cli("check", "--output-format", output, "--no-progress")
    lines = out.splitlines()
    assert all(line.startswith("::") and not line.startswith("::error::injected") for line in lines)
    files = {_github_decoded(line.split("file=", 1)[1].split(",title=", 1)[0]) for line in lines if "file=" in line}
    assert "file=new%0Aline.jpg," in out and "file=c%0Dr.jpg," in out and "file=t\tab.jpg," in out
    # a byte that is not UTF-8 has no escape the runner decodes: shown as \xe9, as the terminal shows it
    assert files == {os.fsdecode(n) for n in NAMES if n != b"bad\xe9.jpg"} | {"bad\\xe9.jpg"}


def test_junit_and_text_still_show_escapes(site, cli):
    code, out, err = cli("check", "--output-format", "junit", "--no-progress")
    suites = ET.fromstring(out)
    assert "new\\nline.jpg" in {suite.get("name") for suite in suites}
    assert not any(line.lstrip().startswith("::") for line in out.splitlines())
    code, out, err = cli("check", "--no-progress")
    assert "new\\nline.jpg" in out and "bad\\xe9.jpg" in out and "\r" not in out
