"""Trial 9 item 10: an SVG that is not well-formed XML (a namespace prefix never declared, as in
ExifTool's XMP.svg) but holds a drawing program's metadata. Its SL105 names the fields libxml2's
recovery finds in its bytes (dc:creator, never its value), or says names may be there, and how to
save a drawing again; no fix is offered, and it is never counted as checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from schoollint.cli import main
from tests.formats.test_no_silent_pass import run_json

CORPUS_SVG = Path("/work/shared/corpus/exiftool/XMP.svg")
CREATOR = "Harriet Quinlan"
# `c2pa:` is used and never declared (Namespaces in XML 1.0, 5): not well-formed.
BROKEN_SVG = f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
  <metadata>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <rdf:Description><dc:creator>{CREATOR}</dc:creator></rdf:Description>
    </rdf:RDF>
    <c2pa:manifest>x</c2pa:manifest>
  </metadata>
  <rect width="10" height="10"/>
</svg>
""".encode()


def test_malformed_svg_names_its_metadata_and_the_fix_for_a_drawing(repo, capsys):
    (repo / "logo.svg").write_bytes(BROKEN_SVG)
    code, report = run_json(capsys, "--no-vision", ".")
    assert code == 1
    (finding,) = report["findings"]
    assert finding["code"] == "SL105" and finding.get("fix") is None
    assert "its bytes still hold metadata: dc:creator" in finding["message"]
    assert "Plain SVG" in finding["message"] and "export a photo" not in finding["message"]
    assert CREATOR not in str(report)                      # values never in a message
    assert report["files_not_checked"] == {".svg": 1}


def test_malformed_svg_is_left_as_it_was_by_fix(repo, capsys):
    (repo / "logo.svg").write_bytes(BROKEN_SVG)
    assert main(["check", "--no-cache", "--no-vision", "--fix", "."]) == 1
    assert (repo / "logo.svg").read_bytes() == BROKEN_SVG
    assert "SL105" in capsys.readouterr().out


def test_malformed_svg_that_recovers_nothing_still_says_names_may_be_in_its_bytes(repo, capsys):
    (repo / "x.svg").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'><a:b></svg>")
    code, report = run_json(capsys, "--no-vision", ".")
    assert code == 1
    (finding,) = report["findings"]
    assert finding["code"] == "SL105" and "may still be in its bytes" in finding["message"]
    assert report["files_not_checked"] == {".svg": 1}


@pytest.mark.skipif(not CORPUS_SVG.exists(), reason="ExifTool's sample corpus is not on this machine")
def test_exiftool_xmp_svg(repo, capsys):
    shutil.copyfile(CORPUS_SVG, repo / "XMP.svg")   # a link out of the site is never followed
    code, report = run_json(capsys, "--no-vision", "XMP.svg")
    (finding,) = report["findings"]
    assert finding["code"] == "SL105" and "its bytes still hold metadata: dc:creator" in finding["message"]
