"""The rule catalogue: rules/*.yaml, the only place a rule's words are written.

The same records feed `schoollint rule CODE`, the README table, SARIF rule
metadata and the defaults of every rule option.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .code_stamp import files
from .yamlload import safe_load
from .errors import UserError

SEVERITIES = ("error", "warning")
FIX_SAFETIES = ("safe", "unsafe", "none")
# What a rule reads (checks.READS); "run" is for rules about the run as a whole.
READS = ("path", "media", "page", "suppressions", "run")
REQUIRED = ("code", "name", "severity", "reads", "summary", "why", "fix", "fix-safety", "example",
            "options", "security-severity")


class CatalogueError(UserError):
    pass


@dataclass(frozen=True)
class Rule:
    """One rule as rules/SLxxx.yaml writes it."""

    code: str
    name: str
    severity: str
    reads: str
    summary: str
    why: str
    fix: str
    fix_safety: str
    example: str
    security_severity: float
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def defaults(self) -> dict[str, Any]:
        return {name: spec["default"] for name, spec in self.options.items()}

    @property
    def help_uri(self) -> str | None:
        """Where the rule is documented on the web, or None when the package names no such place."""
        template = rules_url()
        return template.format(code=self.code, name=self.name) if template else None


@lru_cache(maxsize=1)
def rules_url() -> str | None:
    """The package's `Rules` project URL (a template with {code} and {name}), else its
    `Documentation` URL; None when it has neither, so reports link nowhere rather than to a
    page that does not exist."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata("schoollint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    return rule_url_from(entries)


def rule_url_from(entries: list[str]) -> str | None:
    """From core-metadata `Project-URL` entries ("Label, URL"): the rule-page template."""
    urls = {label.strip().lower(): url.strip() for label, _, url in (entry.partition(",") for entry in entries)}
    if "rules" in urls:
        return urls["rules"]
    if "documentation" in urls:
        return urls["documentation"].rstrip("/") + "/rules/{code}"
    return None


def _parse(text: str, source: str) -> Rule:
    return _rule(_yaml(text, source), source)


def _yaml(text: str, source: str):
    import yaml

    try:
        return safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{source}: not valid YAML: {exc}") from None


def _rule(record, source: str) -> Rule:
    if not isinstance(record, dict):
        raise CatalogueError(f"{source}: not a mapping")
    missing = [key for key in REQUIRED if key not in record]
    unknown = sorted(set(record) - set(REQUIRED))
    if missing or unknown:
        raise CatalogueError(f"{source}: missing {missing or 'nothing'}, unknown {unknown or 'nothing'}")
    checks = (("severity", SEVERITIES), ("fix-safety", FIX_SAFETIES), ("reads", READS))
    for key, allowed in checks:
        if record[key] not in allowed:
            raise CatalogueError(f"{source}: {key} must be one of {', '.join(allowed)}")
    options = record["options"] or {}
    for name, spec in options.items():
        if not isinstance(spec, dict) or "default" not in spec or "description" not in spec:
            raise CatalogueError(f"{source}: option {name} needs a default and a description")
    return Rule(
        code=record["code"], name=record["name"], severity=record["severity"],
        reads=record["reads"], summary=record["summary"].strip(), why=record["why"].strip(),
        fix=record["fix"].strip(), fix_safety=record["fix-safety"], example=record["example"].rstrip(),
        security_severity=float(record["security-severity"]), options=options,
    )


@lru_cache(maxsize=1)
def load() -> dict[str, Rule]:
    """Every rule, keyed by code, in code order."""
    rules = {}
    for name, record in _records().items():
        rule = _rule(record, name)
        if name != f"{rule.code}.yaml":
            raise CatalogueError(f"{name}: file name must be {rule.code}.yaml")
        rules[rule.code] = rule
    return rules


def _records() -> dict:
    """{file name: its YAML as JSON holds it}, parsed once into this user's cache (usercache.derived,
    rebuilt when a rule file or this module changes): parsing 26 files and importing PyYAML cost
    every run about a third of the instructions of a run that checks nothing."""
    from .usercache import derived

    folder = files("schoollint.rules")
    entries = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".yaml")), key=lambda e: e.name)

    def parsed() -> tuple[dict, dict[str, str]]:
        records = {entry.name: _yaml(entry.read_text(encoding="utf-8"), entry.name) for entry in entries}
        return json.loads(json.dumps(records)), {}    # as kept: a run with the copy sees the same

    paths = [entry for entry in (folder, *entries) if isinstance(entry, Path)]
    if len(paths) <= len(entries):              # in a zip: no file to stat, so nothing to key a copy by
        return parsed()[0]
    return derived("catalogue", [Path(__file__), *paths], parsed)[0]


def by_name_or_code(word: str) -> Rule | None:
    rules = load()
    upper = word.upper()
    if upper in rules:
        return rules[upper]
    return next((rule for rule in rules.values() if rule.name == word.lower()), None)


def expand(selectors) -> set[str]:
    """Codes matched by selectors: a code, a code prefix ("SL1", "ALL") or a rule name."""
    rules = load()
    chosen = set()
    for selector in selectors:
        word = selector.strip()
        rule = by_name_or_code(word)
        if rule is not None:
            chosen.add(rule.code)
            continue
        prefix = word.upper()
        matched = {code for code in rules if prefix == "ALL" or code.startswith(prefix)}
        if not matched or not prefix.startswith(("SL", "ALL")):
            from .suggest import did_you_mean

            meant = did_you_mean(word, [w for rule in rules.values() for w in (rule.code, rule.name)])
            raise CatalogueError(f"unknown rule or prefix: {word!r}{meant} (see `schoollint rules`)")
        chosen |= matched
    return chosen
