"""The rule catalogue: every rule documented, every documented rule implemented."""

from __future__ import annotations

import inspect
import json
import sys

from schoollint import catalogue, checks

def test_every_rule_has_every_heading_and_a_unique_name():
    rules = catalogue.load()
    assert len({rule.name for rule in rules.values()}) == len(rules)
    for rule in rules.values():
        for text in (rule.summary, rule.why, rule.fix, rule.example):
            assert text.strip(), rule.code
        assert 0 < rule.security_severity <= 10


def test_documented_rules_and_implemented_rules_agree():
    implemented = {code: module for module in checks.modules() for code in module.CODES}
    documented = catalogue.load()
    assert set(documented) == set(implemented)
    for code, module in implemented.items():
        assert documented[code].reads == module.READS, code
        source = _source_with_helpers(module)
        for option in documented[code].options:
            assert f'"{option}"' in source, f"{code} documents option {option} that its check never reads"


def test_every_rule_lives_in_a_check_module_named_after_it():
    for code, rule in catalogue.load().items():
        (module,) = checks.modules({code})
        assert module.__name__ == f"schoollint.checks.{rule.name.replace('-', '_')}", code
        assert code in module.CODES


def _source_with_helpers(module) -> str:
    """A check module's source and that of the sibling check modules it borrows from."""
    helpers = {getattr(value, "__module__", None) or getattr(value, "__name__", None)
               for value in vars(module).values()}
    siblings = [m for m in sys.modules.values()
                if getattr(m, "__name__", "").startswith("schoollint.checks.") and m.__name__ in helpers]
    return "".join(inspect.getsource(m) for m in [module, *siblings])


def test_rules_command_lists_everything(cli):
    code, out, _ = cli("rules")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(catalogue.load())
    listed = json.loads(cli("rules", "--output-format", "json")[1])
    assert {rule["code"] for rule in listed} == set(catalogue.load())
    table = cli("rules", "--output-format", "markdown")[1]
    assert table.startswith("| Code | Name |") and "| SL201 | `oversized-image` | warning | --fix |" in table


def test_rule_command_explains_by_code_or_name(cli):
    code, out, _ = cli("rule", "SL201")
    assert code == 0
    for heading in ("What it checks", "Why it matters", "How to fix", "Example", "Options"):
        assert f"\n{heading}\n" in out
    assert "max-edge (default 1600)" in out
    assert cli("rule", "oversized-image")[1] == out
    assert json.loads(cli("rule", "SL101", "--output-format", "json")[1])["name"] == "location-metadata"
    code, _, err = cli("rule", "SL999")
    assert code == 2 and "unknown rule 'SL999'" in err


def test_rules_without_a_fix_say_so_once(cli):
    """`schoollint rule` adds "No automatic fix" itself: the YAML's words must not say it again."""
    for code, rule in catalogue.load().items():
        if rule.fix_safety == "none":
            assert "no automatic fix" not in rule.fix.lower(), code
            assert cli("rule", code)[1].lower().count("no automatic fix") == 1, code
