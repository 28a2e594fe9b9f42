"""A fix's applicability is declared once in the rule's YAML (`fix-safety`), and what each
check emits agrees with it: checked on the demo site, where every fixable rule fires."""

from __future__ import annotations

import json
import subprocess
import sys

from schoollint import catalogue
from tests.conftest import REPO_ROOT


def test_every_fix_a_check_emits_has_the_applicability_its_rule_declares(tmp_path, cli, monkeypatch):
    site = tmp_path / "demo"
    subprocess.run([sys.executable, str(REPO_ROOT / "examples" / "build_site.py"), str(site)],
                   check=True, capture_output=True)
    monkeypatch.chdir(site)
    _code, out, _err = cli("check", "--no-cache", "--select", "ALL", "--output-format", "json")
    emitted = {}
    for finding in json.loads(out)["findings"]:
        if finding["fix"] is not None:
            emitted.setdefault(finding["code"], set()).add("safe" if finding["fix"]["safe"] else "unsafe")
    rules = catalogue.load()
    fixable = {code for code, rule in rules.items() if rule.fix_safety != "none"}
    # Rules the demo site does not trigger are listed here by name, so a new rule is never skipped silently.
    assert fixable - set(emitted) == set(), "a fixable rule that the demo site does not exercise"
    for code, applicabilities in emitted.items():
        assert applicabilities == {rules[code].fix_safety}, code
