"""A fix's applicability is declared once in the rule's YAML (`fix-safety`), and what each
check emits agrees with it: checked on the demo site, where every fixable rule fires."""

from __future__ import annotations

import json
import subprocess
import sys


from schoollint import catalogue
from tests.kit import REPO_ROOT
from tests.kit.jpeg import XMP_SIGNATURE, gradient_jpeg, segment, with_segments
from tests.kit.metadata import person_xmp


def test_every_fix_a_check_emits_has_the_applicability_its_rule_declares(tmp_path, cli, monkeypatch):
    site = tmp_path / "demo"
    subprocess.run([sys.executable, str(REPO_ROOT / "examples" / "build_site.py"), str(site)],
                   check=True, capture_output=True)
    (site / "images" / "tagged.jpg").write_bytes(_jpeg_naming_a_person())   # SL104: the demo has none
    (site / "images" / "tagged.jpg.xmp").write_bytes(person_xmp())           # SL108: nor a sidecar
    (site / "images" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + bytes(64))   # SL109: nor a folder file
    unexercised = _add_a_face(site / "images" / "portrait.jpg")              # SL403: nor a face
    monkeypatch.chdir(site)
    _code, out, _err = cli("check", "--no-cache", "--select", "ALL", "--output-format", "json")
    emitted = {}
    for finding in json.loads(out)["findings"]:
        if finding["fix"] is not None:
            emitted.setdefault(finding["code"], set()).add("safe" if finding["fix"]["safe"] else "unsafe")
    rules = catalogue.load()
    fixable = {code for code, rule in rules.items() if rule.fix_safety != "none"}
    # Rules the demo site does not trigger are listed here by name, so a new rule is never skipped silently.
    assert fixable - set(emitted) == unexercised, "a fixable rule that the demo site does not exercise"
    for code, applicabilities in emitted.items():
        assert applicabilities == {rules[code].fix_safety}, code


def _jpeg_naming_a_person() -> bytes:
    """A JPEG whose XMP (APP1, Adobe XMP Part 3 1.1.3) names a person shown in it (IPTC PersonInImage)."""
    return with_segments(gradient_jpeg(), segment(0xE1, XMP_SIGNATURE + person_xmp()))


def _add_a_face(path) -> set[str]:
    """A photograph of a face (scikit-image's astronaut) for SL403, when the vision extra and scikit-image
    are installed; else the rules that cannot fire here, by code."""
    import importlib.util

    from schoollint import vision

    if not all(vision.installed().values()) or importlib.util.find_spec("skimage") is None:
        return {"SL403"}
    from PIL import Image
    from skimage import data

    Image.fromarray(data.astronaut()).resize((1024, 1024)).save(path, quality=90)   # a 224 px face
    return set()
